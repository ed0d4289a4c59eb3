/**
 * Checks every command makes before a geometry enters the plan, with messages a planner understands.
 * terra-draw runs the same checks while drawing (map/draw), so a bad shape is usually refused before it
 * ever reaches a command; here they guard imports, scripts and the CLI too.
 */
import type { AreaGeometry } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { difference, intersection } from '../geo/overlay.ts';
import { withoutSliverRings } from '../geo/sliver-rings.ts';
import { validateAreaGeometry } from '../geo/validity.ts';
import type { Message } from './command.ts';
import { vertices, withVerticesOnEdges } from './shared-boundaries.ts';

/** Below this a drawn polygon is a slip of the mouse, not a parcel. */
export const MIN_DRAWN_AREA_M2 = 0.01;

export function geometryProblem(geometry: AreaGeometry): Message | undefined {
  const problem = validateAreaGeometry(geometry).find((p) => p.severity === 'error');
  if (problem) return { key: `geometry.invalid.${problem.kind}`, ...(problem.at ? { at: problem.at } : {}) };
  if (ellipsoidalArea(geometry) < MIN_DRAWN_AREA_M2) return { key: 'geometry.invalid.zeroArea' };
  return undefined;
}

export type Fitted =
  | { readonly ok: true; readonly geometry: AreaGeometry; readonly notes: readonly Message[] }
  | { readonly ok: false; readonly error: Message };

/**
 * Keeps a geometry inside the village boundary (rule `inside-village`): a part outside is clipped off
 * with a note saying how much; a geometry wholly outside is refused. A plan without a boundary skips this.
 * What lies outside only as strips narrower than `toleranceM` is left as it is: a survey parcel clipped to
 * a boundary from another layer runs a fraction of a millimetre past it, within the coverage tolerance, and
 * a copy of it must stay the parcel's shape (no note, no vertex dropped).
 */
export function fitToVillage(plan: Plan, geometry: AreaGeometry, toleranceM: number): Fitted {
  const boundaries = layerFeatures(plan, 'boundary');
  if (boundaries.length === 0) return { ok: true, geometry, notes: [] };
  let inside: AreaGeometry | null = null;
  for (const boundary of boundaries) {
    const part = intersection(geometry, boundary.geometry);
    if (!part.ok) return { ok: false, error: { key: 'geometry.overlayFailed', params: { detail: part.error } } };
    if (part.value) inside = inside ? mergeParts(inside, part.value) : part.value;
  }
  if (!inside || ellipsoidalArea(inside) < MIN_DRAWN_AREA_M2) return { ok: false, error: { key: 'commands.add.outsideVillage' } };
  // The overlay drops vertices on straight runs; each bends the run on the ellipsoid, so they go back before measuring.
  inside = withVerticesOnEdges(inside, [[geometry, ...boundaries.map((b) => b.geometry)].flatMap(vertices), vertices(geometry)]);
  const removed = ellipsoidalArea(geometry) - ellipsoidalArea(inside);
  if (removed < MIN_DRAWN_AREA_M2) return { ok: true, geometry, notes: [] };
  if (onlyStripsOutside(geometry, boundaries, toleranceM)) return { ok: true, geometry, notes: [] };
  return { ok: true, geometry: inside, notes: [{ key: 'commands.add.clippedToBoundary', params: { areaM2: round2(removed) } }] };
}

/**
 * Removes the parts of `geometry` already covered by other features of the same layer, so a new zone or
 * parcel never overlaps the existing ones (rule `no-overlap`). The overlay drops vertices on straight runs:
 * the result takes back its own and those of the features it now borders before it is measured, so it
 * shares their boundary and the area it lost is the area they cover (a vertex bends a straight run on the
 * ellipsoid, src/geo/area.ts). Parts and holes narrower than `toleranceM` go: they are the seams between
 * neighbours whose copies of an edge lie a hair apart, not land the planner drew.
 */
export function clipAgainst(geometry: AreaGeometry, others: readonly { id: FeatureId; geometry: AreaGeometry }[], toleranceM: number): Fitted {
  let rest: AreaGeometry | null = geometry;
  const before = ellipsoidalArea(geometry);
  for (const other of others) {
    if (!rest) break;
    const cut = difference(rest, other.geometry);
    if (!cut.ok) return { ok: false, error: { key: 'geometry.overlayFailed', params: { detail: cut.error } } };
    rest = cut.value;
  }
  if (rest) rest = withoutSliverRings(rest, toleranceM);
  if (rest) rest = withVerticesOnEdges(rest, [[geometry, ...others.map((o) => o.geometry)].flatMap(vertices), vertices(geometry)]);
  if (!rest || ellipsoidalArea(rest) < MIN_DRAWN_AREA_M2) return { ok: false, error: { key: 'commands.clip.nothingLeft' } };
  const removed = before - ellipsoidalArea(rest);
  if (removed < MIN_DRAWN_AREA_M2) return { ok: true, geometry, notes: [] };
  return { ok: true, geometry: rest, notes: [{ key: 'commands.clip.clipped', params: { areaM2: round2(removed) } }] };
}

/** What of `geometry` lies outside the boundaries is only strips narrower than `toleranceM` (an overlay that fails says no). */
function onlyStripsOutside(geometry: AreaGeometry, boundaries: readonly { geometry: AreaGeometry }[], toleranceM: number): boolean {
  let outside: AreaGeometry | null = geometry;
  for (const boundary of boundaries) {
    if (!outside) return true;
    const cut = difference(outside, boundary.geometry);
    if (!cut.ok) return false;
    outside = cut.value;
  }
  return outside === null || withoutSliverRings(outside, toleranceM) === null;
}

function mergeParts(a: AreaGeometry, b: AreaGeometry): AreaGeometry {
  const polygons = [
    ...(a.type === 'Polygon' ? [a.coordinates] : a.coordinates),
    ...(b.type === 'Polygon' ? [b.coordinates] : b.coordinates),
  ];
  return { type: 'MultiPolygon', coordinates: polygons };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
