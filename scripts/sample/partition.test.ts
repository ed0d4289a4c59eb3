import kinks from '@turf/kinks';
import { feature } from '@turf/helpers';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { layerFeatures } from '../../src/domain/plan.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { freshCommittedSample } from './fresh-sample.ts';
import { overlappingPairs, tJunctions } from './plan-geometry-checks.ts';

function shoelace(ring: readonly Position[]): number {
  let sum = 0;
  for (let k = 0; k + 1 < ring.length; k++) sum += ring[k]![0]! * ring[k + 1]![1]! - ring[k + 1]![0]! * ring[k]![1]!;
  return sum / 2;
}

const sample = () => freshCommittedSample().plan;
const baseGeometries = () => layerFeatures(sample(), 'base').map((f) => f.geometry as Polygon);
const boundary = () => layerFeatures(sample(), 'boundary')[0]!.geometry as Polygon;

describe('the base parcels are an exact partition of the village', () => {
  it('every parcel is a simple polygon with a counter-clockwise shell', () => {
    for (const g of baseGeometries()) {
      expect(g.type).toBe('Polygon');
      expect(kinks(feature(g)).features).toHaveLength(0);
      g.coordinates.forEach((ring, k) => {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        // RFC 7946: shells counter-clockwise (positive shoelace in lon/lat), holes clockwise.
        expect(Math.sign(shoelace(ring))).toBe(k === 0 ? 1 : -1);
      });
    }
  }, 60_000);

  it('the boundary is one ring, and the parcel areas sum to its area within 0.01 m²', () => {
    const outline = boundary();
    expect(outline.type).toBe('Polygon');
    expect(outline.coordinates).toHaveLength(1);
    const sum = baseGeometries().reduce((s, g) => s + ellipsoidalArea(g), 0);
    expect(Math.abs(sum - ellipsoidalArea(outline))).toBeLessThan(0.01);
  }, 60_000);

  it('no two parcels overlap by more than 0.01 m² (bbox neighbours, @turf/intersect)', () => {
    expect(overlappingPairs(baseGeometries(), 0.01)).toEqual([]);
  }, 120_000);

  it('has no T-junctions: a vertex on a neighbour’s edge (or the boundary) is a vertex of it too', () => {
    expect(tJunctions([...baseGeometries(), boundary()])).toEqual([]);
  }, 60_000);

  it('every other area layer reuses the parcels’ vertices: no T-junction anywhere in the plan', () => {
    const others = (['pbf', 'townshipZones', 'demolition', 'newBuild', 'useChange', 'reserve', 'facility', 'functionalZone', 'consolidationZone', 'controlZone'] as const)
      .flatMap((layer) => layerFeatures(sample(), layer).map((f) => f.geometry as Polygon));
    expect(tJunctions([...baseGeometries(), ...others])).toEqual([]);
  }, 60_000);

  it('the boundary is made of parcel vertices', () => {
    const vertices = new Set(baseGeometries().flatMap((g) => g.coordinates.flat().map((p) => `${p[0]},${p[1]}`)));
    for (const p of boundary().coordinates[0]!) expect(vertices.has(`${p[0]},${p[1]}`)).toBe(true);
  }, 60_000);
});

describe('the zone layers are partitions of the village too', () => {
  for (const layer of ['controlZone', 'functionalZone', 'townshipZones'] as const) {
    it(`${layer}: areas sum to the village, no overlaps`, () => {
      const geometries = layerFeatures(sample(), layer).map((f) => f.geometry);
      const sum = geometries.reduce((s, g) => s + ellipsoidalArea(g), 0);
      expect(Math.abs(sum - ellipsoidalArea(boundary()))).toBeLessThan(0.01);
      expect(overlappingPairs(geometries, 0.01)).toEqual([]);
    }, 60_000);
  }
});
