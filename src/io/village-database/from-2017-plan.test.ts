import { describe, expect, it } from 'vitest';
import type { LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import { rect } from '../../domain/test-support.ts';
import { ZHEJIANG_2017_TO_YDYH_2023 } from '../../profiles/zhejiang-2017/to-ydyh-2023.ts';
import { controlTypeOf } from '../../profiles/zhejiang-2026/control-boundary.ts';
import type { VillageDatabase, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { checkDatabase } from '../../rules/ydyh/index.ts';
import { feature, village, withFeatures } from '../../rules/test-support.ts';
import { generateVillagePlan } from '../../../scripts/sample/generate.ts';
import { clipToSeparateBoundary, jitterVertices } from '../../../scripts/sample/real-looking.ts';
import { databaseFrom2017Plan, review2017Plan } from './from-2017-plan.ts';
import { undecidedGroups } from './review-groups.ts';

/**
 * Six cells of 0.001°: 111; 2122; 131 on 三调 0302 (竹林地); 111 with a 2122 new build on its west half; 131
 * without a 三调 code; 111 turned 113 by a use change. PBF over the first cell.
 */
const CLASSES: readonly LandClassCode[] = ['111', '2122', '131', '111', '131', '111'];
const SURVEY: readonly (string | null)[] = ['0101', '0810', '0302', '0101', null, '0101'];

function smallPlan() {
  const { plan, g } = village({
    w: 6,
    h: 1,
    classOf: (i) => CLASSES[i] ?? '111',
    baseProps: (i) => ({ surveyCode: SURVEY[i] ?? null }),
    meta: { villageCode: '330421101210', villageName: '测试村', county: '德清县', township: '武康街道', population: 800, baseYear: 2025, targetYear: 2035 },
  });
  const [x0, y0] = g.at(3, 0) as [number, number];
  return withFeatures(
    plan,
    feature('newBuild', 'nb', rect(x0, y0, x0 + g.size / 2, y0 + g.size), { useCode: '2122' }),
    feature('useChange', 'uc', g.block(5, 0, 6, 1), { targetCode: '113' }),
    feature('pbf', 'pbf', g.block(0, 0, 1, 1), { pbfType: 'G111' }),
  );
}

const codes = (db: VillageDatabase, layer: VillageLayerName, field: string): string[] => (db.layers[layer]?.features ?? []).map((f) => String(f.properties[field]));
const areaOf = (db: VillageDatabase, layer: VillageLayerName, field: string): number => (db.layers[layer]?.features ?? []).reduce((total, f) => total + Number(f.properties[field]), 0);

describe('the review list of a 2017 plan', () => {
  const groups = review2017Plan(smallPlan());

  it('lists the classes to confirm: 2122 (base and planned land together) and the 131 parcel its 三调 code left undecided; never a 1:1 class', () => {
    expect(groups.map((g) => [g.key, g.fromZh, g.count, g.suggested])).toEqual([
      ['131', '生态林', 1, null],
      ['2122', '公共服务设施用地', 2, null],
    ]);
    const cell = groups[0]?.areaM2 ?? 0;
    expect(cell).toBeGreaterThan(10_000);
    // One whole 2122 parcel and the west half of the new build's.
    expect(groups[1]?.areaM2).toBeCloseTo(cell * 1.5, 0);
    expect(groups[1]?.candidates[0]).toBe('0704');
  });

  it('says what the 三调 code decided and that 生态林 is kept in BZ', () => {
    expect(groups[0]?.notes).toEqual([
      { key: 'villageDb.from2017.restAfterSurvey', params: { decided: 1 } },
      { key: 'villageDb.from2017.keptInBz', params: { name: '生态林' } },
    ]);
  });

  it('offers the default of a class with several codes (154 → 1705), which needs no decision', () => {
    const ditch = village({ w: 2, h: 1, classOf: (i) => (i === 0 ? '154' : '111') }).plan;
    const [group] = review2017Plan(ditch);
    expect(group).toMatchObject({ key: '154', suggested: '1705', candidates: ['1705', '1311'] });
    expect(undecidedGroups(review2017Plan(ditch), {})).toEqual([]);
  });
});

describe('a 2017 plan as a 2026 village database', () => {
  const plan = smallPlan();

  it('is refused while a class without a default is undecided, naming it', () => {
    const result = databaseFrom2017Plan(plan, { '131': '0301' });
    expect(result.ok ? null : result.error).toEqual({ key: 'villageDb.from2017.undecided', params: { count: 1, groups: '2122 公共服务设施用地' } });
  });

  it('is refused for a code the group does not offer, or a class not in the list', () => {
    const result = databaseFrom2017Plan(plan, { '131': '0301', '2122': '0101', '111': '0102' });
    expect(result.ok ? null : result.error).toEqual({ key: 'villageDb.from2017.invalidDecisions', params: { decisions: '111 → 0102, 2122 → 0101' } });
  });

  it('is refused without a 12-digit village code', () => {
    const result = databaseFrom2017Plan({ ...plan, meta: { ...plan.meta, villageCode: '3304' } }, { '131': '0301', '2122': '0704' });
    expect(result.ok ? null : result.error.key).toBe('villageDb.from2017.noVillageCode');
  });

  describe('once decided', () => {
    const result = databaseFrom2017Plan(plan, { '131': '0301', '2122': '0704' });
    const db = result.ok ? result.value : undefined;

    it('codes the base parcels (JQDLTB) and the planned land (GHDLTB), the changed parcels differing', () => {
      if (!db) throw new Error('refused');
      expect(codes(db, 'JQDLTB', 'JQDLBM')).toEqual(['0101', '0704', '0302', '0101', '0301', '0101']);
      // The new build's base parcel is cut in two (its 2122 piece first); the use change recodes the last.
      expect(codes(db, 'GHDLTB', 'GHDLBM')).toEqual(['0101', '0704', '0302', '0704', '0101', '0301', '0103']);
      expect(codes(db, 'GHDLTB', 'BZ')).toEqual(['null', 'null', '生态林', 'null', 'null', '生态林', 'null']);
      expect(areaOf(db, 'GHDLTB', 'GHDLMJ')).toBeCloseTo(areaOf(db, 'CJDCQ', 'JSMJ'), 0);
    });

    it('derives GKBJ and passes the 2026 checks with no error', () => {
      if (!db) throw new Error('refused');
      expect(codes(db, 'GKBJ', 'GKBJLXDM').sort()).toEqual(['0101', '0102', '0201', '0202', '0301']);
      const errors = checkDatabase(db).issues.filter((issue) => issue.severity === 'error');
      expect(errors).toEqual([]);
    });
  });

  it('every candidate of the 2017 table has a 管控边界 type of its code', () => {
    const untyped = ZHEJIANG_2017_TO_YDYH_2023.flatMap((row) => row.to.filter((code) => controlTypeOf(code) === null));
    expect(untyped).toEqual([]);
  });
});

describe('a real-looking 2017 plan (500 parcels, clipped to a separate boundary, vertices jittered)', () => {
  it('converts with no ydyh error, its planned land covering the village within 0.01 %', () => {
    const original = generateVillagePlan({ seed: 2017, parcels: 500 });
    const plan = jitterVertices(clipToSeparateBoundary(original, { seed: 1 }).plan, { seed: 1 }).plan;
    const firstCandidates = Object.fromEntries(undecidedGroups(review2017Plan(plan), {}).map((group) => [group.key, group.candidates[0] ?? '']));
    const result = databaseFrom2017Plan(plan, firstCandidates);
    if (!result.ok) throw new Error(result.error.key);
    expect(checkDatabase(result.value).issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const village = areaOf(result.value, 'CJDCQ', 'JSMJ');
    expect(Math.abs(areaOf(result.value, 'GHDLTB', 'GHDLMJ') - village) / village).toBeLessThan(1e-4);
  }, 60_000);
});
