/**
 * The 2026 coverage checks on data shaped like a real survey: the generator's village clipped to a separately
 * drawn boundary (T-junctions all along it), every vertex moved by up to ±0.3 mm, then converted into a
 * village database as the 2026 sample is (JQDLTB, GHDLTB, GKBJ, CJDCQ). Clean, nothing is reported; planted
 * gaps and overlaps (triangles of known ellipsoidal area on shared edges) are found with their areas; and an
 * edit is followed by the kept balance. The PBF and red-line checks, whose layers were digitised apart from
 * the parcels, find nothing until a parcel on the PBF is made housing.
 */
import { describe, expect, it } from 'vitest';
import { generateVillagePlan } from '../../../scripts/sample/generate.ts';
import { clipToSeparateBoundary, jitterVertices, plantViolations } from '../../../scripts/sample/real-looking.ts';
import { villageDatabaseFromPlan } from '../../../scripts/sample/village-2026.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import type { AreaGeometry } from '../../domain/features.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseIssue } from './database-rule.ts';
import { geometryValidRule } from './geometry-valid.rule.ts';
import { noGapRule } from './no-gap.rule.ts';
import { noOverlapRule } from './no-overlap.rule.ts';
import { pbfKeptRule } from './pbf-kept.rule.ts';
import { redlineKeptRule } from './redline-kept.rule.ts';
import { tolerantRelate } from '../../geo/tolerant-relate.ts';

const coverage = (db: VillageDatabase): DatabaseIssue[] => [...geometryValidRule.check(db), ...noOverlapRule.check(db), ...noGapRule.check(db)];

let cached: ReturnType<typeof build> | undefined;
function build() {
  const clipped = clipToSeparateBoundary(generateVillagePlan({ seed: 2017, parcels: 500 }), { seed: 1 }).plan;
  const jittered = jitterVertices(clipped, { seed: 1 }).plan;
  const planted = plantViolations(jittered, { seed: 3 });
  return { clipped: villageDatabaseFromPlan(clipped), jittered: villageDatabaseFromPlan(jittered), planted: villageDatabaseFromPlan(planted.plan), violations: planted.violations };
}
const databases = () => (cached ??= build());

describe('2026 coverage checks on real-looking data', () => {
  it('find nothing in a clean clipped village, with or without ±0.3 mm misalignment', () => {
    const { clipped, jittered } = databases();
    expect(coverage(clipped)).toEqual([]);
    expect(coverage(jittered)).toEqual([]);
  }, 60_000);

  it('find each planted gap and overlap in the base parcels, with its area to 0.05 m²', () => {
    const { planted, violations } = databases();
    const found = coverage(planted).filter((i) => i.layer === 'JQDLTB');
    expect(found).toHaveLength(violations.length);
    for (const v of violations) {
      const rule = v.kind === 'gap' ? 'no-gap' : 'no-overlap';
      const match = found.find((i) => i.rule === rule && Math.abs((i.message.params['areaM2'] as number) - v.areaM2) <= 0.05);
      expect(match, `${v.kind} of ${v.areaM2} m²`).toBeDefined();
    }
  }, 60_000);

  it('follow an edit: a planned parcel taken away leaves a gap of its area, put back it closes', () => {
    const { jittered } = databases();
    const layer = jittered.layers.GHDLTB!;
    const taken = layer.features[40]!;
    const without: VillageDatabase = { ...jittered, layers: { ...jittered.layers, GHDLTB: { ...layer, features: layer.features.filter((f) => f !== taken) } } };
    const gaps = noGapRule.check(without).filter((i) => i.layer === 'GHDLTB');
    expect(gaps).toHaveLength(1);
    expect(Math.abs((gaps[0]?.message.params['areaM2'] as number) - ellipsoidalArea(taken.geometry as AreaGeometry))).toBeLessThan(0.05);
    expect(coverage(jittered)).toEqual([]);
  }, 60_000);

  it('pbf-kept and redline-kept find nothing on the clean village, and a PBF parcel made housing with its area', () => {
    const { jittered } = databases();
    expect([...pbfKeptRule.check(jittered), ...redlineKeptRule.check(jittered)]).toEqual([]);
    const layer = jittered.layers.GHDLTB!;
    const pbf = (jittered.layers.YJJBNT?.features ?? []).map((f) => f.geometry as AreaGeometry);
    const onPbf = layer.features.find((f) => pbf.some((p) => tolerantRelate(f.geometry as AreaGeometry, p, 0.001) === 'within'));
    if (!onPbf) throw new Error('no parcel on the PBF');
    const housing = { ...onPbf, properties: { ...onPbf.properties, GHDLBM: '070301' } };
    const built: VillageDatabase = { ...jittered, layers: { ...jittered.layers, GHDLTB: { ...layer, features: layer.features.map((f) => (f === onPbf ? housing : f)) } } };
    const [issue, ...rest] = pbfKeptRule.check(built);
    expect(rest).toEqual([]);
    expect(issue?.features).toEqual([onPbf.ref]);
    expect(Math.abs((issue?.message.params['areaM2'] as number) - ellipsoidalArea(onPbf.geometry as AreaGeometry))).toBeLessThan(0.05);
  }, 60_000);
});
