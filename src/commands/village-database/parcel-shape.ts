/**
 * What the commands that change planned parcels' shapes share (drawing over the plan, splitting, merging):
 * GHDLMJ from the new shape, the cut's vertices given to the edges they lie on, and which refs name one
 * parcel only.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../../domain/features.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { insertVerticesOnEdges } from '../../geo/topology.ts';
import { isValidAreaGeometry } from '../../geo/validity.ts';
import type { VillageFeature } from '../../profiles/zhejiang-2026/village-database.ts';
import { VERTEX_TOLERANCE_DEG, vertices } from '../shared-boundaries.ts';
import { withValues } from './database-edit.ts';

/** An area to 0.01 m², as GHDLMJ is written. */
export const roundM2 = (value: number) => Math.round(value * 100) / 100;

/** GHDLMJ of a shape: its ellipsoidal area to 0.01 m². */
export const roundedArea = (geometry: AreaGeometry) => roundM2(ellipsoidalArea(geometry));

/** How many features of the layer have each ref: an edit can only name a feature whose ref is its own. */
export function refCounts(features: readonly VillageFeature[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const feature of features) counts.set(feature.ref, (counts.get(feature.ref) ?? 0) + 1);
  return counts;
}

const pointKey = (p: Position) => `${p[0]},${p[1]}`;

/** The vertices of the new shapes that none of the old ones had: where a cut met the old outlines, and its own bends. */
export function newVertices(before: readonly AreaGeometry[], after: readonly AreaGeometry[]): Position[] {
  const known = new Set(before.flatMap(vertices).map(pointKey));
  return after.flatMap(vertices).filter((p) => !known.has(pointKey(p)));
}

/**
 * The geometry with the points lying on its edges (within 0.1 mm) inserted, the same numbers, so both sides
 * of an edge have them; null when none lies on one. Where parcels were digitised apart a point may sit a
 * fraction of a millimetre off a narrow part and inserting it would make the ring cross itself: then the
 * geometry stays as it was, a boundary not quite shared being better than an invalid parcel.
 */
export function withPoints(geometry: AreaGeometry, points: readonly Position[]): AreaGeometry | null {
  const inserted = insertVerticesOnEdges(geometry, points, VERTEX_TOLERANCE_DEG);
  return inserted && isValidAreaGeometry(inserted) ? inserted : null;
}

/** The parcel with its new shape: GHDLMJ its rounded area, with `values`. */
export function reshaped(feature: VillageFeature, geometry: AreaGeometry, values: Readonly<Record<string, string>> = {}): VillageFeature {
  return { ...feature, geometry, properties: withValues(feature.properties, { ...values, GHDLMJ: roundedArea(geometry) }) };
}
