/**
 * CJDCQJX from CJDCQ: each boundary once, a shared one not twice, lines cut where three areas meet; as a
 * county export gives the areas: a vertex on one side of a shared boundary only (T-junction), and the two
 * copies of a shared corner digitised ±0.3 mm apart.
 */
import type { LineString, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { surveyAreaLines } from './survey-area-lines.ts';

const ring = (...points: Position[]): Polygon => ({ type: 'Polygon', coordinates: [[...points, points[0] as Position]] });
const X = 120.1;
const Y = 30.2;
const D = 0.001;
/** ≈ 0.3 mm at 30°N. */
const JITTER = 3e-9;

const length = (line: LineString) => line.coordinates.slice(1).reduce((n, p, i) => n + Math.hypot((p[0] as number) - (line.coordinates[i]![0] as number), (p[1] as number) - (line.coordinates[i]![1] as number)), 0);
const total = (lines: readonly LineString[]) => lines.reduce((n, l) => n + length(l), 0);

describe('surveyAreaLines', () => {
  it('gives one survey area its outline as one closed line', () => {
    const lines = surveyAreaLines([ring([X, Y], [X + D, Y], [X + D, Y + D], [X, Y + D])]);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.coordinates).toHaveLength(5);
    expect(lines[0]?.coordinates[0]).toEqual(lines[0]?.coordinates[4]);
  });

  it('holds the boundary two areas share once, cut at its ends, whatever the T-junction and the jitter', () => {
    // West area: its east side has a vertex in the middle the east area lacks; the east area's copies of the corners are jittered.
    const west = ring([X, Y], [X + D, Y], [X + D, Y + D / 2], [X + D, Y + D], [X, Y + D]);
    const east = ring([X + D + JITTER, Y - JITTER], [X + 2 * D, Y], [X + 2 * D, Y + D], [X + D - JITTER, Y + D + JITTER]);
    const lines = surveyAreaLines([west, east]);
    // Two outer lines (three sides each) and the shared one: 7 sides, not the 8 two outlines hold.
    expect(lines).toHaveLength(3);
    expect(total(lines)).toBeCloseTo(7 * D, 9);
    const shared = lines.filter((l) => l.coordinates.every((p) => Math.abs((p[0] as number) - (X + D)) < 1e-8));
    expect(shared.map((l) => l.coordinates.length)).toEqual([3]);
  });

  it('cuts the lines where three areas meet', () => {
    const a = ring([X, Y], [X + D, Y], [X + D, Y + D], [X, Y + D]);
    const b = ring([X + D, Y], [X + 2 * D, Y], [X + 2 * D, Y + D], [X + D, Y + D]);
    const c = ring([X, Y + D], [X + D, Y + D], [X + 2 * D, Y + D], [X + 2 * D, Y + 2 * D], [X, Y + 2 * D]);
    const lines = surveyAreaLines([a, b, c]);
    expect(lines).toHaveLength(6);
    // 11 sides: the bottom 2, the three uprights of a and b, the 2 a and b share with c, c's 2 sides and 2 on top.
    expect(total(lines)).toBeCloseTo(11 * D, 9);
    // Nodes of degree 3 at (X+D, Y), (X+D, Y+D), (X, Y+D), (X+2D, Y+D): every line ends at one of them.
    const nodes = [[X + D, Y], [X + D, Y + D], [X, Y + D], [X + 2 * D, Y + D]].map((p) => p.join());
    for (const line of lines) {
      expect(nodes).toContain(line.coordinates[0]?.join());
      expect(nodes).toContain(line.coordinates.at(-1)?.join());
    }
  });
});
