/** A message for the planner: an i18n key with parameters, and where possible the map position it is about. */
import type { Position } from 'geojson';

export interface Message {
  /** i18n key, e.g. `commands.add.clippedToBoundary`. */
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** Where to show the message (lon/lat), e.g. the self-intersection point. */
  readonly at?: Position;
}

/** Results of anything that can fail on user input (style.md: errors as values, with notes). */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly notes: readonly Message[] }
  | { readonly ok: false; readonly error: Message };

/** A failed Result: the message's key and, when it has any, its parameters (one helper for every layer). */
export function failure(key: string, params?: Message['params']): { readonly ok: false; readonly error: Message } {
  return { ok: false, error: params === undefined ? { key } : { key, params } };
}

export function success<T>(value: T, notes: readonly Message[] = []): Result<T> {
  return { ok: true, value, notes };
}

/** Lists long enough to be useful and short enough to read: the first few items and how many more. */
export function listSome(items: readonly (string | number)[], max = 8): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} … (+${items.length - max})` : shown;
}
