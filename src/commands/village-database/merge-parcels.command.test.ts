import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../domain/features.ts';
import { polygonsOf } from '../../geo/rings.ts';
import { isValidAreaGeometry } from '../../geo/validity.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { checkDatabase } from '../../rules/ydyh/index.ts';
import { vertices } from '../shared-boundaries.ts';
import { applyEdit, type DatabaseEdit } from './database-edit.ts';
import { EMPTY_DATABASE_HISTORY, record, undo } from './database-history.ts';
import { mergeParcels } from './merge-parcels.command.ts';
import { reclassify } from './reclassify.command.ts';
import { area, at, grid, jittered, layerArea, tJunctionGrid, XZQDM } from './test-support.ts';

const ref = (n: number) => `GHDLTB#${XZQDM}${String(n).padStart(8, '0')}`;

function merge(db: VillageDatabase, refs: readonly string[]): { edit: DatabaseEdit; edited: VillageDatabase } {
  const result = mergeParcels(db, refs);
  if (!result.ok) throw new Error(`${result.error.key} ${JSON.stringify(result.error.params)}`);
  return { edit: result.value, edited: applyEdit(db, result.value, 'forward') };
}

const parcel = (db: VillageDatabase, r: string) => db.layers.GHDLTB?.features.find((f) => f.ref === r);
const sumOf = (db: VillageDatabase, refs: readonly string[]) => refs.reduce((sum, r) => sum + area(parcel(db, r)?.geometry ?? null), 0);

/** One polygon without holes: no part left behind and no sliver gap inside. */
function expectOnePiece(geometry: AreaGeometry): void {
  expect(geometry.type).toBe('Polygon');
  expect(polygonsOf(geometry)[0]).toHaveLength(1);
  expect(isValidAreaGeometry(geometry)).toBe(true);
}

describe('mergeParcels', () => {
  const db = grid();

  it('merges adjacent parcels into the first picked: its ref, BSM and class kept, the others removed, GHDLMJ the area of the union; undo gives the plan back', () => {
    const refs = [ref(5), ref(4), ref(7)];
    const { edit, edited } = merge(db, refs);
    const merged = parcel(edited, ref(5));
    expect(merged?.properties).toMatchObject({ BSM: `${XZQDM}00000005`, TBBH: '5', GHDLBM: '0101', GHDLMC: '水田' });
    expectOnePiece(merged?.geometry as AreaGeometry);
    expect(area(merged?.geometry ?? null)).toBeCloseTo(sumOf(db, refs), 2);
    expect(merged?.properties.GHDLMJ).toBe(Math.round(area(merged?.geometry ?? null) * 100) / 100);
    expect(edited.layers.GHDLTB?.features.map((f) => f.properties.TBBH)).toEqual(['1', '2', '3', '5', '6', '8', '9']);
    expect(Math.abs(layerArea(edited) - layerArea(db))).toBeLessThan(0.01);
    // Where 4 and 5 met on the straight south edge is a corner of parcels 1 and 2: the overlay drops it, the merge puts it back.
    const near = (p: Position, q: Position) => Math.hypot((p[0] as number) - (q[0] as number), (p[1] as number) - (q[1] as number)) < 1e-12;
    expect(vertices(merged?.geometry as AreaGeometry).some((p) => near(p, at(1, 1)))).toBe(true);
    expect(edit).toMatchObject({ labelKey: 'database.shape.merge.label', params: { count: 3, tbbh: '5' }, changes: [] });
    expect(checkDatabase(edited).issues.filter((i) => i.rule === 'totals-equal')).toEqual([]);

    const undone = undo(edited, record(EMPTY_DATABASE_HISTORY, edit));
    expect(undone?.db).toEqual(db);
  });

  it('merges real-looking parcels (edges jittered ±0.3 mm, T-junctions) into one polygon with no sliver gap', () => {
    const jitteredGrid = grid((col, row, n) => jittered(col, row, 7 * n));
    for (const real of [jitteredGrid, tJunctionGrid()]) {
      for (const refs of [[ref(4), ref(5)], [ref(5), ref(2), ref(8), ref(4), ref(6)], [ref(1), ref(2), ref(3), ref(4), ref(5), ref(6), ref(7), ref(8), ref(9)]]) {
        const { edit, edited } = merge(real, refs);
        const merged = parcel(edited, refs[0] as string);
        expectOnePiece(merged?.geometry as AreaGeometry);
        // Overlaps and gaps of ±0.3 mm along ~100 m edges: the union differs from the sum by centiares at most.
        expect(Math.abs(area(merged?.geometry ?? null) - sumOf(real, refs))).toBeLessThan(0.1);
        expect(applyEdit(edited, edit, 'back')).toEqual(real);
      }
    }
  });

  it.each<[string, VillageDatabase, string[], string]>([
    ['one parcel', db, [ref(5)], 'database.shape.merge.needTwo'],
    ['the same parcel twice', db, [ref(5), ref(5)], 'database.shape.merge.needTwo'],
    ['parcels apart', db, [ref(1), ref(3)], 'database.shape.merge.notAdjacent'],
    ['an unknown parcel', db, [ref(5), 'GHDLTB#x'], 'databaseEdit.unknownFeatures'],
  ])('refuses %s', (_case, plan, refs, key) => {
    const result = mergeParcels(plan, refs);
    expect(result.ok ? null : result.error.key).toBe(key);
  });

  it('refuses parcels that touch only at a corner', () => {
    const result = mergeParcels(db, [ref(1), ref(5)]);
    expect(result.ok ? null : result.error.key).toBe('database.shape.merge.notAdjacent');
  });

  it('refuses parcels of different classes, naming them, until the planner reclassifies', () => {
    const changed = reclassify(db, [ref(4)], '070301');
    if (!changed.ok) throw new Error(changed.error.key);
    const mixed = applyEdit(db, changed.value, 'forward');
    const result = mergeParcels(mixed, [ref(5), ref(4)]);
    expect(result.ok ? null : result.error).toEqual({ key: 'database.shape.merge.differentClasses', params: { classes: '0101 水田, 070301 一类农村宅基地' } });
  });
});
