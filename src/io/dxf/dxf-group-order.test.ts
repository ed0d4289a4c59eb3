/**
 * Group codes in an unusual order inside an entity, as scripts and converters write them: a y before its
 * x, the layer or a z between x and y, widths between a vertex's x and y. GDAL reads each code on its own
 * and opens these files; so does the reader now (before, dxf-parser refused the file, and our own TEXT,
 * CIRCLE and LWPOLYLINE readers put the point at x = 0 or joined the wrong x and y). A point that really
 * lacks its y is still refused, naming the entity.
 */
import { describe, expect, it } from 'vitest';
import { skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { importFiles } from '../formats/index.ts';
import { english } from '../test-support.ts';
import { dxfText, gdalShapes, ourShapes, positionsOf, spread } from './dxf-test-support.ts';

const X = 40571400;
const Y = 3370600;
const square: readonly [number, number][] = [
  [X, Y],
  [X + 100, Y],
  [X + 100, Y + 100],
  [X, Y + 100],
];

const DRAWING = dxfText(
  `0\nLINE\n5\nB1\n20\n${Y}\n10\n${X}\n8\nL\n21\n${Y + 10}\n11\n${X + 10}\n` +
    `0\nLINE\n5\nB2\n8\nL\n10\n${X}\n30\n0\n20\n${Y}\n11\n${X + 10}\n31\n0\n21\n${Y + 10}\n` +
    `0\nLINE\n5\nB3\n10\n${X}\n8\nL\n20\n${Y}\n11\n${X + 10}\n21\n${Y + 10}\n` +
    `0\nLWPOLYLINE\n5\nB4\n8\nP\n90\n4\n70\n1\n${square.map(([x, y]) => `20\n${y}\n10\n${x}\n`).join('')}` +
    `0\nLWPOLYLINE\n5\nB5\n8\nP\n90\n4\n70\n1\n${square.map(([x, y]) => `10\n${x}\n40\n0.5\n41\n0.5\n20\n${y}\n`).join('')}` +
    `0\nPOINT\n5\nB6\n8\nD\n20\n${Y}\n10\n${X}\n` +
    `0\nMTEXT\n5\nB7\n8\nM\n40\n2\n1\nT1\n20\n${Y}\n10\n${X}\n` +
    `0\nARC\n5\nB8\n8\nA\n10\n${X}\n40\n5\n20\n${Y}\n50\n0\n51\n90\n` +
    `0\nTEXT\n5\nB9\n8\nT\n20\n${Y}\n10\n${X}\n40\n2\n1\nT2\n` +
    `0\nCIRCLE\n5\nBA\n8\nC\n20\n${Y}\n10\n${X}\n40\n3\n` +
    `0\nELLIPSE\n5\nBB\n8\nE\n20\n${Y}\n10\n${X}\n21\n0\n11\n4\n40\n0.5\n41\n0\n42\n6.283185307179586\n`,
);

describe('group codes out of the usual order', () => {
  it('are read where CAD and GDAL place them', () => {
    const shapes = ourShapes(DRAWING);
    expect(shapes.map((s) => s.handle)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'BA', 'BB']);
    const first = (handle: string) => positionsOf(shapes.find((s) => s.handle === handle)!.geometry)[0];
    expect(shapes.filter((s) => s.entity === 'LINE').map((s) => positionsOf(s.geometry))).toEqual(Array(3).fill([[X, Y], [X + 10, Y + 10]]));
    expect(shapes.filter((s) => s.entity === 'LWPOLYLINE').map((s) => [s.geometry.type, positionsOf(s.geometry).slice(0, 4)])).toEqual(Array(2).fill(['Polygon', square]));
    expect([first('B6'), first('B7'), first('B9')]).toEqual([[X, Y], [X, Y], [X, Y]]);
    expect([first('B8'), first('BA'), first('BB')]).toEqual([[X + 5, Y], [X + 3, Y], [X + 4, Y]]);
  });

  it.skipIf(skipWithoutGdal('ogr2ogr'))('as GDAL reads them', () => {
    const ours = ourShapes(DRAWING);
    const theirs = gdalShapes(DRAWING);
    expect(ours.map((s) => s.handle)).toEqual(theirs.map((f) => f.handle));
    ours.forEach((shape, i) => expect(spread(positionsOf(shape.geometry), theirs[i]!.positions), shape.handle).toBeLessThan(1e-6));
  });

  const MIRRORED = dxfText(
    `0\nCIRCLE\n5\nD1\n8\nC\n10\n${-(X + 20)}\n20\n${Y}\n40\n3\n230\n-1\n` +
      `0\nTEXT\n5\nD2\n8\nT\n230\n-1\n10\n${-(X + 30)}\n20\n${Y}\n40\n2\n1\nM1\n210\n0\n220\n0\n` +
      `0\nINSERT\n5\nD3\n8\nI\n2\nB\n10\n${-(X + 40)}\n20\n${Y}\n210\n0\n230\n-1\n`,
    { blocks: '0\nBLOCK\n8\n0\n2\nB\n70\n0\n10\n0\n20\n0\n0\nLINE\n8\n0\n10\n0\n20\n0\n11\n5\n21\n0\n0\nENDBLK\n' },
  );

  it('reads an extrusion direction with its zero parts left out or after the point: mirrored', () => {
    const shapes = ourShapes(MIRRORED);
    // The circle's point at angle 0 lies on the −x side once mirrored; the block's line runs to −x.
    expect(shapes.map((s) => positionsOf(s.geometry)[0])).toEqual([
      [X + 17, Y],
      [X + 30, Y],
      [X + 40, Y],
    ]);
    expect(positionsOf(shapes[2]!.geometry)[1]).toEqual([X + 35, Y]);
  });

  it.skipIf(skipWithoutGdal('ogr2ogr'))('such an extrusion as GDAL reads it', () => {
    const ours = ourShapes(MIRRORED);
    const theirs = gdalShapes(MIRRORED);
    ours.forEach((shape, i) => expect(spread(positionsOf(shape.geometry), theirs[i]!.positions), shape.handle).toBeLessThan(1e-6));
  });

  it('refuses a point without its y, naming the entity (GDAL would put it at y = 0)', () => {
    const broken = dxfText(`0\nLINE\n5\nBC\n8\n道路\n10\n${X}\n30\n0\n11\n${X + 10}\n21\n${Y + 10}\n`);
    const result = importFiles([{ name: 'broken.dxf', bytes: new TextEncoder().encode(broken) }]);
    expect(result.ok ? 'read' : english(result.error)).toBe(
      'The LINE #BC on layer “道路” of “broken.dxf” has coordinate group 10 without its partner 20, so where it lies cannot be known: the file is damaged and nothing was imported. Open it in CAD, run AUDIT, and save it as DXF again.',
    );
  });
});
