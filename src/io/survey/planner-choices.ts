/**
 * The planner's decisions in the import dialog's mapping table, one per preview row, and what they make of
 * the rows: the class a row will get, the rows still undecided (the import waits for them), and the
 * `MappingChoice`s the io worker puts in front of the table (`withChoices`).
 */
import type { LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { MappingPreviewRow } from './survey-import.ts';
import type { MappingChoice } from '../../profiles/zhejiang-2017/survey-mapping-table.ts';

/** The planner's choice per preview row: a class, null to leave out; absent = as the table says. */
export type Choices = Readonly<Record<string, LandClassCode | null>>;

export const rowKey = (row: Pick<MappingPreviewRow, 'surveyCode' | 'where'>) => `${row.surveyCode}|${row.where ?? ''}`;

/** What a row will do: the planner's choice, else the table's class, else the planner's earlier "leave out". */
export function choiceOf(row: MappingPreviewRow, choices: Choices): LandClassCode | null | undefined {
  const key = rowKey(row);
  if (key in choices) return choices[key];
  if (row.classCode) return row.classCode;
  return row.leftOut ? null : undefined;
}

/** Rows that still need a decision before the import can go ahead. */
export function undecided(rows: readonly MappingPreviewRow[], choices: Choices): MappingPreviewRow[] {
  return rows.filter((row) => choiceOf(row, choices) === undefined);
}

/** Every row with its current choice (the worker ranks these above the table's rows). */
export function mappingChoices(rows: readonly MappingPreviewRow[], choices: Choices): MappingChoice[] {
  return rows.flatMap((row) => {
    const choice = choiceOf(row, choices);
    return choice === undefined ? [] : [{ surveyCode: row.surveyCode, where: row.where, classCode: choice }];
  });
}
