/** Messages for the planner: toasts in the corner, and one message pinned at the cursor (e.g. "自相交"). */
import { createStore } from 'zustand/vanilla';
import type { Position } from 'geojson';
import type { Message } from '../commands/command.ts';

export type MessageLevel = 'info' | 'success' | 'warning' | 'error';

export interface Toast {
  readonly id: number;
  readonly level: MessageLevel;
  readonly message: Message;
  /** Stays until the planner closes it: errors, and anything that tells of a loss or a refusal to act on. */
  readonly untilDismissed: boolean;
}

export interface ToastOptions {
  /** A warning the planner must act on (something left out, not saved, refused): never closes by itself. */
  readonly untilDismissed?: boolean;
}

export interface MessagesState {
  readonly toasts: readonly Toast[];
  /** A message shown next to a map position until the next pointer action. */
  readonly atCursor: { readonly message: Message; readonly at: Position } | null;
}

const TOAST_LIFETIME_MS = 6000;
/** Toasts shown at once; beyond it the oldest that would close by itself goes first. */
const MAX_TOASTS = 5;

export function createMessagesStore() {
  const store = createStore<MessagesState>(() => ({ toasts: [], atCursor: null }));
  let nextId = 1;
  return {
    store,
    getState: store.getState,
    subscribe: store.subscribe,
    toast(level: MessageLevel, message: Message, options: ToastOptions = {}): number {
      const id = nextId++;
      const untilDismissed = level === 'error' || options.untilDismissed === true;
      store.setState({ toasts: withinLimit([...store.getState().toasts, { id, level, message, untilDismissed }]) });
      if (!untilDismissed) setTimeout(() => this.dismiss(id), TOAST_LIFETIME_MS);
      return id;
    },
    dismiss(id: number): void {
      store.setState({ toasts: store.getState().toasts.filter((t) => t.id !== id) });
    },
    showAt(message: Message, at: Position): void {
      store.setState({ atCursor: { message, at } });
    },
    clearCursor(): void {
      if (store.getState().atCursor) store.setState({ atCursor: null });
    },
  };
}

/** Drops the oldest passing toasts first: one that waits for the planner is never pushed out by news. */
function withinLimit(toasts: readonly Toast[]): Toast[] {
  const out = [...toasts];
  while (out.length > MAX_TOASTS) {
    const passing = out.findIndex((t) => !t.untilDismissed);
    out.splice(passing === -1 ? 0 : passing, 1);
  }
  return out;
}

export type MessagesStore = ReturnType<typeof createMessagesStore>;
