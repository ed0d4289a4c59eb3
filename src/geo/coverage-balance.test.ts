import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryBBox } from './bbox.ts';
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
    expect(gap.meetsCluster(left)).toBe(true);
    expect(balanceOf(village, left, right, right).balanced).toBe(false);
  });

  it('accepts T-junctions: parcel vertices on the inside of the boundary’s edges', () => {
    const parts = [0, 20, 45, 70].map((x, i, xs) => metricPolygon([[x, 0], [xs[i + 1] ?? 100, 0], [xs[i + 1] ?? 100, 100], [x, 100]]));
    const balance = balanceOf(village, ...parts);
    expect(balance.balanced).toBe(true);
    expect(balance.meetsCluster(parts[1]!)).toBe(false);
  });

  it('finds a parcel drawn over a hole of the boundary (an enclave), none of whose edges is unbalanced', () => {
    const enclave: [number, number][] = [[70, 40], [70, 60], [90, 60], [90, 40]];
    const holed = metricPolygon([[0, 0], [100, 0], [100, 100], [0, 100]], enclave);
    const balance = balanceOf(holed, left, right);
    expect(balance.balanced).toBe(false);
    expect(balance.meetsCluster(right)).toBe(true);
    expect(balance.meetsCluster(left)).toBe(false);
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

  // 1,600 cells: past BULK_CHANGES, so the layer is grouped in one rebuild (twins paired by cell, the rest
  // by a sweep), then edits follow edge by edge through the index built on the first of them.
  describe('a whole layer at once', () => {
    const N = 40;
    const side = 100 / N;
    const cell = (i: number, j: number, seed: number) => jitter(metricPolygon([[i * side, j * side], [(i + 1) * side, j * side], [(i + 1) * side, (j + 1) * side], [i * side, (j + 1) * side]]), 0.0003, seed);
    const cells = Array.from({ length: N * N }, (_, k) => cell(k % N, Math.floor(k / N), k + 1));

    /** The one cluster holds the whole missing cell. */
    const holdsCell = (balance: CoverageBalance, k: number) => {
      const [cluster, ...more] = balance.clusters();
      const box = geometryBBox(cells[k]!);
      expect(more).toEqual([]);
      expect(cluster![0] <= box[0] && cluster![1] <= box[1] && cluster![2] >= box[2] && cluster![3] >= box[3]).toBe(true);
    };

    it('balances a jittered grid, and finds one missing cell', () => {
      expect(balanceOf(village, ...cells).balanced).toBe(true);
      const gap = balanceOf(village, ...cells.filter((_, k) => k !== 820));
      holdsCell(gap, 820);
      expect(gap.meetsCluster(cells[821]!)).toBe(true);
      expect(gap.meetsCluster(cells[0]!)).toBe(false);
    });

    it.each([
      ['on the first edit', false],
      ['readied for edits first', true],
    ])('follows edits after a bulk build, its edit index built %s', (_, readied) => {
      const balance = balanceOf(village, ...cells);
      if (readied) balance.prepareForEdits();
      expect(balance.balanced).toBe(true);
      // The hole's sides join lines of jittered edges 50 m long; each side's box must still lie on it.
      balance.add(cells[820]!, -1);
      holdsCell(balance, 820);
      balance.add(cell(20, 20, 9999), 1);
      expect(balance.balanced).toBe(true);
    });
  });
});

