/** The 用地用海 2023 land classes as a planner picks one: by first-level group, codes with names; sea classes never offered on land. */
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';

export interface ClassOptionGroup {
  readonly label: string;
  readonly options: readonly { readonly code: string; readonly label: string }[];
}

export function landClassGroups(english: boolean): readonly ClassOptionGroup[] {
  const name = (entry: { zh: string; en: string }) => (english ? entry.en : entry.zh);
  const below = (code: string): { code: string; label: string }[] =>
    YDYH_2023_INDEX.children(code).flatMap((child) => (child.code === null ? [] : [{ code: child.code, label: `${child.code} ${name(child)}` }, ...below(child.code)]));
  return YDYH_2023_INDEX.children(null).flatMap((root) => {
    if (root.realm !== 'land' || root.code === null) return [];
    const label = `${root.code} ${name(root)}`;
    return [{ label, options: [{ code: root.code, label }, ...below(root.code)] }];
  });
}
