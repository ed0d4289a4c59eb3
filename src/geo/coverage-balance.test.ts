import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CoverageBalance } from './coverage-balance.ts';
import { fromGaussKruger, gkZoneForLongitude, toGaussKruger } from './projection.ts';
import { metric, metricPolygon } from './test-support.ts';

const MM = 0.001;

function balanceOf(village: Polygon, ...parts: Polygon[]): CoverageBalance {
  const balance = new CoverageBalance(MM);
  balance.add(village, -1);
  for (const p of parts) balance.add(p, 1);
  return balance;
}

const village = metricPolygon([[0, 0], [100, 0], [100, 100], [0, 100]]);
const left = metricPolygon([[0, 0], [50, 0], [50, 100], [0, 100]]);
const right = metricPolygon([[50, 0], [100, 0], [100, 100], [50, 100]]);

/** Moves every vertex of a polygon by a pseudo-random offset within ±`metres` (rings kept closed). */
function jitter(p: Polygon, metres: number, seed: number): Polygon {
  let s = seed;
  const next = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 2 * metres;
  const moved = (p.coordinates[0] as Position[]).slice(0, -1).map((q) => {
    const base = metric(0, 0);
    const dx = next();
    const dy = next();
    const east = metric(dx, 0)[0]! - base[0]!;
    const north = metric(0, dy)[1]! - base[1]!;
    return [q[0]! + east, q[1]! + north];
  });
  return { type: 'Polygon', coordinates: [[...moved, moved[0] as Position]] };
}

describe('CoverageBalance', () => {
  it('is balanced for an exact partition and unbalanced where a part is missing, with a cluster over the gap', () => {
    expect(balanceOf(village, left, right).balanced).toBe(true);
    const gap = balanceOf(village, left);
    expect(gap.balanced).toBe(false);
    const [cluster] = gap.clusters();
    expect(gap.clusters()).toHaveLength(1);
    const [w, s] = metric(50, 0);
    const [e, n] = metric(100, 100);
    expect(cluster![0]).toBeCloseTo(w!, 7);
    expect(cluster![1]).toBeCloseTo(s!, 7);
    expect(cluster![2]).toBeCloseTo(e!, 7);
    expect(cluster![3]).toBeCloseTo(n!, 7);
    expect(gap.touches(left)).toBe(true);
    expect(balanceOf(village, left, right, right).balanced).toBe(false);
  });

  it('accepts T-junctions: parcel vertices on the inside of the boundary’s edges', () => {
    const parts = [0, 20, 45, 70].map((x, i, xs) => metricPolygon([[x, 0], [xs[i + 1] ?? 100, 0], [xs[i + 1] ?? 100, 100], [x, 100]]));
    const balance = balanceOf(village, ...parts);
    expect(balance.balanced).toBe(true);
    expect(balance.touches(parts[1]!)).toBe(false);
  });

  it('accepts vertices moved by ±0.3 mm, each feature’s copy differently', () => {
    expect(balanceOf(village, jitter(left, 0.0003, 7), jitter(right, 0.0003, 11)).balanced).toBe(true);
  });

  it('reports a gap wider than the tolerance and not one thinner', () => {
    const apart = (gap: number) => balanceOf(village, metricPolygon([[0, 0], [50 - gap, 0], [50 - gap, 100], [0, 100]]), right);
    expect(apart(0.0005).balanced).toBe(true);
    expect(apart(0.005).balanced).toBe(false);
  });

  it('accepts a vertex on the Gauss-Krüger chord of a long boundary edge, ~4 mm off its lon/lat chord', () => {
    const crs = { zone: gkZoneForLongitude(120.5), zonePrefix: false } as const;
    const a = metric(0, 0);
    const b = metric(900, 0);
    const [ax, ay] = toGaussKruger(a, crs);
    const [bx, by] = toGaussKruger(b, crs);
    const onGkChord = fromGaussKruger([(ax + bx) / 2, (ay + by) / 2], crs);
    const onLonLatChord: Position = [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2];
    const offset = Math.hypot(...(toGaussKruger(onLonLatChord, crs).map((v, i) => v - [(ax + bx) / 2, (ay + by) / 2][i]!) as [number, number]));
    expect(offset).toBeGreaterThan(0.003);
    const top = [metric(900, 300), metric(0, 300)];
    const wide: Polygon = { type: 'Polygon', coordinates: [[a, b, ...top, a]] };
    for (const middle of [onGkChord, onLonLatChord]) {
      const westPart: Polygon = { type: 'Polygon', coordinates: [[a, middle, metric(450, 300), top[1]!, a]] };
      const eastPart: Polygon = { type: 'Polygon', coordinates: [[middle, b, top[0]!, metric(450, 300), middle]] };
      expect(balanceOf(wide, westPart, eastPart).balanced).toBe(true);
    }
  });

  it('follows edits: removing a part opens a cluster, putting it back closes it', () => {
    const balance = balanceOf(village, left, right);
    expect(balance.balanced).toBe(true);
    balance.add(right, -1);
    expect(balance.balanced).toBe(false);
    balance.add(right, 1);
    expect(balance.balanced).toBe(true);
    balance.add(jitter(right, 0.0003, 5), 1);
    balance.add(right, -1);
    expect(balance.balanced).toBe(true);
  });
});
