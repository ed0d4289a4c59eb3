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

/** A point well inside a parcel: the vertex-average, nudged until a square of `sideM` around it fits. */
export function interiorCentre(parcel: Feature<Polygon>, sideM: number): LonLat | undefined {
  const ring = parcel.geometry.coordinates[0] as Position[];
  const n = ring.length - 1;
  const mean: LonLat = [ring.slice(0, n).reduce((s, p) => s + (p[0] as number), 0) / n, ring.slice(0, n).reduce((s, p) => s + (p[1] as number), 0) / n];
  const fits = (c: LonLat) =>
    [[-1, -1], [1, -1], [1, 1], [-1, 1], [0, 0]].every(([ex, ny]) => {
      const p = offset(c, ((ex as number) * sideM) / 2 + (ex as number) * 8, ((ny as number) * sideM) / 2 + (ny as number) * 8);
      return pointInPolygonRings(p, parcel.geometry.coordinates) === 'inside';
    });
  if (fits(mean)) return mean;
  for (let k = 1; k < n; k++) {
    const candidate: LonLat = [((ring[0]![0] as number) + (ring[k]![0] as number) * 3) / 4, ((ring[0]![1] as number) + (ring[k]![1] as number) * 3) / 4];
    if (fits(candidate)) return candidate;
  }
  return undefined;
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
