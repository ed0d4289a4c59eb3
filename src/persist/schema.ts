/**
 * The drafts database: what each object store holds, as it is stored today (storage schema v1). The
 * IndexedDB version number *is* the storage schema version; `migrations/` takes an older database to this
 * one. The plan inside carries its own `schemaVersion` (domain/plan.ts), which `parsePlan` upgrades on
 * every read, so a plan-model change needs no storage migration.
 *
 * Changing a record's shape here means adding `migrations/000N-*.migration.ts` and freezing a fixture of
 * the old version (tests/fixtures/drafts/, made by scripts/drafts-fixture.ts).
 */
import type { DBSchema } from 'idb';
import type { Patch, QuarantineState } from '../domain/patch.ts';
import type { PlanMeta } from '../domain/plan.ts';

export const DRAFTS_DB_NAME = 'village-plan-drafts';
export const STORAGE_SCHEMA_VERSION = 1;

export type DraftId = string & { readonly __brand: 'DraftId' };
export type VersionId = string & { readonly __brand: 'VersionId' };

export function newDraftId(): DraftId {
  return globalThis.crypto.randomUUID() as DraftId;
}

export function newVersionId(): VersionId {
  return globalThis.crypto.randomUUID() as VersionId;
}

/** Where a draft came from, shown on the start page. */
export type DraftOrigin =
  | { readonly kind: 'sample' }
  | { readonly kind: 'file'; readonly name: string }
  | { readonly kind: 'backup'; readonly name: string }
  | { readonly kind: 'duplicate'; readonly of: string }
  | { readonly kind: 'version'; readonly versionName: string };

/** What the planner decides about a draft (drafts store, key `id`): written by the start page, never by a save. */
export interface DraftEntry {
  readonly id: DraftId;
  /** The planner's name for the draft; starts as the village name. */
  readonly name: string;
  readonly planId: string;
  readonly origin: DraftOrigin;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** Set when moved to the trash; the draft is purged 30 days later. */
  readonly deletedAt: number | null;
}

/**
 * What every save changes (draftStats store, key `draftId`). Kept apart from the entry so a save writes it
 * without reading anything first: only the tab holding the draft's lock writes it, and a rename on the
 * start page (the entry) can never be overwritten by a save.
 */
export interface DraftStats {
  readonly draftId: DraftId;
  readonly villageName: string;
  /** Epoch milliseconds. */
  readonly updatedAt: number;
  /** UTF-8 bytes of the plan's records (features and meta), for the start page. */
  readonly bytes: number;
  readonly featureCount: number;
  /** +1 per save transaction: other tabs use it to tell whether they missed a change. */
  readonly revision: number;
}

/** One line of the start page: the entry and the stats together. */
export type DraftRecord = DraftEntry & Omit<DraftStats, 'draftId'>;

/** The plan minus its features (planMeta store, key `draftId`). */
export interface PlanMetaRecord {
  readonly draftId: DraftId;
  readonly planId: string;
  readonly planSchemaVersion: number;
  readonly meta: PlanMeta;
}

/** Key of a feature record: the draft, the layer, the feature id. A draft's features are one key range. */
export type FeatureKey = [draftId: string, layer: string, featureId: string];

/** One feature of one draft (features store, out-of-line key `FeatureKey`). */
export interface FeatureRecord {
  readonly feature: unknown;
  /** Position in its layer, so a reloaded plan lists features in the order the editor had them. */
  readonly order: number;
  /** UTF-8 bytes of the feature as JSON: the draft's size is kept without reading every record. */
  readonly bytes: number;
}

/** Key of an undo step: the draft and a sequence number that only grows. */
export type HistoryKey = [draftId: string, seq: number];

/**
 * One undo or redo step (history store, out-of-line key `HistoryKey`). Within a stack, a higher `seq` is
 * nearer the top; each step is its own record so a save writes the step that changed, not the history.
 */
export interface HistoryRecord {
  readonly stack: 'undo' | 'redo';
  readonly label: string;
  readonly inverse: Patch;
}

/** A named, immutable snapshot (versions store, key `id`, index `byDraft`). */
export interface VersionRecord {
  readonly id: VersionId;
  readonly draftId: DraftId;
  /** e.g. 方案一, 公示稿, 报批稿. */
  readonly name: string;
  readonly createdAt: number;
  /** Set once, when the version is the one posted for the public notice; never cleared. */
  readonly publishedAt: number | null;
  readonly featureCount: number;
  readonly bytes: number;
  /** SHA-256 of `planJson`, checked on every read: a damaged snapshot is reported, never half-used. */
  readonly planSha256: string;
}

/** The snapshot itself, apart from the list so listing versions never reads whole plans. */
export interface VersionPlanRecord {
  /** The plan file text (domain/plan-file.ts `serialisePlan`), exactly as it was. */
  readonly planJson: string;
}

/** A record that could not be read, moved aside so it neither blocks the draft nor is thrown away. */
export interface QuarantineRecord {
  readonly draftId: DraftId;
  readonly store: 'features' | 'history' | 'planMeta';
  readonly key: unknown;
  readonly value: unknown;
  readonly problem: string;
  readonly at: number;
  /** The record's own id, which undo steps name (absent on records set aside before it existed). */
  readonly id?: string;
  /** What the planner decided; absent: still to decide. */
  readonly state?: QuarantineState;
}

/** When each schema version was reached (migrations store, key `version`). */
export interface MigrationRecord {
  readonly version: number;
  readonly appliedAt: number;
}

export interface DraftsDbSchema extends DBSchema {
  drafts: { key: string; value: DraftEntry };
  draftStats: { key: string; value: DraftStats };
  planMeta: { key: string; value: PlanMetaRecord };
  features: { key: FeatureKey; value: FeatureRecord };
  history: { key: HistoryKey; value: HistoryRecord };
  versions: { key: string; value: VersionRecord; indexes: { byDraft: string } };
  versionPlans: { key: string; value: VersionPlanRecord };
  quarantine: { key: number; value: QuarantineRecord; indexes: { byDraft: string } };
  migrations: { key: number; value: MigrationRecord };
}

/** Every key of one draft in a store keyed `[draftId, …]`: arrays sort after strings and numbers. */
export function draftKeyRange(draftId: string): IDBKeyRange {
  return IDBKeyRange.bound([draftId], [draftId, []]);
}

/** Days a deleted draft stays in the trash before it is purged. */
export const TRASH_DAYS = 30;
export const TRASH_MS = TRASH_DAYS * 24 * 60 * 60 * 1000;
