/**
 * Set the 所属边界类型 (SSBJLX) of planned parcels: `T` puts a parcel in a 村庄弹性发展区 and `Z` in the
 * 城镇开发边界, which is how deriving the 管控边界 again types them (control-boundary.ts `controlTypeOf`);
 * blank (null) leaves the type to the parcel's class. A value from a script or an older draft may be none
 * of these: it is refused.
 */
import { failure, type Result } from '../../domain/message.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseEdit } from './database-edit.ts';
import { selectFeatures, setFields } from './set-fields.ts';

/** The values SSBJLX takes besides blank, with the names the undo step and the notes give them. */
export const BOUNDARY_TYPES = [
  { code: 'T', zh: '弹性发展区' },
  { code: 'Z', zh: '城镇开发边界' },
] as const;
export type BoundaryTypeCode = (typeof BOUNDARY_TYPES)[number]['code'];

const BLANK_NAME = '无';

export function setBoundaryType(db: VillageDatabase, refs: readonly string[], code: BoundaryTypeCode | null): Result<DatabaseEdit> {
  const type = code === null ? null : BOUNDARY_TYPES.find((t) => t.code === code);
  if (type === undefined) return failure('database.boundary.ssbjlx.unknown', { value: String(code) });
  const selected = selectFeatures(db, 'GHDLTB', refs);
  if (!selected.ok) return selected;
  const name = type?.zh ?? BLANK_NAME;
  return setFields(selected.value, { layer: 'GHDLTB', values: { SSBJLX: type?.code ?? null }, name, labelKey: 'database.boundary.ssbjlx.label', params: { name } });
}
