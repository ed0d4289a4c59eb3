import { describe, expect, it } from 'vitest';
import { rect } from '../domain/test-support.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { metresPerDegree } from '../geo/local-metric.ts';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'reserve-area-eligible';
const setup = () => {
  const { plan, g } = village({ classOf: (i) => (i === 3 ? '2121' : '111') });
  return { plan: withFeatures(plan, feature('pbf', 'pbf', g.block(0, 0, 1, 3))), g };
};

describe(RULE, () => {
  it('passes farmland next to basic farmland', () => {
    const { plan, g } = setup();
    expect(issuesOf(withFeatures(plan, feature('reserve', 'r', g.block(1, 0, 2, 3), { kind: 'nearPbf' })), RULE)).toEqual([]);
  });

  it('reports a reserve on construction land, and "next to basic farmland" that is not', () => {
    const { plan, g } = setup();
    expect(issuesOf(withFeatures(plan, feature('reserve', 'r', g.block(3, 0, 4, 1), { kind: 'scattered' })), RULE)).toMatchObject([{ message: { key: 'rules.reserve-area-eligible.message' } }]);
    expect(issuesOf(withFeatures(plan, feature('reserve', 'r', g.block(2, 0, 3, 1), { kind: 'nearPbf' })), RULE)).toMatchObject([{ message: { key: 'rules.reserve-area-eligible.notTouching' } }]);
  });

  it('counts a gap within the 1 m touch tolerance as touching, and reclaimable demolished land as fit', () => {
    const { plan, g } = setup();
    const [x0, y0] = g.at(1, 0) as [number, number];
    const [x1, y1] = g.at(2, 1) as [number, number];
    const near = feature('reserve', 'r', { type: 'Polygon', coordinates: [[[x0 + 5e-6, y0], [x1, y0], [x1, y1], [x0 + 5e-6, y1], [x0 + 5e-6, y0]]] }, { kind: 'nearPbf' });
    expect(issuesOf(withFeatures(plan, near), RULE)).toEqual([]);
    const reclaimed = withFeatures(plan, feature('demolition', 'd', g.block(3, 0, 4, 1)), feature('reserve', 'r', g.block(3, 0, 4, 1), { kind: 'reclaimable' }));
    expect(issuesOf(reclaimed, RULE)).toEqual([]);
  });

  it('reports the part of a reserve that lies on existing basic farmland; its twin beside it passes', () => {
    const { plan, g } = setup();
    const onPbf = issuesOf(withFeatures(plan, feature('reserve', 'r', g.block(0, 0, 2, 1), { kind: 'nearPbf' })), RULE);
    expect(onPbf).toMatchObject([{ severity: 'error', message: { key: 'rules.reserve-area-eligible.onPbf' } }]);
    expect(onPbf[0]!.geometry).toBeDefined();
    expect(issuesOf(withFeatures(plan, feature('reserve', 'r', g.block(1, 0, 2, 1), { kind: 'nearPbf' })), RULE)).toEqual([]);
  });

  it('counts a reserve laid across a basic-farmland strip as touching it, though no corner of either lies near the other', () => {
    const { plan, g } = village({ w: 6, h: 6 });
    const [x0, y0] = g.at(0, 0) as [number, number];
    const strip = feature('pbf', 'pbf', rect(x0 + 0.0025, y0 + 0.0005, x0 + 0.003, y0 + 0.0055));
    const across = feature('reserve', 'r', rect(x0 + 0.0015, y0 + 0.0025, x0 + 0.004, y0 + 0.003), { kind: 'nearPbf' });
    expect(issuesOf(withFeatures(plan, strip, across), RULE).map((i) => i.message.key)).toEqual(['rules.reserve-area-eligible.onPbf']);
  });

  it('holds a gap north of basic farmland to the same 1 m as one east of it', () => {
    const { plan, g } = village({ w: 2, h: 2 });
    const [x0, y0] = g.at(0, 0) as [number, number];
    const [x1, y1] = g.at(1, 1) as [number, number];
    const pbf = feature('pbf', 'pbf', rect(x0, y0, x1, y1));
    const metresNorth = metresPerDegree(y1).y;
    const northOf = (gapM: number) => feature('reserve', 'r', rect(x0, y1 + gapM / metresNorth, x1, y1 + g.size), { kind: 'nearPbf' });
    expect(issuesOf(withFeatures(plan, pbf, northOf(0.9)), RULE)).toEqual([]);
    expect(issuesOf(withFeatures(plan, pbf, northOf(1.1)), RULE).map((i) => i.message.key)).toEqual(['rules.reserve-area-eligible.notTouching']);
  });

  it('counts construction land as reclaimable only where a demolition restores it, not the whole parcel', () => {
    const { plan, g } = setup();
    const [x0, y0] = g.at(3, 0) as [number, number];
    const demolished = rect(x0, y0, x0 + g.size / 10, y0 + g.size);
    const stillBuilt = rect(x0 + g.size / 10, y0, x0 + g.size, y0 + g.size);
    const reserve = feature('reserve', 'r', g.block(3, 0, 4, 1), { kind: 'reclaimable' });
    const issues = issuesOf(withFeatures(plan, feature('demolition', 'd', demolished, { restorationUse: '111' }), reserve), RULE);
    expect(issues.map((i) => i.message.key)).toEqual(['rules.reserve-area-eligible.message']);
    expect(issues[0]!.message.params.areaM2 as number).toBeCloseTo(ellipsoidalArea(stillBuilt), 0);
  });
});
