/**
 * SPLINEs given by fit points only, as ezdxf, LibreCAD and some CAD tools write them: drawn as the cubic
 * CAD draws through the points (end tangents when given), not as straight chords between them. The fit
 * points lie on a known circle, so the reading is checked against the analytic curve (GDAL 3.6 drops
 * splines without control points, so there is no independent reader to compare with).
 */
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { dxfText, ourShapes } from './dxf-test-support.ts';

const R = 20;
const CX = 40571450;
const CY = 3370650;
const onCircle = (angle: number) => [CX + R * Math.cos(angle), CY + R * Math.sin(angle)] as const;
const groups = (...pairs: (string | number)[]) => pairs.map((v) => `${v}\n`).join('');

/** A SPLINE as ezdxf writes one from fit points: no knots, no control points, fit tolerance 44. */
function fitSpline(points: readonly (readonly [number, number])[], flags: number, tangents: (string | number)[] = []): string {
  return groups(0, 'SPLINE', 5, 'F1', 8, 'POND', 70, flags, 71, 3, 72, 0, 73, 0, 74, points.length, 42, 1e-10, 43, 1e-10, 44, 1e-10, ...tangents, ...points.flatMap(([x, y]) => [11, x, 21, y, 31, 0]));
}

/** Shoelace area about the circle's centre (GK numbers this large lose centimetres in the products). */
function area(ring: readonly Position[]): number {
  let sum = 0;
  ring.forEach((p, i) => {
    const q = ring[(i + 1) % ring.length] as Position;
    sum += ((p[0] as number) - CX) * ((q[1] as number) - CY) - ((q[0] as number) - CX) * ((p[1] as number) - CY);
  });
  return Math.abs(sum) / 2;
}

/** The largest distance of a point from the circle. */
const offCircle = (points: readonly Position[]) => Math.max(...points.map((p) => Math.abs(Math.hypot((p[0] as number) - CX, (p[1] as number) - CY) - R)));

const only = (text: string) => {
  const shapes = ourShapes(dxfText(text));
  expect(shapes).toHaveLength(1);
  return (shapes[0] as (typeof shapes)[number]).geometry;
};

describe('fit-point splines', () => {
  it('draws a closed spline through 8 points of a circle as the circle (a pond), not an octagon 10 % smaller', () => {
    const fits = Array.from({ length: 8 }, (_, i) => onCircle((i * Math.PI) / 4));
    const pond = only(fitSpline(fits, 11));
    expect(pond.type).toBe('Polygon');
    const ring = (pond as { coordinates: Position[][] }).coordinates[0] as Position[];
    const circle = Math.PI * R * R;
    expect(Math.abs(area(ring) / circle - 1)).toBeLessThan(0.003);
    expect(offCircle(ring)).toBeLessThan(0.002 * R);
    // The straight reading through the fit points (the old one) is off by far more.
    expect(Math.abs(area(fits.map(([x, y]) => [x, y])) / circle - 1)).toBeGreaterThan(0.09);
  });

  it('follows a half circle through 5 points with its end tangents (12/22, 13/23), and starts and ends on its end points', () => {
    const fits = Array.from({ length: 5 }, (_, i) => onCircle((i * Math.PI) / 4));
    // Tangent lengths carry no meaning: AutoCAD keeps only their directions.
    const withTangents = only(fitSpline(fits, 8, [12, 0, 22, 5, 32, 0, 13, 0, 23, -3, 33, 0]));
    const natural = only(fitSpline(fits, 8));
    expect(withTangents.type).toBe('LineString');
    const line = (withTangents as { coordinates: Position[] }).coordinates;
    expect(line[0]).toEqual([...fits[0]!]);
    expect(line[line.length - 1]).toEqual([...fits[4]!]);
    expect(line.length).toBeGreaterThan(40);
    expect(offCircle(line)).toBeLessThan(0.005 * R);
    // Without tangents the ends are free ("natural", as AutoCAD draws them): still a curve, not chords.
    const free = (natural as { coordinates: Position[] }).coordinates;
    expect(offCircle(free)).toBeGreaterThan(offCircle(line));
    expect(offCircle(free)).toBeLessThan(0.05 * R);
    // The middle of each chord of the old straight reading lies 7.6 % of the radius inside the circle.
    const chordMiddles = fits.slice(1).map(([x, y], i) => [(x + fits[i]![0]) / 2, (y + fits[i]![1]) / 2]);
    expect(offCircle(chordMiddles)).toBeGreaterThan(0.07 * R);
  });

  it('keeps a spline of two fit points and no tangents straight', () => {
    const straight = only(fitSpline([onCircle(0), onCircle(Math.PI)], 8));
    expect((straight as { coordinates: Position[] }).coordinates).toEqual([[...onCircle(0)], [...onCircle(Math.PI)]]);
  });
});
