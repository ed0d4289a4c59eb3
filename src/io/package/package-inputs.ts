/**
 * The package's sidecar `6.其他数据/规划参数.json` (docs/package.md): the plan's inputs that the provincial
 * layers have no field for, so that export → import → check gives the same issues, tables and
 * justifications as the editor. The layers stay the truth for everything they carry; the sidecar adds:
 * - the plan meta: population, households, the township's tasks (乡级规划下达, m²), the reserve quota kept
 *   back, F5 safeguards, the rule profile and its overrides, township, county and years;
 * - the justifications (规划说明) of warnings, their features named by package reference (package-refs.ts);
 * - per change (named by its GHYT pieces): households, quota source, business purpose, and the values GHYT
 *   carries only indirectly (a demolition's restoration use, an N112 change's farmland class), plus the
 *   pieces that make one drawn feature (a use change is not otherwise joined back);
 * - per base parcel / basic farmland patch: the survey's own code, and which recorded areas (TBMJ) were
 *   not entered (the package writes the computed area there, as the province requires a value).
 * A package without it (made by another tool) is read as before: what it lacks is "not entered", and the
 * rules that need it say "not checked". A damaged or foreign sidecar is a note; the package is still read.
 */
import { INDUSTRY_PURPOSES, QUOTA_SOURCES, type IndustryPurpose, type QuotaSource } from '../../profiles/zhejiang-2017/codes.ts';
import { codesOf } from '../../domain/code-entry.ts';
import { RESTORATION_USES, type RestorationUse } from '../../profiles/zhejiang-2017/restoration-uses.ts';
import type { FeatureId } from '../../domain/ids.ts';
import { isLandClassCode, type LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import { layerFeatures, type Justification, type PlanMeta } from '../../domain/plan.ts';
import { parsePlan } from '../../domain/plan-file.ts';
import type { CheckState } from '../../rules/context.ts';
import { issueKey } from '../../rules/issue.ts';
import { listSome, note, type Message } from '../result.ts';
import { CHANGE_LAYERS, parseRef, type ChangeLayer, type FeatureRef } from './package-refs.ts';

export const INPUTS_FILE_NAME = '规划参数.json';
const INPUTS_FORMAT = 'village-plan-inputs';
const INPUTS_VERSION = 1;

/** The meta the sidecar carries: all of PlanMeta but the village's name and code (XZQ has them) and the justifications. */
// Datum parameters are an import aid of the editor, not part of what a package delivers.
export type InputsMeta = Omit<PlanMeta, 'villageName' | 'villageCode' | 'justifications' | 'datumParameters'>;

export interface ChangeInputs {
  readonly layer: ChangeLayer;
  /** The change's first GHYT piece, `GHYT#40`. */
  readonly ref: string;
  readonly pieces: readonly string[];
  readonly parcelNo: string;
  /** null: not entered (the plan then holds 0, which the rules read as "not entered"). */
  readonly households: number | null;
  readonly quotaSource: QuotaSource | null;
  readonly industryPurpose: IndustryPurpose | null;
  readonly restorationUse: RestorationUse | null;
  readonly targetCode: LandClassCode | null;
}

export interface JustificationInputs {
  readonly rule: string;
  readonly part: string;
  /** Package references of the issue's features; null when a feature is not in the package (the key is then kept as written). */
  readonly features: readonly string[] | null;
  readonly key: string;
  readonly text: string;
  readonly at: string;
}

export interface PlanInputs {
  /** The file as found, for messages. */
  readonly file: string;
  readonly villageCode: string;
  readonly meta: InputsMeta;
  readonly justifications: readonly JustificationInputs[];
  readonly changes: readonly ChangeInputs[];
  /** Base parcels by BSM: the survey's code. */
  readonly surveyCodes: ReadonlyMap<string, string>;
  /** BSMs whose recorded area (TBMJ) was not entered: the package holds the computed area there. */
  readonly baseAreaNotEntered: ReadonlySet<string>;
  readonly pbfAreaNotEntered: ReadonlySet<string>;
}

// ——— writing ———

type Json = Record<string, unknown>;

/** The sidecar as JSON text (pretty, so a reviewer can read it), in the package's language for the `about` line. */
export function planInputsText(state: Pick<CheckState, 'plan'>, refs: ReadonlyMap<FeatureId, FeatureRef>, about: string): string {
  const { plan } = state;
  const m = plan.meta;
  const meta = {
    township: m.township,
    county: m.county,
    baseYear: m.baseYear,
    targetYear: m.targetYear,
    population: m.population,
    households: m.households,
    quotasM2: m.quotas,
    reserveQuotaKeptM2: m.reserveQuotaKeptM2,
    safeguards: m.safeguards,
    profileId: m.profileId,
    profileOverrides: m.profileOverrides,
  };
  const justifications = Object.entries(m.justifications).map(([key, j]) => ({ ...justificationFeatures(key, refs), text: j.text, at: j.at }));
  const changes: Json[] = [];
  for (const layer of CHANGE_LAYERS) {
    for (const f of layerFeatures(plan, layer)) {
      const ref = refs.get(f.id);
      if (!ref) continue;
      const p = f.properties as unknown as Json;
      const entry: Json = { ref: ref.ref, layer, pieces: ref.pieces, parcelNo: p.parcelNo };
      if (layer === 'demolition') Object.assign(entry, { households: p.households, restorationUse: p.restorationUse });
      if (layer === 'newBuild') Object.assign(entry, { households: p.households, quotaSource: p.quotaSource, industryPurpose: p.industryPurpose });
      if (layer === 'useChange') entry.targetCode = p.targetCode;
      changes.push(entry);
    }
  }
  const surveyCodes: Record<string, number[]> = {};
  const baseNotEntered: number[] = [];
  layerFeatures(plan, 'base').forEach((b, i) => {
    const code = b.properties.surveyCode;
    if (code) (surveyCodes[code] ??= []).push(i + 1);
    if (b.properties.recordedArea === null) baseNotEntered.push(i + 1);
  });
  const pbfNotEntered = layerFeatures(plan, 'pbf').flatMap((f, i) => (f.properties.recordedArea === null ? [i + 1] : []));
  const out = {
    format: INPUTS_FORMAT,
    version: INPUTS_VERSION,
    about,
    village: { code: m.villageCode, name: m.villageName },
    meta,
    justifications,
    changes,
    baseParcels: { surveyCodes, recordedAreaNotEntered: baseNotEntered },
    basicFarmland: { recordedAreaNotEntered: pbfNotEntered },
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** A justification's key as rule, part and the package references of its features (rules/issue.ts `issueKey`). */
function justificationFeatures(key: string, refs: ReadonlyMap<FeatureId, FeatureRef>): Omit<JustificationInputs, 'text' | 'at'> {
  const first = key.indexOf(':');
  const last = key.lastIndexOf(':');
  if (first < 0 || last === first) return { rule: '', part: '', features: null, key };
  const rule = key.slice(0, first);
  const part = key.slice(first + 1, last);
  const ids = key.slice(last + 1).split('+').filter(Boolean) as FeatureId[];
  const named = ids.map((id) => refs.get(id)?.ref);
  if (named.some((r) => r === undefined)) return { rule, part, features: null, key };
  return { rule, part, features: named as string[], key };
}

// ——— reading ———

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Json, k: string) => Object.hasOwn(o, k) && o[k] !== undefined && o[k] !== null;

export interface InputsRead {
  /** null when the sidecar cannot be used at all (damaged, foreign, newer, another village's). */
  readonly inputs: PlanInputs | null;
  readonly notes: readonly Message[];
}

/**
 * The sidecar from its bytes. Never fails the package: a damaged, foreign or newer sidecar is a note and
 * `inputs: null`; a field it cannot read is a note and "not entered".
 */
export function readPlanInputs(file: string, bytes: Uint8Array): InputsRead {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return { inputs: null, notes: [note('package.inputs.damaged', { file, detail: error instanceof SyntaxError ? error.message : 'not UTF-8' })] };
  }
  if (!isObject(raw) || raw.format !== INPUTS_FORMAT || typeof raw.version !== 'number') return { inputs: null, notes: [note('package.inputs.foreign', { file })] };
  if (raw.version > INPUTS_VERSION) return { inputs: null, notes: [note('package.inputs.tooNew', { file, version: raw.version, supported: INPUTS_VERSION })] };
  const unread: string[] = [];
  const meta = readMeta(raw.meta, unread);
  const village = isObject(raw.village) ? raw.village : {};
  const justifications = readJustifications(raw.justifications, unread);
  const changes = readChanges(raw.changes, unread);
  const base = isObject(raw.baseParcels) ? raw.baseParcels : {};
  const pbf = isObject(raw.basicFarmland) ? raw.basicFarmland : {};
  const surveyCodes = new Map<string, string>();
  if (isObject(base.surveyCodes)) {
    for (const [code, list] of Object.entries(base.surveyCodes)) {
      if (code.length > 10 || !Array.isArray(list)) continue;
      for (const bsm of list) if (isBsm(bsm)) surveyCodes.set(String(bsm), code);
    }
  }
  const inputs: PlanInputs = {
    file,
    villageCode: typeof village.code === 'string' ? village.code : '',
    meta,
    justifications,
    changes,
    surveyCodes,
    baseAreaNotEntered: bsmSet(base.recordedAreaNotEntered),
    pbfAreaNotEntered: bsmSet(pbf.recordedAreaNotEntered),
  };
  return { inputs, notes: unread.length ? [note('package.inputs.unreadFields', { file, fields: listSome(unread) })] : [] };
}

const isBsm = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

function bsmSet(raw: unknown): Set<string> {
  return new Set(Array.isArray(raw) ? raw.filter(isBsm).map(String) : []);
}

/** The meta through the plan file's own reader (domain/plan-file.ts), so both accept the same values; what it drops is named. */
function readMeta(raw: unknown, unread: string[]): InputsMeta {
  const given = isObject(raw) ? raw : {};
  if (!isObject(raw)) unread.push('meta');
  const quotas = isObject(given.quotasM2) ? given.quotasM2 : {};
  const parsed = parsePlan({ format: 'village-plan', schemaVersion: 1, id: 'inputs', meta: { ...given, quotas, villageName: '', villageCode: '', justifications: {} }, layers: {} });
  // parsePlan accepts any meta object; it only fails on the wrapper, which is ours.
  const meta = (parsed.ok ? parsed.value.meta : null) as PlanMeta;
  for (const key of ['population', 'households', 'reserveQuotaKeptM2'] as const) if (has(given, key) && meta[key] === null) unread.push(`meta.${key}`);
  for (const key of Object.keys(meta.quotas) as (keyof PlanMeta['quotas'])[]) if (has(quotas, key) && meta.quotas[key] === null) unread.push(`meta.quotasM2.${key}`);
  for (const key of ['baseYear', 'targetYear'] as const) if (has(given, key) && given[key] !== meta[key]) unread.push(`meta.${key}`);
  if (has(given, 'profileOverrides') && isObject(given.profileOverrides) && Object.keys(given.profileOverrides).length > Object.keys(meta.profileOverrides).length) unread.push('meta.profileOverrides');
  return {
    township: meta.township,
    county: meta.county,
    baseYear: meta.baseYear,
    targetYear: meta.targetYear,
    population: meta.population,
    households: meta.households,
    quotas: meta.quotas,
    reserveQuotaKeptM2: meta.reserveQuotaKeptM2,
    safeguards: meta.safeguards,
    profileId: meta.profileId,
    profileOverrides: meta.profileOverrides,
  };
}

function readJustifications(raw: unknown, unread: string[]): JustificationInputs[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    unread.push('justifications');
    return [];
  }
  const out: JustificationInputs[] = [];
  let bad = 0;
  for (const entry of raw) {
    const features = isObject(entry) && Array.isArray(entry.features) && entry.features.every((r) => parseRef(r)) ? (entry.features as string[]) : null;
    if (!isObject(entry) || typeof entry.text !== 'string' || entry.text.trim() === '' || typeof entry.rule !== 'string' || (features === null && typeof entry.key !== 'string')) {
      bad++;
      continue;
    }
    out.push({ rule: entry.rule, part: typeof entry.part === 'string' ? entry.part : '', features, key: typeof entry.key === 'string' ? entry.key.slice(0, 400) : '', text: entry.text.slice(0, 2000), at: typeof entry.at === 'string' ? entry.at.slice(0, 40) : '' });
  }
  if (bad) unread.push(`justifications (${bad})`);
  return out;
}

function readChanges(raw: unknown, unread: string[]): ChangeInputs[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    unread.push('changes');
    return [];
  }
  const out: ChangeInputs[] = [];
  const bad: string[] = [];
  for (const entry of raw) {
    const layer = isObject(entry) ? entry.layer : undefined;
    const pieces = isObject(entry) && Array.isArray(entry.pieces) && entry.pieces.length > 0 && entry.pieces.every((r) => parseRef(r)?.layer === 'GHYT') ? (entry.pieces as string[]) : null;
    if (!isObject(entry) || !CHANGE_LAYERS.includes(layer as ChangeLayer) || !pieces || pieces[0] !== entry.ref) {
      bad.push(isObject(entry) && typeof entry.ref === 'string' ? entry.ref.slice(0, 20) : '?');
      continue;
    }
    const households = entry.households;
    const okHouseholds = typeof households === 'number' && Number.isInteger(households) && households >= 0 && households <= 100_000;
    if (households !== undefined && households !== null && !okHouseholds) bad.push(`${entry.ref as string}.households`);
    const code = <C extends string>(key: string, codes: readonly C[]): C | null => {
      const v = entry[key];
      if (v === undefined || v === null) return null;
      if (codes.includes(v as C)) return v as C;
      bad.push(`${entry.ref as string}.${key}`);
      return null;
    };
    const target = entry.targetCode;
    out.push({
      layer: layer as ChangeLayer,
      ref: entry.ref as string,
      pieces,
      parcelNo: typeof entry.parcelNo === 'string' ? entry.parcelNo.slice(0, 18) : '',
      households: okHouseholds ? households : null,
      quotaSource: code('quotaSource', codesOf(QUOTA_SOURCES)),
      industryPurpose: code('industryPurpose', codesOf(INDUSTRY_PURPOSES)),
      restorationUse: code('restorationUse', RESTORATION_USES),
      targetCode: typeof target === 'string' && isLandClassCode(target) ? target : null,
    });
  }
  if (bad.length) unread.push(`changes: ${listSome(bad, 5)}`);
  return out;
}

/**
 * The justifications keyed as the rebuilt plan's issues are: each feature reference turned into the id the
 * rebuilt feature has. A justification whose features are not all in the package keeps its key as written
 * (it then matches no issue, as it would not in the editor either).
 */
export function rebuiltJustifications(inputs: PlanInputs, idOf: (ref: string) => FeatureId | undefined): { readonly justifications: Record<string, Justification>; readonly unmatched: number } {
  const out: Record<string, Justification> = Object.create(null) as Record<string, Justification>;
  let unmatched = 0;
  for (const j of inputs.justifications) {
    const ids = j.features?.map(idOf);
    let key = j.key;
    if (ids && ids.every((id): id is FeatureId => id !== undefined)) key = issueKey(j.rule, ids, j.part || undefined);
    else unmatched++;
    // As the plan file's reader does (domain/plan-file.ts): a key that could reach a prototype is never stored.
    if (!key || key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    out[key] = { text: j.text, at: j.at };
  }
  return { justifications: { ...out }, unmatched };
}
