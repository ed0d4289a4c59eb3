import { describe, expect, it } from 'vitest';
import { jitterVertices } from '../../scripts/sample/real-looking.ts';
import type { LandClassCode } from '../profiles/zhejiang-2017/land-classes.ts';
import { feature, issuesOf, village, withFeatures } from './test-support.ts';

const RULE = 'restoration-fits-surroundings';

/** A homestead cell in the middle of a 3 × 3 village of `around`, demolished and restored to `use`. */
function demolished(around: LandClassCode, use: string, slopeGrade = '1') {
  const { plan, g } = village({ w: 3, h: 3, classOf: (i, j) => (i === 1 && j === 1 ? '2121' : around), baseProps: () => ({ slopeGrade }) });
  return withFeatures(plan, feature('demolition', 'd', g.block(1, 1, 2, 2), { parcelNo: 'CJ1', restorationUse: use }));
}

describe(RULE, () => {
  it('passes restoration that fits: orchard amid orchard, public space amid homes, paddy amid paddy', () => {
    expect(issuesOf(demolished('12', '12'), RULE)).toEqual([]);
    expect(issuesOf(demolished('2121', '2125'), RULE)).toEqual([]);
    expect(issuesOf(demolished('111', '111'), RULE)).toEqual([]);
  });

  it('warns of paddy amid orchard, and of farmland in the middle of the village', () => {
    expect(issuesOf(demolished('12', '111'), RULE)).toMatchObject([{ severity: 'warning', message: { key: 'rules.restoration-fits-surroundings.amidOrchardForest' } }]);
    expect(issuesOf(demolished('2121', '111'), RULE)).toMatchObject([{ message: { key: 'rules.restoration-fits-surroundings.insideVillage' } }]);
  });

  it('warns of cultivated land on slope grade 4 but not grade 3', () => {
    expect(issuesOf(demolished('111', '111', '4'), RULE)).toMatchObject([{ message: { key: 'rules.restoration-fits-surroundings.steep' } }]);
    expect(issuesOf(demolished('111', '111', '3'), RULE)).toEqual([]);
  });

  it('judges a village whose every vertex moved by ±0.3 mm as the exact one', () => {
    const jittered = (around: LandClassCode, use: string) => jitterVertices(demolished(around, use), { seed: 5 }).plan;
    expect(issuesOf(jittered('12', '111'), RULE)).toMatchObject([{ message: { key: 'rules.restoration-fits-surroundings.amidOrchardForest', params: { percent: 100 } } }]);
    expect(issuesOf(jittered('2121', '111'), RULE)).toMatchObject([{ message: { key: 'rules.restoration-fits-surroundings.insideVillage', params: { percent: 100 } } }]);
    expect(issuesOf(jittered('2121', '2125'), RULE)).toEqual([]);
  });
});
