/**
 * Reclassify planned parcels (GHDLTB): GHDLBM takes the chosen 2023 code and GHDLMC its 2023 name. The
 * code is the planner's, always 2023: a database declared in the 2020 edition is refused rather than
 * given a code of the other edition, which the checks would misread (0602, 1311 … mean other classes).
 */
import { failure, success, type Message, type Result } from '../../domain/message.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { fillStructureTable } from '../../profiles/ydyh/fill-structure-table.ts';
import type { PlanTableGroups } from '../../profiles/ydyh/groupings-2023.ts';
import { ZJ_STRUCTURE_TABLE } from '../../profiles/ydyh/zj-structure-table.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseEdit } from './database-edit.ts';
import { selectFeatures, setFields } from './set-fields.ts';

/**
 * Where the Zhejiang 规划用地结构调整表 counts the code, when not in a row of its own: a code above the
 * rows' level (0703 where the rows are 070301/070302) only in its subtotal, a code in no subtotal only in
 * the total, unless the plan put it in a subtotal (`planGroups`: nothing to say). Allowed, as the table still
 * adds up; the planner is told before the rule says it.
 */
export function tableNotes(code: string, name: string, planGroups?: PlanTableGroups): Message[] {
  const finding = fillStructureTable([], [{ code, areaM2: 1 }], ZJ_STRUCTURE_TABLE, planGroups).findings.find((f) => f.kind !== 'partsDoNotSum');
  if (finding?.kind === 'tooCoarse') return [{ key: 'databaseEdit.reclassify.tooCoarse', params: { code, name, subtotalKey: `rules.db.subtotal.${finding.subtotal}` } }];
  if (finding?.kind === 'ungrouped') return [{ key: 'databaseEdit.reclassify.ungrouped', params: { code, name } }];
  return [];
}

export interface PlannedClass {
  readonly code: string;
  readonly name: string;
}

/** The 2023 class a planned parcel may be given; refused in a 2020-declared database, for an unknown or a sea code. */
export function plannedClass(db: VillageDatabase, code: string): Result<PlannedClass> {
  if (db.edition === 'ydyh-2020') return failure('databaseEdit.reclassify.edition2020', { code });
  const entry = YDYH_2023_INDEX.get(code);
  if (entry === undefined) return failure('databaseEdit.reclassify.unknownCode', { code });
  if (entry.realm === 'sea') return failure('databaseEdit.reclassify.seaCode', { code, name: entry.zh });
  return success({ code, name: entry.zh });
}

export function reclassify(db: VillageDatabase, refs: readonly string[], code: string): Result<DatabaseEdit> {
  const planned = plannedClass(db, code);
  if (!planned.ok) return planned;
  const selected = selectFeatures(db, 'GHDLTB', refs);
  if (!selected.ok) return selected;
  const { name } = planned.value;
  const request = { layer: 'GHDLTB', values: { GHDLBM: code, GHDLMC: name }, name, labelKey: 'databaseEdit.reclassify.label', params: { code, name } } as const;
  return setFields(selected.value, request, tableNotes(code, name, db.tableGroups));
}
