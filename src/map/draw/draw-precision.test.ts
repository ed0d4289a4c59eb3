import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { diffMovedVertex } from '../../geo/topology.ts';
import { DRAW_PRECISION, forTerraDraw, fromTerraDraw } from './draw-precision.ts';

/** Decimals as terra-draw counts them before refusing a feature for "excessive precision". */
function decimals(v: number): number {
  let scale = 1;
  let n = 0;
  while (Math.round(v * scale) / scale !== v) {
    scale *= 10;
    n++;
  }
  return n;
}

/** A parcel as it comes out of a GK-zone survey read into lon/lat: full double precision. */
const imported: Polygon = {
  type: 'Polygon',
  coordinates: [[
    [120.49418734404207, 29.995187264546782],
    [120.49486077189621, 29.995201934492478],
    [120.49483983546222, 29.995832968441146],
    [120.49421317595164, 29.995803748219164],
    [120.49418734404207, 29.995187264546782],
  ]],
};

const ring = (p: Polygon) => p.coordinates[0] as Position[];

describe('handing terra-draw a polygon it accepts, and taking its edits back', () => {
  it('rounds every coordinate to what terra-draw accepts, within 1e-9°', () => {
    const given = forTerraDraw(imported);
    for (const [i, p] of ring(given).entries()) {
      expect(decimals(p[0] as number)).toBeLessThanOrEqual(DRAW_PRECISION);
      expect(decimals(p[1] as number)).toBeLessThanOrEqual(DRAW_PRECISION);
      expect(Math.abs((p[0] as number) - (ring(imported)[i]![0] as number))).toBeLessThanOrEqual(5e-10);
    }
    expect(ring(imported).some((p) => decimals(p[0] as number) > DRAW_PRECISION)).toBe(true);
  });

  it('hands a parcel with a hole over by its outer ring, which terra-draw accepts, and takes it back with the hole', () => {
    const hole: Position[] = [[120.4944, 29.9954], [120.4946, 29.9954], [120.4946, 29.9956], [120.4944, 29.9954]];
    const holed: Polygon = { type: 'Polygon', coordinates: [ring(imported), hole] };
    const given = forTerraDraw(holed);
    expect(given.coordinates).toHaveLength(1);
    expect(fromTerraDraw(given, holed).coordinates[0]).toEqual(ring(imported));
  });

  it('gives back the stored polygon bit for bit when nothing moved', () => {
    expect(fromTerraDraw(forTerraDraw(imported), imported)).toEqual(imported);
  });

  it('keeps a dragged vertex where it was dropped and every other one as stored: one move', () => {
    const reported = forTerraDraw(imported);
    const dropped: Position = [120.4949, 29.9953];
    ring(reported)[1] = dropped;
    const back = fromTerraDraw(reported, imported);
    expect(ring(back)[1]).toEqual(dropped);
    expect([0, 2, 3, 4].map((i) => ring(back)[i])).toEqual([0, 2, 3, 4].map((i) => ring(imported)[i]));
    expect(diffMovedVertex(imported, back)).toEqual({ from: ring(imported)[1], to: dropped });
  });

  it('keeps an inserted midpoint and the stored vertices around it', () => {
    const reported = forTerraDraw(imported);
    const midpoint: Position = [120.494524058, 29.995194599];
    ring(reported).splice(1, 0, midpoint);
    const back = ring(fromTerraDraw(reported, imported));
    expect(back).toEqual([ring(imported)[0], midpoint, ...ring(imported).slice(1)]);
  });

  it('puts back neither of two stored vertices that round alike', () => {
    const [a, b] = [[120.1234567891, 30.1], [120.1234567894, 30.1]];
    const twin: Polygon = { type: 'Polygon', coordinates: [[a!, b!, [120.2, 30.2], [120.1, 30.2], a!]] };
    const back = ring(fromTerraDraw(forTerraDraw(twin), twin));
    expect(back[0]).toEqual([120.123456789, 30.1]);
    expect(back[1]).toEqual([120.123456789, 30.1]);
    expect(back[2]).toEqual([120.2, 30.2]);
  });
});
