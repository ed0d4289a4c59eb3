/**
 * What a check of a village planning database (`zhejiang-2026`, domain-2026.md §5) finds, and the shape of
 * such a check. The 2017 `Issue` names features by plan ids on the 2017 layers; a database is read from
 * files, so its issues name layers by their database name and features by their `ref` (`GHDLTB#<BSM>`).
 * Messages are i18n keys with figures as parameters, rendered by `rules/render.ts` like any other.
 */
import type { Geometry } from 'geojson';
import type { VillageDatabase, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import type { IssueMessage, Outcome, Severity } from '../issue.ts';

export interface DatabaseIssue {
  readonly rule: DatabaseRuleId;
  readonly severity: Outcome;
  readonly layer?: VillageLayerName;
  /** The refs of the features concerned (`GHDLTB#3201…`); empty for a finding about the whole database. */
  readonly features: readonly string[];
  readonly message: IssueMessage;
  /** The exact offending geometry (the part outside the boundary), lon/lat. */
  readonly geometry?: Geometry;
  /** As `Issue.summarises`: a finding standing for this many others of its rule (one cause), listed first. */
  readonly summarises?: number;
}

export const DATABASE_RULE_IDS = [
  'inputs-complete',
  'geometry-valid',
  'no-overlap',
  'no-gap',
  'inside-village',
  'ydyh-code-valid',
  'ydyh-edition-declared',
  'ydyh-table-level',
  'totals-equal',
  'jzq-not-above-village-land',
  'bsm-format',
  'codes-in-lists',
  'village-info-complete',
  'binding-indicators',
  'pbf-kept',
  'redline-kept',
  'village-land-in-boundary',
] as const;
export type DatabaseRuleId = (typeof DATABASE_RULE_IDS)[number];

export interface DatabaseRule {
  readonly id: DatabaseRuleId;
  /** What breaking the rule is; an issue may be milder (a missing reference layer) or not checked. */
  readonly severity: Severity;
  /** The source key of domain-2026.md §5. */
  readonly source: string;
  /** What it checks, in a line, for docs/rules.md (English, as the rest of that page). */
  readonly summary: string;
  check(db: VillageDatabase): readonly DatabaseIssue[];
}

export interface DatabaseIssueInput {
  readonly layer?: VillageLayerName;
  readonly features?: readonly string[];
  /** The key under `rules.db.<rule>.` (`message`, `codeInvalid` …). */
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly geometry?: Geometry | null;
  readonly summarises?: number;
}

export function databaseIssue(rule: DatabaseRuleId, severity: Outcome, input: DatabaseIssueInput): DatabaseIssue {
  return {
    rule,
    severity,
    ...(input.layer ? { layer: input.layer } : {}),
    features: input.features ?? [],
    message: { key: `rules.db.${rule}.${input.key}`, params: input.params ?? {} },
    ...(input.geometry ? { geometry: input.geometry } : {}),
    ...(input.summarises ? { summarises: input.summarises } : {}),
  };
}

/** "Not checked: missing …", the missing input named by one of the `rules.db.missing.*` keys. */
export function notCheckedFor(rule: DatabaseRuleId, missing: string, params: Readonly<Record<string, string | number>> = {}): DatabaseIssue {
  return { rule, severity: 'notChecked', features: [], message: { key: 'rules.db.notChecked', params: { ...params, missingKey: `rules.db.missing.${missing}` } } };
}

/** How many refs a grouped message spells out; the issue still lists every feature. */
const REFS_SHOWN = 5;

/** The first refs of a group, for a message: `GHDLTB#1、GHDLTB#2 …`. */
export function firstRefs(refs: readonly string[]): string {
  return refs.slice(0, REFS_SHOWN).join('、') + (refs.length > REFS_SHOWN ? ' …' : '');
}

/** The i18n key naming a layer (`rules.db.layer.GHDLTB`), for a `layerKey` parameter. */
export const layerKey = (layer: VillageLayerName): string => `rules.db.layer.${layer}`;
