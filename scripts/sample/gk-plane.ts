/**
 * The village's Gauss-Krüger plane (CGCS2000 3° zone, no zone prefix) for the real-looking generators:
 * survey data is clipped, measured and rounded in this plane, so the generators work in it too.
 *
 * Going back to lon/lat is memoised both ways, so a plane point that came from a plan vertex returns to
 * exactly that vertex (a proj4 round trip can change the last bit, which would break sharing with a
 * neighbour that was not touched), and a new point (a crossing, a boundary corner) gets the same lon/lat
 * in every feature that uses it.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../../src/domain/features.ts';
import { layerFeatures, type Plan } from '../../src/domain/plan.ts';
import { geometryBBox } from '../../src/geo/bbox.ts';
import { fromGaussKruger, gkZoneForLongitude, toGaussKruger, type GkCrs } from '../../src/geo/projection.ts';
import { mapPositions } from '../../src/geo/rings.ts';

export type PlanePoint = [easting: number, northing: number];

export const pointKey = (p: Position): string => `${p[0]},${p[1]}`;

export class GkPlane {
  private readonly toPlaneMemo = new Map<string, PlanePoint>();
  private readonly toLonLatMemo = new Map<string, Position>();

  constructor(readonly crs: GkCrs) {}

  /** The plane of the plan's village (its boundary, or the base parcels when it has none). */
  static of(plan: Plan): GkPlane {
    const outline = layerFeatures(plan, 'boundary')[0] ?? layerFeatures(plan, 'base')[0];
    if (!outline) throw new Error('the plan has neither a boundary nor base parcels');
    const [west, , east] = geometryBBox(outline.geometry);
    return new GkPlane({ zone: gkZoneForLongitude((west + east) / 2), zonePrefix: false });
  }

  toPlane(lonLat: Position): PlanePoint {
    const key = pointKey(lonLat);
    let found = this.toPlaneMemo.get(key);
    if (!found) {
      found = toGaussKruger(lonLat, this.crs);
      this.toPlaneMemo.set(key, found);
      this.toLonLatMemo.set(pointKey(found), [lonLat[0] as number, lonLat[1] as number]);
    }
    return found;
  }

  toLonLat(point: Position): Position {
    const key = pointKey(point);
    let found = this.toLonLatMemo.get(key);
    if (!found) {
      found = fromGaussKruger(point, this.crs);
      this.toLonLatMemo.set(key, found);
    }
    return [found[0] as number, found[1] as number];
  }

  geometryToPlane<G extends AreaGeometry>(geometry: G): G {
    return mapPositions(geometry, (p) => this.toPlane(p));
  }

  geometryToLonLat<G extends AreaGeometry>(geometry: G): G {
    return mapPositions(geometry, (p) => this.toLonLat(p));
  }
}

/** A move of `dEast`, `dNorth` metres in the plane, without memo: each call is one independent occurrence. */
export function offsetInPlane(lonLat: Position, dEast: number, dNorth: number, crs: GkCrs): Position {
  const [e, n] = toGaussKruger(lonLat, crs);
  return fromGaussKruger([e + dEast, n + dNorth], crs);
}
