/**
 * Autosave: listens to the plan store's patches and history, and writes what changed, batched per
 * animation frame, one transaction at a time. A transaction's `complete` is the save point. A failed
 * write (disk full, connection closed) keeps every change pending in memory and is retried; nothing is
 * dropped until it is on disk.
 *
 * While a gesture is open (a drag), its changes are written at most once every `gestureSaveMs`, and at
 * once when it ends: a drag then costs about the same whatever its length, and a crash mid-drag loses at
 * most that much of it (the drag so far, with its undo step, is on disk).
 */
import type { IDBPTransaction } from 'idb';
import type { HistoryEntry } from '../commands/history.ts';
import type { FeatureId } from '../domain/ids.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { FeatureChange, Patch } from '../domain/patch.ts';
import { getFeature, type PlanMeta } from '../domain/plan.ts';
import type { PlanStore } from '../store/plan.store.ts';
import { featureSlot, type DraftLedger, type StoredStep } from './ledger.ts';
import type { DraftsDb } from './open-drafts-db.ts';
import { adoptSteps, allFeatureRecords, diffHistory, featureRecord, metaRecord } from './plan-records.ts';
import { jsonBytes } from './record-size.ts';
import { draftKeyRange, type DraftId, type DraftStats, type DraftsDbSchema } from './schema.ts';
import { classifyWriteError, type WriteFailure } from './storage-errors.ts';

export type SaveState =
  | { readonly kind: 'saved'; readonly at: number }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly reason: WriteFailure; readonly detail: string };

/** One completed save: what it wrote, for other tabs (the patch) and for the benchmark (sizes, time). */
export interface SaveReport {
  /** The draft's statistics as this save left them (revision, size, time). */
  readonly stats: DraftStats;
  /** The saved values of every feature and meta field the save wrote. */
  readonly patch: Patch;
  /** The save replaced the whole draft (after a reset): followers must reload. */
  readonly whole: boolean;
  readonly records: number;
  readonly bytes: number;
  readonly ms: number;
}

export interface DraftWriterOptions {
  readonly db: DraftsDb;
  readonly draftId: DraftId;
  readonly plan: PlanStore;
  readonly ledger: DraftLedger;
  /** The draft's stored revision; each save stores the next. */
  readonly revision: number;
  /** Write the meta record on the first save (it was damaged or missing). */
  readonly rewriteMeta?: boolean;
  readonly onState: (state: SaveState) => void;
  readonly onSaved?: (report: SaveReport) => void;
  /** When to write a batch; the default is the next animation frame (100 ms at most, for hidden tabs). */
  readonly schedule?: (run: () => Promise<void>) => void;
  /** Least time between two saves while a gesture is open; default 1 s. */
  readonly gestureSaveMs?: number;
  /** Time and timers; the default is the page's (tests and the bench pass a fake one). */
  readonly clock?: WriterClock;
  readonly retryMs?: number;
  /** The draft is still being created: writes wait for it (a failed creation detaches the writer). */
  readonly startAfter?: Promise<unknown>;
}

export interface WriterClock {
  now(): number;
  /** Runs `run` after `ms`; returns what cancels it. */
  after(ms: number, run: () => void): () => void;
}

const pageClock: WriterClock = {
  now: () => performance.now(),
  after(ms, run) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

export interface DraftWriter {
  /** Writes everything pending now, an open gesture's too; resolves once it is on disk or the write has failed. */
  flush(): Promise<void>;
  hasPending(): boolean;
  detach(): void;
}

/** Requests queued in one go before the writer lets the page have a frame (a few ms of work each). */
const SLICE = 500;

type WriteTransaction = IDBPTransaction<DraftsDbSchema, ('draftStats' | 'planMeta' | 'features' | 'history')[], 'readwrite'>;

interface Written {
  readonly stats: DraftStats;
  readonly storedAfter: ReadonlyMap<string, number | null>;
  /** The meta as written, when the batch wrote it. */
  readonly meta: PlanMeta | null;
  readonly metaBytes: number;
  readonly steps: Map<HistoryEntry, StoredStep> | null;
  readonly bytes: number;
  readonly records: number;
}

interface Batch {
  readonly features: readonly FeatureChange[];
  readonly meta: boolean;
  readonly history: boolean;
  readonly whole: boolean;
}

export function attachDraftWriter(options: DraftWriterOptions): DraftWriter {
  const { db, draftId, plan, ledger } = options;
  let revision = options.revision;
  const schedule = options.schedule ?? nextFrame;
  const clock = options.clock ?? pageClock;
  const gestureSaveMs = options.gestureSaveMs ?? 1000;
  const dirty = new Map<string, { layer: LayerId; id: FeatureId }>();
  let metaDirty = options.rewriteMeta ?? false;
  let historyDirty = false;
  let wholeDirty = false;
  let scheduled = false;
  /** Cancels the wait of a save held back by an open gesture. */
  let cancelWait: (() => void) | null = null;
  let lastSaveAt = -Infinity;
  let writing: Promise<void> | null = null;
  let failure: { reason: WriteFailure; detail: string } | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let detached = false;

  const hasPending = () => dirty.size > 0 || metaDirty || historyDirty || wholeDirty;

  const offPatches = plan.onChange((event) => {
    if (event.kind === 'reset') {
      wholeDirty = true;
      dirty.clear();
    } else {
      ledger.follow(event.patch);
      for (const change of event.patch.features) dirty.set(featureSlot(change.layer, change.id), { layer: change.layer, id: change.id });
      if (event.patch.meta) metaDirty = true;
    }
    request();
  });
  const offHistory = plan.subscribe((next, previous) => {
    if (next.history === previous.history) return;
    historyDirty = true;
    // The gesture ended (committed or cancelled): what waited for it is written now.
    if (previous.history.gesture && !next.history.gesture) stopWaiting();
    request();
  });

  /** How long an open gesture still holds the next save back. */
  function gestureWait(): number {
    return plan.getState().history.gesture ? Math.max(0, lastSaveAt + gestureSaveMs - clock.now()) : 0;
  }

  function stopWaiting(): void {
    if (!cancelWait) return;
    cancelWait();
    cancelWait = null;
    scheduled = false;
  }

  function request(): void {
    if (detached || scheduled || writing) return;
    if (!failure) options.onState({ kind: 'saving' });
    scheduled = true;
    const wait = gestureWait();
    const go = () =>
      schedule(() => {
        scheduled = false;
        return run(false);
      });
    if (wait === 0) go();
    else
      cancelWait = clock.after(wait, () => {
        cancelWait = null;
        go();
      });
  }

  /** Writes while anything is pending; `force` writes an open gesture's changes without waiting. */
  function run(force: boolean): Promise<void> {
    if (writing) return writing;
    if (!hasPending() || detached) return Promise.resolve();
    writing = (async () => {
      await options.startAfter?.catch(() => undefined);
      while (hasPending() && !detached && (force || gestureWait() === 0)) {
        if (!(await writeOnce())) return;
      }
    })().finally(() => {
      writing = null;
      // Changes made during the last write of a gesture wait for the next save time.
      if (hasPending() && !failure) request();
    });
    return writing;
  }

  function takeBatch(): Batch {
    const current = plan.getState().plan;
    const features = [...dirty.values()].map(({ layer, id }) => ({ layer, id, after: getFeature(current, layer, id) ?? null }));
    const batch = { features, meta: metaDirty, history: historyDirty, whole: wholeDirty };
    dirty.clear();
    metaDirty = historyDirty = wholeDirty = false;
    return batch;
  }

  /** Puts a failed batch back, under anything that changed since (which is newer). */
  function giveBack(batch: Batch): void {
    for (const change of batch.features) {
      const slot = featureSlot(change.layer, change.id);
      if (!dirty.has(slot)) dirty.set(slot, { layer: change.layer, id: change.id });
    }
    metaDirty ||= batch.meta;
    historyDirty ||= batch.history;
    wholeDirty ||= batch.whole;
  }

  async function writeOnce(): Promise<boolean> {
    const started = performance.now();
    const batch = takeBatch();
    let written: Written;
    try {
      written = await write(batch);
    } catch (error) {
      giveBack(batch);
      failure = { reason: classifyWriteError(error), detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
      options.onState({ kind: 'failed', ...failure });
      clearTimeout(retry);
      if (!detached) retry = setTimeout(() => void run(true), options.retryMs ?? 5000);
      return false;
    }
    for (const [slot, size] of written.storedAfter) ledger.stored(slot, size);
    ledger.metaBytes = written.metaBytes;
    if (written.steps) adoptSteps(ledger, written.steps);
    failure = null;
    lastSaveAt = clock.now();
    const patch: Patch = written.meta ? { features: batch.features, meta: written.meta } : { features: batch.features };
    options.onSaved?.({ stats: written.stats, patch, whole: batch.whole, records: written.records, bytes: written.bytes, ms: performance.now() - started });
    if (!hasPending()) options.onState({ kind: 'saved', at: Date.now() });
    return true;
  }

  /**
   * One transaction with the batch, nothing read first, every request queued at once (a big batch in
   * slices, see `queue`), so it commits as soon as the last one is queued, whatever else the page is busy
   * with; resolves at `complete`.
   */
  async function write(batch: Batch): Promise<Written> {
    const tx = db.transaction(['draftStats', 'planMeta', 'features', 'history'], 'readwrite');
    const requests: Promise<unknown>[] = [];
    try {
      const queued = await queue(batch, tx, requests);
      const stats: DraftStats = {
        draftId,
        villageName: plan.getState().plan.meta.villageName,
        updatedAt: Date.now(),
        bytes: queued.featureBytes + queued.metaBytes,
        featureCount: queued.featureCount,
        revision: revision + 1,
      };
      requests.push(tx.objectStore('draftStats').put(stats));
      await Promise.all([...requests, tx.done]);
      revision = stats.revision;
      return { ...queued, stats, bytes: queued.bytes + jsonBytes(stats), records: queued.records + 1 };
    } catch (error) {
      // Nothing of a failed batch may reach the disk: abort what is still open. Every request of an
      // aborted transaction fails too (settled here so none goes unhandled); the transaction's own error
      // says why (a full disk is reported on the commit, not on a request).
      try {
        tx.abort();
      } catch {
        // Already finished or aborted.
      }
      const settled = await Promise.allSettled([...requests, tx.done]);
      const commit = settled.at(-1);
      throw commit?.status === 'rejected' && (commit.reason as Error)?.name !== 'AbortError' ? commit.reason : error;
    }
  }

  /**
   * Queues the batch's puts and deletes on the transaction; returns what the draft will hold after it.
   * A big batch (an import, a reset) is queued in slices, waiting for each slice's last request: the wait
   * ends in that request's success event, where the transaction is still active, so the save stays one
   * atomic transaction while the page gets its frames between slices instead of one task of seconds.
   */
  async function queue(batch: Batch, tx: WriteTransaction, requests: Promise<unknown>[]) {
    const queued = async (request: Promise<unknown>) => {
      requests.push(request);
      if (requests.length % SLICE === 0) await request;
    };
    const { plan: current, history } = plan.getState();
    const features = tx.objectStore('features');
    const storedAfter = new Map<string, number | null>();
    let bytes = 0;
    let records = 0;

    if (batch.whole) {
      // A reset replaced the plan: every record of the draft is rewritten in this one transaction.
      ledger.orders.clear();
      ledger.steps.clear();
      ledger.nextOrder = 0;
      requests.push(features.delete(draftKeyRange(draftId)), tx.objectStore('history').delete(draftKeyRange(draftId)));
      for (const put of allFeatureRecords(draftId, current, ledger)) {
        await queued(features.put(put.value, put.key));
        storedAfter.set(put.slot, put.value.bytes);
      }
      for (const slot of ledger.storedBytes.keys()) if (!storedAfter.has(slot)) storedAfter.set(slot, null);
    } else {
      for (const change of batch.features) {
        const slot = featureSlot(change.layer, change.id);
        if (change.after) {
          const record = featureRecord(change.after, ledger.orders.get(slot) ?? ledger.nextOrder++);
          await queued(features.put(record, [draftId, change.layer, change.id]));
          storedAfter.set(slot, record.bytes);
        } else {
          await queued(features.delete([draftId, change.layer, change.id]));
          storedAfter.set(slot, null);
        }
      }
    }
    for (const size of storedAfter.values()) {
      bytes += size ?? 0;
      records++;
    }

    const meta = batch.meta || batch.whole ? metaRecord(draftId, current) : null;
    if (meta) {
      requests.push(tx.objectStore('planMeta').put(meta));
      bytes += jsonBytes(meta);
      records++;
    }
    const diff = batch.history || batch.whole ? diffHistory(draftId, history, ledger) : null;
    if (diff) {
      for (const put of diff.puts) {
        await queued(tx.objectStore('history').put(put.value, put.key));
        bytes += jsonBytes(put.value);
      }
      for (const key of diff.deletes) await queued(tx.objectStore('history').delete(key));
      records += diff.puts.length + diff.deletes.length;
    }

    let featureBytes = ledger.bytes - ledger.metaBytes;
    let featureCount = ledger.featureCount;
    for (const [slot, size] of storedAfter) {
      const before = ledger.storedBytes.get(slot);
      featureBytes += (size ?? 0) - (before ?? 0);
      featureCount += (size === null ? 0 : 1) - (before === undefined ? 0 : 1);
    }
    return { storedAfter, meta: meta?.meta ?? null, metaBytes: meta ? jsonBytes(meta.meta) : ledger.metaBytes, featureBytes, featureCount, steps: diff?.next ?? null, bytes, records };
  }

  // A damaged meta record is rewritten at once, not at the next edit.
  if (metaDirty) request();

  return {
    flush() {
      stopWaiting();
      return run(true);
    },
    hasPending,
    detach() {
      detached = true;
      clearTimeout(retry);
      stopWaiting();
      offPatches();
      offHistory();
    },
  };
}

/** The next animation frame, or 100 ms when the tab is hidden and frames stop. */
function nextFrame(run: () => unknown): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  requestAnimationFrame(once);
  setTimeout(once, 100);
}
