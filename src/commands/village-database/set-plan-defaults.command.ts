/**
 * The planner's own values of one of the ⚠ defaults tables (plan-defaults.ts: 管控边界 types of classes,
 * binding directions, 三大类, class colours, structure table subtotals), which a county may settle otherwise:
 * one undo step holding only the keys whose value changes, null taking a key back to the profile's default.
 * Refused, before anything changes, on a key or a value the table does not take.
 */
import { failure, success, type Result } from '../../domain/message.ts';
import { PLAN_DEFAULTS, type PlanDefaultName } from '../../profiles/zhejiang-2026/plan-defaults.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseEdit, PlanDefaultEntries, VillageEntries } from './database-edit.ts';

export function setPlanDefaults<N extends PlanDefaultName>(db: VillageDatabase, name: N, changes: PlanDefaultEntries<N>): Result<DatabaseEdit> {
  const spec = PLAN_DEFAULTS[name];
  const had: Readonly<Record<string, unknown>> = db[name] ?? {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (!spec.isKey(key)) return failure(spec.texts.unknownKey, { code: key });
    if (value !== null && !spec.isValue(value)) return failure(spec.texts.unknownValue, { code: key, type: String(value), types: spec.values });
    const was = Object.hasOwn(had, key) ? (had[key] ?? null) : null;
    if (was === value) continue;
    before[key] = was;
    after[key] = value;
  }
  const count = Object.keys(after).length;
  // Each value was checked above by the table's own isValue.
  const side = (entries: Record<string, unknown>) => ({ info: {}, allocations: {}, [name]: entries }) as VillageEntries;
  const edit: DatabaseEdit = { labelKey: spec.texts.label, params: { count }, changes: [], village: { before: side(before), after: side(after) } };
  return success(edit, count === 0 ? [{ key: spec.texts.unchanged }] : []);
}
