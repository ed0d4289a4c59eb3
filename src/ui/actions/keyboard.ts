/** Keyboard shortcuts from the action list. Typing in a form field never triggers an action. */
import type { Services } from '../services.tsx';
import { ACTIONS } from './index.ts';
import type { Action, Shortcut } from './action.ts';

export function shortcutMatches(shortcut: Shortcut, event: KeyboardEvent): boolean {
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  // Shift changes the character of digits and '?': compare what was typed, and Shift only for letters.
  const shiftMatters = /^[a-z]$/.test(shortcut.key) || shortcut.key.length > 1;
  return key === shortcut.key.toLowerCase() && !!shortcut.ctrl === ctrl && (!shiftMatters || !!shortcut.shift === event.shiftKey);
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The first enabled action bound to the key. A disabled one leaves the key to the next: Backspace takes
 * back a measure point in the measure tool and deletes the selection elsewhere.
 */
export function actionForKey(event: KeyboardEvent, services: Services, actions: readonly Action[] = ACTIONS): Action | undefined {
  return actions.find((action) => action.shortcuts.some((s) => shortcutMatches(s, event)) && (!action.enabled || action.enabled(services)));
}

/** A modal dialog (ui/dialog/Dialog.tsx) holds the keyboard: Delete must not remove the selection behind it. */
function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

export function attachKeyboard(services: () => Services): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (isTyping(event.target) && event.key !== 'Escape') return;
    if (modalOpen()) return;
    const current = services();
    const action = actionForKey(event, current);
    if (!action) return;
    event.preventDefault();
    action.run(current);
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
