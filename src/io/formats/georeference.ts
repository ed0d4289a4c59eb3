/**
 * The last steps every import shares: settle the CRS (chosen, declared by the file, or inferred from the
 * numbers, and said so), refuse coordinates that cannot be right, bring everything to lon/lat with
 * polygons wound as RFC 7946, and recognise GCJ-02 data.
 */
import type { Geometry } from 'geojson';
import type { AreaGeometry } from '../../domain/features.ts';
import { emptyBBox, geometryBBox, type BBox } from '../../geo/bbox.ts';
import { rewindRfc7946 } from '../../geo/rings.ts';
import { ExtentBuilder, formatExtent, swapExtent } from '../crs/extent.ts';
import { datumNote, settleDatum } from '../crs/datum-settle.ts';
import { gcj02ToCgcs2000, looksLikeGcj02 } from '../crs/gcj02.ts';
import { checkLocation, inferCrs, inZhejiang, zonePrefixCorrected } from '../crs/locate.ts';
import { lonLatBox, swapXY, toLonLat } from '../crs/reproject.ts';
import { describeCrs, type CrsReport, type CrsSource, type ReadCrs } from '../crs/source-crs.ts';
import { failure, note, success, type Message, type Result } from '../result.ts';
import type { JsonValue, Properties } from './properties.ts';
import type { ImportedFeature, ImportedLayer, ReadOptions, RecordPeek } from './types.ts';

export interface DeclaredCrs {
  readonly crs: ReadCrs;
  readonly how: CrsSource;
  readonly name: string | null;
}

/** A feature as a format read it: coordinates in the source CRS; `field` reads one value alone. */
export interface RawFeature extends ImportedFeature {
  field?(name: string): JsonValue | undefined;
}

export interface RawLayer extends Omit<ImportedLayer, 'crs' | 'features'> {
  readonly features: readonly RawFeature[];
  /** What the file says about its CRS; undefined when it says nothing usable. */
  readonly declared: DeclaredCrs | undefined;
  /** Text that may name a web-map source (a `.prj`, a header), for GCJ-02 recognition. */
  readonly crsText: string | null;
}

/**
 * A CRS named by an OGC URN (`urn:ogc:def:crs:EPSG::4490`) or URI is in the EPSG's own axis order:
 * latitude first for CGCS2000 and WGS 84, northing first for the Gauss-Krüger systems. GeoServer's WFS
 * writes GeoJSON so; GDAL and most tools write easting first whatever the name. `EPSG:4490` and CRS84
 * are easting first by convention.
 */
export function namesEpsgAxisOrder(name: string | null | undefined): boolean {
  return !!name && (/^urn:ogc:def:crs:EPSG:/i.test(name) || /opengis\.net\/def\/crs\/EPSG\//i.test(name));
}

export function georeference(raw: RawLayer, options: ReadOptions): Result<ImportedLayer> {
  const notes: Message[] = [];
  let features: readonly RawFeature[] = options.swapXY ? raw.features.map((f) => new Swapped(f)) : raw.features;
  const extentBuilder = new ExtentBuilder();
  for (const f of features) extentBuilder.addGeometry(f.geometry);
  let extent = extentBuilder.extent();

  let crs: CrsReport;
  if (options.crs) crs = { crs: options.crs, how: 'chosen', declaredName: null };
  else if (raw.declared) crs = { crs: raw.declared.crs, how: raw.declared.how, declaredName: raw.declared.name };
  else if (!extent) crs = { crs: { kind: 'geographic' }, how: 'inferred', declaredName: null };
  else {
    const inferred = inferCrs(extent, options.expectedLongitude);
    if (!inferred) {
      // Numbers that fit no CRS: say so, unless they fit one once X and Y are swapped.
      const swapped = inferCrs(swapExtent(extent));
      if (swapped && inZhejiang(swapExtent(extent), swapped.crs)) return failure('io.crs.swappedXY', { file: raw.file, crs: describeCrs(swapped.crs), extent: formatExtent(extent) });
      return failure('io.crs.cannotInfer', { file: raw.file, extent: formatExtent(extent) });
    }
    crs = { crs: inferred.crs, how: 'inferred', declaredName: null };
    const alternatives = inferred.alternatives.map(describeCrs).join('; ');
    notes.push(note(alternatives ? 'io.crs.inferredAmbiguous' : 'io.crs.inferred', { file: raw.file, crs: describeCrs(inferred.crs), alternatives }));
  }

  // Beijing 1954 / Xian 1980 need the county's parameters: the saved ones, or the planner is asked.
  const settled = settleDatum(raw.file, crs.crs, options.datumParameters ?? []);
  if (!settled.ok) return settled;
  crs = { ...crs, crs: settled.value };
  const datum = datumNote(raw.file, crs.crs);
  if (datum) notes.push(datum);

  // Northing (latitude) first as the URN the file names says, where only that puts the data in Zhejiang:
  // read in that order and said, instead of refused as "X and Y swapped" with advice to fix the file.
  const declaredName = crs.how === 'chosen' || options.swapXY ? null : (raw.declared?.name ?? null);
  if (extent && namesEpsgAxisOrder(declaredName) && !inZhejiang(extent, crs.crs) && inZhejiang(swapExtent(extent), crs.crs)) {
    features = features.map((f) => new Swapped(f));
    extent = swapExtent(extent);
    notes.push(note('io.crs.epsgAxisOrder', { file: raw.file, name: declaredName ?? '', crs: describeCrs(crs.crs) }));
  }

  if (extent && crs.how !== 'chosen' && crs.how !== 'inferred') {
    const corrected = zonePrefixCorrected(extent, crs.crs, options.region ?? 'zhejiang');
    if (corrected) {
      // A GeoJSON's `crs` member says it, not a .prj: the note names what to correct.
      notes.push(note(crs.how === 'geojson' ? 'io.crs.zonePrefixCorrectedMember' : 'io.crs.zonePrefixCorrected', { file: raw.file, declared: describeCrs(crs.crs), crs: describeCrs(corrected) }));
      crs = { ...crs, crs: corrected };
    }
  }
  if (extent) {
    const located = checkLocation(raw.file, extent, crs.crs, options.region ?? 'zhejiang');
    if (!located.ok) return located;
  }

  const project = (geometry: Geometry): Geometry => wound(toLonLat(geometry, crs.crs));
  const { keepRecord } = options;
  const settledCrs = crs.crs;
  const kept = keepRecord && options.convertGcj02 !== true ? features.filter((f) => keepRecord(new Peek(f, settledCrs))) : features;
  const every = 1000;
  // Built field by field, not spread: a Shapefile record decodes its properties when they are first read.
  features = kept.map((f, i) => {
    if (options.onProgress && i % every === every - 1) options.onProgress(i / kept.length);
    return { geometry: f.geometry && project(f.geometry), properties: f.properties, recordNo: f.recordNo };
  });
  options.onProgress?.(1);
  if (crs.crs.kind === 'geographic' && looksLikeGcj02(raw.file, raw.crsText, raw.fields.map((f) => f.name))) notes.push(note('io.crs.maybeGcj02', { file: raw.file }));

  const read = { layer: { format: raw.format, file: raw.file, name: raw.name, fields: raw.fields, encoding: raw.encoding, features, crs }, notes };
  // Asked for, converted: the dialog also offers it for a layer at the GCJ-02 offset from the plan, which no name says.
  const { layer, notes: said } = options.convertGcj02 === true ? convertedFromGcj02(read) : read;
  return success(layer, said);
}

/** A feature with X and Y swapped, its properties read through (they may not be decoded yet). */
class Swapped implements RawFeature {
  readonly geometry: Geometry | null;
  readonly recordNo: number;

  constructor(private readonly source: RawFeature) {
    this.geometry = source.geometry && swapXY(source.geometry);
    this.recordNo = source.recordNo;
  }

  get properties(): Properties {
    return this.source.properties;
  }

  field(name: string): JsonValue | undefined {
    return fieldOf(this.source, name);
  }
}

function fieldOf(feature: RawFeature, name: string): JsonValue | undefined {
  if (feature.field) return feature.field(name);
  return Object.hasOwn(feature.properties, name) ? feature.properties[name] : undefined;
}

/** A record as `keepRecord` sees it (a class: one closure pair per record of 24,000 costs more than the test). */
class Peek implements RecordPeek {
  readonly geometry: Geometry | null;

  constructor(
    private readonly feature: RawFeature,
    private readonly crs: ReadCrs,
  ) {
    this.geometry = feature.geometry;
  }

  field(name: string): JsonValue | undefined {
    return fieldOf(this.feature, name);
  }

  box(): BBox {
    return this.geometry ? lonLatBox(geometryBBox(this.geometry), this.crs) : emptyBBox();
  }
}

function wound(g: Geometry): Geometry {
  return g.type === 'Polygon' || g.type === 'MultiPolygon' ? rewindRfc7946(g as AreaGeometry) : g;
}

/** A layer as read with the notes its reading gave (the import keeps them per layer: `readLayers`). */
export interface LayerRead {
  readonly layer: ImportedLayer;
  readonly notes: readonly Message[];
}

/**
 * A lon/lat layer converted from GCJ-02 to CGCS2000, its "maybe GCJ-02" note replaced by "converted"; a
 * projected layer as it is (GCJ-02 is lon/lat only). The last step of reading with `convertGcj02`, and what
 * the import applies to a layer it holds when the planner ticks the conversion, so both give the same layer.
 */
export function convertedFromGcj02(read: LayerRead): LayerRead {
  const { layer } = read;
  if (layer.crs.crs.kind !== 'geographic') return read;
  const features = layer.features.map((f) => ({ ...f, geometry: f.geometry && wound(gcj02ToCgcs2000(f.geometry)) }));
  const notes = read.notes.filter((n) => n.key !== 'io.crs.maybeGcj02' || n.params?.file !== layer.file);
  return { layer: { ...layer, features }, notes: [...notes, note('io.crs.gcj02Converted', { file: layer.file })] };
}
