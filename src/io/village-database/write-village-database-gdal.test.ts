/**
 * The village planning database as GDAL reads it (what ArcGIS and QGIS will see): the layer names, the
 * declared fields with their types and widths, the counts, the GK zone's EPSG code, GBK Chinese intact, and
 * the parcels' planar areas against our ellipsoidal ones.
 *
 * Tolerance of the areas, 0.05 %: GDAL's ST_Area on the Shapefile is the Gauss-Krüger plane area, which
 * exceeds the ellipsoidal area by the projection's areal scale, about 1 + (d / R)² at a distance d from the
 * central meridian: 0.012 % for the sample village 0.74° (71 km) east of 120°E, 0.05 % near 1.45° (140 km),
 * the far side of a 3° zone. A wrong zone, datum or unit would be off by far more.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { cell, database, feature, parcels } from '../../rules/ydyh/test-support.ts';
import { parseVillageDatabaseText } from './database-file.ts';
import { zhT } from '../package/delivery-test-support.ts';
import { writeVillageDatabasePackage, type VillageDatabaseWriteOptions } from './write-village-database.ts';

async function onDisk(db: VillageDatabase, options: VillageDatabaseWriteOptions): Promise<string> {
  const written = await writeVillageDatabasePackage(db, options);
  if (!written.ok) throw new Error(JSON.stringify(written.error));
  const dir = mkdtempSync(join(tmpdir(), 'vp-village-db-'));
  for (const file of written.value) {
    mkdirSync(dirname(join(dir, file.name)), { recursive: true });
    writeFileSync(join(dir, file.name), file.bytes);
  }
  return join(dir, '村庄规划数据库');
}

function sampleVillage(): VillageDatabase {
  const parsed = parseVillageDatabaseText(readFileSync('samples/sample-village-2026.database.json', 'utf8'), 'sample-village-2026.database.json');
  if (!parsed.ok) throw new Error(parsed.error.key);
  return parsed.value;
}

const ZLDWDM = '3301060010010000000';

describe.skipIf(skipWithoutGdal('ogrinfo'))('village planning database read back by GDAL', { timeout: 60_000 }, () => {
  const sample = sampleVillage();
  let folder = '';
  beforeAll(async () => {
    folder = await onDisk(sample, { format: 'shapefile', date: new Date(Date.UTC(2026, 0, 1)), t: zhT });
  });
  const ogrinfo = (...args: string[]) => gdal('ogrinfo', args);
  const shp = (layer: string) => join(folder, `${layer}.shp`);

  it('the folder holds the database layers by their names, and not the reference layers', () => {
    const layers = [...ogrinfo('-ro', '-q', folder).matchAll(/^\d+: (\w+) \((\w+ ?\w*)\)$/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
    expect(layers).toEqual(['CJDCQ Polygon', 'CJDCQJX Line String', 'GHDLTB Polygon', 'GKBJ Polygon', 'JQDLTB Polygon']);
  });

  it('CJDCQJX: lines in EPSG:4528 with the declared fields, the constants filled, JXSM and BZ empty', () => {
    const summary = ogrinfo('-ro', '-so', '-al', shp('CJDCQJX'));
    expect(summary).toContain('Geometry: Line String');
    expect(summary).toContain('ID["EPSG",4528]');
    const fields = [...summary.matchAll(/^(\w+): (\w+) \(([\d.]+)\)$/gm)].map((m) => `${m[1]}: ${m[2]} (${m[3]})`);
    expect(fields).toEqual(['BSM: String (20.0)', 'YSDM: String (10.0)', 'JXLX: String (6.0)', 'JXXZ: String (6.0)', 'JXSM: String (100.0)', 'BZ: String (254.0)']);
    const count = Number(/Feature Count: (\d+)/.exec(summary)?.[1]);
    expect(count).toBeGreaterThan(0);
    const filled = ogrinfo('-ro', '-q', shp('CJDCQJX'), '-sql', "SELECT * FROM CJDCQJX WHERE YSDM = '1000600500' AND JXLX = '670500' AND JXXZ = '600001' AND JXSM IS NULL AND BZ IS NULL");
    expect(filled.match(/^OGRFeature/gm)).toHaveLength(count);
  });

  it('JQDLTB: EPSG:4528, the declared fields with their types and widths in order, the count', () => {
    const summary = ogrinfo('-ro', '-so', '-al', shp('JQDLTB'));
    expect(summary).toContain('ID["EPSG",4528]');
    expect(summary).toContain('Feature Count: 1979');
    const fields = [...summary.matchAll(/^(\w+): (\w+) \(([\d.]+)\)$/gm)].map((m) => `${m[1]}: ${m[2]} (${m[3]})`);
    expect(fields).toEqual([
      'BSM: String (20.0)', 'YSDM: String (10.0)', 'TBBH: String (8.0)', 'JQDLBM: String (6.0)', 'JQDLMC: String (60.0)', 'QSXZ: String (2.0)',
      'QSDWDM: String (19.0)', 'QSDWMC: String (60.0)', 'ZLDWDM: String (19.0)', 'ZLDWMC: String (60.0)', 'TBMJ: Real (16.2)', 'KCDLBM: String (5.0)',
      'KCXS: Real (6.4)', 'KCMJ: Real (16.2)', 'TBDLMJ: Real (16.2)', 'GDLX: String (2.0)', 'GDPDJB: String (2.0)', 'SJNF: Integer (6.0)', 'BZ: String (254.0)',
    ]);
  });

  it('GBK Chinese reads back intact, with the numbers as written', () => {
    const first = ogrinfo('-ro', '-q', '-al', shp('JQDLTB'), '-where', "BSM = '33042110121000000001'");
    for (const value of ['JQDLMC (String) = 旱地', 'QSDWMC (String) = 沈家埭村第四村民小组', 'YSDM (String) = 2003010100', 'TBMJ (Real) = 3834.77', 'KCXS (Real) = 0.0347', 'SJNF (Integer) = 2017']) {
      expect(first).toContain(value);
    }
    expect(ogrinfo('-ro', '-q', '-al', shp('CJDCQ'))).toContain('ZLDWMC (String) = 沈家埭村');
  });

  it('every planned parcel’s GK plane area from GDAL within 0.05 % of our ellipsoidal area', () => {
    const rows = ogrinfo('-ro', '-q', shp('GHDLTB'), '-dialect', 'sqlite', '-sql', 'SELECT BSM, ST_Area(geometry) AS gdal FROM GHDLTB');
    const gdalArea = new Map([...rows.matchAll(/BSM \(String\) = (\d+)\s+gdal \(Real\) = ([\d.]+)/g)].map((m) => [m[1], Number(m[2])]));
    const parcels = sample.layers.GHDLTB?.features ?? [];
    expect(gdalArea.size).toBe(parcels.length);
    const worst = Math.max(...parcels.map((f) => Math.abs((gdalArea.get(String(f.properties.BSM)) ?? 0) / ellipsoidalArea(f.geometry as Polygon | MultiPolygon) - 1)));
    expect(worst).toBeLessThan(0.0005);
  });

  it('GHDLMJ as GDAL reads it is the parcel’s area in m², though the database held 公顷 or 亩', async () => {
    const held = database({
      JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0103'], { ZLDWDM }),
      GHDLTB: [feature('GHDLTB#1', cell(0), { GHDLBM: '0103', GHDLMJ: 1.07 }), feature('GHDLTB#2', cell(1), { GHDLBM: '0103', GHDLMJ: 16.01 })],
    });
    const dir = await onDisk(held, { format: 'shapefile', t: zhT });
    const rows = ogrinfo('-ro', '-q', join(dir, 'GHDLTB.shp'), '-dialect', 'sqlite', '-sql', 'SELECT GHDLMJ, ST_Area(geometry) AS gdal FROM GHDLTB');
    const pairs = [...rows.matchAll(/GHDLMJ \(Real\) = ([\d.]+)\s+gdal \(Real\) = ([\d.]+)/g)].map((m) => Number(m[1]) / Number(m[2]));
    expect(pairs).toHaveLength(2);
    for (const ratio of pairs) expect(Math.abs(ratio - 1)).toBeLessThan(0.0005);
  });

  it('a point layer and UTF-8 on request', async () => {
    const small = database({
      JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0103'], { ZLDWDM }),
      GHGGJCSSD: [feature('GHGGJCSSD#1', { type: 'Point', coordinates: [120.1005, 30.2005] }, { GHSSLXDM: '01', GHSSLXMC: '村委会' })],
      GHDLTB: [feature('GHDLTB#1', cell(0), { GHDLBM: '0103', GHDLMC: '旱地' })],
    });
    const utf8 = await onDisk(small, { format: 'shapefile', encoding: 'utf-8', t: zhT });
    const summary = ogrinfo('-ro', '-so', '-al', join(utf8, 'GHGGJCSSD.shp'));
    expect(summary).toContain('Geometry: Point');
    expect(summary).toContain('GHSSLXDM: String (4.0)');
    expect(ogrinfo('-ro', '-q', '-al', join(utf8, 'GHGGJCSSD.shp'))).toContain('GHSSLXMC (String) = 村委会');
  });
});
