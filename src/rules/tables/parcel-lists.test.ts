import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../domain/features.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { fullCheck } from '../engine.ts';
import { rect } from '../../domain/test-support.ts';
import { roundTo } from '../../domain/units.ts';
import { feature, village, withFeatures } from '../test-support.ts';
import type { Row } from './table.ts';

const areaM2 = (row: Row | undefined) => {
  const cell = row?.cells.areaM2;
  return cell && 'value' in cell ? cell.value : NaN;
};

describe('demolition and new-build lists', () => {
  it('give a self-intersecting parcel the area of both its lobes, as the derivation counts it', () => {
    const { plan, g } = village({ classOf: () => '2121' });
    const bowTie: AreaGeometry = { type: 'Polygon', coordinates: [[g.at(0, 0), g.at(2, 1), g.at(2, 0), g.at(0, 1), g.at(0, 0)]] };
    // The two lobes are half of the 2 × 1 cell block.
    const lobes = ellipsoidalArea(g.block(0, 0, 2, 1)) / 2;
    const { demolitionList } = fullCheck(withFeatures(plan, feature('demolition', 'd', bowTie, { parcelNo: 'CJ1', restorationUse: '111' }))).tables;
    expect(areaM2(demolitionList.rows.find((r) => r.key === 'd'))).toBeCloseTo(lobes, 0);
    expect(areaM2(demolitionList.rows.find((r) => r.key === 'total'))).toBeCloseTo(lobes, 0);
  });

  it('show an m² total equal to the sum of the m² figures above it', () => {
    const { plan, g } = village({ classOf: () => '2121' });
    const [x0, y0] = g.at(0, 0) as [number, number];
    // Strips of uneven widths, as many as it takes for the rounded areas not to add up to the rounded total.
    const strips = [...Array(12).keys()].map((k) => rect(x0 + k * 1e-4, y0, x0 + k * 1e-4 + (k + 1) * 7.3e-6, y0 + 3.1e-4));
    const count = strips.findIndex((_, n) => {
      const areas = strips.slice(0, n + 1).map(ellipsoidalArea);
      return roundTo(areas.reduce((s, a) => s + a, 0), 2) !== roundTo(areas.reduce((s, a) => s + roundTo(a, 2), 0), 2);
    });
    expect(count).toBeGreaterThan(0);
    const demolitions = strips.slice(0, count + 1).map((geometry, k) => feature('demolition', `d${k}`, geometry, { parcelNo: `CJ${k}`, restorationUse: '111' }));
    const { demolitionList } = fullCheck(withFeatures(plan, ...demolitions)).tables;
    const parcels = demolitionList.rows.filter((r) => r.key !== 'total');
    expect(parcels).toHaveLength(count + 1);
    expect(areaM2(demolitionList.rows.find((r) => r.key === 'total'))).toBe(roundTo(parcels.reduce((s, r) => s + areaM2(r), 0), 2));
  });
});
