/**
 * Calendar days (YYYY-MM-DD) in the village's time, never times: a notice period or a map's date reads the
 * same on every device whatever its clock's zone. Moments (a comment's ISO time, kept in UTC) are shown in
 * the village's time too, Beijing time, by `villageTime`.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** China keeps one time zone, UTC+8, without summer time. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

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

/** A local calendar date (YYYY-MM-DD) of a moment, as the device's clock shows it. */
export function localDate(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/**
 * An ISO moment (`2026-11-05T01:30:00.000Z`) as the village reads it: Beijing time to the minute,
 * `2026-11-05 09:30`. The plan keeps moments in UTC; cut as they are, a comment made before 08:00 would
 * carry the day before. A plan file's fields are not checked for being times: one that is not is shown as
 * written.
 */
export function villageTime(moment: string): string {
  const ms = Date.parse(moment);
  if (!Number.isFinite(ms)) return moment;
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
