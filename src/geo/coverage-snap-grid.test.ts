import { describe, expect, it } from 'vitest';
import { PointGrid } from './coverage-snap-grid.ts';

/** Distance from p to segment a–b. */
function distance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

describe('PointGrid', () => {
  it('finds every point within reach of a segment, long or short, steep or flat', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 3000;
    const xs = new Float64Array(n).map(() => random() * 1000);
    const ys = new Float64Array(n).map(() => random() * 300);
    const grid = new PointGrid(xs, ys, [...Array(n).keys()]);
    const segments: [number, number, number, number][] = [
      [0, 0, 1000, 300],
      [500, 10, 500, 290],
      [10, 150, 990, 150],
      [-50, -50, 20, 20],
      ...Array.from({ length: 200 }, () => [random() * 1000, random() * 300, random() * 1000, random() * 300] as [number, number, number, number]),
    ];
    for (const [ax, ay, bx, by] of segments) {
      const reach = 5;
      const out: number[] = [];
      grid.nearSegment(ax, ay, bx, by, reach, out);
      const found = new Set(out);
      for (let i = 0; i < n; i++) if (distance(xs[i]!, ys[i]!, ax, ay, bx, by) <= reach) expect(found.has(i), `point ${i}`).toBe(true);
      // The corridor, not the bounding box: a long diagonal visits far fewer than all points.
      if (Math.abs(bx - ax) > 500 && Math.abs(by - ay) > 200) expect(out.length).toBeLessThan(n / 4);
    }
  });

  it('works for points on a line (a grid one cell high)', () => {
    const xs = Float64Array.from([0, 1, 2, 3]);
    const ys = Float64Array.from([5, 5, 5, 5]);
    const out: number[] = [];
    new PointGrid(xs, ys, [0, 1, 2, 3]).nearSegment(0.5, 5.001, 2.5, 5.001, 0.01, out);
    expect(out.sort()).toEqual(expect.arrayContaining([1, 2]));
  });
});
