/**
 * The industrial patch on the county road: a few workshops (2124, 经营性建设用地) either side of an
 * access road, one with an unlicensed extension shed (DLBZ 20), and the same fringe ring as a hamlet.
 */
import type { CellGrid, CellRect } from './grid.ts';
import { splitWidths } from './fields.ts';
import { FRINGE_CELLS } from './hamlets.ts';
import type { Rng } from './prng.ts';
import { fieldSurveyCode, makeRegion } from './regions.ts';
import type { Settlement } from './settlement-sites.ts';

export function paintIndustry(rng: Rng, grid: CellGrid, s: Settlement): void {
  const r = s.rect;
  const m = FRINGE_CELLS;
  const core: CellRect = { i0: r.i0 + m, i1: r.i1 - m, j0: s.anchor === 'south' ? r.j0 : r.j0 + m, j1: r.j1 - m };
  const ring: CellRect[] = [
    { i0: r.i0, i1: core.i0, j0: r.j0, j1: r.j1 },
    { i0: core.i1, i1: r.i1, j0: r.j0, j1: r.j1 },
    { i0: core.i0, i1: core.i1, j0: core.j1, j1: r.j1 },
  ];
  if (s.anchor !== 'south') ring.push({ i0: core.i0, i1: core.i1, j0: r.j0, j1: core.j0 });
  for (const side of ring) {
    const alongJ = side.i1 - side.i0 === m;
    let at = 0;
    for (const len of splitWidths(rng, alongJ ? side.j1 - side.j0 : side.i1 - side.i0, 4, 8)) {
      const classCode = rng.chance(0.7) ? '113' : '132';
      const region = makeRegion('fringe', { classCode, surveyCode: fieldSurveyCode(classCode), settlement: s.index });
      grid.fill(alongJ ? { ...side, j0: side.j0 + at, j1: side.j0 + at + len } : { ...side, i0: side.i0 + at, i1: side.i0 + at + len }, grid.add(region));
      at += len;
    }
  }

  // A frontage strip over the roadside ditch, and the access road from it to the back of the patch.
  if (s.facing === 'countyRoad') {
    grid.fill({ i0: r.i0, i1: r.i1, j0: r.j0 - 1, j1: r.j0 }, grid.add(makeRegion('villageRoad', { settlement: s.index })));
  }
  const mid = Math.floor((core.i0 + core.i1) / 2);
  grid.fill({ i0: mid, i1: mid + 1, j0: core.j0, j1: core.j1 }, grid.add(makeRegion('villageRoad', { settlement: s.index })));

  const halves: CellRect[] = [
    { ...core, i1: mid },
    { ...core, i0: mid + 1 },
  ];
  halves.forEach((half, h) => {
    let at = half.j0;
    for (const depth of splitWidths(rng, half.j1 - half.j0, 6, 12)) {
      grid.fill({ ...half, j0: at, j1: at + depth }, grid.add(makeRegion('workshop', { settlement: s.index })));
      at += depth;
    }
    if (h === 1) {
      // An extension shed built without approval at the back of the east half.
      const shed = { i0: half.i1 - 3, i1: half.i1, j0: half.j1 - 4, j1: half.j1 };
      grid.fill(shed, grid.add(makeRegion('workshop', { settlement: s.index, landNote: '20' })));
    }
  });
}
