/**
 * The feedback as QR-friendly text: `VPFB1:` + Base45 (RFC 9285) of the deflated comments with a CRC-32,
 * + `:`. Base45 uses only QR's alphanumeric characters (0–9, A–Z, space, $%*+-./:), so a QR code of it
 * is about a third smaller than of Base64; the closing `:` lets text around it (a chat message) be ignored.
 */
import { deflateSync, Inflate } from 'fflate';
import type { Message, Result } from '../../domain/message.ts';
import { crc32 } from '../zip/crc32.ts';
import { readBundle, type FeedbackBundle } from './feedback-file.ts';

const QR_PREFIX = 'VPFB1:';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
/** Inflated size limit: refuses a "zip bomb" pasted as text. */
const MAX_INFLATED = 4 * 1024 * 1024;

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = (bytes[i] as number) * 256 + (bytes[i + 1] as number);
    for (let k = 0; k < 3; k++, n = Math.floor(n / 45)) out += ALPHABET[n % 45];
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1] as number;
    out += (ALPHABET[n % 45] as string) + ALPHABET[Math.floor(n / 45)];
  }
  return out;
}

export function base45Decode(text: string): Uint8Array | null {
  if (text.length % 3 === 1) return null;
  const out: number[] = [];
  const value = (c: string) => ALPHABET.indexOf(c);
  for (let i = 0; i < text.length; i += 3) {
    const chunk = [...text.slice(i, i + 3)].map(value);
    if (chunk.some((v) => v < 0)) return null;
    const n = chunk.reduce((sum, v, k) => sum + v * 45 ** k, 0);
    if (chunk.length === 3) {
      if (n > 0xffff) return null;
      out.push(n >> 8, n & 0xff);
    } else {
      if (n > 0xff) return null;
      out.push(n);
    }
  }
  return Uint8Array.from(out);
}

export function writeQrText(bundle: FeedbackBundle): string {
  const compact = [bundle.planId, bundle.noticeId, bundle.village, bundle.comments.map((c) => [c.id, c.createdAt, c.at[0], c.at[1], c.targetFeatureId, c.comment, c.author, c.phone])];
  const json = new TextEncoder().encode(JSON.stringify(compact));
  const packed = deflateSync(json, { level: 9 });
  const withCrc = new Uint8Array(packed.length + 4);
  withCrc.set(packed);
  new DataView(withCrc.buffer).setUint32(packed.length, crc32(json));
  return `${QR_PREFIX}${base45Encode(withCrc)}:`;
}

/** True when the text holds QR feedback (so the importer knows which reader to use). */
export function looksLikeQrText(text: string): boolean {
  return text.includes(QR_PREFIX);
}

export function parseQrText(text: string): Result<FeedbackBundle> {
  const start = text.indexOf(QR_PREFIX);
  const end = text.lastIndexOf(':');
  if (start < 0 || end < start + QR_PREFIX.length) return fail('notice.feedback.corrupt', { reason: 'QR' });
  const bytes = base45Decode(text.slice(start + QR_PREFIX.length, end));
  if (!bytes || bytes.length < 5) return fail('notice.feedback.corrupt', { reason: 'Base45' });
  const json = inflateLimited(bytes.subarray(0, bytes.length - 4));
  if (!json) return fail('notice.feedback.corrupt', { reason: 'deflate' });
  if (crc32(json) !== new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4)) return fail('notice.feedback.corrupt', { reason: 'checksum' });
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(json));
  } catch {
    return fail('notice.feedback.corrupt', { reason: 'JSON' });
  }
  if (!Array.isArray(raw) || raw.length !== 4 || !Array.isArray(raw[3])) return fail('notice.feedback.corrupt', { reason: 'QR' });
  const comments = (raw[3] as unknown[]).map((c) =>
    Array.isArray(c) ? { id: c[0], createdAt: c[1], at: [c[2], c[3]], targetFeatureId: c[4], comment: c[5], author: c[6], phone: c[7] } : null,
  );
  return readBundle(raw[0], raw[1], raw[2], comments);
}

/** Inflates in chunks and gives up past the limit, so a small pasted text cannot fill the memory. */
function inflateLimited(packed: Uint8Array): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size <= MAX_INFLATED) chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < packed.length && size <= MAX_INFLATED; i += 4096) inflate.push(packed.subarray(i, i + 4096), i + 4096 >= packed.length);
  } catch {
    return null;
  }
  if (!ended || size > MAX_INFLATED) return null;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function fail(key: string, params: Message['params']): Result<never> {
  return { ok: false, error: { key, ...(params ? { params } : {}) } };
}
