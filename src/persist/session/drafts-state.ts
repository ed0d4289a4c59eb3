/** What the drafts UI shows: which draft, whether this tab edits it, how saving goes, storage use. */
import { createStore } from 'zustand/vanilla';
import type { Message } from '../../domain/message.ts';
import type { SaveState } from '../draft-writer.ts';
import type { DraftRecord } from '../schema.ts';
import type { StorageInfo } from '../storage-info.ts';

/** The tab's part as the UI sees it, from its state (`roleOf` in tab-state.ts). */
export type TabRole =
  /** Reading the draft. */
  | 'starting'
  /** This tab holds the draft's lock and saves every change. */
  | 'editing'
  /** Another tab edits the draft; this one shows its saved changes and refuses edits. */
  | 'elsewhere'
  /** Asked the editing tab to hand the draft over; still showing its saves. */
  | 'takingOver'
  /** Nothing is stored: storage is unavailable, or the new draft could not be written. */
  | 'unsaved';

export type SaveStatus =
  | SaveState
  /** A new draft (from the sample or a plan file), written once the map is up. */
  | { readonly kind: 'pending' }
  | { readonly kind: 'unavailable'; readonly error: Message };

export interface DraftsState {
  readonly role: TabRole;
  readonly draft: DraftRecord | null;
  readonly save: SaveStatus;
  readonly storage: StorageInfo | null;
  readonly versionsOpen: boolean;
  /** Bumped when this draft's versions change (here or in another tab), so the panel re-reads them. */
  readonly versionsStamp: number;
  /** Bumped once this tab has moved the draft's damaged records aside, so the quarantine list re-reads them. */
  readonly quarantineStamp: number;
}

export function createDraftsStore() {
  return createStore<DraftsState>(() => ({
    role: 'starting',
    draft: null,
    save: { kind: 'pending' },
    storage: null,
    versionsOpen: false,
    versionsStamp: 0,
    quarantineStamp: 0,
  }));
}

export type DraftsStore = ReturnType<typeof createDraftsStore>;
