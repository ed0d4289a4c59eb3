/**
 * Every rule on data shaped like a real survey, not only on our generator's exact coverages: the sample
 * generator's village clipped to a separately drawn boundary (T-junctions all along it), then every vertex
 * of every feature moved independently by up to ±0.3 mm (scripts/sample/real-looking.ts). Moving vertices
 * by less than the coverage tolerance must change nothing any rule reports; planted gaps and overlaps must
 * be found with their own areas, by the full check and by the incremental engine alike.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../domain/plan.ts';
import { getFeature } from '../domain/plan.ts';
import { asFeatureId } from '../domain/ids.ts';
import { putFeature, removeFeature } from '../domain/patch.ts';
import { generateVillagePlan } from '../../scripts/sample/generate.ts';
import { clipToSeparateBoundary, jitterVertices, plantViolations } from '../../scripts/sample/real-looking.ts';
import { fullCheck, RuleEngine } from './engine.ts';
import type { Issue } from './issue.ts';

let cached: { clipped: Plan; jittered: Plan } | undefined;
function plans() {
  if (!cached) {
    const clipped = clipToSeparateBoundary(generateVillagePlan({ seed: 2017, parcels: 500 }), { seed: 1 }).plan;
    cached = { clipped, jittered: jitterVertices(clipped, { seed: 1 }).plan };
  }
  return cached;
}

/** What a reviewer reads off an issue, areas aside. */
const identity = (i: Issue) => `${i.rule}|${i.layer ?? ''}|${[...i.features].sort().join('+')}|${i.message.key}|${i.severity === 'notChecked' ? 'n' : ''}`;
const COVERAGE_RULES = ['no-gap', 'no-overlap', 'inside-village'];

describe('rules on real-looking data', () => {
  it('finds no gap, overlap or overhang on a clean clipped village, with or without ±0.3 mm misalignment', () => {
    const { clipped, jittered } = plans();
    for (const plan of [clipped, jittered]) {
      const found = fullCheck(plan).issues.filter((i) => COVERAGE_RULES.includes(i.rule) && i.severity !== 'notChecked');
      expect(found.map(identity)).toEqual([]);
    }
  }, 60_000);

  it('reports the same issues, with areas within 0.5 m², whether or not every vertex moved by ±0.3 mm', () => {
    const { clipped, jittered } = plans();
    const before = fullCheck(clipped).issues;
    const after = fullCheck(jittered).issues;
    expect(after.map(identity).sort()).toEqual(before.map(identity).sort());
    const byIdentity = new Map(before.map((i) => [identity(i), i]));
    for (const issue of after) {
      const twin = byIdentity.get(identity(issue)) as Issue;
      for (const [name, value] of Object.entries(issue.message.params)) {
        if (name.endsWith('M2') && typeof value === 'number') expect(Math.abs(value - (twin.message.params[name] as number)), `${identity(issue)} ${name}`).toBeLessThanOrEqual(0.5);
      }
    }
  }, 60_000);

  it('finds each planted gap and overlap with its area, in the full check and after edits in the engine', () => {
    const { jittered } = plans();
    const { plan, violations } = plantViolations(jittered, { seed: 3 });
    const found = fullCheck(plan).issues.filter((i) => i.rule === 'no-gap' || i.rule === 'no-overlap');
    expect(found).toHaveLength(violations.length);
    for (const v of violations) {
      const rule = v.kind === 'gap' ? 'no-gap' : 'no-overlap';
      const match = found.find((i) => i.rule === rule && v.featureIds.some((id) => i.features.includes(id)) && Math.abs((i.message.params.areaM2 as number) - v.areaM2) <= 0.05);
      expect(match, `${v.kind} ${v.areaM2} m² at ${v.featureIds.join(', ')}`).toBeDefined();
    }

    // The engine follows edits on misaligned data: a parcel taken away leaves a gap, put back it closes.
    const engine = new RuleEngine(jittered);
    const someParcel = Object.keys(jittered.layers.base)[40] as string;
    const parcel = getFeature(jittered, 'base', asFeatureId(someParcel));
    const removed = engine.applyPatch({ features: [removeFeature(jittered, 'base', asFeatureId(someParcel))] });
    expect(removed.issues.filter((i) => i.rule === 'no-gap' && i.severity !== 'notChecked')).toHaveLength(1);
    const restored = engine.applyPatch({ features: [putFeature(parcel!)] });
    expect(restored.issues.filter((i) => COVERAGE_RULES.includes(i.rule) && i.severity !== 'notChecked')).toEqual([]);
  }, 60_000);
});
