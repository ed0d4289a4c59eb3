import type { LineString, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../domain/features.ts';
import { positionsEqual } from '../../geo/rings.ts';
import { hasVertex } from '../../geo/topology.ts';
import { isValidAreaGeometry } from '../../geo/validity.ts';
import type { VillageDatabase, VillageFeature } from '../../profiles/zhejiang-2026/village-database.ts';
import { checkDatabase } from '../../rules/ydyh/index.ts';
import { cell, CELL, database } from '../../rules/ydyh/test-support.ts';
import { vertices } from '../shared-boundaries.ts';
import { applyEdit, type DatabaseEdit } from './database-edit.ts';
import { EMPTY_DATABASE_HISTORY, record, redo, undo } from './database-history.ts';
import { splitParcels } from './split-parcels.command.ts';
import { area, at, grid, jittered, layerArea, M_LON, tJunctionGrid, XZQDM } from './test-support.ts';

const line = (...points: [number, number][]): LineString => ({ type: 'LineString', coordinates: points.map(([x, y]) => at(x, y)) });
const ref = (n: number) => `GHDLTB#${XZQDM}${String(n).padStart(8, '0')}`;

function split(db: VillageDatabase, refs: readonly string[], cut: LineString): { edit: DatabaseEdit; edited: VillageDatabase } {
  const result = splitParcels(db, refs, cut);
  if (!result.ok) throw new Error(`${result.error.key} ${JSON.stringify(result.error.params)}`);
  return { edit: result.value, edited: applyEdit(db, result.value, 'forward') };
}

const added = (edit: DatabaseEdit) => (edit.features ?? []).flatMap((c) => (c.before === null ? [c.after] : []));
const replaced = (edit: DatabaseEdit) => (edit.features ?? []).flatMap((c) => (c.before !== null && c.after !== null ? [c.after] : []));
const ghdlmjSum = (db: VillageDatabase) => (db.layers.GHDLTB?.features ?? []).reduce((sum, f) => sum + Number(f.properties.GHDLMJ), 0);
const rounded = (f: VillageFeature) => Math.round(area(f.geometry) * 100) / 100;

describe('splitParcels', () => {
  const db = grid();

  it('splits a picked parcel in two: the larger piece keeps it, the other is a new parcel of the same class; total area kept; undo gives the plan back', () => {
    const { edit, edited } = split(db, [ref(5)], line([1.4, 0.5], [1.4, 2.5]));
    const [made, ...more] = added(edit);
    expect(more).toEqual([]);
    expect(made?.ref).toBe(ref(10));
    expect(made?.properties).toMatchObject({ BSM: `${XZQDM}00000010`, TBBH: '10', GHDLBM: '0101', GHDLMC: '水田', BZ: '' });
    const kept = replaced(edit).find((f) => f.ref === ref(5));
    expect(kept?.properties).toMatchObject({ BSM: `${XZQDM}00000005`, TBBH: '5' });
    expect(area(kept?.geometry ?? null)).toBeGreaterThan(area(made?.geometry ?? null));
    for (const f of [kept, made]) expect(f && f.properties.GHDLMJ).toBe(f && rounded(f));
    // Parcels 2 and 8 are not picked and stay whole, but take the points where the line met their edges.
    const beside = replaced(edit).filter((f) => f.ref !== ref(5));
    expect(beside.map((f) => f.properties.TBBH)).toEqual(['2', '8']);
    const cutPoints = [...vertices(kept?.geometry as AreaGeometry), ...vertices(made?.geometry as AreaGeometry)];
    beside.forEach((f, k) => {
      const gained = vertices(f.geometry as AreaGeometry).filter((p) => !hasVertex(cell(1, 2 * k), p));
      expect(gained).toHaveLength(1);
      expect(cutPoints.some((p) => positionsEqual(p, gained[0] as Position))).toBe(true);
      expect(gained[0]?.[0]).toBeCloseTo(at(1.4, 0)[0] as number, 12);
    });
    expect(edit).toMatchObject({ labelKey: 'database.shape.split.label', params: { count: 1, pieces: 2 }, changes: [] });

    expect(edited.layers.GHDLTB?.features).toHaveLength(10);
    expect(Math.abs(layerArea(edited) - layerArea(db))).toBeLessThan(0.01);
    expect(Math.abs(ghdlmjSum(edited) - ghdlmjSum(db))).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(applyEdit(edited, edit, 'back')).toEqual(db);
    const history = record(EMPTY_DATABASE_HISTORY, edit);
    const undone = undo(edited, history);
    expect(undone?.db).toEqual(db);
    expect(undone && redo(undone.db, undone.history)?.db).toEqual(edited);
  });

  it('writes GHDLMJ again for the neighbours given the cut’s ends on their kilometre-long east–west edges', () => {
    const km = grid(undefined, 10 * CELL);
    const { edit } = split(km, [ref(5)], line([14, 5], [14, 25]));
    const neighbours = replaced(edit).filter((f) => ['2', '8'].includes(String(f.properties.TBBH)));
    expect(neighbours).toHaveLength(2);
    for (const f of replaced(edit)) expect(f.properties.GHDLMJ, String(f.properties.TBBH)).toBe(rounded(f));
  });

  it('splits every parcel the line crosses when none is picked, along a bent line', () => {
    const { edit, edited } = split(db, [], line([-0.5, 1.5], [1.5, 1.5], [1.5, 2.5], [1.5, 3.5]));
    // 4, 5 (its corner cut off by the bend) and 8 in two each; the new parcels numbered in turn.
    expect(edit.params).toEqual({ count: 3, pieces: 6 });
    expect(added(edit).map((f) => f.properties.TBBH)).toEqual(['10', '11', '12']);
    for (const f of edited.layers.GHDLTB?.features ?? []) expect(isValidAreaGeometry(f.geometry as AreaGeometry)).toBe(true);
    expect(Math.abs(layerArea(edited) - layerArea(db))).toBeLessThan(0.01);
    expect(checkDatabase(edited).issues.filter((i) => i.rule === 'totals-equal')).toEqual([]);
  });

  it('splits a parcel the line crosses twice into three pieces', () => {
    const { edit, edited } = split(db, [ref(5)], line([1.2, 0.5], [1.5, 2.5], [1.8, 0.5]));
    expect(edit.params).toEqual({ count: 1, pieces: 3 });
    expect(added(edit).map((f) => f.properties.BSM)).toEqual([`${XZQDM}00000010`, `${XZQDM}00000011`]);
    expect(Math.abs(layerArea(edited) - layerArea(db))).toBeLessThan(0.01);
  });

  it('keeps the total area of real-looking parcels (edges jittered ±0.3 mm, a T-junction) split across several', () => {
    for (const real of [grid((col, row, n) => jittered(col, row, 7 * n)), tJunctionGrid()]) {
      for (const cut of [line([-0.5, 1.5], [3.5, 1.5]), line([0.5, -0.5], [0.5, 3.5]), line([-0.2, 0.2], [2.2, 2.9])]) {
        const { edit, edited } = split(real, [], cut);
        expect(added(edit).length).toBeGreaterThanOrEqual(3);
        for (const f of edited.layers.GHDLTB?.features ?? []) expect(isValidAreaGeometry(f.geometry as AreaGeometry)).toBe(true);
        expect(Math.abs(layerArea(edited) - layerArea(real))).toBeLessThan(0.01);
        expect(applyEdit(edited, edit, 'back')).toEqual(real);
      }
    }
  });

  it('splits a parcel by a line snapped to the neighbour’s copy of their edge, a hair short of its own', () => {
    // Parcels digitised apart: parcel 6's copy of the edge it shares with 5 can lie 0.3 mm inside 5.
    const end = at(2, 1.5);
    const cut: LineString = { type: 'LineString', coordinates: [at(0.5, 1.5), [(end[0] as number) - 0.0003 / M_LON, end[1] as number]] };
    const { edit, edited } = split(db, [ref(5)], cut);
    expect(edit.params).toEqual({ count: 1, pieces: 2 });
    expect(Math.abs(layerArea(edited) - layerArea(db))).toBeLessThan(0.01);
  });

  it.each<[string, VillageDatabase, string[], LineString, string]>([
    ['a line ending inside the picked parcel', db, [ref(5)], line([0.5, 1.5], [1.5, 1.5]), 'database.shape.split.notCrossed'],
    ['a line beside the picked parcel', db, [ref(5)], line([0.5, 0.2], [2.5, 0.2]), 'database.shape.split.notCrossed'],
    ['a line crossing no parcel', db, [], line([4, 4], [5, 5]), 'database.shape.split.crossesNone'],
    ['a line of one point', db, [], line([1.5, 1.5]), 'database.shape.split.lineTooShort'],
    ['a line cutting a sliver off a corner', db, [ref(5)], line([1.988, 0.99], [2.01, 1.012]), 'database.shape.split.sliver'],
    ['a plan without XZQDM', database({ GHDLTB: (db.layers.GHDLTB?.features ?? []).map((f) => ({ ...f, properties: { ...f.properties, BSM: null } })) }), [ref(5)], line([1.5, 0.5], [1.5, 2.5]), 'databaseEdit.drawOverPlan.noXzqdm'],
    ['an unknown parcel', db, ['GHDLTB#x'], line([1.5, 0.5], [1.5, 2.5]), 'databaseEdit.unknownFeatures'],
  ])('refuses %s', (_case, plan, refs, cut, key) => {
    const result = splitParcels(plan, refs, cut);
    expect(result.ok ? null : result.error.key).toBe(key);
  });

  it('names the parcels the line does not cross', () => {
    const result = splitParcels(db, [ref(5), ref(6)], line([1.5, 0.5], [1.5, 2.5]));
    expect(result.ok ? null : result.error.params).toEqual({ count: 1, parcels: '6' });
  });
});
