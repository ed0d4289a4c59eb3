import { describe, expect, it } from 'vitest';
import { areaInside, type Extent, type GkPolygons } from './outline.ts';
import { sheetNumber, standardSheets } from './sheets.ts';
import { tileGrid } from './tiles.ts';

/** Zone 40's eastings carry 40 000 000 in front of the 500 km false easting. */
const ZONE = 40_000_000;

/** A rectangle in GK metres as one polygon. */
function rect(e0: number, n0: number, e1: number, n1: number): GkPolygons {
  return [[[e0, n0, e1, n0, e1, n1, e0, n1]]];
}

function extentOf(polygons: GkPolygons): Extent {
  const shell = polygons.flatMap((p) => p[0] ?? []);
  const es = shell.filter((_, i) => i % 2 === 0);
  const ns = shell.filter((_, i) => i % 2 === 1);
  return [Math.min(...es), Math.min(...ns), Math.max(...es), Math.max(...ns)];
}

const sheetsOf = (polygons: GkPolygons) => standardSheets(polygons, extentOf(polygons), ZONE);

describe('the 1:2000 standard sheets', () => {
  it('numbers a sheet by its south-west corner, northing then easting, in km to 0.1 km', () => {
    expect(sheetNumber(3_371_000, 512_000)).toBe('3371.0-512.0');
    expect(sheetNumber(3_370_000, 499_000)).toBe('3370.0-499.0');
  });

  it('gives a village straddling two km lines the four sheets around the crossing, north row first', () => {
    const village = rect(ZONE + 511_600, 3_370_700, ZONE + 512_400, 3_371_300);
    const sheets = sheetsOf(village);
    expect(sheets.map((s) => s.number)).toEqual(['3371.0-511.0', '3371.0-512.0', '3370.0-511.0', '3370.0-512.0']);
    expect(sheets[1]?.box).toEqual([ZONE + 512_000, 3_371_000, ZONE + 513_000, 3_372_000]);
  });

  it('gives a village lying exactly on km lines only the sheet it fills, not its neighbours', () => {
    const village = rect(ZONE + 512_000, 3_371_000, ZONE + 513_000, 3_372_000);
    expect(sheetsOf(village).map((s) => s.number)).toEqual(['3371.0-512.0']);
    // A sliver a tenth of a millimetre over the line (reprojection noise) asks for no sheet.
    const noisy = rect(ZONE + 511_999.9999, 3_371_000, ZONE + 512_800, 3_371_600);
    expect(sheetsOf(noisy).map((s) => s.number)).toEqual(['3371.0-512.0']);
    // A metre over is land: the sheet to the west is printed.
    const over = rect(ZONE + 511_999, 3_371_000, ZONE + 512_800, 3_371_600);
    expect(sheetsOf(over).map((s) => s.number)).toEqual(['3371.0-511.0', '3371.0-512.0']);
  });

  it('leaves out a sheet in the village’s box that the village does not reach (an L-shaped village)', () => {
    const l: GkPolygons = [[[ZONE + 511_500, 3_370_500, ZONE + 512_500, 3_370_500, ZONE + 512_500, 3_370_800, ZONE + 511_800, 3_370_800, ZONE + 511_800, 3_371_500, ZONE + 511_500, 3_371_500]]];
    expect(sheetsOf(l).map((s) => s.number)).toEqual(['3371.0-511.0', '3370.0-511.0', '3370.0-512.0']);
  });

  it('does not count a hole: a ring village around a whole sheet leaves that sheet out', () => {
    const ring: GkPolygons = [[rect(ZONE + 510_500, 3_369_500, ZONE + 513_500, 3_372_500)[0]?.[0] ?? [], rect(ZONE + 510_900, 3_369_900, ZONE + 513_100, 3_372_100)[0]?.[0] ?? []]];
    expect(areaInside(ring, [ZONE + 511_000, 3_370_000, ZONE + 513_000, 3_372_000])).toBe(0);
    const numbers = sheetsOf(ring).map((s) => s.number);
    expect(numbers).toHaveLength(16 - 4);
    expect(numbers).not.toContain('3370.0-511.0');
  });

  it('lists the neighbours in the 接图表, north row first, west to east', () => {
    const [sheet] = sheetsOf(rect(ZONE + 512_100, 3_371_100, ZONE + 512_900, 3_371_900));
    expect(sheet?.adjoining).toEqual([
      ['3372.0-511.0', '3372.0-512.0', '3372.0-513.0'],
      ['3371.0-511.0', '3371.0-512.0', '3371.0-513.0'],
      ['3370.0-511.0', '3370.0-512.0', '3370.0-513.0'],
    ]);
  });
});

describe('tiles of the chosen paper (拼幅)', () => {
  it('covers the village with tiles that overlap their neighbours by the strip, numbered row-column', () => {
    const village = rect(0, 0, 2500, 1000);
    const grid = tileGrid(village, extentOf(village), 1000, 800, 20);
    expect([grid.rows, grid.cols]).toEqual([2, 3]);
    expect(grid.tiles.map((t) => t.number)).toEqual(['1-1', '1-2', '1-3', '2-1', '2-2', '2-3']);
    const box = (n: string) => grid.tiles.find((t) => t.number === n)?.box ?? [NaN, NaN, NaN, NaN];
    expect(box('1-1')[2] - box('1-2')[0]).toBeCloseTo(20, 9);
    expect(box('1-1')[1] - box('2-1')[3]).toBeCloseTo(-20, 9);
    // Centred on the village, and the village inside the tiles.
    expect((box('1-1')[0] + box('1-3')[2]) / 2).toBeCloseTo(1250, 9);
    expect(box('2-1')[1]).toBeLessThanOrEqual(0);
    expect(box('1-1')[3]).toBeGreaterThanOrEqual(1000);
    expect(grid.tiles.find((t) => t.number === '1-2')?.adjoining).toEqual([
      ['', '', ''],
      ['1-1', '1-2', '1-3'],
      ['2-1', '2-2', '2-3'],
    ]);
  });

  it('is one tile when the village fits, and skips tiles the village does not reach', () => {
    const small = rect(100, 100, 500, 400);
    expect(tileGrid(small, extentOf(small), 1000, 800, 20).tiles.map((t) => t.number)).toEqual(['1-1']);
    const l: GkPolygons = [[[0, 0, 2000, 0, 2000, 300, 300, 300, 300, 1500, 0, 1500]]];
    const grid = tileGrid(l, extentOf(l), 1000, 800, 20);
    expect([grid.rows, grid.cols]).toEqual([2, 3]);
    expect(grid.tiles.map((t) => t.number)).toEqual(['1-1', '2-1', '2-2', '2-3']);
    expect(grid.tiles.find((t) => t.number === '2-2')?.adjoining[0]).toEqual(['1-1', '', '']);
  });
});
