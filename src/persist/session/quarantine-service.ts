/**
 * The open draft's set-aside records for the status bar, the panel and the confirmations before an
 * export, a publication or a version. The list is read once the controller has moved the damage aside
 * (`quarantineStamp`); a decision reaches it as a patch (restore, discard, their undo and redo) and is
 * stored once the change it belongs to is saved.
 */
import { createStore } from 'zustand/vanilla';
import type { QuarantineState } from '../../domain/patch.ts';
import type { Editor } from '../../store/editor.ts';
import { listQuarantined, statesInHistory, writeQuarantineStates, type SetAsideRecord } from '../quarantine.ts';
import type { DraftId } from '../schema.ts';
import type { DraftController } from './draft-controller.ts';

export interface QuarantineList {
  readonly records: readonly SetAsideRecord[];
  /** The open draft's records have been read (until then, no records does not mean none are set aside). */
  readonly read: boolean;
}

export function draftQuarantine(drafts: DraftController, editor: Pick<Editor, 'plan'>) {
  const store = createStore<QuarantineList>(() => ({ records: [], read: false }));
  let writes: Promise<void> = Promise.resolve();
  let reads = 0;

  function withStates(states: ReadonlyMap<string, QuarantineState>): void {
    store.setState({ records: store.getState().records.map((r) => (states.has(r.id) ? { ...r, state: states.get(r.id) as QuarantineState } : r)) });
  }

  /** Stores decisions after the plan change they belong to is on disk (a restored feature before its state). */
  function persist(draftId: DraftId, states: ReadonlyMap<string, QuarantineState>): void {
    writes = writes
      .then(async () => {
        await drafts.flush();
        const db = await drafts.database();
        if (db) await writeQuarantineStates(db, draftId, states);
      })
      // A failed write is repaired by the next reading: the saved undo history says what was decided.
      .catch(() => undefined);
  }

  async function refresh(): Promise<void> {
    const read = ++reads;
    const id = drafts.draftId();
    const db = id ? await drafts.database() : null;
    const stored = db && id ? await listQuarantined(db, id) : [];
    await writes;
    if (read !== reads) return;
    const decided = statesInHistory(editor.plan.getState().history);
    const records = stored.map((r) => ({ ...r, state: decided.get(r.id) ?? r.state }));
    store.setState({ records, read: true });
    const repaired = new Map(records.filter((r, i) => r.state !== stored[i]?.state).map((r) => [r.id, r.state]));
    if (id && repaired.size) persist(id, repaired);
  }

  drafts.subscribe((next, previous) => {
    if (next.quarantineStamp !== previous.quarantineStamp || next.draft?.id !== previous.draft?.id) void refresh();
  });
  editor.plan.onChange((event) => {
    const changes = event.kind === 'patch' ? event.patch.quarantine : undefined;
    const id = drafts.draftId();
    if (!changes?.length || !id) return;
    const states = new Map(changes.map((c) => [c.id, c.after]));
    withStates(states);
    persist(id, states);
  });

  return {
    store,
    getState: store.getState,
    subscribe: store.subscribe,
    /** Records still to decide, oldest first. */
    pending: (): SetAsideRecord[] => store.getState().records.filter((r) => r.state === 'pending'),
    refresh,
    /** Resolves once every decision so far is stored (tests, leaving the page). */
    settled: (): Promise<void> => writes,
  };
}

export type DraftQuarantine = ReturnType<typeof draftQuarantine>;
