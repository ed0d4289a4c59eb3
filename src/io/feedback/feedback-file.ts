/**
 * Villagers' comments as they travel from a phone to the planner: a small JSON file (公示意见), or the same
 * content as QR-friendly text (qr-text.ts). Both carry the plan and notice they answer, and a checksum of
 * the comments, so a file from another plan, a cut-off download or a hand-edited file is refused with a
 * message instead of half-read.
 */
import type { Message, Result } from '../../domain/message.ts';
import { crc32 } from '../zip/crc32.ts';

const FEEDBACK_FORMAT = 'village-plan-feedback';
const FEEDBACK_SCHEMA_VERSION = 1;
export const MAX_COMMENT = 1000;
export const MAX_AUTHOR = 40;
export const MAX_PHONE = 30;
/** More comments than a village could write in a notice period: a bigger file is not a feedback file. */
const MAX_COMMENTS = 5000;

export interface VillagerComment {
  /** Made on the phone (UUID): the same comment imported twice is recognised by it. */
  readonly id: string;
  /** ISO 8601 time the comment was written. */
  readonly createdAt: string;
  /** [lon, lat] of the pin or of the tapped parcel's point. */
  readonly at: readonly [number, number];
  /** The plan feature the comment is about (the tapped parcel), when there is one. */
  readonly targetFeatureId: string | null;
  readonly comment: string;
  readonly author: string | null;
  readonly phone: string | null;
}

export interface FeedbackBundle {
  readonly planId: string;
  readonly noticeId: string;
  readonly village: string;
  readonly comments: readonly VillagerComment[];
}

interface FeedbackFile extends FeedbackBundle {
  readonly format: typeof FEEDBACK_FORMAT;
  readonly schemaVersion: typeof FEEDBACK_SCHEMA_VERSION;
  readonly exportedAt: string;
  readonly checksum: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Ids become record keys in the plan: these would reach an object's prototype. */
const FORBIDDEN_IDS = new Set(['__proto__', 'constructor', 'prototype']);
const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v) && !FORBIDDEN_IDS.has(v);

function commentsChecksum(comments: readonly VillagerComment[]): string {
  return crc32(new TextEncoder().encode(JSON.stringify(comments.map(canonical)))).toString(16).padStart(8, '0');
}

/** Fields in one fixed order, so the checksum does not depend on how a writer ordered its keys. */
function canonical(c: VillagerComment): unknown[] {
  return [c.id, c.createdAt, c.at[0], c.at[1], c.targetFeatureId, c.comment, c.author, c.phone];
}

export function writeFeedbackFile(bundle: FeedbackBundle, exportedAt: string): string {
  const file: FeedbackFile = { format: FEEDBACK_FORMAT, schemaVersion: FEEDBACK_SCHEMA_VERSION, ...bundle, exportedAt, checksum: commentsChecksum(bundle.comments) };
  return JSON.stringify(file, null, 1);
}

export function parseFeedbackFile(text: string): Result<FeedbackBundle> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('notice.feedback.corrupt', { reason: 'JSON' });
  }
  if (!isObject(raw) || raw.format !== FEEDBACK_FORMAT) return fail('notice.feedback.notFeedback');
  if (raw.schemaVersion !== FEEDBACK_SCHEMA_VERSION) return fail('notice.feedback.tooNew', { version: String(raw.schemaVersion) });
  const bundle = readBundle(raw.planId, raw.noticeId, raw.village, raw.comments);
  if (!bundle.ok) return bundle;
  if (raw.checksum !== commentsChecksum(bundle.value.comments)) return fail('notice.feedback.corrupt', { reason: 'checksum' });
  return bundle;
}

/** The shared checks of both forms: ids, texts within their lengths, real times and positions. */
export function readBundle(planId: unknown, noticeId: unknown, village: unknown, comments: unknown): Result<FeedbackBundle> {
  if (!isId(planId) || !isId(noticeId)) return fail('notice.feedback.corrupt', { reason: 'ids' });
  if (!Array.isArray(comments) || comments.length > MAX_COMMENTS) return fail('notice.feedback.corrupt', { reason: 'comments' });
  const read: VillagerComment[] = [];
  for (const [index, c] of comments.entries()) {
    const comment = readComment(c);
    if (!comment) return fail('notice.feedback.corrupt', { reason: `#${index + 1}` });
    read.push(comment);
  }
  return { ok: true, value: { planId, noticeId, village: typeof village === 'string' ? village.slice(0, 60) : '', comments: read }, notes: [] };
}

function readComment(raw: unknown): VillagerComment | null {
  if (!isObject(raw)) return null;
  const { id, createdAt, at, targetFeatureId, comment, author, phone } = raw;
  if (!isId(id)) return null;
  if (typeof createdAt !== 'string' || createdAt.length > 40 || !Number.isFinite(Date.parse(createdAt))) return null;
  if (!Array.isArray(at) || at.length !== 2 || !isLonLat(at[0], at[1])) return null;
  if (targetFeatureId !== null && !isId(targetFeatureId)) return null;
  if (typeof comment !== 'string' || comment.trim() === '' || comment.length > MAX_COMMENT) return null;
  if (!optionalText(author, MAX_AUTHOR) || !optionalText(phone, MAX_PHONE)) return null;
  return { id, createdAt, at: [at[0] as number, at[1] as number], targetFeatureId, comment, author: author as string | null, phone: phone as string | null };
}

const isLonLat = (x: unknown, y: unknown) => typeof x === 'number' && typeof y === 'number' && Math.abs(x) <= 180 && Math.abs(y) <= 90;
const optionalText = (v: unknown, max: number) => v === null || (typeof v === 'string' && v.length <= max);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(key: string, params?: Message['params']): Result<never> {
  return { ok: false, error: { key, ...(params ? { params } : {}) } };
}
