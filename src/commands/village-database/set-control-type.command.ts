/**
 * Set the type of 管控边界 (GKBJ) polygons: GKBJLXDM takes the code of the list and GKBJLXMC its name. The
 * type is typed, but a value from a file or an older draft may not be in the list: it is refused.
 */
import { failure, type Result } from '../../domain/message.ts';
import { GKBJ_TYPES, type GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseEdit } from './database-edit.ts';
import { selectFeatures, setFields } from './set-fields.ts';

export function setControlType(db: VillageDatabase, refs: readonly string[], typeCode: GkbjTypeCode): Result<DatabaseEdit> {
  const selected = selectFeatures(db, 'GKBJ', refs);
  if (!selected.ok) return selected;
  const type = GKBJ_TYPES.find((t) => t.code === typeCode);
  if (type === undefined) return failure('databaseEdit.setControlType.unknownType', { code: String(typeCode) });
  const request = { layer: 'GKBJ', values: { GKBJLXDM: type.code, GKBJLXMC: type.zh }, name: type.zh, labelKey: 'databaseEdit.setControlType.label', params: { code: type.code, name: type.zh } } as const;
  return setFields(selected.value, request);
}
