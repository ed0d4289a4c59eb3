/**
 * The 2020 试行 edition of the 用地用海 codes, as far as it differs from 2023 (domain-2026.md §1.2): an import
 * reads 2020 files by converting each code. Some codes exist in both editions with different meanings, so a
 * file's edition must be declared or detected for the whole file, never guessed parcel by parcel.
 */
import { YDYH_2023_INDEX } from './classes-2023.ts';

export interface EditionConversion {
  readonly from2020: string;
  readonly to2023: string;
  /** What the 2020 code meant, where the 2023 code does not say it. */
  readonly note: string;
}

/** Every 2020 code that converts to another code or changes meaning [cct:old2new]; all others are unchanged. */
export const CONVERSIONS_2020_TO_2023: readonly EditionConversion[] = [
  { from2020: '0204', to2023: '0205', note: '2020 其他园地; 2023 puts 油料园地 at 0204' },
  { from2020: '060102', to2023: '1207', note: '2020 村庄内部道路用地; 2023 060102 is 田间道' },
  { from2020: '0602', to2023: '060201', note: '2020 种植设施建设用地; 2023 0602 is all 设施农用地' },
  { from2020: '0603', to2023: '060202', note: '2020 畜禽养殖设施建设用地' },
  { from2020: '0604', to2023: '060203', note: '2020 水产养殖设施建设用地' },
  { from2020: '090301', to2023: '0903', note: '2020 娱乐用地, a sub-class of 娱乐康体用地' },
  { from2020: '090302', to2023: '0903', note: '2020 康体用地, which Zhejiang keeps as a sub-class of 0903 (§1.4)' },
  { from2020: '1311', to2023: '1311', note: '2020 干渠; 2023 1311 is all 水工设施用地' },
  { from2020: '1312', to2023: '1311', note: '2020 水工设施用地; 2023 1312 is 其他公用设施用地' },
  { from2020: '1313', to2023: '1312', note: '2020 其他公用设施用地' },
  { from2020: '2302', to2023: '2303', note: '2020 田坎; 2023 2302 is 后备耕地' },
  { from2020: '2303', to2023: '060102', note: '2020 田间道; 2023 2303 is 田坎' },
  // In cct:old2new but not in domain-2026.md's list; a sea code, kept so the conversion matches its source.
  { from2020: '2202', to2023: '2206', note: '2020 2202 becomes 2023 其他特殊用海' },
];

const TO_2023: ReadonlyMap<string, string> = new Map(CONVERSIONS_2020_TO_2023.map((c) => [c.from2020, c.to2023]));

/** The 2023 code of one 2020 code; a code the list does not name is the same in both editions. */
export function convert2020To2023(code: string): { code: string; changed: boolean } {
  const converted = TO_2023.get(code) ?? code;
  return { code: converted, changed: converted !== code };
}

/**
 * Codes valid in both editions with different meanings: a 2020 code that is also a 2023 code and either
 * converts away or has another 2020 code merged into it. Read in the wrong edition, such a code is silently
 * another class, so no code here can tell a parcel's edition.
 */
export const EDITION_COLLISIONS: ReadonlySet<string> = (() => {
  const mergedInto = (code: string): boolean =>
    CONVERSIONS_2020_TO_2023.some((c) => c.from2020 !== code && c.to2023 === code);
  return new Set(
    CONVERSIONS_2020_TO_2023.filter(
      (c) => YDYH_2023_INDEX.get(c.from2020) !== undefined && (c.to2023 !== c.from2020 || mergedInto(c.from2020)),
    ).map((c) => c.from2020),
  );
})();
