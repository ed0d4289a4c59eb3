/**
 * What this tab does with its draft, as one value. Each state holds exactly what it needs: the writer and
 * the lock only while the tab writes, the last shown revision only while it follows another tab. So
 * "editing without a writer" or "a lock held while following" cannot be written down. `step` is every
 * transition (pure, tested in Node); the draft controller runs the effects around it (reading, locking,
 * attaching and detaching the writer, releasing the lock):
 *
 *   idle ─open→ opening ─edit→ editing ⇄ releasing          (releaseRequested / releaseRefused)
 *                       └follow→ following ⇄ takingOver      (takeOver / takeOverFailed)
 *   takingOver ─edit→ editing;  editing, releasing ─follow→ following   (handed over, or the lock stolen)
 *   idle ─startNew→ new ─create→ creating ─created→ editing
 *   idle, new ─unsaved→ unsaved;  creating ─createFailed→ unsaved;  opening ─notFound→ idle
 *   any ─close→ closed
 */
import type { DraftWriter } from '../draft-writer.ts';
import type { DraftId, DraftOrigin } from '../schema.ts';
import type { DraftMessage } from '../tabs/draft-channel.ts';
import type { HeldLock } from '../tabs/draft-lock.ts';
import type { TabRole } from './drafts-state.ts';

/** A plan shown but not stored yet: the id it will be stored under, where it came from, its name. */
export interface NewPlan {
  readonly id: DraftId;
  readonly origin: DraftOrigin;
  readonly name?: string;
}

/** The draft's writer and lock: whoever holds them writes the draft. */
interface Writing {
  readonly draftId: DraftId;
  readonly writer: DraftWriter;
  readonly lock: HeldLock;
}

export type TabState =
  /** Nothing open yet, or the draft to open was not there. */
  | { readonly kind: 'idle' }
  /** Reading a stored draft; what other tabs say about it meanwhile waits in `early`. */
  | { readonly kind: 'opening'; readonly draftId: DraftId; readonly early: readonly DraftMessage[] }
  /** A plan shown but not stored yet (the sample, a plan file): stored once the map is up. */
  | { readonly kind: 'new'; readonly plan: NewPlan }
  /** The new plan being written as a draft; edits made meanwhile wait in the writer. */
  | ({ readonly kind: 'creating' } & Writing)
  /** This tab holds the draft's lock and saves every change. */
  | ({ readonly kind: 'editing' } & Writing)
  /** Another tab asked for the draft: saving everything (read-only) before handing the lock over. */
  | ({ readonly kind: 'releasing' } & Writing)
  /** Another tab edits the draft; this one shows its saves, up to `revision` so far. */
  | { readonly kind: 'following'; readonly draftId: DraftId; readonly revision: number }
  /** Asked the editing tab to hand over; still following its saves until the lock comes. */
  | { readonly kind: 'takingOver'; readonly draftId: DraftId; readonly revision: number }
  /** Nothing is stored: storage cannot be opened, the plan could not be read, or the new draft not written. */
  | { readonly kind: 'unsaved' }
  /** The controller is disposed: nothing happens any more. */
  | { readonly kind: 'closed' };

export type TabEvent =
  /** Reading a stored draft begins. */
  | { readonly type: 'open'; readonly draftId: DraftId }
  /** Another tab said something about the draft being read: kept until this tab knows its part. */
  | { readonly type: 'early'; readonly message: DraftMessage }
  /** The draft to open cannot be read, or is in the trash. */
  | { readonly type: 'notFound' }
  | { readonly type: 'startNew'; readonly plan: NewPlan }
  /** Nothing will be stored: the plan to open could not be read, or storage cannot be opened. */
  | { readonly type: 'unsaved' }
  /** The new plan is being written, with its writer attached and its lock held. */
  | ({ readonly type: 'create' } & Omit<Writing, 'draftId'>)
  | { readonly type: 'created' }
  /** The new draft could not be written (its writer is detached, its lock released). */
  | { readonly type: 'createFailed' }
  /** This tab has the lock (no other tab had it, or it was handed over): it edits through `writer`. */
  | ({ readonly type: 'edit' } & Omit<Writing, 'draftId'>)
  /** Another tab edits: it had the draft first, this tab handed it over, or the lock was stolen. */
  | { readonly type: 'follow'; readonly revision: number }
  /** A save of the editing tab is shown. */
  | { readonly type: 'followed'; readonly revision: number }
  | { readonly type: 'releaseRequested' }
  /** The pending changes could not be saved: this tab keeps the draft (nothing is lost). */
  | { readonly type: 'releaseRefused' }
  | { readonly type: 'takeOver' }
  /** The editing tab refused, or the draft could not be read: following again. */
  | { readonly type: 'takeOverFailed' }
  | { readonly type: 'close' };

export type WritingState = Extract<TabState, { kind: 'creating' | 'editing' | 'releasing' }>;
export type FollowingState = Extract<TabState, { kind: 'following' | 'takingOver' }>;

/** The next state; the same object when the event means nothing in this state. */
export function step(state: TabState, event: TabEvent): TabState {
  const kind = state.kind;
  switch (event.type) {
    case 'open':
      return kind === 'idle' ? { kind: 'opening', draftId: event.draftId, early: [] } : state;
    case 'early':
      return state.kind === 'opening' ? { ...state, early: [...state.early, event.message] } : state;
    case 'notFound':
      return kind === 'opening' ? { kind: 'idle' } : state;
    case 'startNew':
      return kind === 'idle' ? { kind: 'new', plan: event.plan } : state;
    case 'unsaved':
      return kind === 'idle' || kind === 'new' ? { kind: 'unsaved' } : state;
    case 'create':
      return state.kind === 'new' ? { kind: 'creating', draftId: state.plan.id, writer: event.writer, lock: event.lock } : state;
    case 'created':
      return state.kind === 'creating' ? { ...state, kind: 'editing' } : state;
    case 'createFailed':
      return kind === 'creating' ? { kind: 'unsaved' } : state;
    // Whatever other tabs said while the draft was read was meant for the tab that held the lock then.
    case 'edit':
      return state.kind === 'opening' || state.kind === 'takingOver' ? { kind: 'editing', draftId: state.draftId, writer: event.writer, lock: event.lock } : state;
    // Coming from `opening`, the controller replays the messages kept meanwhile.
    case 'follow':
      return state.kind === 'opening' || state.kind === 'editing' || state.kind === 'releasing' ? { kind: 'following', draftId: state.draftId, revision: event.revision } : state;
    case 'followed':
      return isFollowing(state) ? { ...state, revision: event.revision } : state;
    case 'releaseRequested':
      return state.kind === 'editing' ? { ...state, kind: 'releasing' } : state;
    case 'releaseRefused':
      return state.kind === 'releasing' ? { ...state, kind: 'editing' } : state;
    case 'takeOver':
      return state.kind === 'following' ? { ...state, kind: 'takingOver' } : state;
    case 'takeOverFailed':
      return state.kind === 'takingOver' ? { ...state, kind: 'following' } : state;
    case 'close':
      return kind === 'closed' ? state : { kind: 'closed' };
  }
}

export const isWriting = (state: TabState): state is WritingState => state.kind === 'creating' || state.kind === 'editing' || state.kind === 'releasing';
export const isFollowing = (state: TabState): state is FollowingState => state.kind === 'following' || state.kind === 'takingOver';

/** The stored draft this tab shows, once it is known (a new plan has none until it is being written). */
export function draftIdOf(state: TabState): DraftId | null {
  return 'draftId' in state ? state.draftId : null;
}

/** What the drafts UI is told (the status bar, the other-tab banner). */
export function roleOf(state: TabState): TabRole {
  switch (state.kind) {
    case 'idle':
    case 'opening':
      return 'starting';
    // A new plan, and a draft being handed over, can be edited (or are read-only for the moment) here.
    case 'new':
    case 'creating':
    case 'editing':
    case 'releasing':
      return 'editing';
    case 'following':
      return 'elsewhere';
    case 'takingOver':
      return 'takingOver';
    // A disposed controller stores nothing more.
    case 'unsaved':
    case 'closed':
      return 'unsaved';
  }
}

/** What a message from another tab asks of this one. */
export type Reaction =
  | 'ignore'
  /** The draft is still being read: keep the message for when this tab knows whether it edits. */
  | 'keep'
  /** The draft's versions changed: the versions panel reads them again. */
  | 'versions'
  /** Save everything and hand the lock over. */
  | 'release'
  /** Show the editing tab's save. */
  | 'follow'
  /** The editing tab's answer to this tab's take-over. */
  | 'answer';

export function reaction(state: TabState, message: DraftMessage): Reaction {
  if (message.kind === 'listChanged' || message.draftId !== draftIdOf(state)) return 'ignore';
  if (message.kind === 'versionsChanged') return 'versions';
  if (state.kind === 'opening') return 'keep';
  if (message.kind === 'releaseRequest') return state.kind === 'editing' ? 'release' : 'ignore';
  if (message.kind === 'saved') return isFollowing(state) ? 'follow' : 'ignore';
  return state.kind === 'takingOver' ? 'answer' : 'ignore';
}
