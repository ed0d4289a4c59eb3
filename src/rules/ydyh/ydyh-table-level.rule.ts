/**
 * `ydyh-table-level` (cct:zj-gn + zj-tzb [ours ⚠]): the base (JQDLTB) and target (GHDLTB) parcels fill the
 * Zhejiang 规划用地结构调整表 (`fillStructureTable`), and what it could not place is reported: a code too
 * coarse for a detail row (0703 where the rows are 070301/070302) counts in its subtotal but in no row; a
 * code in no subtotal counts in the total only, unless the plan put it in one (plan-defaults.ts
 * `tableGroups`: then it is the planner's choice, noted under the table, not flagged). Both are warnings
 * with their areas: the table is still right in total, a row is not. A sum that does not add up for another reason would be a fault of the
 * table itself; it is reported only when those two findings do not account for it.
 *
 * Codes outside the classification, sea codes and codes of the other edition are `ydyh-code-valid`'s and
 * `ydyh-edition-declared`'s errors and are not repeated here (they still explain a sum).
 */
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { fillStructureTable, type TableLevelFinding, type Year } from '../../profiles/ydyh/fill-structure-table.ts';
import { ZJ_STRUCTURE_TABLE } from '../../profiles/ydyh/zj-structure-table.ts';
import { databaseIssue, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';
import { codedParcels, M2_PER_HA, type CodedParcel } from './database-parcels.ts';
import { isSeaCode } from './editions.ts';

/** A hundredth of a square metre, the table's own tolerance for a sum, in 公顷. */
const SUM_TOLERANCE_HA = 0.01 / M2_PER_HA;

const sumOf = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

/** Whether the coarse and ungrouped codes account for a row's difference in one year. */
function explained(findings: readonly TableLevelFinding[], row: string, year: Year, difference: number): boolean {
  const coarse = sumOf(findings.flatMap((f) => (f.kind === 'tooCoarse' && f.subtotal === row ? [f[year]] : [])));
  const ungrouped = row === 'total' ? sumOf(findings.flatMap((f) => (f.kind === 'ungrouped' ? [f[year]] : []))) : 0;
  return Math.abs(difference - coarse - ungrouped) <= SUM_TOLERANCE_HA;
}

export const ydyhTableLevelRule: DatabaseRule = {
  id: 'ydyh-table-level',
  severity: 'warning',
  source: 'cct:zj-gn + cct:zj-tzb [ours ⚠]',
  summary: 'Filling the Zhejiang 规划用地结构调整表 from JQDLTB and GHDLTB: codes too coarse for a row and codes in no subtotal of the template or the plan, with their areas; parts that do not sum when those do not explain it.',
  check(db) {
    const base = codedParcels(db, 'base');
    const target = codedParcels(db, 'target');
    const refsOf = (code: string) => [...base, ...target].filter((p: CodedParcel) => p.code === code).map((p) => p.ref);
    const { findings } = fillStructureTable(base, target, ZJ_STRUCTURE_TABLE, db.tableGroups);
    const issues: DatabaseIssue[] = [];
    for (const finding of findings) {
      if (finding.kind === 'partsDoNotSum') {
        if (explained(findings, finding.row, finding.year, finding.difference)) continue;
        const params = { rowKey: `rules.db.subtotal.${finding.row}`, yearKey: `rules.db.year.${finding.year}`, valueHa: finding.value, partsHa: finding.parts, differenceHa: finding.difference };
        issues.push(databaseIssue(this.id, 'warning', { key: 'partsDoNotSum', params }));
        continue;
      }
      if (finding.kind === 'planGrouped') continue;
      const entry = YDYH_2023_INDEX.get(finding.code);
      if (entry === undefined || isSeaCode(finding.code)) continue;
      const params = { code: finding.code, name: entry.zh, baseHa: finding.base, targetHa: finding.target };
      const features = refsOf(finding.code);
      if (finding.kind === 'tooCoarse') issues.push(databaseIssue(this.id, 'warning', { features, key: 'tooCoarse', params: { ...params, subtotalKey: `rules.db.subtotal.${finding.subtotal}` } }));
      else issues.push(databaseIssue(this.id, 'warning', { features, key: 'ungrouped', params }));
    }
    return issues;
  },
};
