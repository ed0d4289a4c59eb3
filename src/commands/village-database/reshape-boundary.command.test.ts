import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../domain/features.ts';
import { positionsEqual } from '../../geo/rings.ts';
import { hasVertex } from '../../geo/topology.ts';
import type { VillageDatabase, VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { CELL, cell, database, feature } from '../../rules/ydyh/test-support.ts';
import { checkDatabase } from '../../rules/ydyh/index.ts';
import { vertices } from '../shared-boundaries.ts';
import { applyEdit, type DatabaseEdit } from './database-edit.ts';
import { EMPTY_DATABASE_HISTORY, record, undo } from './database-history.ts';
import { reshapeBoundary, type Drag } from './reshape-boundary.command.ts';
import { area, at, grid, layerArea, M_LAT, M_LON, tJunctionGrid, XZQDM } from './test-support.ts';

const ref = (n: number) => `GHDLTB#${XZQDM}${String(n).padStart(8, '0')}`;
const parcel = (db: VillageDatabase, n: number) => db.layers.GHDLTB?.features.find((f) => f.ref === ref(n)) as VillageFeature;
const moved = (edit: DatabaseEdit) => (edit.features ?? []).flatMap((c) => (c.after ? [c.after] : []));
const coverageIssues = (db: VillageDatabase) => checkDatabase(db).issues.filter((i) => ['geometry-valid', 'no-overlap', 'no-gap'].includes(i.rule));

function reshape(db: VillageDatabase, drag: Drag, picked?: string): { edit: DatabaseEdit; edited: VillageDatabase } {
  const result = reshapeBoundary(db, 'GHDLTB', drag, picked);
  if (!result.ok) throw new Error(`${result.error.key} ${JSON.stringify(result.error.params)}`);
  return { edit: result.value, edited: applyEdit(db, result.value, 'forward') };
}

function refusal(db: VillageDatabase, drag: Drag, picked?: string, layer: VillageLayerName = 'GHDLTB') {
  const result = reshapeBoundary(db, layer, drag, picked);
  return result.ok ? null : result.error;
}

/** The stored vertex of parcel `n` nearest to a point given in cell units. */
function vertexNear(db: VillageDatabase, n: number, x: number, y: number): Position {
  const target = at(x, y);
  const distance = (p: Position) => Math.hypot((p[0] as number) - (target[0] as number), (p[1] as number) - (target[1] as number));
  return vertices(parcel(db, n).geometry as AreaGeometry).reduce((best, p) => (distance(p) < distance(best) ? p : best));
}

/** Every parcel the edit moved has `to`, keeps GHDLMJ its own rounded area, and the layer's area is what it was. */
function expectPartitionKept(db: VillageDatabase, edit: DatabaseEdit, edited: VillageDatabase, to: Position) {
  for (const f of moved(edit)) {
    expect(hasVertex(f.geometry as AreaGeometry, to)).toBe(true);
    expect(f.properties.GHDLMJ).toBe(Math.round(area(f.geometry) * 100) / 100);
  }
  expect(Math.abs(layerArea(edited) - layerArea(db))).toBeLessThan(0.01);
  expect(coverageIssues(edited)).toEqual([]);
}

describe('reshapeBoundary', () => {
  const db = grid();

  it('moves a corner four parcels share in all four; the plan stays a partition; one undo step gives it back', () => {
    const to = at(1.2, 1.1);
    const { edit, edited } = reshape(db, { from: at(1, 1), to }, ref(5));
    expect(moved(edit).map((f) => f.properties.TBBH)).toEqual(['1', '2', '4', '5']);
    expect(edit).toMatchObject({ labelKey: 'database.reshape.label', params: { parcel: ref(5), count: 4 }, changes: [] });
    expectPartitionKept(db, edit, edited, to);
    expect(area(parcel(edited, 5).geometry)).toBeLessThan(area(parcel(db, 5).geometry) - 100);
    const undone = undo(edited, record(EMPTY_DATABASE_HISTORY, edit));
    expect(undone?.db).toEqual(db);
  });

  it('drags a point of a straight shared edge: both parcels beside it get the vertex (a T-junction on each side)', () => {
    const to = at(1.3, 1.5);
    const { edit, edited } = reshape(db, { from: at(1, 1.5), to });
    expect(moved(edit).map((f) => f.properties.TBBH)).toEqual(['4', '5']);
    expectPartitionKept(db, edit, edited, to);
  });

  it('slides a vertex of the village boundary along it', () => {
    const to = at(1.3, 0);
    const { edit, edited } = reshape(db, { from: at(1, 0), to });
    expect(moved(edit).map((f) => f.properties.TBBH)).toEqual(['1', '2']);
    expectPartitionKept(db, edit, edited, to);
  });

  describe('on real-looking parcels (neighbours ±0.3 mm apart, parcel 5 a T-junction along parcel 4)', () => {
    const real = tJunctionGrid();

    it('starts clean', () => expect(coverageIssues(real)).toEqual([]));

    it('moves a vertex of parcel 4 lying on parcel 5’s straight edge: parcel 5 gets it inserted and follows', () => {
      const from = vertexNear(real, 4, 1, 1.5);
      expect(hasVertex(parcel(real, 5).geometry as AreaGeometry, from)).toBe(false);
      const to = at(1.15, 1.45);
      const { edit, edited } = reshape(real, { from, to }, ref(4));
      expect(moved(edit).map((f) => f.properties.TBBH)).toEqual(['4', '5']);
      expectPartitionKept(real, edit, edited, to);
      expect(area(parcel(edited, 4).geometry)).toBeGreaterThan(area(parcel(real, 4).geometry) + 100);
    });

    it('moves a corner whose four copies differ by jitter: all four follow, and parcel 5’s straight edge bends at parcel 4’s vertices', () => {
      const from = vertexNear(real, 5, 1, 2);
      const to = at(1.1, 1.92);
      const { edit, edited } = reshape(real, { from, to }, ref(5));
      expect(moved(edit).map((f) => f.properties.TBBH)).toEqual(['4', '5', '7', '8']);
      expectPartitionKept(real, edit, edited, to);
      // Parcel 5's west edge, one straight segment, now bends where each of parcel 4's vertices along it holds it.
      const gained = vertices(parcel(edited, 5).geometry as AreaGeometry).filter((p) => !hasVertex(parcel(real, 5).geometry as AreaGeometry, p) && !positionsEqual(p, to));
      expect(gained.length).toBe(9);
      const metres = (p: Position, q: Position) => Math.hypot(((p[0] as number) - (q[0] as number)) * M_LON, ((p[1] as number) - (q[1] as number)) * M_LAT);
      const ofFour = vertices(parcel(real, 4).geometry as AreaGeometry);
      for (const p of gained) expect(Math.min(...ofFour.map((q) => metres(p, q)))).toBeLessThan(0.001);
    });
  });

  it('refuses a drag that makes a parcel cross itself, naming it', () => {
    const error = refusal(db, { from: at(1, 1), to: at(2.5, 1.6) }, ref(5));
    expect(error).toMatchObject({ key: 'database.reshape.invalid', params: { parcel: ref(5) } });
  });

  it('refuses a drag that pushes a parcel over a neighbour not sharing the vertex, naming both', () => {
    const withGap = { ...db, layers: { ...db.layers, GHDLTB: { ...(db.layers.GHDLTB as NonNullable<VillageDatabase['layers']['GHDLTB']>), features: (db.layers.GHDLTB?.features ?? []).filter((f) => f.ref !== ref(2)) } } };
    const error = refusal(withGap, { from: at(1, 1), to: at(2.5, 0.3) });
    expect(error).toMatchObject({ key: 'database.reshape.crossesNeighbour', params: { parcel: ref(1), neighbour: ref(3) } });
  });

  it('refuses taking a vertex of the village boundary off it, naming the parcel', () => {
    expect(refusal(db, { from: at(1, 0), to: at(1.2, 0.1) }, ref(2))).toMatchObject({ key: 'database.reshape.offVillage', params: { parcel: ref(2) } });
  });

  it('serves 管控边界 (GKBJ) the same, writing MJ; the base-year layer is not reshaped', () => {
    const boundaries = [cell(0, 0, 2 * CELL), cell(1, 0, 2 * CELL)].map((geometry, k) => feature(`GKBJ#${k + 1}`, geometry, { GKBJLXDM: '1', MJ: 0 }));
    const gkbj = database({ GKBJ: boundaries });
    const result = reshapeBoundary(gkbj, 'GKBJ', { from: at(2, 1), to: at(2.3, 1) });
    if (!result.ok) throw new Error(result.error.key);
    const after = (result.value.features ?? []).flatMap((c) => (c.after ? [c.after] : []));
    expect(after.map((f) => f.ref)).toEqual(['GKBJ#1', 'GKBJ#2']);
    for (const f of after) expect(f.properties.MJ).toBe(Math.round(area(f.geometry) * 100) / 100);
    expect(refusal(db, { from: at(1, 1), to: at(1.1, 1.1) }, undefined, 'JQDLTB')?.key).toBe('database.reshape.notPartition');
  });

  it('refuses a point on no boundary, and a vertex not on the picked parcel', () => {
    expect(refusal(db, { from: at(1.5, 1.5), to: at(1.6, 1.6) })?.key).toBe('database.reshape.noVertex');
    expect(refusal(db, { from: at(1, 1), to: at(1.1, 1.1) }, ref(9))).toMatchObject({ key: 'database.reshape.notOnParcel', params: { parcel: ref(9) } });
  });
});
