/**
 * Geometry repair, only when the planner asks for it, and always reported: consecutive duplicate vertices
 * dropped, rings closed, rings too short to enclose anything dropped, then self-intersections resolved by
 * a union of the polygon with itself (polyclip, through geo/overlay.ts). The area before and after is
 * reported so the planner sees what the repair changed.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { ellipsoidalArea } from './area.ts';
import { union } from './overlay.ts';
import { polygonsOf, positionsEqual } from './rings.ts';
import { isValidAreaGeometry } from './validity.ts';

export interface Repair {
  readonly geometry: AreaGeometry | null;
  readonly valid: boolean;
  readonly areaBefore: number;
  readonly areaAfter: number;
}

function cleanRing(ring: readonly Position[]): Position[] | null {
  const out: Position[] = [];
  for (const p of ring) {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
    if (out.length === 0 || !positionsEqual(out[out.length - 1] as Position, p)) out.push([p[0] as number, p[1] as number]);
  }
  if (out.length > 1 && !positionsEqual(out[0] as Position, out[out.length - 1] as Position)) out.push([...(out[0] as Position)]);
  return out.length >= 4 ? out : null;
}

function safeArea(geometry: AreaGeometry): number {
  try {
    return ellipsoidalArea(geometry);
  } catch {
    return 0;
  }
}

export function repairGeometry(geometry: AreaGeometry): Repair {
  const areaBefore = safeArea(geometry);
  const polygons = polygonsOf(geometry)
    .map((rings) => {
      const [shell, ...holes] = rings.map(cleanRing);
      return shell ? [shell, ...holes.filter((h): h is Position[] => h !== null)] : null;
    })
    .filter((p): p is Position[][] => p !== null);
  if (polygons.length === 0) return { geometry: null, valid: false, areaBefore, areaAfter: 0 };
  const cleaned: AreaGeometry = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] as Position[][] } : { type: 'MultiPolygon', coordinates: polygons };
  if (isValidAreaGeometry(cleaned)) return { geometry: cleaned, valid: true, areaBefore, areaAfter: safeArea(cleaned) };
  const unioned = union([cleaned]);
  if (!unioned.ok || !unioned.value) return { geometry: cleaned, valid: false, areaBefore, areaAfter: safeArea(cleaned) };
  return { geometry: unioned.value, valid: isValidAreaGeometry(unioned.value), areaBefore, areaAfter: safeArea(unioned.value) };
}
