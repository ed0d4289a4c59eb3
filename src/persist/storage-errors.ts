/** What went wrong with a write, in the terms the planner is told. */
export type WriteFailure = 'quota' | 'closed' | 'other';

export function classifyWriteError(error: unknown): WriteFailure {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const message = error instanceof DOMException || error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota|disk (is )?full|no space/i.test(message)) return 'quota';
  // The connection was closed for another tab's upgrade, or by the browser.
  if (name === 'InvalidStateError') return 'closed';
  return 'other';
}
