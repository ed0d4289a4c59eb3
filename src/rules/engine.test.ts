import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlanFeature } from '../domain/features.ts';
import { asFeatureId } from '../domain/ids.ts';
import { applyPatch, putFeature, removeFeature, type Patch } from '../domain/patch.ts';
import { parsePlanText } from '../domain/plan-file.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';
import { hasVertex, moveVertex } from '../geo/topology.ts';
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

  it('turns a rule that throws into an issue instead of stopping the check', () => {
    const broken = { id: 'no-gap', kind: 'plan', severity: 'error', reads: [], profileKeys: [], source: '', seedDifference: '', check: () => { throw new Error('boom'); } } as const;
    const result = fullCheck(village().plan, [broken as never]);
    expect(result.issues).toMatchObject([{ rule: 'no-gap', message: { key: 'rules.ruleFailed', params: { detail: 'boom' } } }]);
  });
});
