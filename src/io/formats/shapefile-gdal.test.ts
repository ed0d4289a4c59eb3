/**
 * Exported Shapefiles and GeoJSON read back by GDAL (ogrinfo/ogr2ogr from Debian's gdal-bin, which
 * `.ci/run` installs): the right CRS, field types and widths, feature count, Chinese text, and areas.
 *
 * Areas: GDAL 3.6 has no geodesic area of its own (OGR_G_GeodesicArea came in 3.9), and SpatiaLite's
 * `ST_Area(geom, 1)` is an approximation (up to 0.025 m² off on the sample village's parcels). So
 * ogr2ogr reprojects the exported Shapefile into an ellipsoidal Lambert azimuthal equal-area projection
 * centred on the village (PROJ's authalic `laea` on GRS80) and SQLite's planar `ST_Area` measures there:
 * an equal-area projection keeps areas exactly; what remains is the tiny difference between straight
 * edges in the projection and geodesic edges on the ellipsoid (< 0.001 m² for parcels this size).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { skipWithoutGdal } from '../../../tests/support/gdal.ts';
import type { FeatureOf } from '../../domain/features.ts';
import type { Plan } from '../../domain/plan.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { toGaussKruger } from '../../geo/projection.ts';
import { gk } from '../crs/source-crs.ts';
import { importSurvey } from '../survey/survey-import.ts';
import { surveyLayerFromParcels } from '../survey/survey-layer.ts';
import { english } from '../test-support.ts';
import { writeZip } from '../zip/zip-write.ts';
import { writeGeoJson } from './geojson.format.ts';
import { importFiles } from './index.ts';
import { writeShapefile } from './shapefile-write.ts';
import type { ExportLayer, WriteOptions } from './types.ts';

const SAMPLE = new URL('../../../samples/sample-village.plan.json', import.meta.url);
const DATE = new Date(Date.UTC(2024, 5, 30));
const ZONE_40 = gk({ zone: 40, zonePrefix: true });

function sampleParcels(): FeatureOf<'base'>[] {
  const plan = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Plan;
  const parcels = Object.values(plan.layers.base).slice(0, 400);
  // Add a parcel with a hole and a two-part parcel, which the sample's partition does not have.
  const [a, b] = [parcels[0] as FeatureOf<'base'>, parcels[1] as FeatureOf<'base'>];
  const shell = (a.geometry.type === 'Polygon' ? a.geometry.coordinates[0] : []) as Position[];
  const ring = shell.slice(0, -1);
  const cx = ring.reduce((sum, p) => sum + (p[0] as number), 0) / ring.length;
  const cy = ring.reduce((sum, p) => sum + (p[1] as number), 0) / ring.length;
  const hole = [...shell].reverse().map((p) => [cx + ((p[0] as number) - cx) * 0.3, cy + ((p[1] as number) - cy) * 0.3]);
  const withHole: FeatureOf<'base'> = { ...a, geometry: { type: 'Polygon', coordinates: [shell, hole] }, properties: { ...a.properties, parcelNo: 'HOLE', ownerName: '带洞图斑（测试）' } };
  const twoParts: FeatureOf<'base'> = {
    ...b,
    geometry: { type: 'MultiPolygon', coordinates: [(a.geometry.type === 'Polygon' ? a.geometry.coordinates : []) as Position[][], (b.geometry.type === 'Polygon' ? b.geometry.coordinates : []) as Position[][]] },
    properties: { ...b.properties, parcelNo: 'MULTI' },
  };
  return [...parcels.slice(2), withHole, twoParts];
}

function written(layer: ExportLayer, options: WriteOptions): string {
  const out = writeShapefile(layer, { date: DATE, ...options });
  if (!out.ok) throw new Error(english(out.error));
  const dir = mkdtempSync(join(tmpdir(), 'vp-shp-'));
  for (const file of out.value) writeFileSync(join(dir, file.name), file.bytes);
  return join(dir, `${layer.name}.shp`);
}

const ogrinfo = (...args: string[]) => execFileSync('ogrinfo', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe.skipIf(skipWithoutGdal('ogrinfo', 'ogr2ogr'))('Shapefile export read back by GDAL', () => {
  const parcels = sampleParcels();
  const layer = surveyLayerFromParcels(parcels);

  it('EPSG:4528, field types and widths, feature count, GBK text intact', () => {
    const path = written(layer, { crs: ZONE_40 });
    const summary = ogrinfo('-al', '-so', path);
    expect(summary).toContain('ID["EPSG",4528]');
    expect(summary).toContain(`Feature Count: ${parcels.length}`);
    expect(summary).toContain('Geometry: Polygon');
    for (const line of ['BSM: Integer64 (10.0)', 'TBBH: String (18.0)', 'DLBM: String (5.0)', 'QSDWMC: String (60.0)', 'TBMJ: Real (19.2)', 'KCXS: Real (6.4)']) {
      expect(summary).toContain(line);
    }
    expect(readFileSync(path.replace(/\.shp$/, '.cpg'), 'utf8')).toBe('936');
    const hole = ogrinfo('-al', '-q', path, '-where', "TBBH = 'HOLE'");
    expect(hole).toContain('QSDWMC (String) = 带洞图斑（测试）');
    expect(hole).toMatch(/POLYGON \(\(.*\),\(.*\)\)/);
    expect(ogrinfo('-al', '-q', path, '-where', "TBBH = 'MULTI'")).toContain('MULTIPOLYGON');
  });

  it('UTF-8 on request, and the zone without prefix (EPSG:4549)', () => {
    const path = written(layer, { crs: gk({ zone: 40, zonePrefix: false }), encoding: 'utf-8' });
    expect(readFileSync(path.replace(/\.shp$/, '.cpg'), 'utf8')).toBe('UTF-8');
    const summary = ogrinfo('-al', '-so', path);
    expect(summary).toContain('ID["EPSG",4549]');
    expect(ogrinfo('-al', '-q', path, '-where', "TBBH = 'HOLE'")).toContain('带洞图斑（测试）');
  });

  it('areas within 0.01 m² of ours (ellipsoidal LAEA reprojection by ogr2ogr, then ST_Area)', () => {
    const path = written(layer, { crs: ZONE_40 });
    const gpkg = join(mkdtempSync(join(tmpdir(), 'vp-area-')), 'area.gpkg');
    execFileSync('ogr2ogr', ['-f', 'GPKG', gpkg, path, '-t_srs', '+proj=laea +lat_0=30.46 +lon_0=120.74 +ellps=GRS80 +units=m +no_defs', '-nln', 'parcels']);
    const rows = ogrinfo('-q', gpkg, '-sql', 'SELECT BSM, ST_Area(geom) AS area FROM parcels');
    const gdalAreas = new Map([...rows.matchAll(/BSM \(Integer64\) = (\d+)\s+area \(Real\) = ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]));
    expect(gdalAreas.size).toBe(parcels.length);
    let worst = 0;
    parcels.forEach((parcel, i) => {
      worst = Math.max(worst, Math.abs(ellipsoidalArea(parcel.geometry) - (gdalAreas.get(i + 1) as number)));
    });
    expect(worst).toBeLessThan(0.01);
  });

  it('point layers (公示意见) are written as points', () => {
    const points: ExportLayer = {
      name: 'GSYJ',
      geometryType: 'point',
      fields: [{ name: 'YJNR', type: 'C', length: 100, decimals: 0 }],
      features: [{ geometry: { type: 'Point', coordinates: [120.74, 30.46] }, properties: { YJNR: '希望保留村口古樟树' } }],
    };
    const path = written(points, { crs: ZONE_40 });
    const text = ogrinfo('-al', '-q', path);
    expect(text).toContain('希望保留村口古樟树');
    const [x, y] = toGaussKruger([120.74, 30.46], ZONE_40);
    const [, gx, gy] = /POINT \(([\d.]+) ([\d.]+)\)/.exec(text) ?? [];
    expect(Math.abs(Number(gx) - x)).toBeLessThan(0.001);
    expect(Math.abs(Number(gy) - y)).toBeLessThan(0.001);
  });

  it('GeoJSON export: GDAL reads lon/lat, the fields and the count', () => {
    const out = writeGeoJson(layer, { pretty: true });
    const dir = mkdtempSync(join(tmpdir(), 'vp-json-'));
    const path = join(dir, 'DLTB.geojson');
    writeFileSync(path, out.ok ? (out.value[0]?.bytes as Uint8Array) : new Uint8Array());
    const summary = ogrinfo('-al', '-so', path);
    expect(summary).toContain(`Feature Count: ${parcels.length}`);
    expect(summary).toMatch(/ID\["EPSG",4326\]/);
    expect(ogrinfo('-al', '-q', path, '-where', "TBBH = 'HOLE'")).toContain('带洞图斑（测试）');
  });
});

describe('round trip: survey import → Shapefile export → import', () => {
  it('gives the same geometries within 1 mm and the same attributes', () => {
    const parcels = sampleParcels();
    const out = writeShapefile(surveyLayerFromParcels(parcels), { crs: ZONE_40, date: DATE });
    if (!out.ok) throw new Error(english(out.error));
    const zip = writeZip(out.value.map((f) => ({ name: `基期/${f.name}`, bytes: f.bytes })));
    const imported = importFiles([{ name: '沈家埭村.zip', bytes: zip }]);
    if (!imported.ok) throw new Error(english(imported.error));
    const survey = importSurvey(imported.value[0]!);
    if (!survey.ok) throw new Error(english(survey.error));
    expect(survey.value.parcels).toHaveLength(parcels.length);
    expect(survey.value.unmapped).toEqual([]);

    // Once more through our own export: the second round must give back the first exactly.
    const again = writeShapefile(surveyLayerFromParcels(survey.value.parcels.map((p) => p.feature)), { crs: ZONE_40, date: DATE });
    const reimported = again.ok ? importFiles(again.value.map((f) => ({ name: f.name, bytes: f.bytes }))) : again;
    const second = reimported.ok ? importSurvey(reimported.value[0]!) : reimported;
    if (!second.ok) throw new Error(english(second.error));

    const metres = (a: Position, b: Position) => {
      const [x1, y1] = toGaussKruger(a, ZONE_40);
      const [x2, y2] = toGaussKruger(b, ZONE_40);
      return Math.hypot(x1 - x2, y1 - y2);
    };
    let worst = 0;
    parcels.forEach((original, i) => {
      const first = survey.value.parcels[i]!.feature;
      // The survey code maps 03xx to 131 by default where the planner may have chosen 132: everything
      // else comes back as it was, and the second round gives back the first exactly.
      expect({ ...first.properties, classCode: null }).toEqual({ ...original.properties, classCode: null });
      expect(second.value.parcels[i]!.feature.properties).toEqual(first.properties);
      expect(reimported.ok && reimported.value[0]!.features[i]!.properties).toEqual(imported.value[0]!.features[i]!.properties);
      for (const copy of [first, second.value.parcels[i]!.feature]) {
        const a = original.geometry.type === 'Polygon' ? [original.geometry.coordinates] : original.geometry.coordinates;
        const b = copy.geometry.type === 'Polygon' ? [copy.geometry.coordinates] : copy.geometry.coordinates;
        // Same rings and positions; a ring may start at another vertex only if a writer rewound it, which ours never does.
        expect(b.map((p) => p.map((r) => r.length))).toEqual(a.map((p) => p.map((r) => r.length)));
        a.forEach((polygon, pi) => polygon.forEach((ring, ri) => ring.forEach((pos, k) => (worst = Math.max(worst, metres(pos, b[pi]![ri]![k]!))))));
      }
    });
    expect(worst).toBeLessThan(0.001);
  });
});
