/**
 * Variants of R2018 and R12 drawings that read wrong before: a multiline attribute (R2018 keeps its MTEXT
 * as an embedded object after code 101, reusing the codes 10/20 and 1), a block referenced in another
 * case than it is defined in (CAD's names are case-insensitive), AutoCAD Map 3D's MPOLYGON (parcels with
 * holes; dropped without a word before, and the drawing refused as empty when it held nothing else), and
 * entity types with no reader, which dxf-parser dropped without a word.
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { importFiles } from '../formats/index.ts';
import { english } from '../test-support.ts';
import { dxfText, gdalShapes, ourShapes, positionsOf } from './dxf-test-support.ts';

const X = 40571400;
const Y = 3370600;

describe('drawing variants', () => {
  const MULTILINE_ATTRIBUTE = dxfText(
    `0\nINSERT\n5\n34\n8\nM\n66\n1\n2\nB\n10\n${X + 10}\n20\n${Y + 10}\n` +
      `0\nATTRIB\n5\n36\n8\n0\n100\nAcDbEntity\n100\nAcDbText\n10\n${X + 11}\n20\n${Y + 11}\n40\n0.3\n1\nT7\n100\nAcDbAttribute\n2\nTBBH\n70\n0\n74\n3\n` +
      `101\nEmbedded Object\n10\n${X + 12}\n20\n${Y + 12}\n40\n0.3\n71\n1\n1\nT7\\P0101\n` +
      `0\nSEQEND\n5\n37\n8\nM\n`,
    { blocks: '0\nBLOCK\n8\n0\n2\nB\n70\n2\n10\n0\n20\n0\n0\nPOINT\n8\n0\n10\n0\n20\n0\n0\nENDBLK\n' },
  );

  it('reads a multiline attribute by its own groups, not those of its embedded MTEXT', () => {
    const attribute = ourShapes(MULTILINE_ATTRIBUTE).find((s) => s.entity === 'ATTRIB');
    expect(attribute).toMatchObject({ text: 'T7', tag: 'TBBH', block: 'B' });
    expect(positionsOf(attribute!.geometry)).toEqual([[X + 11, Y + 11]]);
  });

  it.skipIf(skipWithoutGdal('ogr2ogr'))('as GDAL reads it', () => {
    expect(gdalShapes(MULTILINE_ATTRIBUTE).map((f) => f.positions)).toEqual(ourShapes(MULTILINE_ATTRIBUTE).map((s) => positionsOf(s.geometry)));
  });

  it('expands a block referenced as TREE and defined as Tree, as CAD draws it (GDAL leaves it out)', () => {
    const drawing = dxfText(`0\nINSERT\n5\nC1\n8\nI\n2\nTREE\n10\n${X}\n20\n${Y}\n`, { blocks: '0\nBLOCK\n8\n0\n2\nTree\n70\n0\n10\n0\n20\n0\n0\nCIRCLE\n8\n0\n10\n0\n20\n0\n40\n1\n0\nENDBLK\n' });
    const shapes = ourShapes(drawing);
    expect(shapes.map((s) => [s.entity, s.layer, s.block])).toEqual([['CIRCLE', 'I', 'TREE']]);
    expect(positionsOf(shapes[0]!.geometry)[0]).toEqual([X + 1, Y]);
  });

  /** A square (polyline path, with 73 before 72 as AutoCAD writes an MPOLYGON) with a square hole. */
  const square = (x: number, y: number, size: number) => [0, 1, 2, 3].map((i) => `10\n${x + (i === 1 || i === 2 ? size : 0)}\n20\n${y + (i >= 2 ? size : 0)}\n`).join('');
  const MPOLYGON =
    `0\nMPOLYGON\n5\n2F\n100\nAcDbEntity\n8\n地类图斑\n100\nAcDbMPolygon\n70\n1\n10\n0\n20\n0\n30\n0\n210\n0\n220\n0\n230\n1\n2\nSOLID\n71\n0\n91\n2\n` +
    `92\n3\n73\n1\n72\n0\n93\n4\n${square(X, Y, 100)}92\n3\n73\n1\n72\n0\n93\n4\n${square(X + 20, Y + 20, 20)}76\n1\n52\n0\n41\n1\n77\n0\n78\n0\n11\n0\n21\n0\n99\n0\n`;

  it('reads an MPOLYGON as the polygon with holes it is', () => {
    const result = importFiles([{ name: 'map3d.dxf', bytes: new TextEncoder().encode(dxfText(MPOLYGON)) }]);
    if (!result.ok) throw new Error(english(result.error));
    const [parcel] = result.value[0]!.features;
    expect(parcel?.properties).toMatchObject({ Layer: '地类图斑', EntityType: 'MPOLYGON', EntityHandle: '2F' });
    expect((parcel?.geometry as Polygon).coordinates).toHaveLength(2);
    // 100 m × 100 m less the 20 m × 20 m hole, within the GK scale factor.
    expect(ellipsoidalArea(parcel?.geometry as Polygon)).toBeCloseTo(9_600, -1);
  });

  it('names entity types it cannot import instead of losing them silently', () => {
    const mline = `0\nMLINE\n5\nF2\n8\nRoad\n2\nSTANDARD\n71\n1\n72\n2\n73\n2\n10\n${X}\n20\n${Y}\n11\n${X}\n21\n${Y}\n11\n${X + 50}\n21\n${Y}\n`;
    const result = importFiles([{ name: 'roads.dxf', bytes: new TextEncoder().encode(dxfText(`${MPOLYGON}${mline}0\nWIPEOUT\n5\nF3\n8\nW\n10\n${X}\n20\n${Y}\n0\nREGION\n5\nF4\n8\nW\n67\n1\n`)) }]);
    expect(result.ok && result.notes.map(english).find((n) => n.includes('cannot be imported'))).toBe('Entities of these types in “roads.dxf” cannot be imported as map data and were skipped: MLINE × 1, WIPEOUT × 1.');
    expect(result.ok && result.notes.map(english).some((n) => n.includes('1 entities in the layouts (paper space)'))).toBe(true);
  });
});
