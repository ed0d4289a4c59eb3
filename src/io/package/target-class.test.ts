import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PackageFeature } from './package-layers.ts';
import { TargetClasses } from './target-class.ts';

const D = 0.001;
const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [[[120 + x0 * D, 30 + y0 * D], [120 + x1 * D, 30 + y0 * D], [120 + x1 * D, 30 + y1 * D], [120 + x0 * D, 30 + y1 * D], [120 + x0 * D, 30 + y0 * D]]] });
const row = (recordNo: number, code: string | null, geometry: Polygon): PackageFeature => ({ recordNo, geometry, properties: { GHDLDM: code } });

describe('the TDGHDL class under a change', () => {
  it('is the class of the row covering most of the change', () => {
    const targets = new TargetClasses([row(1, '12', box(0, 0, 1, 1)), row(2, '111', box(1, 0, 3, 1)), row(3, '2121', box(10, 10, 11, 11))]);
    expect(targets.classUnder(box(0, 0, 2, 1))).toBe('111');
    expect(targets.classUnder(box(0.2, 0.2, 0.8, 0.8))).toBe('12');
  });

  it('goes to the earlier row on a tie, and ignores rows without a known class', () => {
    const targets = new TargetClasses([row(1, '0999', box(0, 0, 2, 1)), row(2, null, box(0, 0, 2, 1)), row(3, '113', box(0, 0, 1, 1)), row(4, '12', box(1, 0, 2, 1))]);
    expect(targets.classUnder(box(0, 0, 2, 1))).toBe('113');
  });

  it('is null where no row lies, or when there is no TDGHDL', () => {
    expect(new TargetClasses([row(1, '12', box(0, 0, 1, 1))]).classUnder(box(5, 5, 6, 6))).toBeNull();
    expect(new TargetClasses([]).classUnder(box(0, 0, 1, 1))).toBeNull();
  });
});
