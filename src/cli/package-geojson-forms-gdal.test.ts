/**
 * The package of package-forms-gdal.test.ts with its layers as GeoJSON from other tools (ogr2ogr's layer
 * options, GeoJSONSeq, a BOM and CRLF, codes stored as numbers and numbers as text, rows without a usable
 * polygon), its layers in different systems (one without a .prj), and zipped by Chinese Windows with GBK
 * names. Each must give the SAME findings as the package as written (areas to 0.01 m²); coordinates kept to
 * 7 decimals of a degree move vertices by millimetres, so there the note's advice is what is checked.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeText } from '../io/text/encode-text.ts';
import { rawZip } from '../io/zip/raw-zip-test-support.ts';
import { aliasOf } from '../io/package/field-aliases.ts';
import type { PackageLayerName } from '../io/package/package-layers.ts';
import { readPackageFiles } from '../io/package/read-files.ts';
import { gdal, skipWithoutGdal } from '../../tests/support/gdal.ts';
import { check, findings, plantedPackageForTests, type Report } from './package-forms-support.ts';

const SHAPEFILES = join('3.规划图形数据', 'Shapefile');
const GEOJSON = join('3.规划图形数据', 'GeoJSON');
const SIDECAR = join('6.其他数据', '规划参数.json');

const planted = plantedPackageForTests('vp-geojson-forms-');

let made = 0;
/** A copy of the package; `withShapefiles: false` leaves only the GeoJSON, so that is what is read. */
function copy(withShapefiles = false): string {
  const dir = join(planted.scratch, `form-${made++}`);
  cpSync(planted.dir, dir, { recursive: true });
  if (!withShapefiles) rmSync(join(dir, SHAPEFILES), { recursive: true });
  return dir;
}

const layersOf = (dir: string) => readdirSync(join(dir, GEOJSON)).filter((f) => f.endsWith('.geojson'));

/** The package's GeoJSON, each layer (or only the one named) rewritten by ogr2ogr with these options (and extension). */
function ogrGeoJson(options: readonly string[], extension = 'geojson', only?: string): string {
  const dir = copy();
  for (const file of layersOf(dir).filter((f) => only === undefined || f === `${only}.geojson`)) {
    rmSync(join(dir, GEOJSON, file));
    const out = join(dir, GEOJSON, file.replace(/\.geojson$/, `.${extension}`));
    gdal('ogr2ogr', [...(extension === 'geojson' ? ['-f', 'GeoJSON'] : []), ...options, out, join(planted.dir, GEOJSON, file)]);
  }
  return dir;
}

type Json = Record<string, unknown>;
interface Collection {
  features: { type: string; properties: Json; geometry: Json | null }[];
}

/** The package's GeoJSON, each layer edited as parsed JSON (or written as bytes by `write`). */
function edited(edit: (collection: Collection, layer: string) => void, write: (collection: Collection) => Uint8Array = (c) => new TextEncoder().encode(JSON.stringify(c))): string {
  const dir = copy();
  for (const file of layersOf(dir)) {
    const collection = JSON.parse(readFileSync(join(dir, GEOJSON, file), 'utf8')) as Collection;
    edit(collection, file.replace(/\.geojson$/, ''));
    writeFileSync(join(dir, GEOJSON, file), write(collection));
  }
  return dir;
}

/** A row before the fourth of JQDLTB and GHYT with this geometry (BSM 9999, not in the package). */
const rowWith = (geometry: Json | null) => (collection: Collection, layer: string) => {
  if (layer !== 'JQDLTB' && layer !== 'GHYT') return;
  const like = collection.features[3]!;
  collection.features.splice(3, 0, { type: 'Feature', properties: { ...like.properties, BSM: 9999 }, geometry });
};

/** JQDLTB's eleventh row with what GDAL reads past: an empty part or hole, a hole of one position. */
const eleventh = (change: (coordinates: Json[]) => Json) => (collection: Collection, layer: string) => {
  if (layer !== 'JQDLTB') return;
  const row = collection.features[10]!;
  const geometry = row.geometry as { type: string; coordinates: Json[] };
  expect(geometry.type).toBe('Polygon');
  row.geometry = change(geometry.coordinates);
};

interface Form {
  readonly name: string;
  readonly make: () => string;
  /** What the notes must say of this form. */
  readonly notes?: RegExp;
}

const FORMS: readonly Form[] = [
  { name: 'WRITE_BBOX=YES', make: () => ogrGeoJson(['-lco', 'WRITE_BBOX=YES']) },
  { name: 'WRITE_NAME=NO', make: () => ogrGeoJson(['-lco', 'WRITE_NAME=NO']) },
  { name: 'GK zone 40 with the prefix (EPSG:4528, a legacy crs member)', make: () => ogrGeoJson(['-t_srs', 'EPSG:4528']) },
  { name: 'GK zone 40 without the prefix (EPSG:4549, a legacy crs member)', make: () => ogrGeoJson(['-t_srs', 'EPSG:4549']) },
  { name: 'XYZ', make: () => ogrGeoJson(['-dim', 'XYZ']) },
  { name: 'MULTIPOLYGON', make: () => ogrGeoJson(['-nlt', 'MULTIPOLYGON']) },
  { name: 'PROMOTE_TO_MULTI', make: () => ogrGeoJson(['-nlt', 'PROMOTE_TO_MULTI']) },
  // GeoJSONSeq keeps 7 decimals unless told otherwise (as RFC7946=YES, below).
  { name: 'GeoJSONSeq (.geojsonl)', make: () => ogrGeoJson(['-f', 'GeoJSONSeq', '-lco', 'COORDINATE_PRECISION=15'], 'geojsonl') },
  { name: 'GeoJSONSeq with record separators (.geojsons)', make: () => ogrGeoJson(['-f', 'GeoJSONSeq', '-lco', 'COORDINATE_PRECISION=15', '-lco', 'RS=YES'], 'geojsons') },
  { name: 'a BOM and CRLF line ends', make: () => edited(() => undefined, (c) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(JSON.stringify(c, null, 1).replace(/\n/g, '\r\n'))])) },
  {
    name: 'numbers stored as text',
    make: () =>
      edited((collection) => {
        for (const f of collection.features) for (const [k, v] of Object.entries(f.properties)) if (typeof v === 'number') f.properties[k] = String(v);
      }),
  },
  {
    // GZQLXDM 010 → 10, XZNTLX 01 → 1: a field QGIS or a DBF stores as a number loses its leading zeros.
    name: 'codes stored as numbers (leading zeros lost)',
    make: () =>
      edited((collection) => {
        for (const f of collection.features) for (const [k, v] of Object.entries(f.properties)) if (typeof v === 'string' && /^\d{1,15}$/.test(v)) f.properties[k] = Number(v);
      }),
  },
  {
    name: 'fields named by their Chinese aliases (QGIS’s “use aliases for exported field names”)',
    make: () =>
      edited((collection, layer) => {
        for (const f of collection.features) f.properties = Object.fromEntries(Object.entries(f.properties).map(([k, v]) => [aliasOf(layer as PackageLayerName, k) ?? k, v]));
      }),
    notes: /JQDLTB\.geojson are named by their Chinese aliases; they were read under the package’s field names: 标识码 → BSM/,
  },
  { name: 'a parcel with an empty part', make: () => edited(eleventh((rings) => ({ type: 'MultiPolygon', coordinates: [rings, []] }))), notes: /1 records of “[^”]*JQDLTB\.geojson” have rings that enclose no area.*#11\./ },
  { name: 'a parcel with an empty hole', make: () => edited(eleventh((rings) => ({ type: 'Polygon', coordinates: [...rings, []] }))), notes: /JQDLTB\.geojson” have rings that enclose no area.*#11\./ },
  { name: 'a parcel with a hole of one position', make: () => edited(eleventh((rings) => ({ type: 'Polygon', coordinates: [...rings, [(rings[0] as unknown as Json[])[0]!]] }))), notes: /JQDLTB\.geojson” have rings that enclose no area.*#11\./ },
  { name: 'a row without geometry', make: () => edited(rowWith(null)), notes: /JQDLTB\.geojson: skipped 1 feature\(s\).*#4 no geometry/ },
  { name: 'a row with an empty MultiPolygon', make: () => edited(rowWith({ type: 'MultiPolygon', coordinates: [] })), notes: /JQDLTB\.geojson: skipped 1 feature\(s\).*#4 bad coordinates/ },
  { name: 'a GeometryCollection row', make: () => edited(rowWith({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [120.7, 30.4] }] })), notes: /JQDLTB\.geojson: skipped 1 feature\(s\).*#4 GeometryCollection/ },
];

describe.skipIf(skipWithoutGdal('ogr2ogr', 'ogrinfo'))('village-plan check on one package as GeoJSON from other tools, in several systems, GBK-zipped', () => {
  it.each(FORMS.map((form) => [form.name, form] as const))('gives the same findings from GeoJSON with %s', async (_name, form) => {
    const read = await check(form.make());
    expect(read.report, read.stderr).not.toBeNull();
    expect(findings(read.report!)).toEqual(findings(planted.original));
    if (form.notes) expect(read.stderr).toMatch(form.notes);
  }, 60_000);

  it('reads GDAL’s GeoJSONSeq with as many features as GDAL counts', () => {
    const dir = ogrGeoJson(['-f', 'GeoJSONSeq'], 'geojsonl');
    const count = (path: string) => Number(/Feature Count: (\d+)/.exec(gdal('ogrinfo', ['-al', '-so', path]))?.[1]);
    const files = ['JQDLTB', 'GHYT', 'XZQ'].map((layer) => ({ name: `${layer}.geojsonl`, bytes: readFileSync(join(dir, GEOJSON, `${layer}.geojsonl`)) }));
    const read = readPackageFiles(files, {});
    expect(read?.ok).toBe(true);
    if (!read?.ok) return;
    for (const layer of read.value.layers) expect(layer.count, layer.name).toBe(count(join(dir, GEOJSON, `${layer.name}.geojsonl`)));
  });

  // RFC 7946 (and COORDINATE_PRECISION=7) keep 7 decimals of a degree: a vertex moves by up to 7.8 mm, and a
  // T-junction's vertex and the edge it lies on both move, so the two can part by twice that. The note must
  // name the rounded layer (the boundary or GHYT from another tool beside full-precision parcels, too), and
  // with its suggested tolerance the check must find what the original does.
  const SEVEN_DECIMALS = 'keeps its longitudes and latitudes to 7 decimals: rounding moves a vertex by up to 7.8 mm, so where polygons meet they can part by up to 15.6 mm';
  it.each([
    ['RFC7946=YES', ['-lco', 'RFC7946=YES'], undefined, `JQDLTB.geojson ${SEVEN_DECIMALS}`, '0.02'],
    ['COORDINATE_PRECISION=7', ['-lco', 'COORDINATE_PRECISION=7'], undefined, `JQDLTB.geojson ${SEVEN_DECIMALS}`, '0.02'],
    ['RFC7946=YES, GHYT only', ['-lco', 'RFC7946=YES'], 'GHYT', `GHYT.geojson ${SEVEN_DECIMALS}`, '0.02'],
    // As CCTool and ArcGIS's exports to text often are: 30 false gaps and overlaps at 1 mm.
    ['GK kept to the millimetre (EPSG:4528, COORDINATE_PRECISION=3)', ['-t_srs', 'EPSG:4528', '-lco', 'COORDINATE_PRECISION=3'], undefined, 'JQDLTB.geojson keeps its Gauss-Krüger coordinates to 0.001 m: rounding moves a vertex by up to 0.7 mm, so where polygons meet they can part by up to 1.4 mm', '0.002'],
  ])('says how to check GeoJSON written with %s, and with that tolerance finds what the original does', async (_name, options, only, note, tolerance) => {
    const dir = ogrGeoJson(options, 'geojson', only);
    const first = await check(dir);
    expect(first.stderr).toContain(note);
    const suggested = /set coverageToleranceM to ([\d.]+)/.exec(first.stderr)?.[1];
    expect(suggested, first.stderr).toBe(tolerance);
    const sidecar = JSON.parse(readFileSync(join(dir, SIDECAR), 'utf8')) as { meta: { profileOverrides: Json } };
    sidecar.meta.profileOverrides = { coverageToleranceM: Number(suggested) };
    writeFileSync(join(dir, SIDECAR), JSON.stringify(sidecar));
    const read = await check(dir);
    expect(read.report, read.stderr).not.toBeNull();
    // Rounding really changes areas (GDAL's own areas move as much): the findings are compared without them.
    const withoutFigures = (report: Report) => report.issues.map((i) => `${i.rule} ${i.severity} ${[...i.features].sort().join('+')}`).sort();
    expect(withoutFigures(read.report!)).toEqual(withoutFigures(planted.original));
  }, 60_000);

  // The boundary alone at 7 decimals beside parcels at full precision is snapped onto them: at the survey's
  // 1 mm (no tolerance widened, which would let every gap up to 2 cm inside the village pass) the check
  // finds what the original does, and the note says the boundary was matched, not that a tolerance is due.
  it('snaps a boundary written with RFC7946=YES onto the parcels, and at the survey’s tolerance finds what the original does', async () => {
    const read = await check(ogrGeoJson(['-lco', 'RFC7946=YES'], 'geojson', 'XZQ'));
    expect(read.report, read.stderr).not.toBeNull();
    expect(read.stderr).toMatch(/The XZQ layer \([^)]*XZQ\.geojson\) is rounded more coarsely/);
    expect(read.stderr).not.toContain(SEVEN_DECIMALS);
    const withoutFigures = (report: Report) => report.issues.map((i) => `${i.rule} ${i.severity} ${[...i.features].sort().join('+')}`).sort();
    expect(withoutFigures(read.report!)).toEqual(withoutFigures(planted.original));
  }, 60_000);

  // JQDLTB in EPSG:4528, XZQ in lon/lat, GHYT in EPSG:4549, TDGHDL without a .prj: each layer in its own
  // system, put together within the 1 mm tolerance.
  it('gives the same findings from Shapefiles in four systems, naming the layer without a .prj and what was assumed', async () => {
    const dir = copy(true);
    rmSync(join(dir, GEOJSON), { recursive: true });
    const systems: Record<string, string> = { JQDLTB: 'EPSG:4528', XZQ: 'EPSG:4490', GHYT: 'EPSG:4549', TDGHDL: 'EPSG:4549' };
    for (const [layer, crs] of Object.entries(systems)) {
      for (const part of readdirSync(join(dir, SHAPEFILES)).filter((f) => f.startsWith(`${layer}.`))) rmSync(join(dir, SHAPEFILES, part));
      gdal('ogr2ogr', ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', '-t_srs', crs, '-nln', layer, join(dir, SHAPEFILES, `${layer}.shp`), join(planted.dir, SHAPEFILES, `${layer}.shp`)]);
    }
    rmSync(join(dir, SHAPEFILES, 'TDGHDL.prj'));
    expect(gdal('ogrinfo', ['-al', '-so', join(dir, SHAPEFILES, 'XZQ.shp')])).toMatch(/China Geodetic Coordinate System 2000|CGCS2000/);
    const read = await check(dir);
    expect(read.report, read.stderr).not.toBeNull();
    expect(findings(read.report!)).toEqual(findings(planted.original));
    // The note names the layer without a .prj and what was assumed, and a remedy that keeps the other layers'
    // systems (--crs would apply to every layer: JQDLTB's EPSG:4528 numbers are then refused).
    expect(read.stderr).toContain('The CRS of “' + relative(process.cwd(), join(dir, SHAPEFILES, 'TDGHDL.shp')) + '” is not declared (no .prj or GeoJSON crs member) and its coordinates carry no zone number; they were read as EPSG:4549');
    expect(read.stderr).toContain('when the other layers are in another system, give this layer the right .prj instead (ogr2ogr -a_srs EPSG:<code>)');
    expect((await check(dir, ['--crs', 'EPSG:4549'])).stderr).toMatch(/JQDLTB\.shp” \([^)]*\) are not places on Earth in EPSG:4549/);
    expect(read.stderr).not.toMatch(/(JQDLTB|GHYT|XZQ)\.shp” (carry|was judged)/);
  }, 60_000);

  it('reads a package zipped by Chinese Windows (GBK names, no UTF-8 flag), in the CLI and the editor alike', async () => {
    const dir = copy(true);
    const zip = join(planted.scratch, 'gbk-names.zip');
    writeFileSync(zip, gbkZip(dir, '村庄规划成果/'));
    const read = await check(zip);
    expect(read.report, read.stderr).not.toBeNull();
    expect(findings(read.report!)).toEqual(findings(planted.original));
    const editor = readPackageFiles([{ name: '成果.zip', bytes: readFileSync(zip) }], {});
    expect(editor?.ok && editor.value.layers.find((l) => l.name === 'JQDLTB')?.file).toMatch(/^成果\.zip\/村庄规划成果\/3\.规划图形数据\/GeoJSON\/JQDLTB\.geojson$/);
  }, 60_000);
});

/** A folder's files zipped with GBK names and flag bit 11 unset, as Windows' “send to compressed folder” writes them. */
function gbkZip(dir: string, prefix: string): Uint8Array {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(dir, path)).isFile());
  return rawZip(files.map((path) => ({ nameBytes: encodeText(prefix + path.split(sep).join('/'), 'gbk').bytes, data: readFileSync(join(dir, path)), utf8Flag: false, deflate: true })));
}
