/**
 * Entities drawn on a tilted plane (a UCS rotated about an axis when they were drawn): their points are in
 * the object coordinate system of the extrusion N, at the elevation of their plane, and lie at
 * x·Ax + y·Ay + elevation·N (the DXF reference's arbitrary axis algorithm). With N = (0.6, 0, 0.8):
 * Ax = (0, 1, 0), Ay = (−0.8, 0, 0.6), so an elevation of 100 moves a point by (60, 0) seen from above.
 * Compared with GDAL's DXF driver on the same text.
 */
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { ocs } from './dxf-geometry.ts';
import { dxfText, gdalShapes, ourShapes, positionsOf, spread } from './dxf-test-support.ts';

const TILTED = '210\n0.6\n220\n0\n230\n0.8\n';
const square = [0, 0, 10, 0, 10, 10, 0, 10];
const vertices = (codes: (x: number, y: number) => string) => Array.from({ length: 4 }, (_, i) => codes(square[2 * i] as number, square[2 * i + 1] as number)).join('');

const DRAWING = dxfText(
  `0\nLWPOLYLINE\n5\nA1\n8\nP\n90\n4\n70\n1\n38\n100\n${vertices((x, y) => `10\n${x}\n20\n${y}\n`)}${TILTED}` +
    `0\nCIRCLE\n5\nA2\n8\nC\n10\n5\n20\n5\n30\n100\n40\n2\n${TILTED}` +
    `0\nARC\n5\nA3\n8\nC\n10\n5\n20\n5\n30\n100\n40\n2\n50\n0\n51\n90\n${TILTED}` +
    `0\nTEXT\n5\nA4\n8\nT\n10\n5\n20\n5\n30\n100\n40\n2\n1\nT1\n${TILTED}` +
    `0\nHATCH\n5\nA5\n8\nH\n10\n0\n20\n0\n30\n100\n${TILTED}2\nSOLID\n70\n1\n71\n0\n91\n1\n92\n2\n72\n0\n73\n1\n93\n4\n${vertices((x, y) => `10\n${x}\n20\n${y}\n`)}97\n0\n75\n0\n76\n1\n98\n0\n` +
    `0\nSOLID\n5\nA6\n8\nS\n10\n0\n20\n0\n30\n100\n11\n10\n21\n0\n31\n100\n12\n0\n22\n10\n32\n100\n13\n10\n23\n10\n33\n100\n${TILTED}` +
    `0\nINSERT\n5\nA7\n8\nI\n2\nB\n10\n5\n20\n5\n30\n100\n${TILTED}`,
  { blocks: '0\nBLOCK\n8\n0\n2\nB\n70\n0\n10\n0\n20\n0\n30\n0\n0\nLINE\n8\n0\n10\n0\n20\n0\n30\n0\n11\n1\n21\n0\n31\n0\n0\nENDBLK\n' },
);

describe('entities on a tilted plane, at an elevation', () => {
  it('lie where the arbitrary axis algorithm puts them, elevation included', () => {
    expect(ocs({ x: 0.6, y: 0, z: 0.8 }, 100)).toEqual([0, 1, -0.8, 0, 60, 0]);
    // A mirrored entity (0, 0, −1): its elevation is straight down and moves nothing.
    expect(ocs({ x: 0, y: 0, z: -1 }, -35)).toEqual([-1, 0, 0, 1, 0, 0]);
    const shapes = ourShapes(DRAWING);
    const first = (handle: string) => positionsOf(shapes.find((s) => s.handle === handle)!.geometry)[0] as Position;
    // The square's corner (0, 0) at elevation 100, the circle's point at angle 0 (5 + 2, 5)·(Ax, Ay) + 100·N.
    expect(first('A1')).toEqual([60, 0]);
    expect(first('A2')).toEqual([56, 7]);
    expect(first('A4')).toEqual([56, 5]);
    expect(first('A5')).toEqual([60, 0]);
    expect(first('A6')).toEqual([60, 0]);
    expect(first('A7')).toEqual([56, 5]);
  });

  it.skipIf(skipWithoutGdal('ogr2ogr'))('as GDAL reads them', () => {
    const ours = ourShapes(DRAWING);
    const theirs = gdalShapes(DRAWING);
    expect(ours.map((s) => s.handle)).toEqual(theirs.map((f) => f.handle));
    ours.forEach((shape, i) => expect(spread(positionsOf(shape.geometry), theirs[i]!.positions), shape.handle).toBeLessThan(1e-9));
  });

  it('puts a 2D POLYLINE at the elevation of its dummy point (DXF reference; GDAL leaves the elevation out)', () => {
    const polyline = dxfText(`0\nPOLYLINE\n5\nB1\n8\nP\n66\n1\n10\n0\n20\n0\n30\n100\n70\n1\n${TILTED}${vertices((x, y) => `0\nVERTEX\n8\nP\n10\n${x}\n20\n${y}\n`)}0\nSEQEND\n`);
    const ring = positionsOf(ourShapes(polyline)[0]!.geometry);
    expect(ring.slice(0, 4)).toEqual([
      [60, 0],
      [60, 10],
      [52, 10],
      [52, 0],
    ]);
  });
});
