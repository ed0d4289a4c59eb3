import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, PlanFeature } from '../domain/features.ts';
import { asFeatureId } from '../domain/ids.ts';
import { applyPatch, concatPatches, putFeature, removeFeature, type Patch } from '../domain/patch.ts';
import { parsePlanText } from '../domain/plan-file.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';
import { mapPositions } from '../geo/rings.ts';
import { hasVertex, moveVertex } from '../geo/topology.ts';
import { ZHEJIANG_2017 } from '../profiles/zhejiang-2017/rule-profile.ts';
import { fullCheck, RuleEngine } from './engine.ts';
import { feature, village } from './test-support.ts';

const comparable = (issues: readonly { key: string; message: unknown; severity: string }[]) => issues.map((i) => JSON.stringify([i.key, i.severity, i.message])).sort();

/** A patch moving one vertex of `id` in every feature of the layers that share it (as the editor does). */
function moveSharedVertex(plan: Plan, id: string, dx: number): Patch {
  const target = layerFeatures(plan, 'base').find((f) => f.id === id)!;
  const from = (target.geometry.type === 'Polygon' ? target.geometry.coordinates[0]![1] : target.geometry.coordinates[0]![0]![1])!;
  const to = [from[0]! + dx, from[1]!];
  const changes = [];
  for (const layer of ['base', 'boundary', 'functionalZone', 'controlZone', 'townshipZones', 'pbf', 'demolition', 'newBuild', 'useChange', 'reserve'] as const) {
    for (const f of layerFeatures(plan, layer) as readonly PlanFeature[]) {
      if (f.geometry.type === 'Point' || !hasVertex(f.geometry, from)) continue;
      const moved = moveVertex(f.geometry, from, to);
      if (moved) changes.push(putFeature({ ...f, geometry: moved } as PlanFeature));
    }
  }
  return { features: changes };
}

describe('RuleEngine', () => {
  it('gives after a patch exactly what a full check of the patched plan gives', () => {
    const { plan, g } = village({ classOf: (_, j) => (j === 0 ? '2121' : '111'), meta: { population: 10, reserveQuotaKeptM2: 0 } });
    const engine = new RuleEngine(plan);
    const patches: Patch[] = [
      { features: [putFeature(feature('newBuild', 'nb', g.block(0, 2, 1, 3), { households: 10 }))] },
      { features: [putFeature(feature('demolition', 'd', g.block(1, 0, 2, 1)))] },
      { features: [removeFeature(plan, 'base', asFeatureId('p3-2'))] },
      { features: [], meta: { population: null } },
    ];
    let current = plan;
    for (const patch of patches) {
      const incremental = engine.applyPatch(patch);
      current = applyPatch(current, patch).plan;
      expect(comparable(incremental.issues)).toEqual(comparable(fullCheck(current).issues));
    }
  });

  it.each([
    ['as a one-off check leaves it', false],
    ['readied for edits, as the validation worker does after its first check', true],
  ])('follows vertex moves on the sample village and undoes them exactly: engine %s', (_, readied) => {
    const parsed = parsePlanText(readFileSync('samples/sample-village.plan.json', 'utf8'));
    if (!parsed.ok) throw new Error('sample unreadable');
    const plan = parsed.value;
    const engine = new RuleEngine(plan);
    if (readied) engine.prepareForEdits();
    const before = comparable(engine.result().issues);
    const id = layerFeatures(plan, 'base')[500]!.id;
    const patch = moveSharedVertex(plan, id, 2e-5);
    const applied = applyPatch(plan, patch);
    const moved = engine.applyPatch(patch);
    expect(comparable(moved.issues)).toEqual(comparable(fullCheck(applied.plan).issues));
    expect(comparable(engine.applyPatch(applied.inverse).issues)).toEqual(before);
  }, 60_000);

  it('re-judges a plot whose neighbour, a hair away and so not in its box, is reclassified', () => {
    // The east neighbour's copy of the shared edge lies 0.3 mm east (reprojection): its box does not meet
    // the demolished plot's, yet the rule counts it as a neighbour within the coverage tolerance.
    const hair = 0.0003 / 96_000;
    const { plan, g } = village({ w: 3, h: 3, classOf: (i, j) => (i === 1 && j === 0 ? '12' : '111') });
    const east = plan.layers.base[asFeatureId('p2-1')] as PlanFeature;
    const shifted = { ...east, geometry: mapPositions(east.geometry as AreaGeometry, ([x, y]) => [x === g.at(2, 0)[0] ? (x as number) + hair : (x as number), y as number]) } as PlanFeature;
    const start = applyPatch(plan, { features: [putFeature(shifted), putFeature(feature('demolition', 'd', g.block(1, 1, 2, 2), { parcelNo: 'CJ1', restorationUse: '111' }))] }).plan;
    const engine = new RuleEngine(start);
    const reclassify: Patch = { features: [putFeature({ ...shifted, properties: { ...shifted.properties, classCode: '12' } } as PlanFeature)] };
    const expected = fullCheck(applyPatch(start, reclassify).plan).issues;
    expect(expected.filter((i) => i.rule === 'restoration-fits-surroundings')).toHaveLength(1);
    expect(comparable(engine.applyPatch(reclassify).issues)).toEqual(comparable(expected));
  });

  it('re-judges every feature when the plan’s own rule numbers change (a county’s profile overrides)', () => {
    // Cells of ~10,700 m²: under a raised farmland minimum of 20,000 m² every parcel is a sliver.
    const { plan } = village();
    const engine = new RuleEngine(plan);
    const raise: Patch = { features: [], meta: { profileOverrides: { minParcelAreaM2: { ...ZHEJIANG_2017.minParcelAreaM2, farmland: 20_000 } } } };
    const expected = fullCheck(applyPatch(plan, raise).plan).issues;
    expect(expected.filter((i) => i.rule === 'min-parcel-area')).toHaveLength(12);
    expect(comparable(engine.applyPatch(raise).issues)).toEqual(comparable(expected));
  });

  it('drops the issues of a feature deleted in the same joined patch as a profile change (as the validation client sends edits)', () => {
    const { plan } = village();
    const engine = new RuleEngine(plan);
    const raise: Patch = { features: [], meta: { profileOverrides: { minParcelAreaM2: { ...ZHEJIANG_2017.minParcelAreaM2, farmland: 20_000 } } } };
    engine.applyPatch(raise);
    const joined = concatPatches([{ features: [removeFeature(plan, 'base', asFeatureId('p0-0'))] }, { features: [], meta: { profileOverrides: { minParcelAreaM2: { ...ZHEJIANG_2017.minParcelAreaM2, farmland: 30_000 } } } }]);
    const expected = fullCheck(applyPatch(applyPatch(plan, raise).plan, joined).plan).issues;
    expect(expected.filter((i) => i.rule === 'min-parcel-area')).toHaveLength(11);
    expect(comparable(engine.applyPatch(joined).issues)).toEqual(comparable(expected));
  });

  it('re-judges a use change whose derived pieces another use change drawn over it took', () => {
    // Where two use changes overlap, the one with the lower id wins the parcel (derive/pieces.ts): 'uc1'
    // drawn over half of 'uc2' leaves 'uc2' one cell of new construction, outside the expansion boundary.
    const { plan, g } = village({ w: 3, h: 1 });
    const start = applyPatch(plan, { features: [putFeature(feature('useChange', 'uc2', g.block(0, 0, 2, 1), { parcelNo: 'TZ002', targetCode: '2121' }))] }).plan;
    const engine = new RuleEngine(start);
    const drawOver: Patch = { features: [putFeature(feature('useChange', 'uc1', g.block(0, 0, 1, 1), { parcelNo: 'TZ001', targetCode: '111' }))] };
    const expected = fullCheck(applyPatch(start, drawOver).plan).issues;
    expect(expected.filter((i) => i.rule === 'new-build-in-expansion-boundary' && i.features.includes(asFeatureId('uc2')))).toHaveLength(1);
    expect(comparable(engine.applyPatch(drawOver).issues)).toEqual(comparable(expected));
  });

  it('turns a rule that throws into an issue instead of stopping the check', () => {
    const broken = { id: 'no-gap', kind: 'plan', severity: 'error', reads: [], profileKeys: [], source: '', seedDifference: '', check: () => { throw new Error('boom'); } } as const;
    const result = fullCheck(village().plan, [broken as never]);
    expect(result.issues).toMatchObject([{ rule: 'no-gap', message: { key: 'rules.ruleFailed', params: { detail: 'boom' } } }]);
  });
});
