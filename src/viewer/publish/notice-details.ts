/**
 * The notice's own details and the one rule about them: the draft is posted for at least 30 days before
 * submission (seed §一(三)). Dates are calendar days (YYYY-MM-DD) in the village's time, never times, so a
 * notice reads the same on every phone whatever its clock's zone.
 */
import type { Message, Result } from '../../domain/message.ts';

export const MIN_NOTICE_DAYS = 30;
export const MAX_NOTICE_TEXT = 500;

export interface NoticeDetails {
  /** First day of the notice, YYYY-MM-DD. */
  readonly startDate: string;
  /** Last day of the notice, YYYY-MM-DD: at least 30 days after the first. */
  readonly endDate: string;
  /** 发布机关, e.g. 安澜镇人民政府. */
  readonly issuer: string;
  /** Who to ask, and how (name, telephone, address). */
  readonly contact: string;
  /** How to object: where, until when, in which form. */
  readonly howToObject: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a calendar date, or null when it is not a real date. */
export function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const day = dayNumber(date);
  if (day === null) throw new Error(`not a date: ${date}`);
  return dateOfDayNumber(day + days);
}

/** The default end: 30 days after the start. */
export function defaultEndDate(startDate: string): string {
  return addDays(startDate, MIN_NOTICE_DAYS);
}

/** A local calendar date (YYYY-MM-DD) of a moment, as the device's clock shows it. */
export function localDate(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** The details trimmed and checked: real dates, at least 30 days, every text given and not too long. */
export function checkNoticeDetails(details: NoticeDetails): Result<NoticeDetails> {
  const clean: NoticeDetails = {
    startDate: details.startDate.trim(),
    endDate: details.endDate.trim(),
    issuer: details.issuer.trim(),
    contact: details.contact.trim(),
    howToObject: details.howToObject.trim(),
  };
  const start = dayNumber(clean.startDate);
  const end = dayNumber(clean.endDate);
  if (start === null) return refuse('notice.publish.badDate', { field: clean.startDate || '—' });
  if (end === null) return refuse('notice.publish.badDate', { field: clean.endDate || '—' });
  if (end - start < MIN_NOTICE_DAYS) {
    return refuse('notice.publish.tooShort', { days: end - start, min: MIN_NOTICE_DAYS, earliestEnd: dateOfDayNumber(start + MIN_NOTICE_DAYS) });
  }
  for (const field of ['issuer', 'contact', 'howToObject'] as const) {
    if (!clean[field]) return refuse('notice.publish.missing', { fieldKey: `notice.field.${field}` });
    if (clean[field].length > MAX_NOTICE_TEXT) return refuse('notice.publish.textTooLong', { fieldKey: `notice.field.${field}`, max: MAX_NOTICE_TEXT });
  }
  return { ok: true, value: clean, notes: [] };
}

function refuse(key: string, params: Message['params']): Result<never> {
  return { ok: false, error: { key, ...(params ? { params } : {}) } };
}

/** Where a notice stands on a given day. */
export type NoticeState =
  | { readonly kind: 'notStarted'; readonly daysUntil: number }
  | { readonly kind: 'open'; readonly daysLeft: number }
  | { readonly kind: 'ended' };

/** `daysLeft` counts today and the last day: 1 on the last day of the notice. */
export function noticeState(details: Pick<NoticeDetails, 'startDate' | 'endDate'>, today: string): NoticeState {
  const start = dayNumber(details.startDate);
  const end = dayNumber(details.endDate);
  const now = dayNumber(today);
  if (start === null || end === null || now === null) return { kind: 'ended' };
  if (now < start) return { kind: 'notStarted', daysUntil: start - now };
  if (now > end) return { kind: 'ended' };
  return { kind: 'open', daysLeft: end - now + 1 };
}
