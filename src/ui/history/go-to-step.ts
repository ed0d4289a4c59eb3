/**
 * Moves the plan to a step of the undo history: as many undos (or redos) as it takes, each a plain
 * `plan.undo()`/`redo()`, so the map, the draft writer and the worker see the usual patches. Stops where
 * the store refuses (a read-only tab, a drag still open) and says so.
 */
import type { Editor } from '../../store/editor.ts';

export type StepTarget = { readonly move: 'undo' | 'redo'; readonly count: number };

/**
 * Where a click on a row of the list leads: `undoIndex` into `history.undo` (oldest first) means "just after
 * that step"; -1 is the plan as opened (every step undone); `redoIndex` into `history.redo` (the last is the
 * next to redo) means just after that step, redoing it and those before it.
 */
export function targetOf(history: { undo: readonly unknown[]; redo: readonly unknown[] }, row: { undoIndex: number } | { redoIndex: number }): StepTarget {
  if ('undoIndex' in row) return { move: 'undo', count: history.undo.length - 1 - row.undoIndex };
  return { move: 'redo', count: history.redo.length - row.redoIndex };
}

export function goToStep(editor: Pick<Editor, 'plan' | 'messages'>, target: StepTarget): number {
  let done = 0;
  let last: string | undefined;
  for (; done < target.count; done++) {
    const label = target.move === 'undo' ? editor.plan.undo() : editor.plan.redo();
    if (!label) break;
    last = label;
  }
  const { readOnly } = editor.plan.getState();
  if (done < target.count && readOnly) editor.messages.toast('error', readOnly);
  if (done === 1 && last) editor.messages.toast('info', { key: target.move === 'undo' ? 'messages.undone' : 'messages.redone', params: { step: last } });
  else if (done > 1) editor.messages.toast('info', { key: target.move === 'undo' ? 'history.undone' : 'history.redone', params: { count: done } });
  return done;
}
