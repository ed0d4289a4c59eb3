import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { snapCoverage } from './coverage-snap.ts';
import { distanceToSegmentM, metresPerDegree } from './local-metric.ts';

// Two parcels clipped to a village boundary whose shared corner lay on the boundary's bottom edge, then
// rounded 6 mm into the village (as 7 decimals of a degree move it): both parcels have that corner.
const LON0 = 120.5;
const LAT0 = 30.2;
const SCALE = metresPerDegree(LAT0);
const at = (x: number, y: number): Position => [LON0 + x / SCALE.x, LAT0 + y / SCALE.y];
const polygon = (...points: [number, number][]): Polygon => ({ type: 'Polygon', coordinates: [[...points.map(([x, y]) => at(x, y)), at(...points[0]!)]] });
const boundary = polygon([-50, 0], [50, 0], [50, 50], [-50, 50]);
const left = { geometry: polygon([-50, 0], [0, 0.006], [0, 50], [-50, 50]) };
const right = { geometry: polygon([0, 0.006], [50, 0], [50, 50], [0, 50]) };
const offBoundaryM = (p: Position) => distanceToSegmentM(p[0]!, p[1]!, at(-50, 0)[0]!, at(-50, 0)[1]!, at(50, 0)[0]!, at(50, 0)[1]!, SCALE.x, SCALE.y);

describe('coverage snap onto the reference’s edges (rounded data)', () => {
  it('puts a vertex within the tolerance of the boundary’s edge onto it, the same numbers for every parcel that has it', () => {
    const { features, report } = snapCoverage([left, right], { toleranceM: 0.02, reference: [boundary], ontoReferenceEdges: true });
    const onLeft = (features[0]!.geometry as Polygon).coordinates[0]![1]!;
    const onRight = (features[1]!.geometry as Polygon).coordinates[0]![0]!;
    expect(onLeft).toEqual(onRight);
    expect(offBoundaryM(onLeft)).toBeLessThan(1e-6);
    expect(report).toMatchObject({ verticesSnapped: 1, featuresChanged: 2 });
    expect(report.maxShiftM).toBeCloseTo(0.006, 4);
    // The boundary is never changed.
    expect(boundary.coordinates[0]![0]).toEqual(at(-50, 0));
  });

  it('leaves it where it is unless asked, and beyond the tolerance', () => {
    const plain = snapCoverage([left, right], { toleranceM: 0.02, reference: [boundary] });
    expect(plain.report.featuresChanged).toBe(0);
    const far = snapCoverage([left, right], { toleranceM: 0.005, reference: [boundary], ontoReferenceEdges: true });
    expect(far.report.featuresChanged).toBe(0);
    expect(offBoundaryM(left.geometry.coordinates[0]![1]!)).toBeCloseTo(0.006, 4);
  });
});
