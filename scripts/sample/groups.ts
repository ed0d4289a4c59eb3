/**
 * Villagers' groups (村民小组): each hamlet's homesteads are cut west to east into groups of ~130 lots,
 * numbered hamlet by hamlet from the north; fields belong to the group whose homesteads lie nearest, as
 * collective land was divided after 1982.
 */
import type { GeometryBuilder } from './geometry.ts';
import type { VillageLayout } from './layout.ts';

export interface VillagerGroup {
  /** 1-based: 第一村民小组 is 1. */
  readonly number: number;
  readonly lots: readonly number[];
  /** Design-metre centre of its homesteads. */
  readonly centre: readonly [number, number];
}

export interface Ownership {
  readonly groups: readonly VillagerGroup[];
  /** Group number (1-based) of every parcel. */
  readonly groupOf: Int32Array;
  /** Design-metre centre of every parcel (mean of its cell centres), x and y interleaved. */
  readonly centres: Float64Array;
}

const LOTS_PER_GROUP = 130;

export function formGroups(layout: VillageLayout, builder: GeometryBuilder): Ownership {
  const { grid, parcels } = layout;
  const count = parcels.regions.length;
  const centres = new Float64Array(2 * count);
  for (let p = 0; p < count; p++) {
    const cells = builder.cellsOf(p);
    let sx = 0;
    let sy = 0;
    for (const cell of cells) {
      const [x, y] = grid.cellCentre(cell % grid.ni, Math.floor(cell / grid.ni));
      sx += x;
      sy += y;
    }
    centres[2 * p] = sx / cells.length;
    centres[2 * p + 1] = sy / cells.length;
  }

  const hamlets = layout.settlements
    .filter((s) => s.kind === 'hamlet')
    .sort((a, b) => b.row0 - a.row0 || a.col0 - b.col0);
  const groups: VillagerGroup[] = [];
  const groupOf = new Int32Array(count);
  for (const s of hamlets) {
    const lots = parcels.regions
      .map((r, p) => ({ r, p }))
      .filter(({ r }) => r.kind === 'lot' && r.settlement === s.index)
      .map(({ p }) => p)
      .sort((a, b) => centres[2 * a]! - centres[2 * b]! || centres[2 * a + 1]! - centres[2 * b + 1]!);
    const n = Math.max(1, Math.round(lots.length / LOTS_PER_GROUP));
    for (let k = 0; k < n; k++) {
      const members = lots.slice(Math.floor((k * lots.length) / n), Math.floor(((k + 1) * lots.length) / n));
      if (members.length === 0) continue;
      const cx = members.reduce((sum, p) => sum + centres[2 * p]!, 0) / members.length;
      const cy = members.reduce((sum, p) => sum + centres[2 * p + 1]!, 0) / members.length;
      const group = { number: groups.length + 1, lots: members, centre: [cx, cy] as const };
      groups.push(group);
      for (const p of members) groupOf[p] = group.number;
    }
  }
  if (groups.length === 0) throw new Error('a village with no homesteads has no villagers’ groups');
  for (let p = 0; p < count; p++) {
    if (groupOf[p] !== 0) continue;
    let best = groups[0]!;
    let bestDistance = Infinity;
    for (const g of groups) {
      const d = Math.hypot(centres[2 * p]! - g.centre[0], centres[2 * p + 1]! - g.centre[1]);
      if (d < bestDistance) {
        best = g;
        bestDistance = d;
      }
    }
    groupOf[p] = best.number;
  }
  return { groups, groupOf, centres };
}
