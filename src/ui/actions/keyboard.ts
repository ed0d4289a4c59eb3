/** Keyboard shortcuts from the action list. Typing in a form field never triggers an action. */
import type { Services } from '../services.tsx';
import { ACTIONS } from './index.ts';
import type { Shortcut } from './action.ts';

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

export function attachKeyboard(services: () => Services): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (isTyping(event.target) && event.key !== 'Escape') return;
    for (const action of ACTIONS) {
      if (!action.shortcuts.some((s) => shortcutMatches(s, event))) continue;
      const current = services();
      if (action.enabled && !action.enabled(current)) return;
      event.preventDefault();
      action.run(current);
      return;
    }
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
