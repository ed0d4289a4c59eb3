/**
 * A hamlet: rows of homestead lots back to back between village roads, lanes every 8–12 lots, the
 * village's public buildings, and a ring of gardens, orchards and bamboo around it (the expansion ring,
 * control zone 020). The side facing the river gets a riverside road; the side facing the county road
 * a frontage strip. Lots are 2×2 or 2×3 cells: 120–290 m².
 */
import { type CellGrid, type CellRect, rectWidth } from './grid.ts';
import { splitWidths } from './fields.ts';
import type { Rng } from './prng.ts';
import { fieldSurveyCode, makeRegion, type RegionKind } from './regions.ts';
import type { Settlement } from './settlement-sites.ts';

export type LandmarkKind = 'committee' | 'culturalHall' | 'school' | 'bridge';
export interface Landmark {
  readonly kind: LandmarkKind;
  readonly rect: CellRect;
}

export interface HamletRoles {
  readonly committee: boolean;
  readonly school: boolean;
  readonly culturalHall: boolean;
}

/** Width of the fringe ring in cells (≈ 25 m). */
export const FRINGE_CELLS = 4;

type Band = { readonly type: 'road' | 'lots' | 'garden'; readonly j0: number; readonly j1: number };

export function paintHamlet(rng: Rng, grid: CellGrid, s: Settlement, roles: HamletRoles): Landmark[] {
  const core = paintRingAndAccess(rng, grid, s);
  const bands = layBands(rng, s, core);
  const lanes: number[] = [];
  for (let p = core.i0 + rng.int(5, 9); p <= core.i1 - 5; p += rng.int(8, 12)) lanes.push(p);
  const segments: [number, number][] = [];
  let from = core.i0;
  for (const lane of [...lanes, core.i1]) {
    segments.push([from, lane]);
    from = lane + 1;
  }

  // Road bands run the full width; lanes cut the lot bands between two roads.
  const groups: Band[][] = [[]];
  for (const band of bands) {
    if (band.type === 'road') {
      grid.fill({ i0: core.i0, i1: core.i1, j0: band.j0, j1: band.j1 }, grid.add(makeRegion('villageRoad', { settlement: s.index })));
      groups.push([]);
    } else {
      (groups[groups.length - 1] as Band[]).push(band);
    }
  }
  const blocks: { group: Band[]; i0: number; i1: number; cursor: number }[] = [];
  for (const group of groups.filter((g) => g.length > 0)) {
    const j0 = Math.min(...group.map((b) => b.j0));
    const j1 = Math.max(...group.map((b) => b.j1));
    for (const lane of lanes) grid.fill({ i0: lane, i1: lane + 1, j0, j1 }, grid.add(makeRegion('villageRoad', { settlement: s.index })));
    for (const [i0, i1] of segments) blocks.push({ group, i0, i1, cursor: i0 });
  }

  // Public buildings take the west end of a block, the full depth between two roads.
  const landmarks: Landmark[] = [];
  const take = (kind: RegionKind, width: number, frontOnly = false): CellRect | undefined => {
    const fitting = blocks.filter((b) => {
      const left = b.i1 - b.cursor - width;
      return (left === 0 || left >= 2) && b.group.some((band) => band.type === 'lots');
    });
    if (fitting.length === 0) return undefined;
    const block = rng.pick(fitting);
    const lotBands = block.group.filter((band) => band.type === 'lots');
    const rows = frontOnly ? [lotBands[0] as Band] : lotBands;
    const rect = {
      i0: block.cursor,
      i1: block.cursor + width,
      j0: Math.min(...rows.map((b) => b.j0)),
      j1: Math.max(...rows.map((b) => b.j1)),
    };
    // The rest of the block's depth (behind a small building, or a leftover garden row) keeps its use.
    for (const band of block.group) {
      if (band.j0 >= rect.j0 && band.j1 <= rect.j1) continue;
      const part = { i0: rect.i0, i1: rect.i1, j0: band.j0, j1: band.j1 };
      if (band.type === 'garden') grid.fill(part, grid.add(gardenRegion(s)));
      else paintLots(rng, grid, s, part, false, false);
    }
    grid.fill(rect, grid.add(makeRegion(kind, { settlement: s.index })));
    block.cursor += width;
    return rect;
  };
  const mark = (kind: LandmarkKind, rect: CellRect | undefined) => {
    if (rect) landmarks.push({ kind, rect });
  };
  if (roles.committee) mark('committee', take('committee', rng.int(4, 5)));
  if (roles.school) mark('school', take('school', rng.int(7, 9)));
  if (roles.culturalHall) mark('culturalHall', take('culturalHall', 4));
  take('green', 3);
  take('shop', 3, true);
  take('sewage', 2, true);
  if (rng.chance(0.35)) take('villagePond', 4);

  for (const block of blocks) {
    for (const band of block.group) {
      const rect = { i0: block.cursor, i1: block.i1, j0: band.j0, j1: band.j1 };
      if (rectWidth(rect) <= 0) continue;
      if (band.type === 'garden') grid.fill(rect, grid.add(gardenRegion(s)));
      else paintLots(rng, grid, s, rect, block.i0 === core.i0, block.i1 === core.i1);
    }
  }
  return landmarks;
}

function gardenRegion(s: Settlement) {
  return makeRegion('fringe', { settlement: s.index });
}

/** Lots along a band; at the hamlet's ragged ends a lot is sometimes still a vegetable garden. */
function paintLots(rng: Rng, grid: CellGrid, s: Settlement, rect: CellRect, westEnd: boolean, eastEnd: boolean): void {
  const widths = lotWidths(rng, rectWidth(rect), rect.j1 - rect.j0);
  let i = rect.i0;
  widths.forEach((w, k) => {
    const atEdge = (westEnd && k === 0) || (eastEnd && k === widths.length - 1);
    const region = atEdge && rng.chance(0.3)
      ? gardenRegion(s)
      : makeRegion('lot', { settlement: s.index, landNote: rng.chance(0.015) ? '20' : null });
    grid.fill({ i0: i, i1: i + w, j0: rect.j0, j1: rect.j1 }, grid.add(region));
    i += w;
  });
}

/**
 * Frontages of the lots along a band, in cells: 2 or 3 where the band is 2 deep, 2 where it is 3 deep
 * (one 3 when the run is odd), so a lot is 4–6 cells (≈ 120–290 m²), 9 at most.
 */
function lotWidths(rng: Rng, total: number, depth: number): number[] {
  const widths: number[] = [];
  if (depth >= 3) {
    for (let left = total; left > 0; left -= 2) widths.push(Math.min(2, left));
    if (total % 2 === 1 && widths.length > 1) {
      widths.pop();
      widths[rng.int(0, widths.length - 1)] = 3;
    }
    return widths;
  }
  for (let left = total; left > 0; ) {
    const w = left <= 3 ? left : left === 4 ? 2 : rng.int(2, 3);
    widths.push(w);
    left -= w;
  }
  return widths;
}

/**
 * Paints the fringe ring on the three (or four) sides away from the anchor and the riverside road or
 * frontage strip on the anchor side; returns the core rectangle left for lots.
 */
function paintRingAndAccess(rng: Rng, grid: CellGrid, s: Settlement): CellRect {
  const r = s.rect;
  const m = FRINGE_CELLS;
  const core: CellRect = {
    i0: r.i0 + m,
    i1: r.i1 - m,
    j0: s.anchor === 'south' ? r.j0 : r.j0 + m,
    j1: s.anchor === 'north' ? r.j1 : r.j1 - m,
  };
  const sides: { rect: CellRect; alongJ: boolean }[] = [
    { rect: { i0: r.i0, i1: core.i0, j0: r.j0, j1: r.j1 }, alongJ: true },
    { rect: { i0: core.i1, i1: r.i1, j0: r.j0, j1: r.j1 }, alongJ: true },
  ];
  if (s.anchor !== 'south') sides.push({ rect: { i0: core.i0, i1: core.i1, j0: r.j0, j1: core.j0 }, alongJ: false });
  if (s.anchor !== 'north') sides.push({ rect: { i0: core.i0, i1: core.i1, j0: core.j1, j1: r.j1 }, alongJ: false });
  for (const side of sides) {
    const length = side.alongJ ? side.rect.j1 - side.rect.j0 : side.rect.i1 - side.rect.i0;
    let at = 0;
    for (const len of splitWidths(rng, length, 4, 7)) {
      const pick = rng.next();
      const classCode = pick < 0.6 ? '113' : pick < 0.75 ? '12' : pick < 0.87 ? '132' : '111';
      const region = makeRegion('fringe', { classCode, surveyCode: fieldSurveyCode(classCode), settlement: s.index });
      const plot = side.alongJ
        ? { ...side.rect, j0: side.rect.j0 + at, j1: side.rect.j0 + at + len }
        : { ...side.rect, i0: side.rect.i0 + at, i1: side.rect.i0 + at + len };
      grid.fill(plot, grid.add(region));
      at += len;
    }
  }
  // The anchor side: a riverside road on the bank, or a frontage strip over the roadside ditch.
  if (s.anchor !== 'none') {
    const j = s.anchor === 'south' ? r.j0 - 1 : r.j1;
    const access = makeRegion('villageRoad', { settlement: s.index });
    const span = s.facing === 'countyRoad' ? { i0: r.i0, i1: r.i1 } : { i0: core.i0, i1: core.i1 };
    grid.fill({ ...span, j0: j, j1: j + 1 }, grid.add(access));
  }
  return core;
}

/** Rows of the core from the anchor side outward: lots facing a road, lots behind them, the next road. */
function layBands(rng: Rng, s: Settlement, core: CellRect): Band[] {
  const depth = core.j1 - core.j0;
  const fromNorth = s.anchor === 'north';
  const bands: Band[] = [];
  let used = 0;
  const push = (type: Band['type'], d: number) => {
    const j0 = fromNorth ? core.j1 - used - d : core.j0 + used;
    bands.push({ type, j0, j1: j0 + d });
    used += d;
  };
  if (s.anchor === 'none') push('road', 1);
  const pattern: Band['type'][] = ['lots', 'lots', 'road'];
  for (let step = 0; used < depth; step++) {
    const left = depth - used;
    const type = pattern[step % 3] as Band['type'];
    if (left === 1) push('garden', 1);
    else if (type === 'road') push(left >= 3 ? 'road' : 'lots', left >= 3 ? 1 : left);
    else {
      // Lot bands are 2 or 3 cells deep; never leave a single row behind.
      const drawn = rng.chance(0.55) ? 2 : 3;
      push('lots', left <= 3 ? left : left - drawn === 1 ? 5 - drawn : drawn);
    }
  }
  return bands;
}
