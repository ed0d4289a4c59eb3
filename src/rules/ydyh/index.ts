/**
 * The checks of a village planning database (`zhejiang-2026`, domain-2026.md §5), as an explicit list in
 * the order a reviewer reads them: inputs first, then geometry and coverage, then codes, tables, totals, boundaries and indicators.
 * These belong to the 2026 profile: the 2017 catalog (`rules/index.ts`) does not list them.
 */
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { bindingIndicatorsRule } from './binding-indicators.rule.ts';
import { bsmFormatRule } from './bsm-format.rule.ts';
import { codesInListsRule } from './codes-in-lists.rule.ts';
import type { DatabaseIssue, DatabaseRule } from './database-rule.ts';
import { geometryValidRule } from './geometry-valid.rule.ts';
import { inputsCompleteRule } from './inputs-complete.rule.ts';
import { insideVillageRule } from './inside-village.rule.ts';
import { jzqNotAboveVillageLandRule } from './jzq-not-above-village-land.rule.ts';
import { noGapRule } from './no-gap.rule.ts';
import { noOverlapRule } from './no-overlap.rule.ts';
import { pbfKeptRule } from './pbf-kept.rule.ts';
import { redlineKeptRule } from './redline-kept.rule.ts';
import { totalsEqualRule } from './totals-equal.rule.ts';
import { villageInfoCompleteRule } from './village-info-complete.rule.ts';
import { villageLandInBoundaryRule } from './village-land-in-boundary.rule.ts';
import { ydyhCodeValidRule } from './ydyh-code-valid.rule.ts';
import { ydyhEditionDeclaredRule } from './ydyh-edition-declared.rule.ts';
import { ydyhTableLevelRule } from './ydyh-table-level.rule.ts';

export const DATABASE_RULES: readonly DatabaseRule[] = [
  inputsCompleteRule,
  geometryValidRule,
  noOverlapRule,
  noGapRule,
  insideVillageRule,
  ydyhCodeValidRule,
  ydyhEditionDeclaredRule,
  ydyhTableLevelRule,
  totalsEqualRule,
  jzqNotAboveVillageLandRule,
  bsmFormatRule,
  codesInListsRule,
  villageInfoCompleteRule,
  bindingIndicatorsRule,
  pbfKeptRule,
  redlineKeptRule,
  villageLandInBoundaryRule,
];

export interface DatabaseCheck {
  readonly issues: readonly DatabaseIssue[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly notChecked: number };
}

/** Every check on one database; a check that throws is a bug and says so as an error of its own. */
export function checkDatabase(db: VillageDatabase, rules: readonly DatabaseRule[] = DATABASE_RULES): DatabaseCheck {
  const issues = rules.flatMap((rule): readonly DatabaseIssue[] => {
    try {
      return rule.check(db);
    } catch (error) {
      return [{ rule: rule.id, severity: 'error', features: [], message: { key: 'rules.ruleFailed', params: { rule: rule.id, detail: error instanceof Error ? error.message : String(error) } } }];
    }
  });
  const count = (severity: DatabaseIssue['severity']) => issues.filter((i) => i.severity === severity).length;
  return { issues, summary: { errors: count('error'), warnings: count('warning'), notChecked: count('notChecked') } };
}
