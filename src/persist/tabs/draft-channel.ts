/**
 * Tabs of this app tell each other what happened to drafts (BroadcastChannel): the editing tab's saves,
 * requests to hand over editing, and changes to the list of drafts or versions.
 */
import type { Patch } from '../../domain/patch.ts';

export type DraftMessage =
  /** The editing tab saved revision `revision`; `patch` holds the saved values. */
  | { readonly kind: 'saved'; readonly draftId: string; readonly revision: number; readonly patch: Patch; readonly whole: boolean }
  /** A tab asks the editing tab to save everything and give up the lock. */
  | { readonly kind: 'releaseRequest'; readonly draftId: string }
  /** The editing tab saved everything up to `revision` and released the lock. */
  | { readonly kind: 'released'; readonly draftId: string; readonly revision: number }
  /** The editing tab could not save its last changes, so it keeps editing (nothing is lost). */
  | { readonly kind: 'releaseRefused'; readonly draftId: string }
  | { readonly kind: 'versionsChanged'; readonly draftId: string }
  | { readonly kind: 'listChanged' };

export interface DraftChannel {
  post(message: DraftMessage): void;
  close(): void;
}

const CHANNEL = 'village-plan-drafts';

export function openDraftChannel(onMessage: (message: DraftMessage) => void): DraftChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<DraftMessage>) => onMessage(event.data);
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}
