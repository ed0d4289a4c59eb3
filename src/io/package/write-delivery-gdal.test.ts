/**
 * The delivery package read back by GDAL (see formats/shapefile-gdal.test.ts for why areas are measured
 * through an ellipsoidal equal-area reprojection): right CRS, field types and widths, Chinese text intact in
 * GBK and UTF-8, areas within 0.01 m² of the area fields we wrote (on a jittered village, within the rounding).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { generateVillagePlan } from '../../../scripts/sample/generate.ts';
import { clipToSeparateBoundary, jitterVertices } from '../../../scripts/sample/real-looking.ts';
import { loadGeos } from '../../geo/geos/geos-module.ts';
import { deliver, samplePlan } from './delivery-test-support.ts';
import type { Delivery } from './write-delivery.ts';

const ogrinfo = (...args: string[]) => execFileSync('ogrinfo', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

function onDisk(delivery: Delivery): string {
  const dir = mkdtempSync(join(tmpdir(), 'vp-delivery-'));
  for (const file of delivery.files) {
    mkdirSync(dirname(join(dir, file.name)), { recursive: true });
    writeFileSync(join(dir, file.name), file.bytes);
  }
  return dir;
}

describe.skipIf(skipWithoutGdal('ogrinfo', 'ogr2ogr'))('delivery package read back by GDAL', { timeout: 30_000 }, async () => {
  const plan = samplePlan();
  const gbk = onDisk(await deliver(plan));
  const utf8 = onDisk(await deliver(plan, 'utf-8'));
  const shp = (dir: string, layer: string) => join(dir, '3.规划图形数据', 'Shapefile', `${layer}.shp`);

  it('JQDLTB: EPSG:4528, the §4 field types and widths, the count, GBK Chinese intact', () => {
    const summary = ogrinfo('-al', '-so', shp(gbk, 'JQDLTB'));
    expect(summary).toContain('ID["EPSG",4528]');
    expect(summary).toContain('Feature Count: 1979');
    for (const line of ['BSM: Integer64 (10.0)', 'YSDM: String (10.0)', 'TBBH: String (8.0)', 'XZQDM: String (12.0)', 'DLMC: String (30.0)', 'TBMJ: Real (16.2)', 'TKXS: Real (6.4)', 'HQRQ: Date (10.0)']) {
      expect(summary).toContain(line);
    }
    const first = ogrinfo('-al', '-q', shp(gbk, 'JQDLTB'), '-where', 'BSM = 1');
    expect(first).toContain('XZQMC (String) = 沈家埭村');
    expect(first).toContain('SQMC (String) = 沈家埭村第四村民小组');
    expect(first).toContain('HQRQ (Date) = 2020/12/31');
  });

  it('UTF-8 on request reads the same Chinese', () => {
    const first = ogrinfo('-al', '-q', shp(utf8, 'GNFQ'), '-where', 'BSM = 1');
    const gbkFirst = ogrinfo('-al', '-q', shp(gbk, 'GNFQ'), '-where', 'BSM = 1');
    expect(first).toMatch(/GNFQMC \(String\) = .+区/);
    expect(first.replace(/^.*(INFO|Layer name).*$/gm, '')).toEqual(gbkFirst.replace(/^.*(INFO|Layer name).*$/gm, ''));
  });

  it('GHYT and JSYDGZQ field types; GeoJSON in lon/lat', () => {
    const ghyt = ogrinfo('-al', '-so', shp(gbk, 'GHYT'));
    for (const line of ['GHYTDM: String (6.0)', 'GHYTMC: String (25.0)', 'MJ: Real (20.2)', 'CJJX: String (2.0)', 'JBNTZBQ: String (2.0)']) expect(ghyt).toContain(line);
    expect(ogrinfo('-al', '-so', shp(gbk, 'JSYDGZQ'))).toContain('GZQLXDM: String (3.0)');
    const json = ogrinfo('-al', '-so', join(gbk, '3.规划图形数据', 'GeoJSON', 'TDGHDL.geojson'));
    expect(json).toMatch(/ID\["EPSG",4326\]/);
    expect(json).toContain('GHDLMC: String');
  });

  /** The largest |field − GDAL's area| over a layer, GDAL measuring in an ellipsoidal equal-area projection. */
  function worstArea(dir: string, layer: string, field: string): number {
    const gpkg = join(mkdtempSync(join(tmpdir(), 'vp-area-')), 'area.gpkg');
    execFileSync('ogr2ogr', ['-f', 'GPKG', gpkg, shp(dir, layer), '-t_srs', '+proj=laea +lat_0=30.46 +lon_0=120.74 +ellps=GRS80 +units=m +no_defs', '-nln', 'l', '-nlt', 'PROMOTE_TO_MULTI']);
    const rows = ogrinfo('-q', gpkg, '-sql', `SELECT BSM, ${field} AS ours, ST_Area(geom) AS gdal FROM l`);
    const pairs = [...rows.matchAll(/ours \(Real\) = ([\d.]+)\s+gdal \(Real\) = ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(pairs.length, layer).toBeGreaterThan(5);
    return Math.max(...pairs.map(([ours, gdal]) => Math.abs(ours - gdal)));
  }

  it('areas within 0.01 m² of TDGHDL.GHDLMJ and JSYDGZQ.GZQMJ', () => {
    for (const [layer, field] of [['TDGHDL', 'GHDLMJ'], ['JSYDGZQ', 'GZQMJ']] as const) expect(worstArea(gbk, layer, field), layer).toBeLessThan(0.01);
  });

  it('on a jittered village clipped to its own boundary, GHYT MJ and TDGHDL GHDLMJ are their polygons’ areas to the rounding (were up to 0.02 m² off)', async () => {
    await loadGeos();
    const clipped = clipToSeparateBoundary(generateVillagePlan({ seed: 2017, parcels: 3000 }), { seed: 2017 }).plan;
    const jittered = onDisk(await deliver(jitterVertices(clipped, { seed: 2017 }).plan));
    // 0.005 of rounding, plus what the equal-area plane and the Shapefile's GK metres move a parcel by (< 0.0005 m²).
    for (const [layer, field] of [['GHYT', 'MJ'], ['TDGHDL', 'GHDLMJ']] as const) expect(worstArea(jittered, layer, field), layer).toBeLessThan(0.0055);
  });
});
