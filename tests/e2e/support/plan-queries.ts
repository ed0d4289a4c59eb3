/** Finding places in the sample plan for scripted drawing: big parcels, squares well inside them. */
import type { Feature, Polygon, Position } from 'geojson';
import type { AreaGeometry } from '../../../src/domain/features.ts';
import { ellipsoidalArea } from '../../../src/geo/area.ts';
import { metresPerDegree } from '../../../src/geo/local-metric.ts';
import { pointInPolygonRings } from '../../../src/geo/point-in-ring.ts';
import type { PlainPlan } from '../../../src/ui/automation.ts';

export type LonLat = [number, number];

/** Base parcels of a class, largest first. */
export function parcelsBySize(plan: PlainPlan, classCode: string): Feature<Polygon>[] {
  return (plan.layers.base.features as Feature<Polygon>[])
    .filter((f) => f.properties?.classCode === classCode && f.geometry.type === 'Polygon')
    .sort((a, b) => ellipsoidalArea(b.geometry as AreaGeometry) - ellipsoidalArea(a.geometry as AreaGeometry));
}

/** Offsets a lon/lat by metres east and north. */
export function offset([lon, lat]: LonLat, east: number, north: number): LonLat {
  const m = metresPerDegree(lat);
  return [lon + east / m.x, lat + north / m.y];
}

/**
 * A point well inside a parcel: the candidate nearest the parcel's middle, on a grid over its bounding
 * box, around which a square of `sideM` plus an 8 m margin (beyond the 10 px snapping reach at 1:2000)
 * lies inside the parcel.
 */
export function interiorCentre(parcel: Feature<Polygon>, sideM: number): LonLat | undefined {
  const ring = parcel.geometry.coordinates[0] as Position[];
  const xs = ring.map((p) => p[0] as number);
  const ys = ring.map((p) => p[1] as number);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const middle: LonLat = [(minX + maxX) / 2, (minY + maxY) / 2];
  const reach = sideM / 2 + 8;
  const fits = (c: LonLat) =>
    [-1, -0.5, 0, 0.5, 1].every((ex) =>
      [-1, -0.5, 0, 0.5, 1].every((ny) => pointInPolygonRings(offset(c, ex * reach, ny * reach), parcel.geometry.coordinates) === 'inside'),
    );
  const candidates: LonLat[] = [];
  const steps = 16;
  for (let i = 1; i < steps; i++) {
    for (let j = 1; j < steps; j++) candidates.push([minX + ((maxX - minX) * i) / steps, minY + ((maxY - minY) * j) / steps]);
  }
  candidates.sort((a, b) => Math.hypot(a[0] - middle[0], a[1] - middle[1]) - Math.hypot(b[0] - middle[0], b[1] - middle[1]));
  return candidates.find(fits);
}

/** A square ring (open: first vertex not repeated) of side `sideM` around `centre`. */
export function square(centre: LonLat, sideM: number): LonLat[] {
  const h = sideM / 2;
  return [offset(centre, -h, -h), offset(centre, h, -h), offset(centre, h, h), offset(centre, -h, h)];
}

/** A parcel of `classCode` with room for a square of `sideM`, and the square's centre. */
export function roomIn(plan: PlainPlan, classCode: string, sideM: number, skip = 0): { parcel: Feature<Polygon>; centre: LonLat } {
  let skipped = 0;
  for (const parcel of parcelsBySize(plan, classCode)) {
    const centre = interiorCentre(parcel, sideM);
    if (!centre) continue;
    if (skipped++ < skip) continue;
    return { parcel, centre };
  }
  throw new Error(`no ${classCode} parcel with room for ${sideM} m`);
}
