/**
 * The notice's own details and the one rule about them: the draft is posted for at least 30 days before
 * submission (seed §一(三)). Dates are calendar days (YYYY-MM-DD) in the village's time, never times, so a
 * notice reads the same on every phone whatever its clock's zone.
 */
import { addDays, dateOfDayNumber, dayNumber } from '../../domain/calendar.ts';
import { failure, type Result } from '../../domain/message.ts';

const MIN_NOTICE_DAYS = 30;
const MAX_NOTICE_TEXT = 500;

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

/** The default end: 30 days after the start. */
export function defaultEndDate(startDate: string): string {
  return addDays(startDate, MIN_NOTICE_DAYS);
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
  if (start === null) return failure('notice.publish.badDate', { field: clean.startDate || '—' });
  if (end === null) return failure('notice.publish.badDate', { field: clean.endDate || '—' });
  if (end - start < MIN_NOTICE_DAYS) {
    return failure('notice.publish.tooShort', { days: end - start, min: MIN_NOTICE_DAYS, earliestEnd: dateOfDayNumber(start + MIN_NOTICE_DAYS) });
  }
  for (const field of ['issuer', 'contact', 'howToObject'] as const) {
    if (!clean[field]) return failure('notice.publish.missing', { fieldKey: `notice.field.${field}` });
    if (clean[field].length > MAX_NOTICE_TEXT) return failure('notice.publish.textTooLong', { fieldKey: `notice.field.${field}`, max: MAX_NOTICE_TEXT });
  }
  return { ok: true, value: clean, notes: [] };
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
