/**
 * Every third-party fixture (real bad and tricky inputs from public projects' test suites, see
 * ../shared/fixtures/third-party/README.md) has one expected outcome, in the table below: imported with N
 * features and these notes, or refused with this message key. Each file set is imported as a planner would
 * drop it, once with the region check off ('any': the reader's own verdict) and once for Zhejiang (the
 * default); every message must be a known text with its parameters filled, and a refusal must name the file.
 * Where it tells something, the table also says what GDAL's ogrinfo makes of the same file, and a test
 * checks that GDAL still says so: the rows with comments are where we and GDAL differ, and why.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gdalRun, skipWithoutGdal } from '../../tests/support/gdal.ts';
import type { AreaGeometry } from '../domain/features.ts';
import type { ValidityKind } from '../geo/validity-problem.ts';
import { validateAreaGeometry } from '../geo/validity.ts';
import { ioText } from '../i18n/text/io.text.ts';
import { extensionOf, fileName, stemOf, type InputFile } from './files.ts';
import { importFiles } from './formats/index.ts';
import type { Message } from './result.ts';
import { english, THIRD_PARTY } from './test-support.ts';
import { listZip } from './zip/zip-read.ts';

const SHARED = join(THIRD_PARTY, '../../../../shared/fixtures/third-party');
const SHAPEFILE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg', 'qpj'];

type Outcome = { readonly imported: number; readonly notes: readonly string[] } | { readonly refused: string };

interface Expected {
  /** With the region check off: what the file itself allows. */
  readonly any: Outcome;
  /** For Zhejiang, the default. */
  readonly zhejiang: Outcome;
  /** Validity problems (errors) of the imported polygons: the import preview lists them. */
  readonly invalid?: readonly ValidityKind[];
  /** What `ogrinfo -al -so` reads: its feature count over all layers, or 'refused' (it cannot open it). */
  readonly gdal?: number | 'refused';
  /** What ogrinfo complains about while reading (an ERROR or Warning line); none when not given. */
  readonly gdalSays?: string;
  /** For a Shapefile without its .shx: what ogrinfo reads when told to rebuild it (SHAPE_RESTORE_SHX=YES). */
  readonly gdalRestoringShx?: number | 'refused';
}

const imported = (n: number, ...notes: string[]): Outcome => ({ imported: n, notes });
const refused = (key: string): Outcome => ({ refused: key });
/** Refused for what is in the file, whatever the region. */
const broken = (key: string): Expected => ({ any: refused(key), zhejiang: refused(key) });
/** Readable, but its lon/lat lie outside Zhejiang (the test suites' data is from elsewhere). */
const elsewhere = (n: number, ...notes: string[]): Expected => ({ any: imported(n, ...notes), zhejiang: refused('io.crs.outsideZhejiang') });
/** Imported the same way with either region. */
const everywhere = (n: number, ...notes: string[]): Expected => ({ any: imported(n, ...notes), zhejiang: imported(n, ...notes) });

/** Keyed by folder and file (a Shapefile by folder and stem: its parts go together). */
const EXPECTED: Readonly<Record<string, Expected>> = {
  // check-geojson/
  // JSON keeps the last "type": a Feature with no geometry member. GDAL reads one empty feature.
  'check-geojson/bad__bad-duplicate-properties.geojson': { ...broken('io.geojson.noGeometryMember'), gdal: 1 },
  'check-geojson/bad__bad-featurelist.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 'refused' },
  'check-geojson/bad__bad-json.geojson': { ...broken('io.geojson.notJson'), gdal: 'refused' },
  'check-geojson/bad__bad-object-type.geojson': { ...broken('io.geojson.unknownType'), gdal: 'refused' },
  // A ring where the list of rings should be. GDAL reads the feature without its geometry.
  'check-geojson/bad__bad-polygonloop.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 1 },
  // GDAL drops the array and reads on.
  'check-geojson/bad__bad-properties-as-array.geojson': { ...broken('io.geojson.propertiesNotObject'), gdal: 1 },
  'check-geojson/bad__badcoord.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 'refused' },
  // [[[1]]]. GDAL reads an empty geometry.
  'check-geojson/bad__badcoordtype.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 1 },
  // geometry null: as good__nullgeometry.
  'check-geojson/bad__badfeature-no-properties.geojson': { ...everywhere(1, 'io.geojson.noProperties'), gdal: 1 },
  // GDAL reads no feature and says nothing.
  'check-geojson/bad__badfeature.geojson': { ...broken('io.geojson.featureNotObject'), gdal: 0 },
  'check-geojson/bad__badfeatureid.geojson': elsewhere(1, 'io.geojson.badId'),
  'check-geojson/bad__bbox-4or6elements.geojson': elsewhere(1, 'io.geojson.badBbox'),
  'check-geojson/bad__bbox-contains-string.geojson': elsewhere(1, 'io.geojson.badBbox'),
  'check-geojson/bad__bbox-string.geojson': elsewhere(1, 'io.geojson.badBbox'),
  // GDAL closes the ring with a warning; the reader keeps it as it is and the validity check (listed in the import preview) names it.
  'check-geojson/bad__different-first-last.geojson': { ...elsewhere(1), invalid: ['unclosedRing'], gdal: 1, gdalSays: 'Non closed ring detected' },
  // Closed in x and y; the last position only adds a z. GDAL compares z too and warns; for a 2-D plan the ring is closed.
  'check-geojson/bad__different-first-size.geojson': { ...elsewhere(1), gdal: 1, gdalSays: 'Non closed ring detected' },
  // GDAL drops the bad properties and reads on.
  'check-geojson/bad__expected_object.geojson': { ...broken('io.geojson.propertiesNotObject'), gdal: 1 },
  // "geometry": false. GDAL reads a feature without geometry.
  'check-geojson/bad__false.geojson': { ...broken('io.geojson.geometryNotObject'), gdal: 1 },
  'check-geojson/bad__feature_changed_semantics.geojson': elsewhere(1, 'io.geojson.foreignMembers'),
  'check-geojson/bad__featurecollection-obj.geojson': { ...broken('io.geojson.noFeatureList'), gdal: 'refused' },
  // "featurecollection": GDAL ignores the case; we name it.
  'check-geojson/bad__featurecollection-type-case.geojson': { ...broken('io.geojson.wrongCase'), gdal: 3 },
  'check-geojson/bad__featurecollection.geojson': { ...broken('io.geojson.noFeatureList'), gdal: 'refused' },
  'check-geojson/bad__featurecollection_changed_semantics.geojson': elsewhere(3, 'io.geojson.foreignMembers'),
  'check-geojson/bad__geometry_changed_semantics.geojson': elsewhere(1, 'io.geojson.foreignMembers'),
  // RFC 7946 §3.1.8: nested collections SHOULD be avoided. GDAL reads it.
  'check-geojson/bad__geometrycollection_nested.geojson': { ...broken('io.geojson.nestedCollection'), gdal: 1 },
  // GDAL drops the geometries it cannot read (with an error) and keeps the features.
  'check-geojson/bad__multiple_problems.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 2, gdalSays: "Invalid 'y' coordinate" },
  'check-geojson/bad__multipoint-multidimension.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 'refused' },
  'check-geojson/bad__multipoint-nocoordinates.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 'refused' },
  'check-geojson/bad__multipoint-nondimension.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 'refused' },
  // GDAL reads no feature and says nothing.
  'check-geojson/bad__nofeaturetype.geojson': { ...broken('io.geojson.unknownType'), gdal: 0 },
  'check-geojson/bad__notype.geojson': { ...broken('io.geojson.noType'), gdal: 'refused' },
  // GDAL reads an empty geometry.
  'check-geojson/bad__point-labeled-as-a-multipolygon.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 1 },
  'check-geojson/bad__point-string.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 'refused' },
  'check-geojson/bad__point-toofew.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 'refused' },
  'check-geojson/bad__point-toomany.geojson': elsewhere(1),
  'check-geojson/bad__point.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 'refused' },
  'check-geojson/bad__rootstring.geojson': { ...broken('io.geojson.rootNotObject'), gdal: 'refused' },
  // A one-position line. GDAL reads it.
  'check-geojson/bad__short-line.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 1 },
  // As different-first-last, and too short: the validity check names both.
  'check-geojson/bad__short-linearring.geojson': { ...elsewhere(1), invalid: ['tooFewPositions', 'unclosedRing'], gdal: 1, gdalSays: 'Non closed ring detected' },
  // A one-position line. GDAL reads it.
  'check-geojson/bad__short-multilinestring.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 1 },
  // As multiple_problems.
  'check-geojson/bad__stringcoord.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 2, gdalSays: "Invalid 'y' coordinate" },
  'check-geojson/bad__unknowntype.geojson': { ...broken('io.geojson.unknownType'), gdal: 'refused' },
  'check-geojson/good__good-feature-with-id.geojson': elsewhere(1),
  'check-geojson/good__good-feature-with-string-id.geojson': elsewhere(1),
  'check-geojson/good__good-feature.geojson': elsewhere(1),
  'check-geojson/good__good-featurecollection-bbox.geojson': elsewhere(2),
  'check-geojson/good__good-featurecollection-bbox3d.geojson': elsewhere(2),
  'check-geojson/good__good-featurecollection-extensions.geojson': elsewhere(3),
  'check-geojson/good__good-featurecollection.geojson': elsewhere(3),
  'check-geojson/good__good-geometrycollection.geojson': elsewhere(1),
  'check-geojson/good__good-linestring.geojson': elsewhere(1),
  'check-geojson/good__good-multilinestring.geojson': elsewhere(1),
  'check-geojson/good__good-multipoint.geojson': elsewhere(1),
  'check-geojson/good__good-point-3d.geojson': elsewhere(1),
  'check-geojson/good__good-point.geojson': elsewhere(1),
  'check-geojson/good__good-polygon.geojson': elsewhere(1),
  'check-geojson/good__multipolygon.geojson': elsewhere(1),
  // No coordinates, so nothing for the region check to refuse; the import preview lists records without an area geometry.
  'check-geojson/good__nullgeometry.geojson': { ...everywhere(1), gdal: 1 },
  'check-geojson/good__nullproperties.geojson': elsewhere(1),

  // geojsonhint/
  'geojsonhint/bad__bad-polygon-interiorring-rhr.geojson': elsewhere(1),
  'geojsonhint/bad__excessive_precision_truncated.geojson': elsewhere(1),
  'geojsonhint/bad__geometrycollection_single.geojson': elsewhere(1),
  'geojsonhint/bad__polygon_winding_order.geojson': elsewhere(1),
  // Longitudes beyond ±180 and no CRS: GDAL reads the numbers; we cannot place them.
  'geojsonhint/good__issue82.geojson': { ...broken('io.crs.cannotInfer'), gdal: 1 },

  // geotools/
  'geotools/chinese_poly': { ...elsewhere(1, 'io.dbf.encodingGuessed', 'io.crs.wgs84AsCgcs2000'), gdal: 1 },
  // Only the .shp, with 72 bytes after its last record that are not a record: the index cannot be rebuilt
  // (GDAL refuses without the .shx, and with SHAPE_RESTORE_SHX too: "Invalid length for entity 3").
  'geotools/extraAtEnd': { ...broken('io.shp.shxNotRebuilt'), gdal: 'refused', gdalRestoringShx: 'refused' },
  // No .prj and coordinates no supported CRS explains. GDAL reads them without a CRS.
  'geotools/holeTouchEdge': { ...broken('io.crs.cannotInfer'), gdal: 1 },
  'geotools/rus-windows-1251': { ...elsewhere(2, 'io.crs.wgs84AsCgcs2000'), gdal: 2 },

  // shapefile-js/
  'shapefile-js/SHP_Exclude.zip': { ...elsewhere(1, 'io.crs.inferred'), gdal: 1 },
  'shapefile-js/T8Th4_6n.zip': { ...elsewhere(1, 'io.shp.trailingBytes', 'io.crs.wgs84AsCgcs2000'), gdal: 1 },
  // bad.shp is a DBF (and there is no .shx).
  'shapefile-js/bad': { ...broken('io.shp.notShp'), gdal: 'refused', gdalRestoringShx: 'refused' },
  'shapefile-js/codepage': { ...elsewhere(2, 'io.crs.wgs84AsCgcs2000'), gdal: 2 },
  'shapefile-js/codepage.zip': { ...elsewhere(2, 'io.crs.wgs84AsCgcs2000'), gdal: 2 },
  'shapefile-js/empty-shp.zip': { ...elsewhere(2, 'io.shp.windingReversed', 'io.crs.wgs84AsCgcs2000'), gdal: 2 },
  // MultiPointZ and PolyLineZ with M (all 0): read in 2-D, as GDAL's vertices without Z and M (shapefile.format.test.ts).
  'shapefile-js/export_multipointz': { ...elsewhere(1, 'io.shp.zmDropped', 'io.crs.wgs84AsCgcs2000'), gdal: 1 },
  'shapefile-js/export_polylinez': { ...elsewhere(1, 'io.shp.zmDropped', 'io.crs.wgs84AsCgcs2000'), gdal: 1 },
  // No .shx: GDAL refuses unless told to rebuild it; we rebuild it as GDAL then does, and say so. The HTML
  // .cpg's note says what the text was read as (no second note saying there is no .cpg).
  'shapefile-js/htmlcpg': { ...elsewhere(2, 'io.shp.shxRebuilt', 'io.dbf.cpgNotUnderstood', 'io.crs.wgs84AsCgcs2000'), gdal: 'refused', gdalRestoringShx: 2 },
  // As htmlcpg; the HTML .prj is ignored with a note (crs.test.ts reads that .prj).
  'shapefile-js/htmlprj': { ...elsewhere(2, 'io.shp.shxRebuilt', 'io.crs.prjNotWkt', 'io.crs.inferred'), gdal: 'refused', gdalRestoringShx: 2 },
  'shapefile-js/ipra_dresden_polygon': { ...elsewhere(1, 'io.shp.trailingBytes', 'io.crs.wgs84AsCgcs2000'), gdal: 1 },
  // NAD83 / Massachusetts Mainland (Lambert conformal conic): unprojected by proj4 to the lon/lat ogr2ogr
  // gives (to 1e-12°); NAD83 is on GRS 80 with no shift proj4 knows, so it is taken as CGCS2000, and said so.
  // One district crosses itself: GDAL's ST_IsValid finds the same one.
  // Record 7's ring comes back to its first vertex once more and leaves on the same side: it touches, not crosses (GEOS: Ring Self-intersection either way).
  'shapefile-js/mixedcase.zip': { ...elsewhere(40, 'io.crs.datumSame'), invalid: ['selfTouch'], gdal: 40 },
  // Only a .dbf: GDAL reads it as a table without geometry.
  'shapefile-js/noshp.zip': { ...broken('io.shp.missingParts'), gdal: 14 },
  'shapefile-js/qgis.zip': { ...elsewhere(2, 'io.crs.wgs84AsCgcs2000', 'io.import.ignoredFiles'), gdal: 2 },
  // NAD83 / Massachusetts Mainland, as mixedcase.
  'shapefile-js/train_stations.zip': { ...elsewhere(361, 'io.crs.datumSame', 'io.import.ignoredFiles'), gdal: 361 },
  'shapefile-js/utf': { ...elsewhere(2, 'io.crs.wgs84AsCgcs2000'), gdal: 2 },
  'shapefile-js/utf.zip': { ...elsewhere(2, 'io.crs.wgs84AsCgcs2000'), gdal: 2 },
  'shapefile-js/zero-len-line.zip': { ...elsewhere(3, 'io.shp.nullShapes', 'io.crs.wgs84AsCgcs2000'), gdal: 3 },

  // turf/
  // As good__nullgeometry: an empty collection has no coordinates.
  'turf/boolean-valid__false__GeometryCollection__empty-geometry-collection.geojson': { ...everywhere(1), gdal: 1 },
  // GDAL reads the collections below leniently.
  'turf/boolean-valid__false__GeometryCollection__malformed-geometry-in-collection.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 1 },
  'turf/boolean-valid__false__GeometryCollection__nested-collection.geojson': { ...broken('io.geojson.nestedCollection'), gdal: 1 },
  'turf/boolean-valid__false__GeometryCollection__no-type-in-nested-geometry.geojson': { ...broken('io.geojson.noType'), gdal: 1 },
  'turf/boolean-valid__false__GeometryCollection__non-geometry-in-collection.geojson': { ...broken('io.geojson.notAGeometry'), gdal: 1 },
  'turf/boolean-valid__false__MultiPoint__multipoint.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 1 },
  'turf/boolean-valid__false__MultiPolygon__multipoly-with-2-vertices-touching.geojson': { ...elsewhere(1), invalid: ['ringsCross'] },
  'turf/boolean-valid__false__MultiPolygon__multipolygons-overlap.geojson': { ...elsewhere(1), invalid: ['ringsCross'] },
  'turf/boolean-valid__false__MultiPolygon__not-enough-coords.geojson': { ...elsewhere(1), invalid: ['tooFewPositions'] },
  'turf/boolean-valid__false__Point__point.geojson': { ...broken('io.geojson.badCoordinates'), gdal: 1 },
  // As check-geojson different-first-last.
  'turf/boolean-valid__false__Polygon__not-closing-ring.geojson': { ...elsewhere(1), invalid: ['unclosedRing'], gdal: 1, gdalSays: 'Non closed ring detected' },
  'turf/boolean-valid__false__Polygon__not-enough-coords.geojson': { ...elsewhere(1), invalid: ['tooFewPositions'] },
  'turf/boolean-valid__false__Polygon__polygon-with-hole-2-vertices-touching.geojson': { ...elsewhere(1), invalid: ['ringsCross'] },
  'turf/boolean-valid__false__Polygon__polygon-with-puncture.geojson': { ...elsewhere(1), invalid: ['selfIntersection'] },
  'turf/boolean-valid__false__Polygon__polygon-with-spike.geojson': { ...elsewhere(1), invalid: ['selfIntersection'] },
  'turf/boolean-valid__true__GeometryCollection__geometry-collection.geojson': elsewhere(1),
  'turf/boolean-valid__true__LineString__linestring.geojson': elsewhere(1),
  'turf/boolean-valid__true__MultiLineString__multilinestring.geojson': elsewhere(1),
  'turf/boolean-valid__true__MultiPoint__multipoint-with-z.geojson': elsewhere(1),
  'turf/boolean-valid__true__MultiPoint__multipoint.geojson': elsewhere(1),
  'turf/boolean-valid__true__MultiPolygon__multipolygon-touch.geojson': elsewhere(1),
  'turf/boolean-valid__true__MultiPolygon__multipolygon-with-hole.geojson': elsewhere(1),
  'turf/boolean-valid__true__MultiPolygon__multipolygon.geojson': elsewhere(1),
  'turf/boolean-valid__true__Point__point-with-z.geojson': elsewhere(1),
  'turf/boolean-valid__true__Point__point.geojson': elsewhere(1),
  'turf/boolean-valid__true__Polygon__polygon-internal-hole.geojson': elsewhere(1),
  'turf/boolean-valid__true__Polygon__polygon-with-hole-1-vertice-touching.geojson': elsewhere(1),
  'turf/boolean-valid__true__Polygon__polygon.geojson': elsewhere(1),
  'turf/clean-coords__in__clean-segment.geojson': elsewhere(1),
  'turf/clean-coords__in__closed-linestring.geojson': elsewhere(1),
  'turf/clean-coords__in__geometry.geojson': elsewhere(1),
  'turf/clean-coords__in__line-3-coords.geojson': elsewhere(1),
  'turf/clean-coords__in__multiline.geojson': elsewhere(1),
  'turf/clean-coords__in__multipoint.geojson': elsewhere(1),
  'turf/clean-coords__in__multipolygon.geojson': elsewhere(1),
  'turf/clean-coords__in__point.geojson': elsewhere(1),
  'turf/clean-coords__in__polygon-with-hole.geojson': elsewhere(1),
  'turf/clean-coords__in__polygon.geojson': elsewhere(1),
  'turf/clean-coords__in__segment.geojson': elsewhere(1),
  'turf/clean-coords__in__simple-line.geojson': elsewhere(1),
  'turf/clean-coords__in__triangle.geojson': elsewhere(1),
  'turf/clean-coords__in__triplicate-issue1255.geojson': { ...elsewhere(1), invalid: ['selfIntersection'] },
  'turf/kinks__in__hourglass.geojson': { ...elsewhere(1), invalid: ['selfIntersection'] },
  'turf/kinks__in__issue-2627.geojson': { ...elsewhere(1), invalid: ['selfTouch'] },
  'turf/kinks__in__multi-linestring.geojson': elsewhere(1),
  'turf/kinks__in__multi-polygon.geojson': { ...elsewhere(1), invalid: ['ringsCross'] },
  'turf/kinks__in__open-hourglass.geojson': elsewhere(1),
  'turf/kinks__in__switzerlandKinked.geojson': { ...elsewhere(1), invalid: ['selfIntersection'] },
  'turf/kinks__in__triple.geojson': { ...elsewhere(1), invalid: ['selfIntersection'] },
  'turf/rewind__in__feature-collection.geojson': elsewhere(1),
  'turf/rewind__in__geometry-polygon-counter-clockwise.geojson': elsewhere(1),
  'turf/rewind__in__line-clockwise.geojson': elsewhere(1),
  'turf/rewind__in__line-counter-clockwise.geojson': elsewhere(1),
  'turf/rewind__in__polygon-clockwise.geojson': elsewhere(1),
  'turf/rewind__in__polygon-counter-clockwise.geojson': elsewhere(1),
  'turf/unkink-polygon__in__complex.geojson': { ...elsewhere(1), invalid: ['selfIntersection'] },
  'turf/unkink-polygon__in__hourglass.geojson': { ...elsewhere(1), invalid: ['selfIntersection'] },
  'turf/unkink-polygon__in__hourglassFeatureCollection.geojson': { ...elsewhere(2), invalid: ['selfIntersection'] },
  'turf/unkink-polygon__in__hourglassFeatureCollectionMultiPolygon.geojson': { ...elsewhere(2), invalid: ['selfIntersection'] },
  'turf/unkink-polygon__in__hourglassMultiPolygon.geojson': { ...elsewhere(1), invalid: ['selfIntersection'] },
  'turf/unkink-polygon__in__issue-#1094.geojson': { ...elsewhere(1), invalid: ['selfIntersection'] },
  'turf/unkink-polygon__in__polygon-with-holes.geojson': { ...elsewhere(1), invalid: ['holeOutsideShell'] },
  'turf/unkink-polygon__in__polygon.geojson': elsewhere(1),

  // zhejiang-districts-utf8-noprj/
  'zhejiang-districts-utf8-noprj/浙江省': { ...everywhere(90, 'io.dbf.encodingGuessed', 'io.crs.inferred', 'io.crs.maybeGcj02'), gdal: 90 },
};

interface FileSet {
  readonly name: string;
  /** The folder the files were read from (for GDAL). */
  readonly dir: string;
  readonly files: InputFile[];
}

/**
 * File sets as a planner drops them: a Shapefile's parts together, every other file alone. The copies in
 * tests/fixtures come first; files of ../shared/fixtures/third-party that were not copied (turf's points,
 * lines and collections, which the geometry tests do not want in their folder) are walked where they are.
 */
function fileSets(): FileSet[] {
  const sets = new Map<string, FileSet>();
  for (const root of existsSync(SHARED) ? [THIRD_PARTY, SHARED] : [THIRD_PARTY]) {
    for (const folder of readdirSync(root).filter((f) => !f.includes('.'))) {
      const groups = new Map<string, string[]>();
      for (const file of readdirSync(join(root, folder))) {
        if (file === 'README.md') continue;
        const key = `${folder}/${SHAPEFILE_PARTS.includes(extensionOf(file)) ? stemOf(file) : file}`;
        groups.set(key, [...(groups.get(key) ?? []), file]);
      }
      for (const [name, names] of groups) {
        const dir = join(root, folder);
        if (!sets.has(name)) sets.set(name, { name, dir, files: names.map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(join(dir, n))) })) });
      }
    }
  }
  return [...sets.values()];
}

function checkMessage(message: Message): void {
  const text = ioText[message.key];
  expect(text, message.key).toBeDefined();
  const params = message.params ?? {};
  for (const template of [text!.zh, text!.en]) {
    // `{{detail}}` may be a message of its own, `detailKey`, which renderMessage translates with the same parameters.
    for (const [, name] of template.matchAll(/\{\{(\w+)\}\}/g)) expect(name! in params || `${name}Key` in params, `${message.key}: ${name}`).toBe(true);
  }
  for (const [name, key] of Object.entries(params)) {
    if (name.endsWith('Key') && typeof key === 'string') checkMessage({ key, params: Object.fromEntries(Object.entries(params).filter(([other]) => other !== name)) });
  }
}

/** Names of the files of a set and, for a zip, of its members: a refusal names one of them. */
function namesIn(set: FileSet): string[] {
  const members = set.files.flatMap((f) => {
    if (extensionOf(f.name) !== 'zip') return [];
    const listed = listZip(f);
    return listed.ok ? listed.value.map((e) => e.path) : [];
  });
  return [...set.files.map((f) => f.name), ...members];
}

/** What ogrinfo opens for a set: the .shp, the file itself, or a zip (as /vsizip/, at the folder holding its .shp). */
function gdalPath(set: FileSet): string {
  const main = set.files.find((f) => extensionOf(f.name) === 'shp') ?? set.files[0]!;
  if (extensionOf(main.name) !== 'zip') return join(set.dir, main.name);
  const listed = listZip(main);
  const shp = listed.ok ? listed.value.find((e) => extensionOf(e.path) === 'shp') : undefined;
  const inside = shp && dirname(shp.path) !== '.' ? `/${dirname(shp.path)}` : '';
  return `/vsizip/${join(set.dir, main.name)}${inside}`;
}

const sets = fileSets();

describe('third-party fixtures', () => {
  it('has one expected outcome for every fixture, and a fixture for every outcome', () => {
    const found = sets.map((s) => s.name).sort();
    expect(found.filter((name) => !EXPECTED[name]), 'fixtures without a row').toEqual([]);
    // Without the shared folder (a CI checkout) only the copies in tests/fixtures are there.
    if (existsSync(SHARED)) expect(Object.keys(EXPECTED).filter((name) => !found.includes(name)), 'rows without a fixture').toEqual([]);
  });

  it.each(sets.map((s) => [s.name, s] as const))('%s', (name, set) => {
    const expected = EXPECTED[name];
    if (!expected) throw new Error(`no expected outcome for ${name}`);
    for (const region of ['any', 'zhejiang'] as const) {
      const result = importFiles(set.files, { region });
      const outcome = expected[region];
      if ('refused' in outcome) {
        expect(result.ok ? `imported (${region})` : result.error.key, region).toBe(outcome.refused);
        if (result.ok) continue;
        checkMessage(result.error);
        const said = english(result.error);
        expect(namesIn(set).some((n) => said.includes(fileName(stemOf(n)))), said).toBe(true);
      } else {
        expect(result.ok ? 'imported' : `refused ${result.error.key} (${region})`, region).toBe('imported');
        if (!result.ok) continue;
        expect(result.value.reduce((sum, layer) => sum + layer.features.length, 0), region).toBe(outcome.imported);
        expect(result.notes.map((n) => n.key), region).toEqual(outcome.notes);
        result.notes.forEach(checkMessage);
        if (region === 'any') {
          const polygons = result.value.flatMap((l) => l.features.map((f) => f.geometry)).filter((g): g is AreaGeometry => g?.type === 'Polygon' || g?.type === 'MultiPolygon');
          const kinds = [...new Set(polygons.flatMap((g) => validateAreaGeometry(g).filter((p) => p.severity === 'error').map((p) => p.kind)))].sort();
          expect(kinds, 'validity problems').toEqual([...(expected.invalid ?? [])].sort());
        }
      }
    }
  });
});

// Skipped (not passed) without GDAL; never skipped on CI (tests/support/gdal.ts).
describe.skipIf(skipWithoutGdal('ogrinfo'))('third-party fixtures as GDAL reads them', () => {
  const compared = sets.filter((s) => EXPECTED[s.name]?.gdal !== undefined);

  it.each(compared.map((s) => [s.name, s] as const))('%s', (name, set) => {
    const { gdal, gdalSays } = EXPECTED[name]!;
    const run = gdalRun('ogrinfo', ['-ro', '-al', '-so', gdalPath(set)]);
    if (gdal === 'refused') {
      expect(run.status, run.stdout).not.toBe(0);
      return;
    }
    expect(run.status, run.stderr).toBe(0);
    expect([...run.stdout.matchAll(/^Feature Count: (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0)).toBe(gdal);
    const complaints = run.stderr.split('\n').filter((line) => /^(ERROR \d+|Warning \d+):/.test(line));
    if (gdalSays) expect(complaints.join('\n')).toContain(gdalSays);
    else expect(complaints).toEqual([]);
  });

  // GDAL writes the rebuilt .shx beside the .shp, so it reads a copy.
  const restoring = sets.filter((s) => EXPECTED[s.name]?.gdalRestoringShx !== undefined);
  it.each(restoring.map((s) => [s.name, s] as const))('%s, its .shx rebuilt (SHAPE_RESTORE_SHX=YES)', (name, set) => {
    const expected = EXPECTED[name]!.gdalRestoringShx;
    const dir = mkdtempSync(join(tmpdir(), 'vp-shx-'));
    try {
      for (const file of set.files) writeFileSync(join(dir, file.name), file.bytes);
      const shp = set.files.find((f) => extensionOf(f.name) === 'shp')!;
      const run = gdalRun('ogrinfo', ['--config', 'SHAPE_RESTORE_SHX', 'YES', '-al', '-so', join(dir, shp.name)]);
      if (expected === 'refused') expect(run.status, run.stdout).not.toBe(0);
      else expect(Number(/^Feature Count: (\d+)$/m.exec(run.stdout)?.[1])).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
