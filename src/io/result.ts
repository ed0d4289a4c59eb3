/**
 * Results of reading and writing files (style.md: errors as values, with notes). Every message is an
 * i18n key from `i18n/text/io.text.ts` whose parameters name the file, the feature and what to do.
 */
import type { Message, Result } from '../domain/message.ts';

export type { Message, Result };
export { failure, listSome, success } from '../domain/message.ts';

export type MessageParams = Readonly<Record<string, string | number>>;

export function note(key: string, params: MessageParams = {}): Message {
  return { key, params };
}
