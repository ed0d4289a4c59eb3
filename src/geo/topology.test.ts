import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
import { localLengthMetres } from './local-metric.ts';
import { validateAreaGeometry } from './validity.ts';
import { rings } from './rings.ts';
import { circle, lShape, multi, polygon, square } from './test-support.ts';
import {
  areAdjacent,
  deleteVertex,
  diffMovedVertex,
  hasVertex,
  insertVertex,
  insertVertexOnEdges,
  insertVerticesOnEdges,
  moveVertex,
  sharedBoundaryLength,
} from './topology.ts';

const outer = (g: AreaGeometry): Position[] => [...rings(g)][0]?.ring as Position[];
const a = square(120, 30, 120.001, 30.001);
const b = square(120.001, 30, 120.002, 30.001); // shares a's east edge

describe('insertVertexOnEdges', () => {
  it('inserts the point, with exactly its numbers, into the edge it lies on', () => {
    const p: Position = [120.001, 30.000123456789];
    const result = insertVertexOnEdges(a, p) as Polygon;
    expect(outer(result)).toEqual([[120, 30], [120.001, 30], p, [120.001, 30.001], [120, 30.001], [120, 30]]);
    expect(outer(result)[2]).not.toBe(p);
    expect(a.coordinates[0]).toHaveLength(5); // the input is untouched
  });

  it('gives the neighbour the same vertex: the shared edge stays identical', () => {
    const p: Position = [120.001, 30.0004];
    const newA = insertVertexOnEdges(a, p) as Polygon;
    const newB = insertVertexOnEdges(b, p) as Polygon;
    expect(hasVertex(newA, p) && hasVertex(newB, p)).toBe(true);
    expect(areAdjacent(newA, newB)).toBe(true);
  });

  it('accepts a point a hair off the edge (within tolerance) and refuses one further away', () => {
    expect(insertVertexOnEdges(a, [120.001 + 5e-10, 30.0005])).not.toBeNull();
    expect(insertVertexOnEdges(a, [120.001 + 5e-9, 30.0005])).toBeNull();
    expect(insertVertexOnEdges(a, [120.001 + 5e-9, 30.0005], 1e-8)).not.toBeNull();
  });

  it('changes nothing for an existing vertex, a point beside an endpoint, or a point off every edge', () => {
    expect(insertVertexOnEdges(a, [120.001, 30])).toBeNull();
    expect(insertVertexOnEdges(a, [120.001, 30 + 5e-10])).toBeNull(); // would be a second vertex 0.05 mm from the corner
    expect(insertVertexOnEdges(a, [120.0005, 30.0005])).toBeNull();
    expect(insertVertexOnEdges(a, [121, 30])).toBeNull(); // on the edge's line, beyond its end
  });

  it('reaches holes and MultiPolygon members', () => {
    const withHole = polygon([[0, 0], [4, 0], [4, 4], [0, 4]], [[1, 1], [1, 2], [2, 2], [2, 1]]);
    const r = insertVertexOnEdges(withHole, [1.5, 2]) as Polygon;
    expect(r.coordinates[1]).toEqual([[1, 1], [1, 2], [1.5, 2], [2, 2], [2, 1], [1, 1]]);
    const m = insertVertexOnEdges(multi(square(0, 0, 1, 1), square(2, 0, 3, 1)), [2.5, 0]);
    expect(m?.type).toBe('MultiPolygon');
    expect([...rings(m as AreaGeometry)][1]?.ring).toHaveLength(6);
  });
});

describe('insertVerticesOnEdges', () => {
  it('inserts several points on one edge in order along it', () => {
    const r = insertVerticesOnEdges(a, [[120.0007, 30], [120.0002, 30], [120.0002, 30], [120.0005, 30.0005]]) as Polygon;
    expect(outer(r).slice(0, 4)).toEqual([[120, 30], [120.0002, 30], [120.0007, 30], [120.001, 30]]);
    expect(outer(r)).toHaveLength(7);
  });

  it('merges given points closer together than the tolerance', () => {
    const r = insertVerticesOnEdges(a, [[120.0005, 30], [120.0005 + 1e-10, 30]]) as Polygon;
    expect(outer(r).slice(0, 3)).toEqual([[120, 30], [120.0005, 30], [120.001, 30]]);
  });

  it('returns null when nothing lies on an edge, and ignores non-finite points', () => {
    expect(insertVerticesOnEdges(a, [])).toBeNull();
    expect(insertVerticesOnEdges(a, [[NaN, 30], [121, 31]])).toBeNull();
  });

  it('gives the same result as inserting one point at a time', () => {
    const parcel = circle(120, 30, 0.001, 12);
    const ring = outer(parcel);
    fc.assert(
      // Points at least 1 % of an edge apart: closer than the tolerance they would merge, in an order-dependent way.
      fc.property(fc.uniqueArray(fc.tuple(fc.nat(11), fc.integer({ min: 1, max: 99 })), { maxLength: 12, selector: ([i, k]) => i * 100 + k }), (picks) => {
        const points = picks.map(([i, k]): Position => {
          const t = k / 100;
          const p = ring[i] as Position;
          const q = ring[i + 1] as Position;
          return [(p[0] as number) + t * ((q[0] as number) - (p[0] as number)), (p[1] as number) + t * ((q[1] as number) - (p[1] as number))];
        });
        let oneByOne: AreaGeometry = parcel;
        for (const p of points) oneByOne = insertVertexOnEdges(oneByOne, p, 1e-12) ?? oneByOne;
        const atOnce = insertVerticesOnEdges(parcel, points, 1e-12) ?? parcel;
        expect(atOnce).toEqual(oneByOne);
      }),
    );
  });

  it('puts a point lying within the tolerance of both edges at a corner into the nearer only, keeping the ring valid', () => {
    // A jittered neighbour's corner 0.13 mm inside the wedge of a's north-east corner: 0.09 mm from the east
    // edge, 0.1 mm from the north one, further than the tolerance from the corner itself.
    const p: Position = [120.001 - 0.8e-9, 30.001 - 0.95e-9];
    const r = insertVerticesOnEdges(a, [p]) as Polygon;
    expect(outer(r)).toEqual([[120, 30], [120.001, 30], p, [120.001, 30.001], [120, 30.001], [120, 30]]);
    expect(validateAreaGeometry(r).filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  // Its speed is the benchmarks' business (a timed test fails on a loaded machine, not on slow code).
  it('puts 2,000 points on the edges of a 10,000-edge neighbour', () => {
    const big = circle(120, 30, 0.01, 10_000);
    const ring = outer(big);
    const points = Array.from({ length: 2_000 }, (_, k): Position => {
      const p = ring[k * 5] as Position;
      const q = ring[k * 5 + 1] as Position;
      return [((p[0] as number) + (q[0] as number)) / 2, ((p[1] as number) + (q[1] as number)) / 2];
    });
    const r = insertVerticesOnEdges(big, points);
    expect(outer(r as AreaGeometry)).toHaveLength(10_001 + 2_000);
  });
});

describe('moveVertex and hasVertex', () => {
  it('moves every copy of the vertex, the closing position included', () => {
    const r = moveVertex(a, [120, 30], [119.9995, 29.9995]) as Polygon;
    expect(outer(r)[0]).toEqual([119.9995, 29.9995]);
    expect(outer(r)[4]).toEqual([119.9995, 29.9995]);
    expect(hasVertex(r, [120, 30])).toBe(false);
    expect(hasVertex(r, [119.9995, 29.9995])).toBe(true);
  });

  it('returns null when no vertex matches exactly', () => {
    expect(moveVertex(a, [120, 30.0000000001], [0, 0])).toBeNull();
  });

  it('moved there and back is the identity', () => {
    const g = lShape(120, 30, 0.0005);
    const vertices = outer(g).slice(0, -1);
    fc.assert(
      fc.property(fc.nat(vertices.length - 1), fc.double({ min: -0.001, max: 0.001, noNaN: true }), fc.double({ min: -0.001, max: 0.001, noNaN: true }), (i, dx, dy) => {
        const from = vertices[i] as Position;
        const to: Position = [(from[0] as number) + dx, (from[1] as number) + dy];
        fc.pre(!hasVertex(g, to) || (dx === 0 && dy === 0));
        const there = moveVertex(g, from, to);
        if (!there) return false;
        expect(moveVertex(there, to, from)).toEqual(g);
        return true;
      }),
    );
  });
});

describe('deleteVertex and insertVertex', () => {
  const pentagon = polygon([[0, 0], [2, 0], [3, 1], [1, 2], [-1, 1]]);
  it('deletes a middle vertex', () => {
    expect(outer(deleteVertex(pentagon, 0, 0, 2) as Polygon)).toEqual([[0, 0], [2, 0], [1, 2], [-1, 1], [0, 0]]);
  });

  it('deleting the first or the closing vertex keeps the ring closed', () => {
    const expected = [[2, 0], [3, 1], [1, 2], [-1, 1], [2, 0]];
    expect(outer(deleteVertex(pentagon, 0, 0, 0) as Polygon)).toEqual(expected);
    expect(outer(deleteVertex(pentagon, 0, 0, 5) as Polygon)).toEqual(expected);
  });

  it('refuses to go below a triangle', () => {
    expect(deleteVertex(polygon([[0, 0], [1, 0], [0, 1]]), 0, 0, 1)).toEqual({ error: 'ringTooSmall' });
  });

  it('works on holes and members, leaving other rings as they are', () => {
    const m = multi(square(0, 0, 1, 1), pentagon);
    const r = deleteVertex(m, 1, 0, 1) as AreaGeometry;
    expect(r.type).toBe('MultiPolygon');
    expect([...rings(r)][0]?.ring).toBe(m.coordinates[0]?.[0]);
    expect([...rings(r)][1]?.ring).toHaveLength(5);
  });

  it('inserts after a vertex and rejects impossible indices', () => {
    expect(outer(insertVertex(a, 0, 0, 0, [120.0005, 30]))).toEqual([[120, 30], [120.0005, 30], [120.001, 30], [120.001, 30.001], [120, 30.001], [120, 30]]);
    expect(() => insertVertex(a, 0, 0, 4, [0, 0])).toThrow(RangeError);
    expect(() => insertVertex(a, 0, 1, 0, [0, 0])).toThrow(RangeError);
    expect(() => deleteVertex(a, 0, 0, 9)).toThrow(RangeError);
  });
});

describe('diffMovedVertex', () => {
  it('recognises a single moved vertex', () => {
    const after = moveVertex(a, [120.001, 30.001], [120.0012, 30.0011]) as Polygon;
    expect(diffMovedVertex(a, after)).toEqual({ from: [120.001, 30.001], to: [120.0012, 30.0011] });
  });

  it('recognises a moved first vertex with its closing copy', () => {
    const after = moveVertex(a, [120, 30], [119.9999, 30]) as Polygon;
    expect(diffMovedVertex(a, after)).toEqual({ from: [120, 30], to: [119.9999, 30] });
  });

  it('says undefined for anything else', () => {
    expect(diffMovedVertex(a, a)).toBeUndefined();
    const two = moveVertex(moveVertex(a, [120, 30], [119.9, 30]) as Polygon, [120.001, 30.001], [120.1, 30.1]) as Polygon;
    expect(diffMovedVertex(a, two)).toBeUndefined();
    expect(diffMovedVertex(a, insertVertex(a, 0, 0, 0, [120.0005, 30]))).toBeUndefined();
    const openedFirst: Polygon = { type: 'Polygon', coordinates: [[[119.9, 30], ...outer(a).slice(1)]] };
    expect(diffMovedVertex(a, openedFirst)).toBeUndefined();
    expect(diffMovedVertex(a, multi(a))).toBeUndefined();
  });

  it('finds the move that moveVertex made, for any vertex of any ring', () => {
    const g = polygon([[0, 0], [4, 0], [4, 4], [0, 4]], [[1, 1], [1, 2], [2, 2], [2, 1]]);
    const vertices = [...rings(g)].flatMap(({ ring }) => ring.slice(0, -1));
    fc.assert(
      fc.property(fc.nat(vertices.length - 1), fc.double({ min: 0.01, max: 0.4, noNaN: true }), (i, d) => {
        const from = vertices[i] as Position;
        const to: Position = [(from[0] as number) + d, from[1] as number];
        expect(diffMovedVertex(g, moveVertex(g, from, to) as AreaGeometry)).toEqual({ from, to });
      }),
    );
  });
});

describe('sharedBoundaryLength and areAdjacent', () => {
  const edgeMetres = localLengthMetres([120.001, 30], [120.001, 30.001]);

  it('neighbours sharing an edge', () => {
    expect(areAdjacent(a, b)).toBe(true);
    expect(sharedBoundaryLength(a, b)).toBeCloseTo(edgeMetres, 6);
    expect(sharedBoundaryLength(b, a)).toBeCloseTo(edgeMetres, 6);
  });

  it('parcels touching at a corner, or apart, are not adjacent', () => {
    const diagonal = square(120.001, 30.001, 120.002, 30.002);
    expect(areAdjacent(a, diagonal)).toBe(false);
    expect(sharedBoundaryLength(a, diagonal)).toBe(0);
    expect(areAdjacent(a, square(120.003, 30, 120.004, 30.001))).toBe(false);
  });

  it('a neighbour whose edge covers part of ours, with no common vertex (T-junctions)', () => {
    const tall = square(120.001, 29.9995, 120.002, 30.0005);
    expect(areAdjacent(a, tall)).toBe(true);
    expect(sharedBoundaryLength(a, tall)).toBeCloseTo(edgeMetres / 2, 3);
  });

  it('edges digitised apart: within the tolerance they touch, beyond it they do not', () => {
    const near = square(120.001 + 1e-10, 30, 120.002, 30.001);
    expect(areAdjacent(a, near)).toBe(true);
    const gap = square(120.001 + 1e-7, 30, 120.002, 30.001);
    expect(areAdjacent(a, gap)).toBe(false);
    expect(areAdjacent(a, gap, 1e-6)).toBe(true);
  });

  it('L-shapes fitted together share two edges', () => {
    const l = lShape(0, 0, 1);
    const fill = polygon([[1, 1], [2, 1], [2, 2], [1, 2]]);
    expect(areAdjacent(l, fill)).toBe(true);
    expect(sharedBoundaryLength(l, fill)).toBeCloseTo(localLengthMetres([1, 1], [2, 1]) + localLengthMetres([1, 1], [1, 2]), 3);
  });
});
