import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../domain/features.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { polygonsOf } from '../../geo/rings.ts';
import { isValidAreaGeometry } from '../../geo/validity.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { checkDatabase } from '../../rules/ydyh/index.ts';
import { cell, CELL, database } from '../../rules/ydyh/test-support.ts';
import { applyEdit, type DatabaseEdit } from './database-edit.ts';
import { EMPTY_DATABASE_HISTORY, record, redo, undo } from './database-history.ts';
import { drawOverPlan } from './draw-over-plan.command.ts';
import { area, at, grid, jittered, layerArea, M_LON, rectangle, XZQDM } from './test-support.ts';

function drawn(db: VillageDatabase, polygon: Polygon, code = '070301'): { edit: DatabaseEdit; edited: VillageDatabase; notes: readonly { key: string }[] } {
  const result = drawOverPlan(db, polygon, code);
  if (!result.ok) throw new Error(result.error.key);
  return { edit: result.value, edited: applyEdit(db, result.value, 'forward'), notes: result.notes };
}

const added = (edit: DatabaseEdit) => (edit.features ?? []).flatMap((c) => (c.before === null ? [c.after] : []));
const replaced = (edit: DatabaseEdit) => (edit.features ?? []).flatMap((c) => (c.before !== null && c.after !== null ? [c.after] : []));

describe('drawOverPlan', () => {
  const db = grid();

  it('cuts the four parcels under a drawing, adds their inside parts as new parcels of the class, and undo gives the database back', () => {
    const { edit, edited, notes } = drawn(db, rectangle(0.5, 0.5, 2, 1.5));
    expect(edit.changes).toEqual([]);
    const made = added(edit);
    expect(made).toHaveLength(4);
    const bsms = made.map((f) => f.properties.BSM);
    expect(new Set(bsms).size).toBe(4);
    for (const value of bsms) expect(value).toMatch(new RegExp(`^${XZQDM}\\d{8}$`));
    expect(bsms).toEqual(['10', '11', '12', '13'].map((n) => `${XZQDM}000000${n}`));
    expect(made.map((f) => f.properties.TBBH)).toEqual(['10', '11', '12', '13']);
    expect(made.map((f) => f.ref)).toEqual(bsms.map((value) => `GHDLTB#${String(value)}`));
    for (const f of made) expect(f.properties).toMatchObject({ GHDLBM: '070301', GHDLMC: '一类农村宅基地', BZ: '', GHDLMJ: Math.round(area(f.geometry) * 100) / 100 });

    const kept = replaced(edit);
    const cut = kept.filter((f) => f.properties.GHDLBM === '0101' && Math.abs(area(f.geometry) - area(cell(0))) > 1);
    expect(cut.map((f) => f.properties.TBBH)).toEqual(['1', '2', '4', '5']);
    for (const f of cut) expect(f.properties.GHDLMJ).toBe(Math.round(area(f.geometry) * 100) / 100);
    // The two parcels east of the drawing get its corners, which lie on their west edges.
    expect(kept.filter((f) => !cut.includes(f)).map((f) => f.properties.TBBH)).toEqual(['3', '6']);
    expect(notes.map((n) => n.key)).toEqual(['databaseEdit.drawOverPlan.cut']);
    expect(edit.params).toEqual({ code: '070301', name: '一类农村宅基地', count: 4 });

    expect(Math.abs(layerArea(edited) - layerArea(db))).toBeLessThan(0.01);
    expect(made.reduce((sum, f) => sum + area(f.geometry), 0)).toBeCloseTo(area(rectangle(0.5, 0.5, 2, 1.5)), 2);

    const history = record(EMPTY_DATABASE_HISTORY, edit);
    const undone = undo(edited, history);
    expect(undone?.db).toEqual(db);
    expect(undone && redo(undone.db, undone.history)?.db).toEqual(edited);
  });

  it('writes GHDLMJ again for a neighbour given a corner on its kilometre-long east–west edge, which bends there on the ellipsoid', () => {
    const km = grid(undefined, 10 * CELL);
    // Cell 1's north half: the top corners lie on the edge cell 4 (north) shares, in its middle third.
    const x = (f: number) => at(f * 10, 0)[0] as number;
    const y = (f: number) => at(0, f * 10)[1] as number;
    const drawing: Polygon = { type: 'Polygon', coordinates: [[[x(1.3), y(0.5)], [x(1.7), y(0.5)], [x(1.7), y(1)], [x(1.3), y(1)], [x(1.3), y(0.5)]]] };
    const { edit } = drawn(km, drawing);
    const north = replaced(edit).find((f) => f.properties.TBBH === '5');
    expect(north, 'the north neighbour takes the corners').toBeDefined();
    const before = km.layers.GHDLTB?.features.find((f) => f.properties.TBBH === '5');
    expect(Math.abs(area(north!.geometry) - area(before!.geometry))).toBeGreaterThan(0.01);
    for (const f of replaced(edit)) expect(f.properties.GHDLMJ, f.properties.TBBH as string).toBe(Math.round(area(f.geometry) * 100) / 100);
  });

  it('cuts a parcel around a drawing wholly inside it: the outside keeps a hole and stays valid', () => {
    const { edit, edited } = drawn(db, rectangle(1.25, 1.25, 1.75, 1.75));
    const [outside] = replaced(edit);
    expect(replaced(edit)).toHaveLength(1);
    expect(outside?.properties).toMatchObject({ BSM: `${XZQDM}00000005`, GHDLBM: '0101' });
    expect(polygonsOf(outside?.geometry as AreaGeometry)[0]).toHaveLength(2);
    expect(isValidAreaGeometry(outside?.geometry as AreaGeometry)).toBe(true);
    expect(added(edit).map((f) => f.properties.GHDLBM)).toEqual(['070301']);
    expect(Math.abs(layerArea(edited) - layerArea(db))).toBeLessThan(0.01);
  });

  it('changes only the class of a parcel the drawing covers whole, keeping its BSM, even drawn 0.2 mm beyond it', () => {
    const margin = 0.0002 / M_LON / CELL;
    for (const polygon of [cell(1, 1), rectangle(1 - margin, 1, 2 + margin, 2)]) {
      const { edit } = drawn(db, polygon);
      expect(edit.features).toEqual([]);
      expect(edit.changes).toEqual([{ layer: 'GHDLTB', ref: `GHDLTB#${XZQDM}00000005`, before: { GHDLBM: '0101', GHDLMC: '水田' }, after: { GHDLBM: '070301', GHDLMC: '一类农村宅基地' } }]);
    }
  });

  it('says so when the covered parcel already has the class, and makes no step', () => {
    const result = drawOverPlan(db, cell(1, 1), '0101');
    expect(result.ok && result.value.changes).toEqual([]);
    expect(result.ok && result.notes.map((n) => n.key)).toContain('databaseEdit.nothingChanged');
    expect(result.ok && record(EMPTY_DATABASE_HISTORY, result.value)).toBe(EMPTY_DATABASE_HISTORY);
  });

  it('clips a drawing to the village survey area, with a note', () => {
    const { edit, notes } = drawn(db, rectangle(2.5, 2.5, 4, 4));
    expect(added(edit)).toHaveLength(1);
    expect(notes.map((n) => n.key)).toContain('databaseEdit.drawOverPlan.clipped');
  });

  it('leaves no sliver parcel on real-looking parcels (edges jittered ±0.3 mm), areas add up and the totals still agree', () => {
    const real = grid((col, row, n) => jittered(col, row, 7 * n));
    const totalsEqual = (plan: VillageDatabase) => checkDatabase(plan).issues.filter((i) => i.rule === 'totals-equal');
    expect(totalsEqual(real)).toEqual([]);
    // Along parcel edges on two sides, across the middle of two parcels: slivers both in and out.
    for (const polygon of [rectangle(1, 0.5, 2, 2.5), rectangle(0.3, 1, 2.7, 2), cell(1, 1)]) {
      const { edit, edited, notes } = drawn(real, polygon);
      const touched = [...added(edit), ...replaced(edit)];
      for (const f of touched) for (const part of polygonsOf(f.geometry as AreaGeometry)) expect(ellipsoidalArea({ type: 'Polygon', coordinates: part as Position[][] })).toBeGreaterThanOrEqual(1);
      for (const f of touched) expect(isValidAreaGeometry(f.geometry as AreaGeometry)).toBe(true);
      expect(Math.abs(layerArea(edited) - layerArea(real))).toBeLessThan(0.01);
      expect(notes.map((n) => n.key)).toContain('databaseEdit.drawOverPlan.slivers');
      expect(totalsEqual(edited)).toEqual([]);
      expect(applyEdit(edited, edit, 'back')).toEqual(real);
    }
  });

  it.each([
    ['a drawing outside the village', db, rectangle(4, 4, 5, 5), '070301', 'databaseEdit.drawOverPlan.outsideVillage'],
    ['a drawing outside the parcels of a plan without CJDCQ', database({ GHDLTB: db.layers.GHDLTB?.features ?? [] }), rectangle(4, 4, 5, 5), '070301', 'databaseEdit.drawOverPlan.outsideVillage'],
    ['a self-intersecting drawing', db, { type: 'Polygon', coordinates: [[[120.1005, 30.2005], [120.1015, 30.2015], [120.1015, 30.2005], [120.1005, 30.2015], [120.1005, 30.2005]]] } as Polygon, '070301', 'geometry.invalid.selfIntersection'],
    ['a drawing too small to be one', db, rectangle(1.5, 1.5, 1.5 + 1e-7, 1.5 + 1e-7), '070301', 'geometry.invalid.zeroArea'],
    ['a code not in the 2023 classification', db, cell(1, 1), '0702x', 'databaseEdit.reclassify.unknownCode'],
    ['a sea code', db, cell(1, 1), '18', 'databaseEdit.reclassify.seaCode'],
    ['a database declared in the 2020 edition', { ...db, edition: 'ydyh-2020' as const }, cell(1, 1), '070301', 'databaseEdit.reclassify.edition2020'],
    ['a plan without XZQDM when a parcel must be cut', database({ GHDLTB: (db.layers.GHDLTB?.features ?? []).map((f) => ({ ...f, properties: { ...f.properties, BSM: null } })) }), rectangle(0.5, 0.5, 1.5, 1.5), '070301', 'databaseEdit.drawOverPlan.noXzqdm'],
  ])('refuses %s', (_case, plan, polygon, code, key) => {
    const result = drawOverPlan(plan, polygon, code);
    expect(result.ok ? null : result.error.key).toBe(key);
  });
});
