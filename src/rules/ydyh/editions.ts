/**
 * Which 用地用海 codes belong to one edition only, and what a code of both editions means in 2020, read
 * from the 2020 → 2023 conversion list (`profiles/ydyh/edition-2020.ts`, [cct:old2new]) so no code is
 * listed twice. Sea codes are left out: the 2023 classification keeps sea classes at the first level
 * only, and a sea code on land is `ydyh-code-valid`'s finding whichever edition it is.
 */
import { CONVERSIONS_2020_TO_2023 } from '../../profiles/ydyh/edition-2020.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';

/** A code of 2, 4 or 6 digits, as every 用地用海 code is written. */
const CODE_SHAPE = /^\d{2}(?:\d{2}){0,2}$/;

/** A code of a sea class (18–22, 24) at any level; not a malformed one (201 is 0201 果园 without its zero, not 20 交通运输用海). */
export function isSeaCode(code: string): boolean {
  return CODE_SHAPE.test(code) && YDYH_2023_INDEX.get(code.slice(0, 2))?.realm === 'sea';
}

const FROM_2020 = new Set(CONVERSIONS_2020_TO_2023.map((c) => c.from2020));

/** 2020 codes the 2023 classification does not have (0603, 0604, 090301, 090302, 1313) [cct:old2new]. */
export const ONLY_2020: ReadonlySet<string> = new Set([...FROM_2020].filter((code) => !isSeaCode(code) && YDYH_2023_INDEX.get(code) === undefined));

/**
 * 2023 codes no 2020 code is written as (0205, 1207, 060201–060203) [cct:old2new, ours ⚠]: a conversion's
 * target that is neither a 2020 code of the list nor the parent of one (0903 is: it held 2020's 090301
 * and 090302).
 */
export const ONLY_2023: ReadonlySet<string> = new Set(
  CONVERSIONS_2020_TO_2023.map((c) => c.to2023).filter((code) => !isSeaCode(code) && !FROM_2020.has(code) && ![...FROM_2020].some((from) => from.startsWith(code))),
);

/** The codes that exist only in the edition the database does not declare. */
export function onlyInOtherEdition(edition: VillageDatabase['edition']): ReadonlySet<string> {
  return edition === 'ydyh-2023' ? ONLY_2020 : ONLY_2023;
}

export const otherEdition = (edition: VillageDatabase['edition']): VillageDatabase['edition'] => (edition === 'ydyh-2023' ? 'ydyh-2020' : 'ydyh-2023');

/** What a 2020 code named, from its conversion's note (`2020 干渠; …`); null for a code the list does not change. */
export function name2020(code: string): string | null {
  const note = CONVERSIONS_2020_TO_2023.find((c) => c.from2020 === code)?.note;
  return note === undefined ? null : (/^2020 ([^;,]+)/.exec(note)?.[1] ?? null);
}
