import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { withoutSliverRings } from './sliver-rings.ts';

const M_LON = 1 / 96_290;
const M_LAT = 1 / 110_860;
const rect = (x: number, y: number, w: number, h: number): Position[] => [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]];
const X = 120.1;
const Y = 30.2;

describe('withoutSliverRings', () => {
  it('drops a hair-thin seam hole (0.3 mm × 10 m) and keeps a real 5 cm hole', () => {
    const shell = rect(X, Y, 100 * M_LON, 100 * M_LAT);
    const seam = rect(X + 10 * M_LON, Y + 10 * M_LAT, 0.0003 * M_LON, 10 * M_LAT).reverse();
    const pinhole = rect(X + 50 * M_LON, Y + 50 * M_LAT, 0.05 * M_LON, 0.05 * M_LAT).reverse();
    const cleaned = withoutSliverRings({ type: 'Polygon', coordinates: [shell, seam, pinhole] }, 0.001) as Polygon;
    expect(cleaned.coordinates).toEqual([shell, pinhole]);
  });

  it('keeps a hole 20 cm wide that a 0.3 mm seam 100 m long runs into, and a part that is such a seam with a 20 cm end', () => {
    // Mean width 2·area/perimeter is 0.7 mm here (0.07 m² over 200.8 m), under the tolerance: by that
    // alone the hole was dropped (a real gap in the union filled) and the part lost, 20 cm wide as they are.
    const m = (x: number, y: number): Position => [X + 50 * M_LON + x * M_LON, Y + 50 * M_LAT + y * M_LAT];
    const keyhole = [m(0, 0), m(0.2, 0), m(0.2, 0.1), m(100.2, 0.1), m(100.2, 0.1003), m(0.2, 0.1003), m(0.2, 0.2), m(0, 0.2), m(0, 0)];
    const shell = rect(X, Y, 200 * M_LON, 100 * M_LAT);
    const holed = { type: 'Polygon' as const, coordinates: [shell, keyhole.slice().reverse()] };
    expect(withoutSliverRings(holed, 0.001)).toEqual(holed);
    expect(withoutSliverRings({ type: 'Polygon', coordinates: [keyhole] }, 0.001)).toEqual({ type: 'Polygon', coordinates: [keyhole] });
  });

  it('drops collapsed rings and thin parts, and gives null when nothing wider is left', () => {
    const collapsed: Position[] = [[X, Y], [X + M_LON, Y], [X, Y], [X, Y]];
    expect(withoutSliverRings({ type: 'MultiPolygon', coordinates: [[rect(X, Y, 10 * M_LON, 10 * M_LAT)], [collapsed]] }, 0.001)).toEqual({ type: 'Polygon', coordinates: [rect(X, Y, 10 * M_LON, 10 * M_LAT)] });
    expect(withoutSliverRings({ type: 'Polygon', coordinates: [rect(X, Y, 0.0002 * M_LON, 50 * M_LAT)] }, 0.001)).toBeNull();
  });
});
