/**
 * `village-info-complete` (cct:chk `CheckExcel`): the village information sheet (sheet1 of CCTool's
 * workbook) gives what no layer carries: the name and type for the titles, the plan period, both years'
 * population (#6 per capita) and heritage sites (#13). Each empty entry is a warning, since the maps and
 * tables can still be made; without the workbook at all the rule is not checked. CheckExcel also wants
 * the 村庄名称 to name its county (市/县/区/实验区): the titles of the maps are built from it.
 */
import type { VillageInfo } from '../../profiles/zhejiang-2026/village-database.ts';
import { databaseIssue, notCheckedFor, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';

const FIELDS: readonly (keyof VillageInfo)[] = ['villageName', 'villageType', 'planPeriod', 'basePopulation', 'targetPopulation', 'baseHeritage', 'targetHeritage'];
const COUNTY_MARKERS = ['市', '县', '区', '实验区'];

const isEmpty = (value: string | number | null) => value === null || (typeof value === 'string' && value.trim() === '');

export const villageInfoCompleteRule: DatabaseRule = {
  id: 'village-info-complete',
  severity: 'warning',
  source: 'cct:chk CheckExcel',
  summary: '村庄名称, 村庄类型, 规划期限, 现状/规划人口, 现状/规划自然和文化遗产 given (a warning each), the name naming its county; not checked without the workbook.',
  check(db) {
    const missing = FIELDS.filter((field) => isEmpty(db.info[field]));
    if (missing.length === FIELDS.length) return [notCheckedFor(this.id, 'villageInfo')];
    const issues: DatabaseIssue[] = missing.map((field) => databaseIssue(this.id, 'warning', { key: 'missing', params: { fieldKey: `rules.db.info.${field}` } }));
    const name = db.info.villageName;
    if (name !== null && !isEmpty(name) && !COUNTY_MARKERS.some((marker) => name.includes(marker))) {
      issues.push(databaseIssue(this.id, 'warning', { key: 'nameWithoutCounty', params: { name } }));
    }
    return issues;
  },
};
