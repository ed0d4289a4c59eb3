/** Reading a draft's list records defensively: the start page must list what it can, whatever it finds. */
import type { DraftEntry, DraftId, DraftOrigin, DraftRecord, DraftStats } from './schema.ts';

/** The entry and stats of one draft as one line; null when the entry is unreadable (stats may be missing). */
export function readDraftRecord(entry: unknown, stats: unknown): DraftRecord | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const e = entry as Record<string, unknown>;
  if (typeof e.id !== 'string' || typeof e.planId !== 'string') return null;
  const s = typeof stats === 'object' && stats !== null ? (stats as Record<string, unknown>) : {};
  return {
    id: e.id as DraftId,
    name: text(e.name),
    planId: e.planId,
    origin: isOrigin(e.origin) ? e.origin : { kind: 'file', name: '' },
    createdAt: number(e.createdAt, 0),
    deletedAt: typeof e.deletedAt === 'number' ? e.deletedAt : null,
    villageName: text(s.villageName),
    updatedAt: number(s.updatedAt, number(e.createdAt, 0)),
    bytes: number(s.bytes, 0),
    featureCount: number(s.featureCount, 0),
    revision: number(s.revision, 0),
  };
}

export function entryOf(record: DraftRecord): DraftEntry {
  const { id, name, planId, origin, createdAt, deletedAt } = record;
  return { id, name, planId, origin, createdAt, deletedAt };
}

/** The line with newer stats (after a save). */
export function withStats(record: DraftRecord, stats: DraftStats): DraftRecord {
  const { villageName, updatedAt, bytes, featureCount, revision } = stats;
  return { ...record, villageName, updatedAt, bytes, featureCount, revision };
}

export function statsOf(record: DraftRecord): DraftStats {
  const { id, villageName, updatedAt, bytes, featureCount, revision } = record;
  return { draftId: id, villageName, updatedAt, bytes, featureCount, revision };
}

const number = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

function isOrigin(value: unknown): value is DraftOrigin {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  switch (o.kind) {
    case 'sample':
      return true;
    case 'file':
    case 'backup':
      return typeof o.name === 'string';
    case 'duplicate':
      return typeof o.of === 'string';
    case 'version':
      return typeof o.versionName === 'string';
    default:
      return false;
  }
}
