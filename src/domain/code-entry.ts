/**
 * One entry of a code list: the code as data write it, with its Chinese and English names. Every profile's
 * code lists are made of these, so a pick-list, a legend, an import check and an export read them alike.
 */
export interface CodeEntry<C extends string = string> {
  readonly code: C;
  readonly zh: string;
  readonly en: string;
}

export function codesOf<C extends string>(list: readonly CodeEntry<C>[]): readonly C[] {
  return list.map((e) => e.code);
}
