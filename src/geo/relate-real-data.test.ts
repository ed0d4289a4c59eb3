/**
 * `relate` against the overlay on data shaped like a survey's: the generator's village clipped to a
 * separate boundary (T-junctions) and moved ±0.3 mm per vertex. Near the boundary, the village is cut by
 * its parcels one by one as the old gap check did (polyclip remainders, with their rounded crossings and
 * dropped collinear vertices), and every answer `relate` gives without clipping is checked against the
 * overlay: 'disjoint' must leave no common area, 'within' no area outside. (The issue reported a wrong
 * 'disjoint' on such remainders; it has not been reproduced here, so this guards the answers in bulk.)
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generateVillagePlan } from '../../scripts/sample/generate.ts';
import { clipToSeparateBoundary, jitterVertices } from '../../scripts/sample/real-looking.ts';
import type { AreaGeometry } from '../domain/features.ts';
import { layerFeatures } from '../domain/plan.ts';
import { ellipsoidalArea } from './area.ts';
import { bboxIntersects, geometryBBox } from './bbox.ts';
import { difference, intersection } from './overlay.ts';
import { relate } from './relate.ts';

describe('relate on real-looking remainders', () => {
  it('never answers disjoint or within where the overlay finds area', () => {
    const clipped = clipToSeparateBoundary(generateVillagePlan({ seed: 2017, parcels: 500 }), { seed: 1 }).plan;
    const plan = jitterVertices(clipped, { seed: 1 }).plan;
    const village = layerFeatures(plan, 'boundary')[0]!.geometry as AreaGeometry;
    const parcels = layerFeatures(plan, 'base');
    const ring = (village as Polygon).coordinates[0]!;
    const wrong: string[] = [];
    let decided = 0;
    for (let k = 0; k + 1 < ring.length; k += 4) {
      const [x, y] = [(ring[k]![0]! + ring[k + 1]![0]!) / 2, (ring[k]![1]! + ring[k + 1]![1]!) / 2];
      const window: Polygon = { type: 'Polygon', coordinates: [[[x - 0.002, y - 0.002], [x + 0.002, y - 0.002], [x + 0.002, y + 0.002], [x - 0.002, y + 0.002], [x - 0.002, y - 0.002]]] };
      const region = intersection(village, window);
      let rest = region.ok ? region.value : null;
      for (const parcel of parcels) {
        if (!rest || !bboxIntersects(geometryBBox(parcel.geometry), geometryBBox(rest))) continue;
        const answer = relate(rest, parcel.geometry);
        if (answer === 'disjoint' || answer === 'within') {
          decided++;
          const check = answer === 'disjoint' ? intersection(rest, parcel.geometry) : difference(rest, parcel.geometry);
          const area = check.ok && check.value ? ellipsoidalArea(check.value) : 0;
          if (area > 0.01) wrong.push(`${answer} with ${area.toFixed(2)} m² at ${parcel.id}`);
        }
        if (answer === 'within') rest = null;
        else if (answer !== 'disjoint') {
          const cut = difference(rest, parcel.geometry, { minAreaM2: 0.01 });
          if (cut.ok) rest = cut.value;
        }
      }
    }
    expect(decided).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  }, 120_000);
});
