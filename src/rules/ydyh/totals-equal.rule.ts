/**
 * `totals-equal` (cct:vg, one total used for both years): the plan's parcels cover the same land as the
 * base year's, and both the village survey area (CJDCQ) when the database has it with a polygon; otherwise the 规划用地
 * 结构调整表's two 总计 differ and every share is of another whole. Areas are ellipsoidal, compared to 0.01
 * 公顷 [ours], the precision the table shows.
 */
import { databaseIssue, notCheckedFor, type DatabaseRule } from './database-rule.ts';
import { hasPolygons, layerAreaM2, M2_PER_HA } from './database-parcels.ts';

const TOLERANCE_HA = 0.01;

export const totalsEqualRule: DatabaseRule = {
  id: 'totals-equal',
  severity: 'error',
  source: 'cct:vg',
  summary: 'GHDLTB total = JQDLTB total (= CJDCQ when present), ellipsoidal, within 0.01 公顷 [ours].',
  check(db) {
    const baseM2 = layerAreaM2(db, 'JQDLTB');
    const targetM2 = layerAreaM2(db, 'GHDLTB');
    if (baseM2 === null || targetM2 === null) return [notCheckedFor(this.id, 'parcelLayers')];
    // An empty CJDCQ (a template not drawn) is no village area of 0 公顷.
    const villageM2 = hasPolygons(db, 'CJDCQ') ? layerAreaM2(db, 'CJDCQ') : null;
    const [baseHa, targetHa] = [baseM2 / M2_PER_HA, targetM2 / M2_PER_HA];
    const differenceHa = targetHa - baseHa;
    if (villageM2 === null) {
      return Math.abs(differenceHa) > TOLERANCE_HA ? [databaseIssue(this.id, 'error', { key: 'message', params: { targetHa, baseHa, differenceHa } })] : [];
    }
    const villageHa = villageM2 / M2_PER_HA;
    const spread = Math.max(baseHa, targetHa, villageHa) - Math.min(baseHa, targetHa, villageHa);
    return spread > TOLERANCE_HA ? [databaseIssue(this.id, 'error', { key: 'withVillage', params: { targetHa, baseHa, villageHa, differenceHa, villageDifferenceHa: baseHa - villageHa } })] : [];
  },
};
