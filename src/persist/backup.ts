/**
 * Backups: a whole draft (plan, undo history, every version) in one file, to keep elsewhere or to open on
 * another machine. The plan and each version carry a SHA-256 of their JSON, so a damaged file is refused
 * with a reason instead of being half-imported, and an imported plan is bit-for-bit the exported one.
 */
import { EMPTY_HISTORY, type History, type HistoryEntry } from '../commands/history.ts';
import { failure, type Message, type Result } from '../domain/message.ts';
import { parseJsonText, parsePlan, serialisePlan } from '../domain/plan-file.ts';
import { featureCount, type Plan } from '../domain/plan.ts';
import type { StoredVersion } from './draft-store.ts';
import { storableHistory } from './plan-records.ts';
import { readableTime, setAsideForBackup, type SetAsideRecord } from './quarantine.ts';
import { readUndoStep } from './read-draft.ts';
import { sha256Hex } from '../io/sha256.ts';
import type { DraftOrigin, DraftRecord, VersionRecord } from './schema.ts';

const BACKUP_FORMAT = 'village-plan-backup';
export const BACKUP_VERSION = 1;

interface BackupVersion {
  readonly name: string;
  /** Null when the stored time was damaged (read back as the time of import). */
  readonly createdAt: string | null;
  readonly publishedAt: string | null;
  readonly planSha256: string;
  readonly plan: unknown;
}

interface BackupFile {
  readonly format: typeof BACKUP_FORMAT;
  readonly backupVersion: typeof BACKUP_VERSION;
  readonly exportedAt: string;
  readonly draft: { readonly name: string; readonly createdAt: string | null; readonly origin: DraftOrigin };
  readonly planSha256: string;
  readonly plan: Plan;
  readonly history: { readonly undo: readonly HistoryEntry[]; readonly redo: readonly HistoryEntry[] };
  readonly versions: readonly BackupVersion[];
  /** Records set aside from the draft that are still to decide (or that an undo step can bring back). */
  readonly setAside?: readonly SetAsideRecord[];
}

export interface BackupSource {
  readonly info: DraftRecord;
  readonly plan: Plan;
  readonly history: History;
  readonly versions: readonly { readonly record: VersionRecord; readonly planJson: string }[];
  readonly setAside?: readonly SetAsideRecord[];
}

export async function backupText(source: BackupSource, now = Date.now()): Promise<string> {
  const history = storableHistory(source.history);
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    backupVersion: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    draft: { name: source.info.name, createdAt: isoTime(source.info.createdAt), origin: source.info.origin },
    planSha256: await sha256Hex(serialisePlan(source.plan)),
    plan: source.plan,
    history: { undo: history.undo, redo: history.redo },
    versions: source.versions.map(({ record, planJson }) => ({
      name: record.name,
      createdAt: isoTime(record.createdAt),
      publishedAt: record.publishedAt === null ? null : isoTime(record.publishedAt),
      planSha256: record.planSha256,
      plan: JSON.parse(planJson) as unknown,
    })),
    setAside: setAsideForBackup(source.setAside ?? [], history),
  };
  return JSON.stringify(file);
}

/**
 * A stored time as ISO 8601, or null when a damaged record holds no time a Date can (`toISOString` would
 * throw): the backup is the way out of a damaged draft, so one bad time must not stop it.
 */
function isoTime(ms: number): string | null {
  const time = new Date(ms);
  return Number.isFinite(time.getTime()) ? time.toISOString() : null;
}

export function backupFileName(info: DraftRecord, now = Date.now()): string {
  const day = new Date(now).toISOString().slice(0, 10);
  const name = (info.name || info.villageName || 'draft').replace(/[\\/:*?"<>|]+/g, '_');
  return `${name}-${day}.village-backup.json`;
}

export interface ParsedBackup {
  readonly name: string;
  readonly plan: Plan;
  readonly history: History;
  readonly versions: readonly StoredVersion[];
  readonly setAside: readonly SetAsideRecord[];
}

/**
 * Reads a backup file. Refused whole: not JSON, not a backup, from a newer editor, a plan that does not
 * match its checksum or cannot be read. Left out with a note: undo steps that cannot be used, a version
 * that is damaged (the rest of the file is still good).
 */
export async function parseBackup(text: string): Promise<Result<ParsedBackup>> {
  const raw = parseJsonText(text);
  return raw.ok ? readBackup(raw.value) : raw;
}

export function isBackup(raw: unknown): boolean {
  return isObject(raw) && raw.format === BACKUP_FORMAT;
}

/** A parsed JSON value as a backup (see `parseBackup`). */
export async function readBackup(raw: unknown): Promise<Result<ParsedBackup>> {
  if (!isObject(raw) || raw.format !== BACKUP_FORMAT) return failure('drafts.backup.notABackup');
  if (typeof raw.backupVersion !== 'number') return failure('drafts.backup.notABackup');
  if (raw.backupVersion > BACKUP_VERSION) return failure('drafts.backup.tooNew', { version: raw.backupVersion, supported: BACKUP_VERSION });
  if (!isObject(raw.plan)) return failure('drafts.backup.badPlan', { reasonKey: 'planFile.notAPlan' });
  if ((await sha256Hex(JSON.stringify(raw.plan))) !== raw.planSha256) return failure('drafts.backup.damaged');
  const plan = parsePlan(raw.plan);
  // The reason travels with its own parameters (which features, which version), translated where it is shown.
  if (!plan.ok) return failure('drafts.backup.badPlan', { ...plan.error.params, reasonKey: plan.error.key });

  const notes: Message[] = [...plan.notes];
  const history = readBackupHistory(raw.history, plan.value, notes);
  const versions: StoredVersion[] = [];
  for (const version of Array.isArray(raw.versions) ? raw.versions : []) {
    const read = await readBackupVersion(version);
    if (read.ok) versions.push(read.value);
    else notes.push(read.error);
  }
  const draft = isObject(raw.draft) ? raw.draft : {};
  const name = typeof draft.name === 'string' ? draft.name : plan.value.meta.villageName;
  const setAside = readBackupSetAside(raw.setAside, notes);
  return { ok: true, value: { name, plan: plan.value, history, versions, setAside }, notes };
}

function readBackupHistory(raw: unknown, plan: Plan, notes: Message[]): History {
  if (!isObject(raw)) return EMPTY_HISTORY;
  let dropped = 0;
  const stack = (list: unknown): HistoryEntry[] => {
    const entries = (Array.isArray(list) ? list : []).map((step) => readUndoStep(step, plan));
    // As when a draft opens: a step that cannot be used takes with it every step beneath it.
    const cut = entries.lastIndexOf(null);
    dropped += cut + 1;
    return entries.slice(cut + 1) as HistoryEntry[];
  };
  const history = { ...EMPTY_HISTORY, undo: stack(raw.undo), redo: stack(raw.redo) };
  if (dropped > 0) notes.push({ key: 'drafts.backup.historyDropped', params: { count: dropped } });
  return history;
}

const SET_ASIDE_STORES: readonly unknown[] = ['features', 'history', 'planMeta'] satisfies SetAsideRecord['store'][];
const SET_ASIDE_STATES: readonly unknown[] = ['pending', 'restored', 'discarded'] satisfies SetAsideRecord['state'][];

/** Set-aside records travel as they were; only an entry without an id or a store to put it back in is left out. */
function readBackupSetAside(raw: unknown, notes: Message[]): SetAsideRecord[] {
  const records: SetAsideRecord[] = [];
  let skipped = 0;
  for (const entry of Array.isArray(raw) ? raw : []) {
    if (!isObject(entry) || typeof entry.id !== 'string' || !SET_ASIDE_STORES.includes(entry.store)) {
      skipped++;
      continue;
    }
    records.push({
      id: entry.id,
      store: entry.store as SetAsideRecord['store'],
      key: entry.key,
      value: entry.value,
      problem: typeof entry.problem === 'string' ? entry.problem : '',
      at: readableTime(entry.at),
      state: SET_ASIDE_STATES.includes(entry.state) ? (entry.state as SetAsideRecord['state']) : 'pending',
    });
  }
  if (skipped > 0) notes.push({ key: 'drafts.backup.setAsideSkipped', params: { count: skipped } });
  return records;
}

async function readBackupVersion(raw: unknown): Promise<Result<StoredVersion>> {
  const name = isObject(raw) && typeof raw.name === 'string' ? raw.name : '?';
  if (!isObject(raw)) return failure('drafts.backup.versionSkipped', { name });
  const planJson = JSON.stringify(raw.plan);
  const plan = parsePlan(raw.plan);
  if ((await sha256Hex(planJson)) !== raw.planSha256 || !plan.ok) return failure('drafts.backup.versionSkipped', { name });
  const createdAt = Date.parse(String(raw.createdAt));
  const publishedAt = typeof raw.publishedAt === 'string' ? Date.parse(raw.publishedAt) : NaN;
  return {
    ok: true,
    value: {
      name,
      createdAt: Number.isFinite(createdAt) ? createdAt : Date.now(),
      publishedAt: Number.isFinite(publishedAt) ? publishedAt : null,
      planJson,
      planSha256: raw.planSha256 as string,
      featureCount: featureCount(plan.value),
    },
    notes: [],
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

