import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
import { ellipsoidalArea } from './area.ts';
import { rings, ringSignedAreaPlanar } from './rings.ts';
import { splitPolygonByLine } from './split.ts';
import { circle, multi, polygon, square } from './test-support.ts';
import { isValidAreaGeometry } from './validity.ts';

const key = (p: Position) => `${p[0]},${p[1]}`;
const vertexKeys = (g: AreaGeometry): Set<string> => new Set([...rings(g)].flatMap(({ ring }) => ring.map(key)));

function pieces(g: AreaGeometry, line: Position[]): AreaGeometry[] {
  const r = splitPolygonByLine(g, line);
  if (!r.ok) throw new Error(`${r.reason} ${r.detail ?? ''}`);
  return r.pieces;
}

function planarArea(g: AreaGeometry): number {
  return [...rings(g)].reduce((sum, { ring, ringIndex }) => sum + (ringIndex === 0 ? 1 : -1) * Math.abs(ringSignedAreaPlanar(ring)), 0);
}

/**
 * The checks every split must pass: area kept, pieces valid, new vertices shared bit for bit.
 * In the lon/lat plane the pieces tile the original exactly. Ellipsoidal areas add up only to about
 * (edge length / 100 km)·(a few 1e-4): area.ts joins vertices by geodesics, and a crossing point put on
 * a straight lon/lat edge makes that edge's geodesic bend (see area.test.ts). Hand-made parcels with
 * short edges stay well inside 1e-6; the coarse random polygons get a looser bound.
 */
function expectGoodSplit(original: AreaGeometry, result: AreaGeometry[], ellipsoidalTolerance = 1e-6): void {
  const planar = result.reduce((s, p) => s + planarArea(p), 0);
  expect(Math.abs(planar / planarArea(original) - 1)).toBeLessThan(1e-9);
  const total = result.reduce((s, p) => s + ellipsoidalArea(p), 0);
  expect(Math.abs(total / ellipsoidalArea(original) - 1)).toBeLessThan(ellipsoidalTolerance);
  for (const piece of result) expect(isValidAreaGeometry(piece)).toBe(true);
  const old = vertexKeys(original);
  result.forEach((piece, i) => {
    for (const v of vertexKeys(piece)) {
      if (old.has(v)) continue;
      // A vertex made by the cut lies on it, so a piece on the other side has exactly the same numbers.
      const shared = result.some((other, j) => j !== i && vertexKeys(other).has(v));
      expect(shared, `cut vertex ${v} of piece ${i} is in no other piece`).toBe(true);
    }
  });
}

const sq = square(120, 30, 120.01, 30.01);

describe('splitPolygonByLine', () => {
  it('cuts a square in two with a line drawn from outside to outside', () => {
    const result = pieces(sq, [[119.99, 30.004], [120.02, 30.0061]]);
    expect(result).toHaveLength(2);
    expectGoodSplit(sq, result);
    const [a, b] = result as [Polygon, Polygon];
    const cutA = (a.coordinates[0] as Position[]).filter((p) => !vertexKeys(sq).has(key(p)));
    expect(cutA).toHaveLength(2);
    for (const p of cutA) expect((b.coordinates[0] as Position[]).some((q) => q[0] === p[0] && q[1] === p[1])).toBe(true);
  });

  it('keeps the line’s own vertices inside the polygon, exactly, in both pieces', () => {
    const bend: Position = [120.00123456789, 30.00498765432];
    const result = pieces(sq, [[119.99, 30.002], bend, [120.02, 30.008]]);
    expect(result).toHaveLength(2);
    expectGoodSplit(sq, result);
    for (const piece of result) expect(vertexKeys(piece).has(key(bend))).toBe(true);
  });

  it('cuts along a diagonal through two corners', () => {
    // Binary fractions, so the line passes exactly through the corners (120.01 etc. would miss them by an ulp).
    const dyadic = square(120, 30, 120 + 2 ** -7, 30 + 2 ** -7);
    const result = pieces(dyadic, [[120 - 2 ** -7, 30 - 2 ** -7], [120 + 2 ** -6, 30 + 2 ** -6]]);
    expect(result).toHaveLength(2);
    expectGoodSplit(dyadic, result);
    for (const piece of result) expect((piece as Polygon).coordinates[0]).toHaveLength(4);
  });

  it('refuses lines that do not cross completely', () => {
    const no = (line: Position[]) => expect(splitPolygonByLine(sq, line)).toEqual({ ok: false, reason: 'lineDoesNotCross' });
    no([[119.99, 30.005], [120.005, 30.005]]); // ends inside
    no([[120.002, 30.002], [120.008, 30.008]]); // starts and ends inside
    no([[119.99, 29.99], [119.99, 30.02]]); // misses
    no([[119.99, 30.01], [120.02, 30.01]]); // runs along an edge
    no([[120.01, 30.01], [120.02, 30.02]]); // touches a corner only
    no([[120, 30]]); // one point
    no([[120.005, 30.005], [120.005, 30.005]]); // zero length
  });

  it('takes a line ending inside within `reachM` of the outline to end on it: on the nearest vertex, else across the nearest edge', () => {
    // 0.3 mm and 1 cm short of the east edge (x = 120.01) at 30°N, where a degree of longitude is ≈ 96.5 km.
    const hair = 0.0003 / 96_500;
    const reach = (line: Position[]) => splitPolygonByLine(sq, line, { reachM: 0.001 });
    const toEdge = reach([[119.99, 30.005], [120.01 - hair, 30.005]]);
    expect(toEdge.ok && toEdge.pieces.map((p) => ellipsoidalArea(p)).reduce((a, b) => a + b)).toBeCloseTo(ellipsoidalArea(sq), 2);
    expect(splitPolygonByLine(sq, [[119.99, 30.005], [120.01 - hair, 30.005]])).toEqual({ ok: false, reason: 'lineDoesNotCross' });
    const toCorner = reach([[120 + hair, 30 + hair], [120.01 - hair, 30.01 - hair]]);
    expect(toCorner.ok && toCorner.pieces.flatMap((p) => [...vertexKeys(p)]).every((k) => vertexKeys(sq).has(k))).toBe(true);
    expect(reach([[119.99, 30.005], [120.01 - 0.01 / 96_500, 30.005]])).toEqual({ ok: false, reason: 'lineDoesNotCross' });
  });

  it('takes a line snapped along an edge (to its corner, then a point on it) as the outline there: it cuts only where it turns inward', () => {
    // A slanted 15 m edge a–b of a real parcel: its float midpoint is not exactly on it. The line comes in
    // along the edge through a to the midpoint, then turns into the parcel. Taken as drawn, the stretch
    // a–midpoint was a cut a hair beside the edge, and one piece ran out to a and back: a spike GEOS calls
    // a self-intersection (not the lon/lat checks, for which the hair is a real width).
    const a: Position = [120.77028654368667, 30.43802319116199];
    const b: Position = [120.77041867384544, 30.438078155214146];
    const parcel = polygon([a, b, [120.7703, 30.4383], [120.7702, 30.4382]]);
    const mid: Position = [((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2];
    const line: Position[] = [[2 * (a[0] as number) - (b[0] as number), 2 * (a[1] as number) - (b[1] as number)], a, mid, [120.77025, 30.4384]];
    const result = splitPolygonByLine(parcel, line, { reachM: 0.001 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.pieces).toHaveLength(2);
    expectGoodSplit(parcel, result.pieces);
    // a is a corner of one piece only; the other starts at the midpoint.
    expect(result.pieces.filter((piece) => vertexKeys(piece).has(key(a)))).toHaveLength(1);
    expect(result.pieces.every((piece) => vertexKeys(piece).has(key(mid)))).toBe(true);
  });

  it('cuts no sliver off along an edge the line follows a fraction of a millimetre inside (a neighbour’s copy of it)', () => {
    // 0.3 mm inside the south edge from x = 120.002 to 120.004, then north across the square.
    const hair = 0.0003 / 111_000;
    const result = splitPolygonByLine(sq, [[120.002, 29.999], [120.002, 30 + hair], [120.004, 30 + hair], [120.004, 30.011]], { reachM: 0.001 });
    if (!result.ok) throw new Error(result.reason);
    // Two quadrilaterals: the east one had a 0.3 mm × 190 m tongue along the edge (0.06 m²), six corners.
    expect(result.pieces.map((piece) => (piece as Polygon).coordinates.map((ring) => ring.length))).toEqual([[5], [5]]);
    expectGoodSplit(sq, result.pieces);
  });

  it('makes no piece of no area where a line snapped along an edge turns away from the parcel', () => {
    // A real parcel's south edge, the line along it from corner r3 to the float midpoint of r3–r4, then
    // out to the south-west: it never goes inside. Exact noding put its own rounding of the midpoint on
    // the edge, an ulp from the line's, and the two made a third "piece" of 0 m².
    const r: Position[] = [[120.73460582239548, 30.454335548617184], [120.73466789212081, 30.45434445189666], [120.7347993155729, 30.454360539982325], [120.7349320289395, 30.454372917048204], [120.73499984089788, 30.454377748472847], [120.73513116357799, 30.454384284662478], [120.73526266806502, 30.454387262366712]];
    const parcel = polygon([...r, [120.73526266806502, 30.4553], [120.73460582239548, 30.4553]]);
    const line: Position[] = [[120.73486421698111, 30.45436808562356], r[3] as Position, [120.73496593491869, 30.454375332760527], [120.73235056288765, 30.45244979799751]];
    expect(splitPolygonByLine(parcel, line, { reachM: 0.001 })).toEqual({ ok: false, reason: 'lineDoesNotCross' });
  });

  it('cuts a U-shape crossed twice into three pieces', () => {
    const u = polygon([[120, 30], [120.003, 30], [120.003, 30.003], [120.002, 30.003], [120.002, 30.001], [120.001, 30.001], [120.001, 30.003], [120, 30.003]]);
    const result = pieces(u, [[119.999, 30.002], [120.004, 30.002]]);
    expect(result).toHaveLength(3);
    expectGoodSplit(u, result);
  });

  it('cuts three pieces with a zigzag that leaves and re-enters', () => {
    const result = pieces(sq, [[119.99, 30.002], [120.02, 30.003], [120.02, 30.006], [119.99, 30.007]]);
    expect(result).toHaveLength(3);
    expectGoodSplit(sq, result);
  });

  describe('holes', () => {
    const withHole = polygon(
      [[120, 30], [120.01, 30], [120.01, 30.01], [120, 30.01]],
      [[120.004, 30.004], [120.004, 30.006], [120.006, 30.006], [120.006, 30.004]],
    );

    it('splits through the hole: each piece takes half the hole’s outline', () => {
      const result = pieces(withHole, [[119.99, 30.005], [120.02, 30.005]]);
      expect(result).toHaveLength(2);
      expectGoodSplit(withHole, result);
      for (const piece of result) expect((piece as Polygon).coordinates).toHaveLength(1);
    });

    it('splits beside the hole: the hole stays in its piece', () => {
      const result = pieces(withHole, [[119.99, 30.002], [120.02, 30.002]]);
      expect(result).toHaveLength(2);
      expectGoodSplit(withHole, result);
      expect(result.map((p) => (p as Polygon).coordinates.length).sort()).toEqual([1, 2]);
    });

    it('refuses a line that runs from the outline into the hole and stops: it separates nothing', () => {
      expect(splitPolygonByLine(withHole, [[119.99, 30.005], [120.005, 30.005]])).toEqual({ ok: false, reason: 'lineDoesNotCross' });
    });

    it('cuts from the outline to the hole and out again on the far side', () => {
      const result = pieces(withHole, [[120.005, 29.99], [120.005, 30.02]]);
      expect(result).toHaveLength(2);
      expectGoodSplit(withHole, result);
    });

    it('splits a polygon whose hole touches the shell at one point', () => {
      const at = (x: number, y: number): Position => [120 + x * 0.001, 30 + y * 0.001];
      const touching = polygon([at(0, 0), at(4, 0), at(4, 4), at(0, 4)], [at(0, 2), at(1, 3), at(1, 1)]);
      expect(isValidAreaGeometry(touching)).toBe(true);
      const result = pieces(touching, [at(3, -1), at(3, 5)]);
      expect(result).toHaveLength(2);
      expectGoodSplit(touching, result);
    });
  });

  it('splits the member of a MultiPolygon it crosses and keeps the others together', () => {
    const m = multi(square(120, 30, 120.001, 30.001), square(120.002, 30, 120.003, 30.001), square(120.004, 30, 120.005, 30.001));
    const result = pieces(m, [[120.0005, 29.99], [120.0005, 30.01]]);
    expect(result.map((p) => p.type)).toEqual(['Polygon', 'Polygon', 'MultiPolygon']);
    expectGoodSplit(m, result);
  });

  it('refuses invalid input and broken lines without throwing', () => {
    const bowTie = polygon([[0, 0], [2, 2], [2, 0], [0, 2]]);
    expect(splitPolygonByLine(bowTie, [[-1, 1.5], [3, 1.5]])).toMatchObject({ ok: false, reason: 'overlayFailed' });
    expect(splitPolygonByLine(sq, [[NaN, 30], [121, 30.005]])).toMatchObject({ ok: false, reason: 'overlayFailed' });
  });
});

describe('properties', () => {
  const convex = fc.integer({ min: 3, max: 80 }).map((n) => circle(120, 30, 0.001, n));
  const straightLine = fc.tuple(fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: -0.0009, max: 0.0009, noNaN: true }));

  it('a straight line through a convex polygon gives two pieces that add up and share the cut', () => {
    fc.assert(
      fc.property(convex, straightLine, (g, [angle, offset]) => {
        const nx = Math.cos(angle);
        const ny = Math.sin(angle);
        const cx = 120 - ny * offset;
        const cy = 30 + nx * offset;
        const line: Position[] = [[cx - nx * 0.01, cy - ny * 0.01], [cx + nx * 0.01, cy + ny * 0.01]];
        const r = splitPolygonByLine(g, line);
        if (!r.ok) return r.reason === 'lineDoesNotCross'; // a short chord can miss a coarse polygon
        expect(r.pieces).toHaveLength(2);
        expectGoodSplit(g, r.pieces, 1e-5); // edges up to 170 m long (see expectGoodSplit)
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('a wandering polyline through a star-shaped polygon gives pieces that add up and share the cut', () => {
    const star = fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), { minLength: 5, maxLength: 30 }).map((radii) =>
      polygon(radii.map((r, i): Position => [120 + r * 0.001 * Math.cos((2 * Math.PI * i) / radii.length), 30 + r * 0.001 * Math.sin((2 * Math.PI * i) / radii.length)])),
    );
    const inner = fc.array(fc.tuple(fc.double({ min: -0.0012, max: 0.0012, noNaN: true }), fc.double({ min: -0.0012, max: 0.0012, noNaN: true })), { minLength: 0, maxLength: 4 });
    fc.assert(
      fc.property(star, inner, (g, middle) => {
        const line: Position[] = [[119.998, 29.9995], ...middle.map(([dx, dy]): Position => [120 + dx, 30 + dy]), [120.002, 30.0005]];
        const r = splitPolygonByLine(g, line);
        if (!r.ok) {
          expect(r.reason, r.detail).toBe('lineDoesNotCross');
          return true;
        }
        expectGoodSplit(g, r.pieces, 1e-5);
        return true;
      }),
      { numRuns: 200 },
    );
  });
});

describe('degenerate cases on a grid', () => {
  // Grid coordinates (binary fractions of a degree) make lines pass exactly through vertices and run
  // exactly along edges: the cases floating-point noding usually gets wrong.
  const grid = (i: number, j: number): Position => [120 + i / 4096, 30 + j / 4096];
  const gridPolygon = fc
    .array(fc.integer({ min: 2, max: 8 }), { minLength: 4, maxLength: 12 })
    .map((radii) =>
      polygon(
        radii.map((r, k): Position => {
          const angle = (2 * Math.PI * k) / radii.length;
          return grid(Math.round(10 + r * Math.cos(angle)), Math.round(10 + r * Math.sin(angle)));
        }),
      ),
    )
    .filter((g) => isValidAreaGeometry(g));
  const gridLine = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), { minLength: 2, maxLength: 5 }).map((points) => points.map(([i, j]) => grid(i, j)));

  it('never throws, and every success is a clean tiling', () => {
    fc.assert(
      fc.property(gridPolygon, gridLine, (g, line) => {
        const r = splitPolygonByLine(g, line);
        if (!r.ok) {
          expect(r.reason, r.detail).toBe('lineDoesNotCross');
          return true;
        }
        expect(r.pieces.length).toBeGreaterThanOrEqual(2);
        expectGoodSplit(g, r.pieces, 1e-5);
        return true;
      }),
      { numRuns: 500 },
    );
  });
});

describe('speed', () => {
  it('splits a 10,000-vertex polygon quickly', () => {
    const big = circle(120, 30, 0.01, 10_000);
    const start = performance.now();
    const result = pieces(big, [[119.98, 30.001], [120.02, 29.999]]);
    const ms = performance.now() - start;
    console.info(`split 10,000 vertices: ${ms.toFixed(1)} ms`);
    expect(result).toHaveLength(2);
    expectGoodSplit(big, result);
  });
});
