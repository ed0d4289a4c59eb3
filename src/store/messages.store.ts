/** Messages for the planner: toasts in the corner, and one message pinned at the cursor (e.g. "自相交"). */
import { createStore } from 'zustand/vanilla';
import type { Position } from 'geojson';
import type { Message } from '../commands/command.ts';

export type MessageLevel = 'info' | 'success' | 'warning' | 'error';

export interface Toast {
  readonly id: number;
  readonly level: MessageLevel;
  readonly message: Message;
}

export interface MessagesState {
  readonly toasts: readonly Toast[];
  /** A message shown next to a map position until the next pointer action. */
  readonly atCursor: { readonly message: Message; readonly at: Position } | null;
}

const TOAST_LIFETIME_MS = 6000;

export function createMessagesStore() {
  const store = createStore<MessagesState>(() => ({ toasts: [], atCursor: null }));
  let nextId = 1;
  return {
    store,
    getState: store.getState,
    subscribe: store.subscribe,
    toast(level: MessageLevel, message: Message): number {
      const id = nextId++;
      store.setState({ toasts: [...store.getState().toasts, { id, level, message }].slice(-5) });
      if (level !== 'error') setTimeout(() => this.dismiss(id), TOAST_LIFETIME_MS);
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

export type MessagesStore = ReturnType<typeof createMessagesStore>;
