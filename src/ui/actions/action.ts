/**
 * One action = its logic, shortcut, label and when it applies, in one place (excalidraw's actions
 * registry). The toolbar, the keyboard handler and the help panel all read the same explicit list.
 */
import type { CommandResult } from '../../commands/command.ts';
import { runCommand as runEdit } from '../../store/run-command.ts';
import type { Services } from '../services.tsx';

export interface Shortcut {
  readonly key: string;
  readonly ctrl?: boolean;
  readonly shift?: boolean;
}

export interface Action {
  readonly id: string;
  /** i18n key of the label; the tooltip adds the shortcut. */
  readonly labelKey: string;
  readonly shortcuts: readonly Shortcut[];
  readonly enabled?: (services: Services) => boolean;
  /** For toggles and tools: whether it is on now. */
  readonly active?: (services: Services) => boolean;
  readonly run: (services: Services) => void;
}

/** Applies a command's result and tells the planner what happened (store/run-command.ts); true when applied. */
export function runCommand({ editor }: Services, result: CommandResult): boolean {
  return runEdit(editor, result).ok;
}

export function shortcutLabel(shortcut: Shortcut): string {
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key;
  return [shortcut.ctrl ? 'Ctrl' : '', shortcut.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}
