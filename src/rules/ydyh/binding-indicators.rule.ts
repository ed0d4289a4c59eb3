/**
 * `binding-indicators` (cct:zbb 约束性 [ours ⚠ for the direction]): the target year's binding indicators
 * against the allocation the township plan gives the village (上级下达, entered by the planner): #1 and #2
 * at most it, #7–#11 at least it, as `INDICATORS` says, unless the plan binds one otherwise (its `bindings`,
 * plan-defaults.ts: ≤, ≥ or not at all). An indicator without an allocation, or whose
 * reference layer is missing, is not checked. Values are compared as the 指标表 shows them, to 0.0001 公顷.
 *
 * The red line and the PBF (#7, #8) count only inside the village (`referenceInsideVillage`).
 */
import { computeIndicators, INDICATOR_OF_REFERENCE, planIndicatorChoices } from '../../profiles/zhejiang-2026/indicators.ts';
import type { VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { databaseIssue, notCheckedFor, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';
import { codedParcels, referenceInsideVillage } from './database-parcels.ts';

const DISPLAY_DECIMALS = 4;
const REFERENCES = Object.keys(INDICATOR_OF_REFERENCE) as (keyof typeof INDICATOR_OF_REFERENCE)[];
const REFERENCE_OF: ReadonlyMap<number, VillageLayerName> = new Map(REFERENCES.map((layer) => [INDICATOR_OF_REFERENCE[layer], layer]));

const shown = (ha: number) => Math.round(ha * 10 ** DISPLAY_DECIMALS) / 10 ** DISPLAY_DECIMALS;

export const bindingIndicatorsRule: DatabaseRule = {
  id: 'binding-indicators',
  severity: 'error',
  source: 'cct:zbb [ours ⚠]',
  summary: 'Target-year #1, #2 ≤ 上级下达, #7–#11 ≥ 上级下达 (directions ours ⚠, the plan may set its own), to 0.0001 公顷; red line and PBF clipped to the village; not checked without an allocation or the reference layer.',
  check(db) {
    const clipped = { STBHHX: referenceInsideVillage(db, 'STBHHX'), YJJBNT: referenceInsideVillage(db, 'YJJBNT') };
    const results = computeIndicators({
      // As the 指标一览表 counts them: a code the edition does not have counts nowhere (`ydyh-code-valid` reports it).
      parcels: { base: codedParcels(db, 'base').filter((p) => p.known), target: codedParcels(db, 'target').filter((p) => p.known) },
      population: { base: db.info.basePopulation, target: db.info.targetPopulation },
      redLineM2: clipped.STBHHX.ok ? clipped.STBHHX.m2 : 0,
      pbfM2: clipped.YJJBNT.ok ? clipped.YJJBNT.m2 : 0,
      heritageSites: { base: db.info.baseHeritage, target: db.info.targetHeritage },
      ...planIndicatorChoices(db),
    });
    const issues: DatabaseIssue[] = [];
    for (const { indicator, binding, target } of results) {
      if (binding === null) continue;
      const params = { indicatorKey: `rules.db.indicator.${indicator.number}`, number: indicator.number };
      const allocation = db.allocations[indicator.number];
      const reference = REFERENCE_OF.get(indicator.number);
      if (allocation === undefined) {
        issues.push(notCheckedFor(this.id, 'allocation', params));
        continue;
      }
      if (reference !== undefined && db.layers[reference] === undefined) {
        issues.push(notCheckedFor(this.id, `reference.${reference}`, params));
        continue;
      }
      const clip = reference === 'STBHHX' || reference === 'YJJBNT' ? clipped[reference] : null;
      if (clip !== null && !clip.ok) {
        issues.push(databaseIssue(this.id, 'notChecked', { layer: reference, key: 'overlayFailed', params: { ...params, detail: clip.error } }));
        continue;
      }
      if (target.value === null) continue;
      const valueHa = shown(target.value);
      const broken = binding === 'atMost' ? valueHa > allocation : valueHa < allocation;
      if (broken) issues.push(databaseIssue(this.id, 'error', { key: binding, params: { ...params, valueHa, allocationHa: allocation, differenceHa: Math.abs(valueHa - allocation) } }));
    }
    return issues;
  },
};
