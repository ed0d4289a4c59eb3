import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../domain/features.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { polygonsOf } from '../../geo/rings.ts';
import { isValidAreaGeometry } from '../../geo/validity.ts';
import type { VillageDatabase, VillageFeature } from '../../profiles/zhejiang-2026/village-database.ts';
import { cell, feature } from '../../rules/ydyh/test-support.ts';
import { applyEdit, isEmptyEdit, withValues, type DatabaseEdit } from './database-edit.ts';
import { EMPTY_DATABASE_HISTORY, record, redo, undo } from './database-history.ts';
import { deriveControlBoundaries } from './derive-control-boundaries.command.ts';
import { DRAWABLE_GKBJ_TYPES, drawControlBoundary } from './draw-control-boundary.command.ts';
import { area, grid, jittered, rectangle, XZQDM } from './test-support.ts';
import type { GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';

/** Row 0 farmland (cell 0 under the PBF), row 1 homesteads, row 2 forest. */
const CLASSES = [
  ['0103', '旱地'],
  ['070301', '一类农村宅基地'],
  ['0301', '乔木林地'],
] as const;

/** The grid's parcels classed by row, the PBF over cell (0, 0), and GKBJ derived from them: 0202, 0201, 0301, 0101. */
function derivedVillage(shape?: (col: number, row: number, n: number) => Polygon): VillageDatabase {
  const base = grid(shape);
  const parcels = (base.layers.GHDLTB?.features ?? []).map((f, k): VillageFeature => {
    const [code, name] = CLASSES[Math.floor(k / 3)] ?? CLASSES[0];
    return { ...f, properties: withValues(f.properties, { GHDLBM: code, GHDLMC: name, SSBJLX: null }) };
  });
  const ghdltb = base.layers.GHDLTB;
  if (!ghdltb) throw new Error('no GHDLTB');
  const db: VillageDatabase = { ...base, layers: { ...base.layers, GHDLTB: { ...ghdltb, features: parcels }, YJJBNT: { name: 'YJJBNT', file: 'YJJBNT.shp', fieldNames: [], features: [feature('YJJBNT#1', cell(0, 0))] } } };
  const derived = deriveControlBoundaries(db);
  if (!derived.ok) throw new Error(derived.error.key);
  return applyEdit(db, derived.value, 'forward');
}

function drawn(db: VillageDatabase, polygon: Polygon, code: GkbjTypeCode): { edit: DatabaseEdit; edited: VillageDatabase; notes: readonly { key: string }[] } {
  const result = drawControlBoundary(db, polygon, code);
  if (!result.ok) throw new Error(result.error.key);
  return { edit: result.value, edited: applyEdit(db, result.value, 'forward'), notes: result.notes };
}

const boundaries = (db: VillageDatabase) => db.layers.GKBJ?.features ?? [];
const totalArea = (db: VillageDatabase) => boundaries(db).reduce((sum, f) => sum + area(f.geometry), 0);
const areaOfType = (db: VillageDatabase, code: string) => boundaries(db).filter((f) => f.properties.GKBJLXDM === code).reduce((sum, f) => sum + area(f.geometry), 0);
/**
 * The area with every edge cut into ~1 m steps. The derivation's dissolve leaves a long edge beside its
 * neighbours' short ones on the same line, and as great circles (the area's edges) they part by up to
 * 0.5 mm, ~0.1 m² over a cell: on these straight-edged cells that, not the edit, would move the total.
 */
function landArea(geometry: VillageFeature['geometry']): number {
  const STEP = 1e-5;
  const dense = (ring: Position[]): Position[] => [
    ...ring.slice(1).flatMap((to, k) => {
      const from = ring[k] as Position;
      const n = Math.ceil(Math.hypot((to[0] as number) - (from[0] as number), (to[1] as number) - (from[1] as number)) / STEP);
      return Array.from({ length: n }, (_, i): Position => [(from[0] as number) + ((to[0] as number) - (from[0] as number)) * (i / n), (from[1] as number) + ((to[1] as number) - (from[1] as number)) * (i / n)]);
    }),
    ring[0] as Position,
  ];
  return polygonsOf(geometry as AreaGeometry).reduce((sum, polygon) => sum + ellipsoidalArea({ type: 'Polygon', coordinates: polygon.map((ring) => dense([...ring])) }), 0);
}
const landTotal = (db: VillageDatabase) => boundaries(db).reduce((sum, f) => sum + landArea(f.geometry), 0);
const refused = (result: ReturnType<typeof drawControlBoundary>) => (result.ok ? null : result.error);

describe('drawControlBoundary', () => {
  const db = derivedVillage();

  it('offers every type but the red line and the PBF', () => {
    expect(DRAWABLE_GKBJ_TYPES.map((t) => t.code)).toEqual(['0101', '0201', '0301', '0302', '0400', '0900']);
  });

  it('cuts the boundaries under the drawing and makes the inside a new 村庄弹性发展区, leaving the PBF whole; undo gives the layer back', () => {
    expect(boundaries(db).map((f) => f.properties.GKBJLXDM)).toEqual(['0101', '0201', '0202', '0301']);
    const { edit, edited, notes } = drawn(db, rectangle(0.5, 0.5, 2.5, 1.5), '0302');
    const made = (edit.features ?? []).flatMap((c) => (c.before === null ? [c.after] : []));
    expect(made).toHaveLength(1);
    expect(made[0]?.properties).toMatchObject({ BSM: `${XZQDM}00000005`, GKBJLXDM: '0302', GKBJLXMC: '村庄弹性发展区', MJ: Math.round(area(made[0]?.geometry ?? null) * 100) / 100 });
    expect(made[0]?.ref).toBe(`GKBJ#${XZQDM}00000005`);
    // Of the drawing's 2 × 1 cells, the half cell over the PBF stays 0202.
    expect(areaOfType(edited, '0302')).toBeCloseTo(area(rectangle(0.5, 0.5, 2.5, 1.5)) - area(rectangle(0.5, 0.5, 1, 1)), 1);
    expect(landArea(boundaries(edited).find((f) => f.properties.GKBJLXDM === '0202')?.geometry ?? null)).toBeCloseTo(landArea(cell(0, 0)), 2);
    expect(Math.abs(landTotal(edited) - landTotal(db))).toBeLessThan(0.01);
    for (const f of boundaries(edited)) expect(f.properties.MJ).toBe(Math.round(area(f.geometry) * 100) / 100);
    expect(notes.map((n) => n.key)).toEqual(['database.boundary.draw.cut', 'database.boundary.draw.added', 'database.boundary.draw.referenceKept']);
    expect(edit.params).toEqual({ code: '0302', name: '村庄弹性发展区', count: 2 });

    const history = record(EMPTY_DATABASE_HISTORY, edit);
    const undone = undo(edited, history);
    expect(undone?.db).toEqual(db);
    expect(undone && redo(undone.db, undone.history)?.db).toEqual(edited);
  });

  it('joins the land inside to the boundary of that type, removing a boundary it covers whole', () => {
    const { edit, edited, notes } = drawn(db, rectangle(0, 0, 3, 3), '0301');
    expect(boundaries(edited).map((f) => f.properties.GKBJLXDM)).toEqual(['0202', '0301']);
    expect(boundaries(edited).find((f) => f.properties.GKBJLXDM === '0301')?.properties.BSM).toBe(boundaries(db).find((f) => f.properties.GKBJLXDM === '0301')?.properties.BSM);
    expect((edit.features ?? []).filter((c) => c.after === null)).toHaveLength(2);
    expect(Math.abs(landTotal(edited) - landTotal(db))).toBeLessThan(0.01);
    expect(notes.map((n) => n.key)).toContain('database.boundary.draw.joined');
    expect(applyEdit(edited, edit, 'back')).toEqual(db);
  });

  it('says so when the land under the drawing already has the type, and makes no step', () => {
    const result = drawControlBoundary(db, rectangle(0.5, 1.2, 2.5, 1.8), '0301');
    expect(result.ok && isEmptyEdit(result.value)).toBe(true);
    expect(result.ok && result.notes.map((n) => n.key)).toEqual(['database.boundary.draw.alreadyType']);
  });

  it('refuses the red line and the PBF, which follow their layers, and a drawing over the PBF only', () => {
    expect(refused(drawControlBoundary(db, cell(1, 0), '0202'))).toEqual({ key: 'database.boundary.draw.fromReference', params: { code: '0202', name: '永久基本农田', layerKey: 'rules.db.layer.YJJBNT' } });
    expect(refused(drawControlBoundary(db, cell(1, 0), '0102'))?.params).toMatchObject({ layerKey: 'rules.db.layer.STBHHX' });
    expect(refused(drawControlBoundary(db, rectangle(0.2, 0.2, 0.8, 0.8), '0302'))?.key).toBe('database.boundary.draw.onlyReference');
  });

  it('asks for the boundaries to be derived first, and refuses a drawing outside the village or a bad one', () => {
    const layers = Object.fromEntries(Object.entries(db.layers).filter(([name]) => name !== 'GKBJ'));
    expect(refused(drawControlBoundary({ ...db, layers }, cell(1, 1), '0302'))?.key).toBe('database.boundary.draw.deriveFirst');
    expect(refused(drawControlBoundary(db, cell(5, 5), '0302'))?.key).toBe('database.boundary.draw.outsideVillage');
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[...(rectangle(1, 1, 2, 2).coordinates[0] as Position[]).slice(0, 2), ...(rectangle(1, 1, 2, 2).coordinates[0] as Position[]).slice(2, 4).reverse(), (rectangle(1, 1, 2, 2).coordinates[0] as Position[])[0] as Position]] };
    expect(refused(drawControlBoundary(db, bowtie, '0302'))?.key).toMatch(/^geometry\.invalid\./);
    expect(refused(drawControlBoundary(db, cell(1, 1), '9999' as GkbjTypeCode))?.key).toBe('databaseEdit.setControlType.unknownType');
  });

  it('keeps the total on boundaries derived from real-looking parcels (edges jittered ±0.3 mm), with no sliver part and every part valid', () => {
    const real = derivedVillage((col, row, n) => jittered(col, row, 7 * n));
    for (const [polygon, code] of [
      [rectangle(0.5, 0.5, 2.5, 1.5), '0302'],
      [rectangle(1, 0.3, 2, 2.7), '0302'],
      [rectangle(0.3, 1, 2.7, 2), '0400'],
      [cell(1, 2), '0301'],
    ] as const) {
      const { edit, edited } = drawn(real, polygon, code);
      expect(Math.abs(totalArea(edited) - totalArea(real))).toBeLessThan(0.01);
      const touched = (edit.features ?? []).flatMap((c) => (c.after ? [c.after] : []));
      for (const f of touched) expect(isValidAreaGeometry(f.geometry as AreaGeometry)).toBe(true);
      for (const f of touched) for (const part of polygonsOf(f.geometry as AreaGeometry)) expect(ellipsoidalArea({ type: 'Polygon', coordinates: part as Position[][] })).toBeGreaterThanOrEqual(1);
      expect(applyEdit(edited, edit, 'back')).toEqual(real);
    }
  });
});
