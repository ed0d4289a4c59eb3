/**
 * The planner's own 管控边界 type of classes (the ⚠ defaults of control-boundary.ts, which a county may type
 * otherwise): one undo step holding only the codes whose type changes, null taking a class back to the
 * profile's default. GKBJ itself is not touched: the types apply the next time it is derived
 * (`deriveControlBoundaries`), as the planner is told beside the table.
 */
import { failure, success, type Result } from '../../domain/message.ts';
import { GKBJ_TYPES, type GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';
import { isControlType, isTypableClass } from '../../profiles/zhejiang-2026/control-boundary.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseEdit } from './database-edit.ts';

/** The 管控边界 type by 2023 class code; null = back to the default. */
export type ControlTypeChanges = Readonly<Record<string, GkbjTypeCode | null>>;

/** The edit setting the types that differ from the plan's; refused, before anything changes, on a code that is no 2023 class or a type that is none. */
export function setControlTypes(db: VillageDatabase, changes: ControlTypeChanges): Result<DatabaseEdit> {
  const before: Record<string, GkbjTypeCode | null> = {};
  const after: Record<string, GkbjTypeCode | null> = {};
  for (const [code, type] of Object.entries(changes)) {
    if (!isTypableClass(code)) return failure('database.controlTypes.error.unknownClass', { code });
    if (type !== null && !isControlType(type)) return failure('database.controlTypes.error.unknownType', { code, type: String(type), types: GKBJ_TYPES.map((t) => `${t.code} ${t.zh}`).join('、') });
    const had = db.controlTypes?.[code] ?? null;
    if (had === type) continue;
    before[code] = had;
    after[code] = type;
  }
  const count = Object.keys(after).length;
  const edit: DatabaseEdit = {
    labelKey: 'database.controlTypes.label',
    params: { count },
    changes: [],
    village: { before: { info: {}, allocations: {}, controlTypes: before }, after: { info: {}, allocations: {}, controlTypes: after } },
  };
  return success(edit, count === 0 ? [{ key: 'database.controlTypes.unchanged' }] : []);
}
