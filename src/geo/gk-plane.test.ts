import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import type { BBox } from './bbox.ts';
import { GkPlane } from './gk-plane.ts';
import { pointInRing } from './point-in-ring.ts';
import { toGaussKruger } from './projection.ts';

describe('GkPlane.boxOutline', () => {
  const plane = GkPlane.forLongitude(120);
  // 5.8 km wide, astride the central meridian: in GK its south edge sags 0.38 m below its corners.
  const lonLat: BBox = [119.97, 30.43, 120.03, 30.48];
  const outline = plane.boxOutline(lonLat, 0.001)[0]!;
  const ring: Position[] = Array.from({ length: outline.length / 2 }, (_, i) => [outline[2 * i]!, outline[2 * i + 1]!]);
  const metre = 1 / 111_000;

  it('holds the whole lon/lat box, its south edge where it crosses the meridian included', () => {
    for (let k = 0; k <= 60; k++) {
      const lon = lonLat[0] + (k / 60) * (lonLat[2] - lonLat[0]);
      for (const lat of [lonLat[1], lonLat[3]]) expect(pointInRing(toGaussKruger([lon, lat], plane.crs), ring)).toBe('inside');
    }
  });

  it('reaches no further than its margin beyond the box', () => {
    // 2 mm south of the south edge, at the meridian: outside a 1 mm margin. The GK box of the corners reached
    // 0.38 m further there, and far more beside a large box away from the meridian.
    expect(pointInRing(toGaussKruger([120, lonLat[1] - 0.002 * metre], plane.crs), ring)).toBe('outside');
    expect(pointInRing(toGaussKruger([lonLat[2] + 0.002 * metre, 30.45], plane.crs), ring)).toBe('outside');
  });
});
