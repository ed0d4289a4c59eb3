/**
 * Which base-year classes the 规划图 still shows once the changes are drawn over the base parcels. A class
 * whose every parcel lies under changes (the village's one 采矿用地 plot, demolished and restored to 耕地)
 * is nowhere on the plan map, so its legend must not list it: the legend used to list every base class.
 */
import type { AreaGeometry } from '../domain/features.ts';
import { bboxIntersects, geometryBBox } from '../geo/bbox.ts';
import { difference, resultArea, union } from '../geo/overlay.ts';

/**
 * Less than this much of a parcel left uncovered is a sliver of redrawing (a demolition traced from the
 * parcel with ±0.3 mm of jitter leaves a few hundredths of a m²), not land the map shows.
 */
const MIN_SHOWN_M2 = 1;

export interface BaseArea<C extends string> {
  readonly geometry: AreaGeometry;
  readonly code: C;
}

export function shownBaseClasses<C extends string>(bases: readonly BaseArea<C>[], changes: readonly AreaGeometry[]): Set<C> {
  const changeBoxes = changes.map((geometry) => ({ geometry, box: geometryBBox(geometry) }));
  const shown = new Set<C>();
  for (const { geometry, code } of bases) {
    if (shown.has(code)) continue;
    const box = geometryBBox(geometry);
    const over = changeBoxes.filter((c) => bboxIntersects(c.box, box)).map((c) => c.geometry);
    if (over.length === 0 || isShown(geometry, over)) shown.add(code);
  }
  return shown;
}

function isShown(geometry: AreaGeometry, over: readonly AreaGeometry[]): boolean {
  const cover = union(over);
  if (!cover.ok || !cover.value) return true;
  const rest = difference(geometry, cover.value);
  // An overlay polyclip cannot do says nothing about coverage: keep the class rather than hide it.
  return !rest.ok || resultArea(rest) >= MIN_SHOWN_M2;
}
