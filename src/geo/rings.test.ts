import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { closeRing, isClosed, mapPositions, positionsEqual, rewindRfc7946, rings, ringSignedAreaPlanar, vertexCount } from './rings.ts';
import { multi, polygon, square, turfFixtureGeometry } from './test-support.ts';

const withHole = polygon(
  [[0, 0], [4, 0], [4, 4], [0, 4]],
  [[1, 1], [1, 2], [2, 2], [2, 1]],
);

describe('rings', () => {
  it('walks every ring with its polygon and ring index', () => {
    const geometry = multi(withHole, square(10, 10, 11, 11));
    expect([...rings(geometry)].map(({ polygonIndex, ringIndex, ring }) => [polygonIndex, ringIndex, ring.length])).toEqual([
      [0, 0, 5],
      [0, 1, 5],
      [1, 0, 5],
    ]);
  });
});

describe('positions and closing', () => {
  it('compares positions exactly, ignoring a third coordinate', () => {
    expect(positionsEqual([1, 2], [1, 2, 99])).toBe(true);
    expect(positionsEqual([0.1 + 0.2, 0], [0.3, 0])).toBe(false);
    expect(positionsEqual([0, 0], [-0, 0])).toBe(true);
  });

  it('closes open rings and leaves closed ones', () => {
    const open: Position[] = [[0, 0], [1, 0], [1, 1]];
    expect(isClosed(open)).toBe(false);
    const closed = closeRing(open);
    expect(closed).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
    expect(closed[3]).not.toBe(open[0]); // a copy, not an alias of the first position
    expect(isClosed(closed)).toBe(true);
    expect(closeRing(closed)).toEqual(closed);
    expect(isClosed([[0, 0]])).toBe(false);
    expect(closeRing([])).toEqual([]);
    expect(vertexCount(closed)).toBe(3);
    expect(vertexCount(open)).toBe(3);
  });
});

describe('mapPositions', () => {
  it('returns a new geometry of the same type and leaves the input alone', () => {
    const input = square(0, 0, 1, 1);
    const moved = mapPositions(input, ([x, y]) => [(x as number) + 10, y as number]);
    expect(moved.type).toBe('Polygon');
    expect(moved.coordinates[0]?.[2]).toEqual([11, 1]);
    expect(input.coordinates[0]?.[2]).toEqual([1, 1]);
  });

  it('tells the callback where each position is', () => {
    const seen: string[] = [];
    mapPositions(multi(square(0, 0, 1, 1), square(2, 2, 3, 3)), (p, at) => {
      if (at.positionIndex === 0) seen.push(`${at.polygonIndex}/${at.ringIndex}`);
      return p;
    });
    expect(seen).toEqual(['0/0', '1/0']);
  });
});

describe('ringSignedAreaPlanar', () => {
  it('is positive counter-clockwise, negative clockwise, with or without the closing position', () => {
    const ccw = square(0, 0, 2, 3).coordinates[0] as Position[];
    expect(ringSignedAreaPlanar(ccw)).toBe(6);
    expect(ringSignedAreaPlanar([...ccw].reverse())).toBe(-6);
    expect(ringSignedAreaPlanar(ccw.slice(0, -1))).toBe(6);
    expect(ringSignedAreaPlanar([[0, 0], [1, 1]])).toBe(0);
  });

  it('keeps its precision at Zhejiang longitudes', () => {
    const cell = square(120.123456, 30.654321, 120.123466, 30.654331).coordinates[0] as Position[];
    // The coordinates themselves carry ~1e-9 relative error in their difference; the shoelace adds none.
    expect(Math.abs(ringSignedAreaPlanar(cell) / 1e-10 - 1)).toBeLessThan(1e-7);
  });
});

describe('rewindRfc7946', () => {
  it('winds shells counter-clockwise and holes clockwise', () => {
    const wrong: Polygon = {
      type: 'Polygon',
      coordinates: [[...(withHole.coordinates[0] as Position[])].reverse(), [...(withHole.coordinates[1] as Position[])].reverse()],
    };
    const fixed = rewindRfc7946(wrong);
    expect(ringSignedAreaPlanar(fixed.coordinates[0] as Position[])).toBeGreaterThan(0);
    expect(ringSignedAreaPlanar(fixed.coordinates[1] as Position[])).toBeLessThan(0);
    expect(rewindRfc7946(fixed)).toEqual(fixed);
    expect(rewindRfc7946(withHole)).toEqual(withHole);
  });

  it('fixes turf rewind fixtures', () => {
    for (const name of ['rewind__in__polygon-clockwise.geojson', 'rewind__in__polygon-counter-clockwise.geojson']) {
      const geometry = turfFixtureGeometry(name) as Polygon;
      const fixed = rewindRfc7946(geometry);
      expect(ringSignedAreaPlanar(fixed.coordinates[0] as Position[]), name).toBeGreaterThan(0);
    }
  });
});
