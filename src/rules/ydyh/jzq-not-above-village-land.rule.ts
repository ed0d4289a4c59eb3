/**
 * `jzq-not-above-village-land` (cct:vg `DissolveGKBJ`/`ReDissolve` ⚠): the 村庄集中建设区 (GKBJ 0301) is
 * made of the plan's village construction land, so it cannot be larger than the GHDLTB 村庄建设用地 (the
 * Zhejiang table's 村庄建设用地小计, decided by code). Compared to 0.01 公顷 [ours], the table's precision.
 *
 * ⚠ The exact formula is unknown: CCTool's QC band "集中建设区 is 80 %–100 % of 村庄建设用地" is not
 * confirmed, so only the upper bound is checked. The control type of a code (control-boundary.ts) and the
 * table's grouping are two tables: a code in 0301 but in no table subtotal (0802, 0804, 0902) can make the
 * area legitimately larger; the message gives both figures for the planner to judge.
 */
import { tableGroupOf } from '../../profiles/ydyh/groupings-2023.ts';
import { CONCENTRATED_CONSTRUCTION_TYPE } from '../../profiles/zhejiang-2026/code-lists.ts';
import { databaseIssue, notCheckedFor, type DatabaseRule } from './database-rule.ts';
import { areaM2, codedParcels, controlTypeOfFeature, hasPolygons, M2_PER_HA } from './database-parcels.ts';

const TOLERANCE_HA = 0.01;

export const jzqNotAboveVillageLandRule: DatabaseRule = {
  id: 'jzq-not-above-village-land',
  severity: 'error',
  source: 'cct:vg DissolveGKBJ/ReDissolve ⚠',
  summary: "GKBJ 0301 村庄集中建设区 ≤ GHDLTB 村庄建设用地 (the table's group), within 0.01 公顷; the 80–100 % band is unconfirmed and not checked. Not checked without GKBJ.",
  check(db) {
    const gkbj = db.layers.GKBJ;
    if (gkbj === undefined) return [notCheckedFor(this.id, 'gkbj')];
    // An empty template GKBJ has no 集中建设区 drawn yet, not one of 0 公顷.
    if (!hasPolygons(db, 'GKBJ')) return [notCheckedFor(this.id, 'gkbjPolygons', { file: gkbj.file })];
    if (db.layers.GHDLTB === undefined) return [notCheckedFor(this.id, 'parcelLayers')];
    const zones = gkbj.features.filter((f) => controlTypeOfFeature(f) === CONCENTRATED_CONSTRUCTION_TYPE);
    const jzqHa = zones.reduce((sum, f) => sum + areaM2(f), 0) / M2_PER_HA;
    const villageHa = codedParcels(db, 'target').reduce((sum, p) => (tableGroupOf(p.code, db.tableGroups) === 'village' ? sum + p.areaM2 : sum), 0) / M2_PER_HA;
    if (jzqHa - villageHa <= TOLERANCE_HA) return [];
    return [databaseIssue(this.id, 'error', { layer: 'GKBJ', features: zones.map((f) => f.ref), key: 'message', params: { jzqHa, villageHa, overHa: jzqHa - villageHa } })];
  },
};
