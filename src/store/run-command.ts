/**
 * The one policy for applying an edit, wherever it starts (a toolbar action, a finished drawing, an
 * import): execute the command, tell the planner about a refusal (the command's own, or the plan's while
 * another tab edits the draft), select what the command asks to, and show its notes.
 */
import type { CommandResult } from '../commands/command.ts';
import type { Message } from '../domain/message.ts';
import type { Editor } from './editor.ts';
import type { Outcome } from './plan.store.ts';

export interface RunOptions {
  /** Where a refusal is said; a toast by default (a drawing shows it at the map position, a dialog in itself). */
  readonly onRefused?: (message: Message) => void;
  /** How the notes are shown: warnings by default (an edit was changed to fit), news for an import. */
  readonly notesAs?: 'warning' | 'success';
}

export function runCommand(editor: Pick<Editor, 'plan' | 'selection' | 'messages'>, result: CommandResult, options: RunOptions = {}): Outcome {
  const outcome = editor.plan.execute(result);
  if (!outcome.ok) {
    if (outcome.message) (options.onRefused ?? ((message) => editor.messages.toast('error', message)))(outcome.message);
    return outcome;
  }
  if (result.ok && result.select) editor.selection.set(result.select);
  for (const note of outcome.notes ?? []) editor.messages.toast(options.notesAs ?? 'warning', note);
  return outcome;
}
