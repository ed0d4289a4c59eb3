/**
 * The sample's tables (F1, F2, F4) against the same figures computed here, outside the product's code path:
 * the plan file read as plain JSON, areas by GeographicLib called directly (base year) and by GDAL (base and
 * target year: SpatiaLite's ST_Area on the ellipsoid and ST_Intersection, through ogrinfo's SQLite dialect),
 * 耕地 net of 田坎 as the survey counts it (net = area × (1 − TKXS), the deducted part is 田坎), the rows of
 * F2 and F4 assembled from their provincial definitions. A figure must be the independent m² rounded to
 * 0.01 公顷, or that plus the adjustment its table's footnote states; a share the independent share rounded
 * down or up (尾数平差 makes the shares add up to 100.00; a footnote says so where one moved).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as GeographicLib from 'geographiclib-geodesic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/domain/plan-file.ts';
import { fullCheck } from '../../src/rules/engine.ts';
import type { Row, Table } from '../../src/rules/tables/table.ts';
import { gdal, skipWithoutGdal } from '../support/gdal.ts';

const SAMPLE = 'samples/sample-village.plan.json';

interface RawFeature {
  readonly id: string;
  readonly geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
  readonly properties: Record<string, unknown>;
}
const raw = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { meta: { profileOverrides: Record<string, number> }; layers: Record<string, Record<string, RawFeature>> };
const features = (layer: string) => Object.values(raw.layers[layer] ?? {});
const NEW_FARMLAND_RIDGE = raw.meta.profileOverrides.newFarmlandRidgeCoefficient ?? 0;

const parsed = parsePlanText(readFileSync(SAMPLE, 'utf8'));
if (!parsed.ok) throw new Error(SAMPLE);
const tables = fullCheck(parsed.value).tables;

// Provincial definitions (domain.md §3.1, §5), written out here rather than imported.
const CULTIVATED = ['111', '112', '113'];
const isCultivated = (c: string) => CULTIVATED.includes(c);
const isConstruction = (c: string) => c.startsWith('2');
const F2_ROWS: Record<string, readonly string[]> = {
  ecological: ['131', '31', '32'],
  agricultural: ['111', '112', '113', '12', '132', '151', '152', '153', '154', '155'],
  cultivated: CULTIVATED,
  otherFarm: ['152', '153', '154', '155'],
  settlement: ['2121', '2122', '2123', '2125', '2126'],
  business: ['2124'],
  transportWater: ['221', '226', '213', '231', '232'],
  urban: ['211'],
};
const F2_LEAVES = ['131', '31', '32', '111', '112', '113', '12', '132', '151', '152', '153', '154', '155', '2121', '2122', '2123', '2125', '2126', '2124', '221', '226', '213', '231', '232', '211'];

/** TKXS of a base parcel as the survey applies it: to 耕地 only. */
const ridgeOf = (f: RawFeature) => (isCultivated(String(f.properties.classCode)) ? Number(f.properties.ridgeCoefficient ?? 0) : 0);

const row = (table: Table, key: string): Row => {
  const found = table.rows.find((r) => r.key === key);
  if (!found) throw new Error(`${table.id} has no row ${key}`);
  return found;
};
const shown = (table: Table, key: string, column: string) => {
  const cell = row(table, key).cells[column];
  if (!cell || !('value' in cell)) throw new Error(`${table.id} ${key} ${column} is not a number`);
  return cell.value;
};
/** Hundredths a footnote says a row's figure in a column was adjusted by. */
function footnoted(table: Table, key: string, column: string): number {
  const labelKey = row(table, key).labelKey;
  const columnKey = table.columns.find((c) => c.key === column)!.labelKey;
  const note = table.footnotes.find((n) => n.key === 'tables.footnote.rounding' && n.params.rowKey === labelKey && n.params.columnKey === columnKey);
  return note ? Math.round((note.params.by as number) * 100) : 0;
}
/** The figure shown is the independent m² to 0.01 公顷 (plus a footnoted adjustment). */
function expectHectares(table: Table, key: string, column: string, m2: number) {
  const expected = m2 / 100 + footnoted(table, key, column);
  expect(Math.abs(shown(table, key, column) * 100 - expected), `${table.id} ${key} ${column}: shown ${shown(table, key, column)}, independent ${(m2 / 10_000).toFixed(4)} ha`).toBeLessThanOrEqual(0.5 + 1e-6);
}
/** The share shown is the independent share rounded down or up; off by more than its own rounding only with the F2 尾数平差 footnote. */
function expectShare(table: Table, key: string, column: string, percent: number) {
  const off = Math.abs(shown(table, key, column) - percent);
  expect(off, `${table.id} ${key} ${column}: shown ${shown(table, key, column)}, independent ${percent.toFixed(4)} %`).toBeLessThan(0.01 + 1e-6);
  if (off > 0.005 + 1e-6) expect(table.footnotes.map((n) => n.key), `${key} ${column}`).toContain('tables.F2.shareRounding');
}
const sumOf = (values: Record<string, number>, codes: readonly string[]) => codes.reduce((s, c) => s + (values[c] ?? 0), 0);

describe('the sample’s tables against an independent computation', () => {
  it('base year, areas by GeographicLib called here: F1 耕地 net and gross, F2’s base column, F4’s base', () => {
    const lib = (GeographicLib as unknown as { default?: typeof GeographicLib }).default ?? GeographicLib;
    const geodesic = new lib.Geodesic.Geodesic(6_378_137, 1 / 298.257222101);
    const ringArea = (ring: number[][]) => {
      const polygon = new lib.PolygonArea.PolygonArea(geodesic, false);
      for (const [lon, lat] of ring.slice(0, -1)) polygon.AddPoint(lat!, lon!);
      return Math.abs(polygon.Compute(false, true).area ?? 0);
    };
    const polygonArea = (rings: number[][][]) => rings.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * ringArea(ring), 0);
    const area = (f: RawFeature) => (f.geometry.type === 'Polygon' ? polygonArea(f.geometry.coordinates as number[][][]) : (f.geometry.coordinates as number[][][][]).reduce((s, p) => s + polygonArea(p), 0));

    const byClass: Record<string, number> = {};
    let gross = 0;
    let ridge = 0;
    for (const f of features('base')) {
      const a = area(f);
      const code = String(f.properties.classCode);
      const r = a * ridgeOf(f);
      byClass[code] = (byClass[code] ?? 0) + a - r;
      byClass['155'] = (byClass['155'] ?? 0) + r;
      if (isCultivated(code)) gross += a;
      ridge += r;
    }
    expect(ridge).toBeGreaterThan(60_000); // the sample's ridges: about 6.4 公顷
    expectHectares(tables.F1, 'cultivated', 'base', gross - ridge);
    expectHectares(tables.F1, 'cultivatedGross', 'base', gross);
    expectHectares(tables.F4, 'base', 'area', gross - ridge);
    expectHectares(tables.F4, 'base', 'gross', gross);
    const total = Object.values(byClass).reduce((s, v) => s + v, 0);
    for (const code of F2_LEAVES) expectHectares(tables.F2, code, 'base', byClass[code] ?? 0);
    for (const [key, codes] of Object.entries(F2_ROWS)) expectHectares(tables.F2, key, 'base', sumOf(byClass, codes));
    expectHectares(tables.F2, 'total', 'base', total);
    for (const code of F2_LEAVES) expectShare(tables.F2, code, 'baseShare', (100 * (byClass[code] ?? 0)) / total);
  });

  describe.skipIf(skipWithoutGdal('ogrinfo'))('base and target year by GDAL (ogrinfo, SQLite dialect with SpatiaLite)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tables-gdal-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, list: readonly { geometry: RawFeature['geometry']; properties: Record<string, unknown> }[]) => {
      const path = join(dir, `${name}.geojson`);
      writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: list.map((f) => ({ type: 'Feature', ...f })) }));
      return path;
    };
    const basePath = write('base', features('base').map((f) => ({ geometry: f.geometry, properties: { cls: String(f.properties.classCode), tkxs: ridgeOf(f) } })));
    const changes = [
      ...features('demolition').map((f) => ({ geometry: f.geometry, properties: { id: f.id, to: String(f.properties.restorationUse) } })),
      ...features('newBuild').map((f) => ({ geometry: f.geometry, properties: { id: f.id, to: String(f.properties.useCode) } })),
      ...features('useChange').map((f) => ({ geometry: f.geometry, properties: { id: f.id, to: String(f.properties.targetCode) } })),
    ];
    const changesPath = write('changes', changes);
    const pbfPath = write('pbf', features('pbf').map((f) => ({ geometry: f.geometry, properties: {} })));

    /** Rows of an ogrinfo SQL result: every field as text. */
    const sql = (query: string): Record<string, string>[] => {
      const out = gdal('ogrinfo', ['-q', '-dialect', 'sqlite', '-sql', query, basePath]);
      const rows: Record<string, string>[] = [];
      for (const line of out.split('\n')) {
        if (line.startsWith('OGRFeature(')) rows.push({});
        const field = /^\s+(\w+) \(\w+\) = (.*)$/.exec(line);
        if (field && rows.length) rows[rows.length - 1]![field[1]!] = field[2]!;
      }
      return rows;
    };
    const num = (text: string | undefined) => (text === undefined || text === '(null)' ? 0 : Number(text));
    const A = (g: string) => `ST_Area(${g}, 1)`;
    const C = `"${changesPath}".changes`;
    const P = `"${pbfPath}".pbf`;

    /** Σ area and Σ area × TKXS by base class (and by the class a change gives it), run once when first needed. */
    let results: Record<'base' | 'moved' | 'pbfBase' | 'pbfMoved', Record<string, string>[]> | undefined;
    const run = () =>
      (results ??= {
        base: sql(`SELECT cls, SUM(${A('geometry')}) AS a, SUM(${A('geometry')} * tkxs) AS r FROM base GROUP BY cls`),
        moved: sql(`SELECT b.cls AS cls, c."to" AS dest, SUM(${A('ST_Intersection(b.geometry, c.geometry)')}) AS a, SUM(${A('ST_Intersection(b.geometry, c.geometry)')} * b.tkxs) AS r FROM base b JOIN ${C} c ON ST_Intersects(b.geometry, c.geometry) GROUP BY b.cls, c."to"`),
        pbfBase: sql(`SELECT b.cls AS cls, SUM(${A('ST_Intersection(b.geometry, p.geometry)')}) AS a, SUM(${A('ST_Intersection(b.geometry, p.geometry)')} * b.tkxs) AS r FROM base b JOIN ${P} p ON b.cls IN ('111', '112', '113') AND MbrIntersects(b.geometry, p.geometry) AND ST_Intersects(b.geometry, p.geometry) GROUP BY b.cls`),
        pbfMoved: sql(
          `SELECT b.cls AS cls, c."to" AS dest, SUM(${A('ST_Intersection(ST_Intersection(b.geometry, p.geometry), c.geometry)')}) AS a, SUM(${A('ST_Intersection(ST_Intersection(b.geometry, p.geometry), c.geometry)')} * b.tkxs) AS r ` +
            `FROM ${C} c JOIN base b ON MbrIntersects(b.geometry, c.geometry) AND ST_Intersects(b.geometry, c.geometry) JOIN ${P} p ON MbrIntersects(p.geometry, c.geometry) AND ST_Intersects(p.geometry, c.geometry) AND ST_Intersects(b.geometry, p.geometry) GROUP BY b.cls, c."to"`,
        ),
      });

    // GDAL's joins take a few seconds on two cores: run them once, before the figures are compared.
    beforeAll(() => void run(), 120_000);

    it('the sample’s change features do not overlap one another (so no derivation order is needed here)', () => {
      const overlap = sql(`SELECT SUM(${A('ST_Intersection(x.geometry, y.geometry)')}) AS a FROM ${C} x JOIN ${C} y ON x.id < y.id AND ST_Intersects(x.geometry, y.geometry)`);
      expect(num(overlap[0]?.a)).toBeLessThan(0.01);
    });

    /** Areas by class at each year, net of 田坎 (the deducted part in 155), and 耕地 gross. */
    const years = () => {
      const at = { base: {} as Record<string, number>, target: {} as Record<string, number> };
      const ridge = { base: {} as Record<string, number>, target: {} as Record<string, number> };
      const add = (m: Record<string, number>, k: string, v: number) => (m[k] = (m[k] ?? 0) + v);
      const { base, moved } = run();
      for (const r of base) {
        add(at.base, r.cls!, num(r.a));
        add(at.target, r.cls!, num(r.a));
        add(ridge.base, r.cls!, num(r.r));
        add(ridge.target, r.cls!, num(r.r));
      }
      for (const m of moved) {
        const [from, to, a, r] = [m.cls!, m.dest!, num(m.a), num(m.r)];
        add(at.target, from, -a);
        add(at.target, to, a);
        add(ridge.target, from, -r);
        // Land that stays 耕地 keeps its ridges; land made 耕地 takes the profile's coefficient.
        if (isCultivated(to)) add(ridge.target, to, isCultivated(from) ? r : a * NEW_FARMLAND_RIDGE);
      }
      const net = (year: 'base' | 'target') => {
        const out: Record<string, number> = {};
        for (const [code, a] of Object.entries(at[year])) {
          const r = ridge[year][code] ?? 0;
          out[code] = (out[code] ?? 0) + a - r;
          out['155'] = (out['155'] ?? 0) + r;
        }
        return out;
      };
      const gross = (year: 'base' | 'target') => sumOf(at[year], CULTIVATED);
      const ridges = (year: 'base' | 'target') => sumOf(ridge[year], CULTIVATED);
      return { net, gross, ridges };
    };

    it('F1: 耕地保有量 and 永久基本农田 net and gross at both years', () => {
      const y = years();
      for (const year of ['base', 'target'] as const) {
        expectHectares(tables.F1, 'cultivated', year, y.gross(year) - y.ridges(year));
        expectHectares(tables.F1, 'cultivatedGross', year, y.gross(year));
      }
      const { pbfBase, pbfMoved } = run();
      let pbfGross = 0;
      let pbfRidge = 0;
      for (const r of pbfBase) if (isCultivated(r.cls!)) [pbfGross, pbfRidge] = [pbfGross + num(r.a), pbfRidge + num(r.r)];
      expectHectares(tables.F1, 'pbf', 'base', pbfGross - pbfRidge);
      expectHectares(tables.F1, 'pbfGross', 'base', pbfGross);
      for (const m of pbfMoved) {
        const [from, to, a, r] = [m.cls!, m.dest!, num(m.a), num(m.r)];
        if (isCultivated(from) && !isCultivated(to)) [pbfGross, pbfRidge] = [pbfGross - a, pbfRidge - r];
        if (!isCultivated(from) && isCultivated(to)) [pbfGross, pbfRidge] = [pbfGross + a, pbfRidge + a * NEW_FARMLAND_RIDGE];
      }
      expectHectares(tables.F1, 'pbf', 'target', pbfGross - pbfRidge);
      expectHectares(tables.F1, 'pbfGross', 'target', pbfGross);
    });

    it('F2: every row and share at both years', () => {
      const y = years();
      for (const year of ['base', 'target'] as const) {
        const net = y.net(year);
        const total = Object.values(net).reduce((s, v) => s + v, 0);
        for (const code of F2_LEAVES) {
          expectHectares(tables.F2, code, year, net[code] ?? 0);
          expectShare(tables.F2, code, `${year}Share`, (100 * (net[code] ?? 0)) / total);
        }
        for (const [key, codes] of Object.entries(F2_ROWS)) expectHectares(tables.F2, key, year, sumOf(net, codes));
        expectHectares(tables.F2, 'total', year, total);
      }
    });

    it('F4: base, each decrease and increase, and target, net and gross', () => {
      const y = years();
      const ECO = ['131', '132', '31', '32'];
      const parts: Record<string, { net: number; gross: number }> = {};
      const add = (key: string, net: number, gross: number) => (parts[key] = { net: (parts[key]?.net ?? 0) + net, gross: (parts[key]?.gross ?? 0) + gross });
      for (const m of run().moved) {
        const [from, to, a, r] = [m.cls!, m.dest!, num(m.a), num(m.r)];
        if (isCultivated(from) && !isCultivated(to)) add(ECO.includes(to) ? 'ecological' : isConstruction(to) ? 'construction' : 'otherLoss', a - r, a);
        if (!isCultivated(from) && isCultivated(to)) add(isConstruction(from) ? 'reclamation' : ['31', '32'].includes(from) ? 'development' : 'consolidation', a * (1 - NEW_FARMLAND_RIDGE), a);
      }
      const group = (keys: readonly string[], q: 'net' | 'gross') => keys.reduce((s, k) => s + (parts[k]?.[q] ?? 0), 0);
      for (const [column, q] of [['area', 'net'], ['gross', 'gross']] as const) {
        expectHectares(tables.F4, 'base', column, q === 'net' ? y.gross('base') - y.ridges('base') : y.gross('base'));
        expectHectares(tables.F4, 'target', column, q === 'net' ? y.gross('target') - y.ridges('target') : y.gross('target'));
        for (const key of ['ecological', 'construction', 'otherLoss', 'consolidation', 'development', 'reclamation']) expectHectares(tables.F4, key, column, parts[key]?.[q] ?? 0);
        expectHectares(tables.F4, 'decrease', column, group(['ecological', 'construction', 'otherLoss'], q));
        expectHectares(tables.F4, 'increase', column, group(['consolidation', 'development', 'reclamation'], q));
      }
    });
  });
});
