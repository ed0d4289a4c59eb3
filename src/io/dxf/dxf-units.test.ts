/**
 * Drawings whose numbers are not metres. A planner's drawing in millimetres (`$INSUNITS` 4) used to be
 * refused as "not georeferenced" though its numbers are GK metres × 1000: it is read, scaled, and said so.
 * The millimetres that acadiso.dwt declares over a drawing in metres change nothing; numbers that fit
 * neither way, and imperial units, are refused naming the units. (GDAL ignores `$INSUNITS`: no comparison.)
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../geo/area.ts';
import { importFiles } from '../formats/index.ts';
import type { ImportedLayer } from '../formats/types.ts';
import { chinese, english } from '../test-support.ts';
import { dxfText } from './dxf-test-support.ts';

const X = 40571400;
const Y = 3370600;

/** A 100 m square parcel and its label, in the unit given as metres per drawing unit. */
function drawing(insUnits: number | null, metresPerUnit: number, origin: readonly [number, number] = [X, Y]): Uint8Array {
  const at = (x: number, y: number) => `10\n${(origin[0] + x) / metresPerUnit}\n20\n${(origin[1] + y) / metresPerUnit}\n`;
  const header = insUnits === null ? '' : `9\n$INSUNITS\n70\n${insUnits}\n`;
  const square = at(0, 0) + at(100, 0) + at(100, 100) + at(0, 100);
  return new TextEncoder().encode(dxfText(`0\nLWPOLYLINE\n5\nA1\n8\n地类图斑\n90\n4\n70\n1\n${square}0\nTEXT\n5\nA2\n8\n注记\n${at(50, 50)}40\n${2 / metresPerUnit}\n1\n0101\n`, { header }));
}

function read(bytes: Uint8Array): { layer: ImportedLayer; notes: string[] } {
  const result = importFiles([{ name: '规划.dxf', bytes }]);
  if (!result.ok) throw new Error(english(result.error));
  return { layer: result.value[0] as ImportedLayer, notes: result.notes.map(english) };
}

const refusal = (bytes: Uint8Array) => {
  const result = importFiles([{ name: '规划.dxf', bytes }]);
  return result.ok ? 'read' : english(result.error);
};

describe('drawing units', () => {
  const inMetres = read(drawing(6, 1)).layer;

  it.each([
    [4, 0.001, 'millimetres', 'divided by 1,000'],
    [5, 0.01, 'centimetres', 'divided by 100'],
  ])('reads GK coordinates drawn in $INSUNITS %i as metres, and says so', (units, metresPerUnit, name, how) => {
    const { layer, notes } = read(drawing(units, metresPerUnit));
    expect(layer.features.map((f) => f.geometry)).toEqual(inMetres.features.map((f) => f.geometry));
    expect(ellipsoidalArea(layer.features[0]!.geometry as Polygon)).toBeCloseTo(ellipsoidalArea(inMetres.features[0]!.geometry as Polygon), 6);
    expect(layer.crs).toMatchObject({ how: 'inferred', crs: { kind: 'gk', zone: 40, zonePrefix: true } });
    expect(notes.find((n) => n.includes('$INSUNITS'))).toContain(`drawn in ${name}`);
    expect(notes.find((n) => n.includes('$INSUNITS'))).toContain(how);
  });

  it('says it in Chinese first', () => {
    const result = importFiles([{ name: '规划.dxf', bytes: drawing(4, 0.001) }]);
    expect(result.ok && result.notes.map(chinese).find((n) => n.includes('$INSUNITS'))).toContain('“规划.dxf”是按毫米绘制的');
  });

  it('reads a drawing in metres whatever units its template declares (millimetres, inches), with no note', () => {
    for (const units of [4, 1, null]) {
      const { layer, notes } = read(drawing(units, 1));
      expect(layer.features.map((f) => f.geometry)).toEqual(inMetres.features.map((f) => f.geometry));
      expect(notes.some((n) => n.includes('$INSUNITS'))).toBe(false);
    }
  });

  it('refuses numbers that are GK neither as metres nor as the declared millimetres, naming both', () => {
    expect(refusal(drawing(4, 0.001, [0, 0]))).toBe(
      'The coordinates of “规划.dxf” (0, 0 – 100000, 100000) are not CGCS2000 Gauss-Krüger coordinates of Zhejiang, neither read as metres nor converted from the millimetres its drawing units ($INSUNITS) declare (divided by 1,000); the drawing may use local coordinates. Move it to national coordinates in CAD (CGCS2000 3° zones 39–41, in metres), save as DXF and import again.',
    );
  });

  it('refuses a drawing in feet, naming the unit', () => {
    expect(refusal(drawing(2, 0.3048))).toContain('its drawing units ($INSUNITS) are feet. Chinese survey and planning drawings are in metres');
  });

  it('refuses numbers 1,000 times GK metres under a header of metres or none, saying they look like millimetres', () => {
    for (const units of [6, 0, null]) {
      expect(refusal(drawing(units, 0.001))).toContain('exactly 1,000 times such coordinates: the drawing looks drawn in millimetres, yet its drawing units ($INSUNITS) do not say so');
    }
    expect(refusal(drawing(6, 1, [0, 0]))).toContain('the drawing may use local coordinates');
  });
});
