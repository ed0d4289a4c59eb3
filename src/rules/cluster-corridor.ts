/**
 * A large cluster of unbalanced stretches clipped as the corridor along its stretches, not as its whole box.
 *
 * A village boundary from another survey, or moved by a datum shift, disagrees with the parcels all round:
 * its stretches chain into one ring, their merged box is the whole village, and the cluster held every
 * feature of the layer. Each edit then re-made the union of all of them (3.5 s an edit on 22,684 parcels
 * with the boundary 0.3 m off), though only the parcels along the boundary can be wrong.
 *
 * Away from the stretches every edge of the layer and of the boundary balances, so how many features cover
 * a point less whether the village does (0 where the layer covers the village once) changes only across a
 * stretch: it is the same all over each piece of the box outside the corridor (the stretches' boxes grown by
 * CORRIDOR_MARGIN_M). One point inside each piece tells it. Where every piece counts 0, every gap, overlap
 * and part outside lies inside the corridor, and its features are all the overlays need; where one does
 * not (a gap wider than the corridor, a point too near an edge to be sure), the cluster is clipped whole, as
 * before. An edit away from the corridor then changes none of its features and its overlays stay remembered.
 */
import type { MultiPolygon, Position } from 'geojson';
import type { AreaFeature, AreaGeometry } from '../domain/features.ts';
import { isAreaFeature } from '../domain/features.ts';
import type { BBox } from '../geo/bbox.ts';
import { hashEdge } from '../geo/edge-balance.ts';
import { boxPolygon, clipParts, unionOf } from '../geo/geos/coverage-overlay.ts';
import type { FlatPolygon } from '../geo/geos/planar-geometry.ts';
import { interiorPoint } from '../geo/interior-point.ts';
import { metresPerDegree, toleranceDegreesXY } from '../geo/local-metric.ts';
import { PreparedArea } from '../geo/prepared-area.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { CheckState } from './context.ts';

/** From this many stretches on a cluster is tried as a corridor; a few stretches' box holds few features anyway. */
export const CORRIDOR_FROM = 16;
/**
 * How far the corridor reaches beyond the stretches' boxes (m): wider than the misalignments stretches
 * bound in practice (a boundary 2 m off leaves a 2 m strip between two runs of stretches), so their slivers
 * lie inside it; a wider problem is found by the pieces' count and clipped whole.
 */
const CORRIDOR_MARGIN_M = 10;
/** A piece's point this near an edge of a feature or of the village does not decide its count. */
const CLEARANCE_M = 0.05;

export interface Corridor {
  /** The stretches' boxes grown by the margin, merged: a lon/lat multipolygon. */
  readonly region: MultiPolygon;
  /** The layer's area features reaching into it, by id. */
  readonly features: readonly AreaFeature[];
  /** Tells this corridor from another of the same box (other stretches). */
  readonly key: string;
}

/** The cluster as a corridor, or null where it must be clipped whole (see the module comment). */
export function corridorOf(state: CheckState, layer: LayerId, box: BBox, members: readonly BBox[]): Corridor | null {
  const village = state.boundary();
  if (!village.ok || !village.geometry) return null;
  const { x: dx, y: dy } = toleranceDegreesXY(CORRIDOR_MARGIN_M, Math.max(Math.abs(box[1]), Math.abs(box[3])));
  const grown = members.map((m): BBox => [m[0] - dx, m[1] - dy, m[2] + dx, m[3] + dy]);
  const found = new Map<string, AreaFeature>();
  for (const g of grown) for (const f of state.near(layer, g)) if (isAreaFeature(f)) found.set(f.id, f);
  const features = [...found.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const key = boxesKey(members);
  const villageGeometry = village.geometry;
  return state.memo(CORRIDOR_MEMO, `${layer}:${box.join(',')}:${key}`, [villageGeometry, ...features], () => {
    const region = unionOf(grown.map((g) => [boxPolygon(g)]));
    const outside = clipParts('difference', [boxPolygon(box)], [region], 0);
    const clear = outside.every((piece) => {
      const point = interiorPoint({ type: 'Polygon', coordinates: lonLatRings(piece.polygon) });
      return !point || countsZero(state, layer, villageGeometry, point);
    });
    return clear ? { region: { type: 'MultiPolygon', coordinates: region.map(lonLatRings) }, features, key } : null;
  });
}

/** Whether the layer covers the point as often as the village does (0 or 1 times), clear of every edge. */
function countsZero(state: CheckState, layer: LayerId, village: AreaGeometry, point: Position): boolean {
  const [x, y] = point as [number, number];
  const m = metresPerDegree(y);
  const locate = (geometry: AreaGeometry) => PreparedArea.of(geometry).locateNear(x, y, m.x, m.y, CLEARANCE_M);
  const inVillage = locate(village);
  if (inVillage === 'boundary') return false;
  let count = inVillage === 'inside' ? -1 : 0;
  for (const f of state.near(layer, [x, y, x, y])) {
    if (!isAreaFeature(f)) continue;
    const where = locate(f.geometry);
    if (where === 'boundary') return false;
    if (where === 'inside') count++;
  }
  return count === 0;
}

function lonLatRings(polygon: FlatPolygon): Position[][] {
  return polygon.map((ring) => {
    const points: Position[] = [];
    for (let i = 0; i + 1 < ring.length; i += 2) points.push([ring[i] as number, ring[i + 1] as number]);
    return points;
  });
}

/** A short key of the stretches' boxes (a hash: equal keys with other features are told apart by the memo's inputs). */
function boxesKey(boxes: readonly BBox[]): string {
  let h = 0x811c9dc5;
  for (const b of boxes) h = Math.imul(h ^ hashEdge(b[0], b[1], b[2], b[3]), 0x01000193);
  return `${boxes.length}:${(h >>> 0).toString(36)}`;
}

const CORRIDOR_MEMO = 'partition-clusters:corridor';
