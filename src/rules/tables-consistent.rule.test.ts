import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
import { rect } from '../domain/test-support.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { metresPerDegree } from '../geo/local-metric.ts';
import { fullCheck } from './engine.ts';
import { feature, issuesOf, ORIGIN, village, withFeatures } from './test-support.ts';

const RULE = 'tables-consistent';

describe(RULE, () => {
  it('passes tables computed from an exact partition', () => {
    expect(issuesOf(village().plan, RULE)).toEqual([]);
  });

  it('reports a land total that differs from the village by more than 0.01 公顷', () => {
    const { plan, g } = village();
    const [x0, y0] = g.at(0, 0) as [number, number];
    const [x1, y1] = g.at(4, 4) as [number, number];
    expect(issuesOf(withFeatures(plan, feature('boundary', 'village', rect(x0, y0, x1, y1))), RULE)).toMatchObject([{ message: { key: 'rules.tables-consistent.totalVsVillage' } }]);
  });

  it('passes a difference under the tolerance', () => {
    const { plan, g } = village();
    const [x0, y0] = g.at(0, 0) as [number, number];
    const [x1, y1] = g.at(4, 3) as [number, number];
    // 5e-8° more to the east: ≈ 0.005 m × 333 m ≈ 1.6 m², far under 100 m².
    expect(issuesOf(withFeatures(plan, feature('boundary', 'village', rect(x0, y0, x1 + 5e-8, y1))), RULE)).toEqual([]);
  });

  describe('changes of one layer that overlap', () => {
    const M = metresPerDegree(ORIGIN[1] as number);
    /** A square `size` m wide, its south-west corner `east`, `north` m from the village's. */
    const square = (east: number, north: number, size: number): AreaGeometry => {
      const [x, y] = [(ORIGIN[0] as number) + east / M.x, (ORIGIN[1] as number) + north / M.y];
      return rect(x, y, x + size / M.x, y + size / M.y);
    };
    const demolition = (id: string, geometry: AreaGeometry, restorationUse: string) => feature('demolition', id, geometry, { parcelNo: id.toUpperCase(), restorationUse });
    const { plan } = village({ classOf: () => '2121' });

    it('names the two and the overlap the tables count for one of them only, and the tables still balance', () => {
      // CJ2 over CJ1's north-east quarter: the derivation gives the 400 m² to one (by id), CJ2's restoration use
      // or CJ1's silently decides 20 × 20 m of F2, and the list shows one with 400 m² less than drawn.
      const both = withFeatures(plan, demolition('cj1', square(10, 10, 40), '111'), demolition('cj2', square(30, 30, 40), '131'));
      const issues = issuesOf(both, RULE);
      expect(issues).toMatchObject([{ layer: 'demolition', features: ['cj1', 'cj2'], message: { key: 'rules.tables-consistent.changesOverlap', params: { counted: 'CJ1', notCounted: 'CJ2' } } }]);
      expect(issues[0]!.message.params.areaM2 as number).toBeCloseTo(ellipsoidalArea(square(30, 30, 20)), 1);
      const { tables } = fullCheck(both);
      const list = new Map(tables.demolitionList.rows.map((r) => [r.key, r.cells.areaM2 && 'value' in r.cells.areaM2 ? r.cells.areaM2.value : NaN]));
      expect(list.get('cj2')).toBeCloseTo(ellipsoidalArea(square(30, 30, 40)) - ellipsoidalArea(square(30, 30, 20)), 1);
      const total = tables.F2.rows.find((r) => r.key === 'total')!.cells;
      expect(total.target).toEqual(total.base);
    });

    it('passes changes drawn edge to edge on jittered corners (±0.3 mm), and a new-build over a demolition (the later layer wins by design)', () => {
      const jittered: Position[] = [
        [(ORIGIN[0] as number) + 50.0003 / M.x, (ORIGIN[1] as number) + 10 / M.y],
        [(ORIGIN[0] as number) + 49.9998 / M.x, (ORIGIN[1] as number) + 50 / M.y],
      ];
      const west = square(10, 10, 40);
      const east: AreaGeometry = { type: 'Polygon', coordinates: [[jittered[0]!, ...(square(50, 10, 40).coordinates[0] as Position[]).slice(1, 3), jittered[1]!, jittered[0]!]] };
      const plans = [
        withFeatures(plan, demolition('cj1', west, '111'), demolition('cj2', east, '131')),
        withFeatures(plan, demolition('cj1', west, '111'), feature('newBuild', 'jx1', square(30, 30, 40), { parcelNo: 'JX1', useCode: '2121' })),
      ];
      for (const p of plans) expect(issuesOf(p, RULE)).toEqual([]);
    });
  });
});

