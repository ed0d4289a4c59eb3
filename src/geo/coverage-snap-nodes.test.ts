import { describe, expect, it } from 'vitest';
import { NodeTable } from './coverage-snap-nodes.ts';
import { seededRandom } from './test-support.ts';
import { metresPerDegree } from './local-metric.ts';

const LON0 = 120.5;
const LAT0 = 30.2;
const SCALE = metresPerDegree(LAT0);

describe('NodeTable', () => {
  // Found by the seeded property test (coverage-snap-fuzz.test.ts, seed 4): looking at a neighbour cell
  // claimed its hash slot even when the cell stayed empty, taking over the slot of the vertex's own new
  // cell; the vertex was then filed under the neighbour's coordinates, so the same position seen again
  // became a second node (snapped onto the first: a second run of the repair "changed" features by
  // nothing), and a vertex within the tolerance of it was not found (left unsnapped).
  it('finds a position it has seen again, and every representative within the tolerance, whatever the hash slots do', () => {
    const random = seededRandom(11);
    const tolerance = 0.001;
    // Vertices scattered over 15 cm × 15 cm: many cells, many of them neighbours hashed into a small table.
    const points = Array.from({ length: 2000 }, () => [LON0 + (random() * 0.15) / SCALE.x, LAT0 + (random() * 0.15) / SCALE.y]);
    const box = [LON0, LAT0, LON0 + 0.15 / SCALE.x, LAT0 + 0.15 / SCALE.y] as const;
    const nodes = new NodeTable(tolerance, box, points.length);
    const ids = points.map((p) => nodes.add(p, false));
    // Greedy clustering: a node that started its own cluster had no representative within the tolerance.
    const reps = [...Array(nodes.size).keys()].filter((id) => nodes.rep[id] === id);
    const tooClose: [number, number][] = [];
    for (const id of reps) {
      for (const other of reps) {
        if (other >= id) break;
        if (Math.hypot(nodes.x[id]! - nodes.x[other]!, nodes.y[id]! - nodes.y[other]!) <= tolerance) tooClose.push([other, id]);
      }
    }
    expect(tooClose).toEqual([]);
    expect(points.map((p) => nodes.add(p, false))).toEqual(ids);
    expect(nodes.size).toBe(points.length);
  });
});
