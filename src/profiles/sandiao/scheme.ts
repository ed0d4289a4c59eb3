/**
 * Which code scheme a land layer is written in. The planner declares it at import; this only suggests, from
 * the hints of domain-2026.md §2.1, and shows why. It is never decided from codes alone: most 三调 codes are
 * also 用地用海 codes of another meaning (the 0702 trap), so a wrong guess moves land silently.
 */

/** A declared scheme: the 三调 work classes, or 用地用海 in its 2020 试行 or 2023 edition. */
export type CodeScheme = 'sandiao' | 'ydyh-2020' | 'ydyh-2023';

/**
 * What the hints can tell apart. They cannot tell the 用地用海 editions apart (the hint codes exist in both,
 * `2302` with another meaning in each), so the edition is left to the declaration.
 */
export type SchemeFamily = 'sandiao' | 'ydyh';

export const familyOf = (scheme: CodeScheme): SchemeFamily => (scheme === 'sandiao' ? 'sandiao' : 'ydyh');

// The hints of domain-2026.md §2.1 [cct:sdbm + cct:dm]: a DLTB's DLBM/DLMC are 三调, the plan database's
// JQDLBM/GHDLBM [cct:gdb] 用地用海.
const FIELD_HINTS: Readonly<Record<string, SchemeFamily>> = {
  DLBM: 'sandiao',
  DLMC: 'sandiao',
  JQDLBM: 'ydyh',
  GHDLBM: 'ydyh',
};

// 08H2A is not among §2.1's hints but is 三调's own refinement of 08H2 [cct:sdbm], a code 用地用海 cannot have.
const SANDIAO_ONLY_CODES: ReadonlySet<string> = new Set(['05H1', '08H1', '08H2', '08H2A', '0810A', '1104A', '1107A']);
const YDYH_ONLY_CODES: ReadonlySet<string> = new Set(['060101', '070301', '2302']);
/** 可调整 codes (`0201K`): 用地用海 has no letters. */
const ADJUSTABLE_CODE = /^\d{4}K$/;

export interface SchemeHint<T> {
  readonly hint: T;
  readonly family: SchemeFamily;
}

export interface SchemeSuggestion {
  /** The family the hints point to; null when there is none, or the codes disagree and no field decides. */
  readonly family: SchemeFamily | null;
  readonly fieldNames: readonly SchemeHint<string>[];
  readonly codes: readonly SchemeHint<string>[];
  /** Hints point to both families: the planner must look before declaring. */
  readonly conflicting: boolean;
}

function codeFamily(code: string): SchemeFamily | undefined {
  if (SANDIAO_ONLY_CODES.has(code) || ADJUSTABLE_CODE.test(code)) return 'sandiao';
  return YDYH_ONLY_CODES.has(code) ? 'ydyh' : undefined;
}

/** The one family all hints share, if they share one. */
function unanimous(hints: readonly SchemeHint<string>[]): SchemeFamily | undefined {
  const families = new Set(hints.map((h) => h.family));
  const [only] = families;
  return families.size === 1 ? only : undefined;
}

/**
 * The scheme a layer's field names and distinct codes suggest. Codes outweigh field names (a 用地用海 layer
 * exported with a `DLBM` field is 用地用海); any disagreement is reported as `conflicting`.
 */
export function suggestScheme(layer: { readonly fieldNames: Iterable<string>; readonly codes: Iterable<string> }): SchemeSuggestion {
  const fieldNames = [...new Set([...layer.fieldNames].map((n) => n.trim().toUpperCase()))].flatMap((name) => {
    const family = FIELD_HINTS[name];
    return family ? [{ hint: name, family }] : [];
  });
  const codes = [...new Set([...layer.codes].map((c) => c.trim().toUpperCase()))].sort().flatMap((code) => {
    const family = codeFamily(code);
    return family ? [{ hint: code, family }] : [];
  });
  const families = new Set([...fieldNames, ...codes].map((h) => h.family));
  return { family: unanimous(codes) ?? unanimous(fieldNames) ?? null, fieldNames, codes, conflicting: families.size > 1 };
}
