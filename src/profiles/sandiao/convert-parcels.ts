/**
 * A 三调 DLTB's parcels in 用地用海 2023 (domain-2026.md §2.1): each parcel's code through the table of
 * to-ydyh-2023.ts, the planner's decisions for the 待细分 rows, and a summary by 三调 code that says what
 * was converted, what still needs a decision and what the table does not know. Pure: parcels in, codes
 * and summary out.
 *
 * An undecided 待细分 parcel counts as its first-level class ([cct:sd] sheet 全部转一级类), flagged, so a
 * table can be filled before every decision is made; a parcel whose code the table does not know counts as
 * nothing and is listed, never dropped silently.
 */
import { YDYH_2023_INDEX } from '../ydyh/classes-2023.ts';
import { firstLevelFallback, mapSandiaoCode, type NameMismatch } from './to-ydyh-2023.ts';

export interface SurveyParcel {
  readonly id: string;
  /** 地类编码 as the DLTB writes it (`0702`, `0201K`, ` 0810a `). */
  readonly dlbm: string;
  /** 地类名称, checked against the code when given. */
  readonly dlmc?: string;
  readonly areaM2: number;
}

/**
 * The planner's choice per 三调 code: a 待细分 row's candidate (`{ '1006': '060101' }`), or a finer code
 * of a 1:1 row's target where the table needs one (`{ '0702': '070301' }`: 0703 has no row of its own).
 */
export type RefineDecisions = Readonly<Record<string, string>>;

export type InvalidDecision =
  | { readonly reason: 'unknownCode'; readonly from: string; readonly to: string }
  /** A 1:1 code with nothing finer to choose: there is nothing to decide. */
  | { readonly reason: 'notRefine'; readonly from: string; readonly to: string; readonly mappedTo: string }
  | { readonly reason: 'notCandidate'; readonly from: string; readonly to: string; readonly candidates: readonly string[] };

export interface CheckedDecisions {
  /** Valid decisions by the 待细分 row they settle (`0204K=0205` settles `0204`, for `0204K` parcels too). */
  readonly valid: ReadonlyMap<string, string>;
  readonly invalid: readonly InvalidDecision[];
}

export type ParcelStatus = 'mapped' | 'decided' | 'undecided' | 'unknown';

export interface ConvertedParcel {
  readonly id: string;
  /** The 三调 code, trimmed and upper-cased. */
  readonly from: string;
  /** The 用地用海 2023 code the parcel counts as; the first level when `undecided`, null when `unknown`. */
  readonly code: string | null;
  readonly status: ParcelStatus;
  /** The 三调 code carried the 可调整 K, which 用地用海 has no place for [ours ⚠]. */
  readonly adjustable: boolean;
  readonly nameMismatch?: NameMismatch;
  readonly areaM2: number;
}

interface Counted {
  readonly count: number;
  readonly areaM2: number;
}

interface KnownCode extends Counted {
  readonly from: string;
  /** The 三调 name of the code. */
  readonly fromName: string;
  /**
   * The 三调 code is also a 用地用海 2023 code of another class (the 0702 trap: 三调 0702 农村宅基地, 用地用海
   * 0702 城镇社区服务设施用地): read as it is written, the land would have moved there.
   */
  readonly collidesWith: string | null;
}

/**
 * One line of the summary. The code lines (every kind but `name-mismatch`) count each parcel once; a
 * `name-mismatch` line names the parcels of a code line whose DLMC says another class: they are counted
 * by their code, there and in their code line.
 */
export type SummaryLine =
  | ({ readonly kind: 'mapped'; readonly to: string } & KnownCode)
  | ({ readonly kind: 'refine-decided'; readonly to: string; readonly candidates: readonly string[] } & KnownCode)
  | ({ readonly kind: 'refine-undecided'; readonly fallback: string; readonly candidates: readonly string[] } & KnownCode)
  | ({ readonly kind: 'unknown'; readonly from: string; readonly ids: readonly string[] } & Counted)
  | ({ readonly kind: 'name-mismatch'; readonly from: string; readonly expected: string; readonly given: string } & Counted);

export interface SurveyConversion {
  readonly parcels: readonly ConvertedParcel[];
  /** Code lines in 三调 code order, then the name mismatches in the same order. */
  readonly summary: readonly SummaryLine[];
  readonly invalidDecisions: readonly InvalidDecision[];
  /** Valid decisions no parcel needed (a typo in the code, or a class the layer does not have). */
  readonly unusedDecisions: readonly string[];
}


const normalise = (code: string): string => code.trim().toUpperCase();
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Each decision checked against the table: a candidate of a 待细分 row, or a finer code of a 1:1 row. */
export function checkDecisions(decisions: RefineDecisions): CheckedDecisions {
  const valid = new Map<string, string>();
  const invalid: InvalidDecision[] = [];
  // In code order: an object keeps keys like `1006` before `0702`.
  for (const [rawFrom, rawTo] of Object.entries(decisions).sort(([a], [b]) => byCode(normalise(a), normalise(b)))) {
    const from = normalise(rawFrom);
    const to = rawTo.trim();
    const mapping = mapSandiaoCode(from);
    if (mapping.kind === 'unknown') invalid.push({ reason: 'unknownCode', from, to });
    else if (mapping.kind === 'mapped' && !mapping.row.finer) invalid.push({ reason: 'notRefine', from, to, mappedTo: mapping.code });
    else if (mapping.kind === 'mapped' && !mapping.row.finer?.includes(to)) invalid.push({ reason: 'notCandidate', from, to, candidates: mapping.row.finer ?? [] });
    else if (mapping.kind === 'refine' && !mapping.candidates.includes(to)) invalid.push({ reason: 'notCandidate', from, to, candidates: mapping.candidates });
    else valid.set(mapping.row.from, to);
  }
  return { valid, invalid };
}

function convertOne(parcel: SurveyParcel, decisions: ReadonlyMap<string, string>): ConvertedParcel {
  const from = normalise(parcel.dlbm);
  const mapping = mapSandiaoCode(from, parcel.dlmc);
  const base = { id: parcel.id, from, areaM2: parcel.areaM2 };
  if (mapping.kind === 'unknown') return { ...base, code: null, status: 'unknown', adjustable: false };
  const found = { adjustable: mapping.adjustable, ...(mapping.nameMismatch ? { nameMismatch: mapping.nameMismatch } : {}) };
  const decided = decisions.get(mapping.row.from);
  if (mapping.kind === 'mapped') return decided === undefined ? { ...base, ...found, code: mapping.code, status: 'mapped' } : { ...base, ...found, code: decided, status: 'decided' };
  if (decided !== undefined) return { ...base, ...found, code: decided, status: 'decided' };
  return { ...base, ...found, code: firstLevelFallback(from) ?? null, status: 'undecided' };
}

/** The 待细分 row a parcel's code is decided under (`0204K` under `0204`). */
function settledBy(from: string): string {
  const mapping = mapSandiaoCode(from);
  return mapping.kind === 'unknown' ? from : mapping.row.from;
}

function collision(from: string, targets: readonly string[]): string | null {
  return YDYH_2023_INDEX.get(from) !== undefined && !targets.includes(from) ? from : null;
}

/** The code line of one 三调 code from its parcels (all of one status: a decision settles a whole code). */
function codeLine(from: string, parcels: readonly ConvertedParcel[]): SummaryLine {
  const counted = { count: parcels.length, areaM2: parcels.reduce((sum, p) => sum + p.areaM2, 0) };
  const mapping = mapSandiaoCode(from);
  const first = parcels[0] as ConvertedParcel;
  if (mapping.kind === 'unknown') return { kind: 'unknown', from, ids: parcels.map((p) => p.id), ...counted };
  const known = { from, fromName: mapping.row.fromName, collidesWith: collision(mapping.row.from, mapping.row.to), ...counted };
  const candidates = mapping.kind === 'mapped' ? (mapping.row.finer ?? []) : mapping.candidates;
  if (first.status === 'decided') return { kind: 'refine-decided', to: first.code as string, candidates, ...known };
  if (mapping.kind === 'mapped') return { kind: 'mapped', to: mapping.code, ...known };
  return { kind: 'refine-undecided', fallback: first.code as string, candidates: mapping.candidates, ...known };
}

function nameMismatchLines(parcels: readonly ConvertedParcel[]): SummaryLine[] {
  const byName = new Map<string, { from: string; expected: string; given: string; count: number; areaM2: number }>();
  for (const parcel of parcels) {
    if (!parcel.nameMismatch) continue;
    const key = `${parcel.from}\u0000${parcel.nameMismatch.given}`;
    const line = byName.get(key) ?? { from: parcel.from, ...parcel.nameMismatch, count: 0, areaM2: 0 };
    line.count += 1;
    line.areaM2 += parcel.areaM2;
    byName.set(key, line);
  }
  return [...byName.values()].map((line) => ({ kind: 'name-mismatch', ...line }));
}

export function convertSurveyParcels(parcels: readonly SurveyParcel[], decisions: RefineDecisions = {}): SurveyConversion {
  const checked = checkDecisions(decisions);
  const converted = parcels.map((parcel) => convertOne(parcel, checked.valid));
  const settled = new Set(converted.flatMap((p) => (p.status === 'decided' ? [settledBy(p.from)] : [])));
  const byFrom = new Map<string, ConvertedParcel[]>();
  for (const parcel of converted) {
    const group = byFrom.get(parcel.from);
    if (group) group.push(parcel);
    else byFrom.set(parcel.from, [parcel]);
  }
  const codes = [...byFrom.keys()].sort(byCode);
  const mismatches = nameMismatchLines([...converted].sort((a, b) => byCode(a.from, b.from)));
  return { parcels: converted, summary: [...codes.map((from) => codeLine(from, byFrom.get(from) ?? [])), ...mismatches], invalidDecisions: checked.invalid, unusedDecisions: [...checked.valid.keys()].filter((from) => !settled.has(from)) };
}
