/** Finding the mapping row for one survey code (rules in profiles/zhejiang-2017/survey-mapping-table.ts). */
import type { MappingRow } from '../../profiles/zhejiang-2017/survey-mapping-table.ts';

export type TownVillage = 'town' | 'village' | null;

/** 城镇村属性码 CZCSXM: 201/202 (城市/建制镇, with or without the A suffix) town, 203 village. */
export function townVillageOf(attribute: string | null): TownVillage {
  if (!attribute) return null;
  if (/^20[12]/.test(attribute)) return 'town';
  if (/^203/.test(attribute)) return 'village';
  return null;
}

function specificity(row: MappingRow, code: string, where: TownVillage): number {
  const pattern = row.survey.toUpperCase();
  if (row.where && row.where !== where) return -1;
  // A row for the parcel's town/village attribute beats one for any parcel; the planner's choice beats both.
  const bonus = (row.where ? 0.5 : 0) + (row.source === 'planner' ? 1000 : 0);
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1);
    return code.startsWith(prefix) ? prefix.length + bonus : -1;
  }
  return pattern === code ? 100 + bonus : -1;
}

export function matchRow(table: readonly MappingRow[], surveyCode: string, where: TownVillage): MappingRow | undefined {
  const code = surveyCode.trim().toUpperCase();
  let best: MappingRow | undefined;
  let bestScore = -1;
  for (const row of table) {
    const score = specificity(row, code, where);
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best;
}
