import { describe, expect, it } from 'vitest';
import { planWith, rect } from '../domain/test-support.ts';
import { metricPolygon } from '../geo/test-support.ts';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';
import { removeFeature, applyPatch } from '../domain/patch.ts';
import { asFeatureId } from '../domain/ids.ts';
import { ellipsoidalArea } from '../geo/area.ts';

const RULE = 'no-gap';

describe(RULE, () => {
  it('passes layers that cover the village exactly', () => {
    expect(issuesOf(village().plan, RULE)).toEqual([]);
  });

  it('reports the gap a missing parcel leaves, as the gap itself', () => {
    const { plan } = village();
    const holed = applyPatch(plan, { features: [removeFeature(plan, 'base', asFeatureId('p1-1'))] }).plan;
    const issues = issuesOf(holed, RULE);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.layer).toBe('base');
    expect(issues[0]!.message.params.areaM2 as number).toBeCloseTo(10_710, -2);
    expect(issues[0]!.features.length).toBeGreaterThan(0);
  });

  it('ignores a gap under the 0.01 m² threshold', () => {
    const { plan, g } = village();
    const [x0, y0] = g.at(0, 0) as [number, number];
    const [x1, y1] = g.at(1, 1) as [number, number];
    const narrowed = withFeatures(plan, feature('base', 'p0-0', rect(x0, y0, x1 - 4e-10, y1), { classCode: '111' }));
    expect(issuesOf(narrowed, RULE)).toEqual([]);
  });

  it('reads a parcel whose ring is not closed as the ring it plainly means: geometry-valid reports it, no gap is made up along its missing edge', () => {
    const { plan, g } = village();
    const [x0, y0] = g.at(0, 0) as [number, number];
    const [x1, y1] = g.at(1, 1) as [number, number];
    const unclosed = { type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1]]] };
    const opened = withFeatures(plan, feature('base', 'p0-0', unclosed, { classCode: '111' }));
    expect(issuesOf(opened, 'geometry-valid').map((i) => i.severity)).toContain('error');
    expect(issuesOf(opened, RULE)).toEqual([]);
  });

  it('reads a ring that touches itself (ESRI’s inverted ring, its loop a hole) as repaired: geometry-valid reports it, the loop is the gap, not its box', () => {
    const { plan, g } = village();
    const [x0, y0] = g.at(0, 0) as [number, number];
    const [x1, y1] = g.at(1, 1) as [number, number];
    const [ym, d, dy] = [(y0 + y1) / 2, (x1 - x0) / 5, (y1 - y0) / 5];
    const loop: [number, number][] = [[x0 + d, ym + dy], [x0 + 2 * d, ym], [x0 + d, ym - dy]];
    const inverted = { type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, ym], ...loop, [x0, ym], [x0, y0]]] };
    const looped = withFeatures(plan, feature('base', 'p0-0', inverted, { classCode: '111' }));
    expect(issuesOf(looped, 'geometry-valid').map((i) => i.severity)).toContain('error');
    const diamond = ellipsoidalArea({ type: 'Polygon', coordinates: [[[x0, ym], [x0 + d, ym - dy], [x0 + 2 * d, ym], [x0 + d, ym + dy], [x0, ym]]] });
    const gaps = issuesOf(looped, RULE).filter((i) => i.layer === 'base');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.message.params.areaM2 as number).toBeCloseTo(diamond, 0);
    expect(gaps[0]!.features).toEqual(['p0-0']);
  });

  it('says "not checked" for an empty partition layer', () => {
    const { plan } = village();
    expect(issuesOf({ ...plan, layers: { ...plan.layers, controlZone: {} } }, RULE)).toMatchObject([{ severity: 'notChecked', message: { params: { missingKey: 'rules.missing.layer.controlZone' } } }]);
  });
});

describe(`${RULE} beside a cluster whose GK box reaches over it`, () => {
  const square = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];

  it('reports a 1 m² gap 1.5 m east of a missing 500 m block once, whole', () => {
    // The block [100, 600]² m is one cluster; its GK box, 0.5° east of the central meridian, reaches ~2 m
    // beyond its lon/lat box, over the small gap's cluster next to it: the gap came out twice, whole (1 m²)
    // and as the piece inside the block's GK box (0.68 m²).
    const parcels = [];
    for (let i = 0; i < 20; i++) {
      for (let j = 0; j < 20; j++) {
        const [x0, y0] = [i * 50, j * 50];
        if (x0 >= 100 && x0 < 600 && y0 >= 100 && y0 < 600) continue;
        const hole = x0 === 600 && y0 === 550 ? [square(601.5, 590, 602.5, 591).reverse()] : [];
        parcels.push(feature('base', `p${i}-${j}`, metricPolygon(square(x0, y0, x0 + 50, y0 + 50), ...hole), { classCode: '111' }));
      }
    }
    const plan = planWith([feature('boundary', 'village', metricPolygon(square(0, 0, 1000, 1000))), ...parcels]);
    const gaps = issuesOf(plan, RULE).filter((i) => i.severity === 'error');
    expect(gaps.map((i) => i.message.params.areaM2).sort()).toEqual([1, 249_992.14]);
  });
});
