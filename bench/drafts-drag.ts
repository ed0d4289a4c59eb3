/**
 * The drag line of `npm run bench:drafts` (issue 13: constant-cost gestures). A vertex drag of 5 and of
 * 60 moves on the 2,000-parcel bench plan, through the editor's own pieces: `moveSharedVertex` on a
 * demolition parcel (as the drafts bench hook does), the plan store with a gesture open, and the draft
 * writer left to its own pace: one move per 16 ms animation frame, on a clock that moves only when the
 * bench says (a fast drag, without waiting real seconds). Reports the UTF-8 JSON bytes put into IndexedDB
 * from the gesture's start to the save after its end, by store, per save, and the size of the undo step
 * the drag leaves.
 *
 * An open gesture is saved at most once a second (a crash keeps the drag up to its last second) and at
 * once when it ends, so a drag of 60 frames (1 s) writes about what a drag of 5 does; the undo step is
 * written when the drag touches a feature it had not touched, not once per save.
 *
 * Runs in Node on fake-indexeddb, the bytes counted at `IDBObjectStore.put` as the browser part of the
 * bench counts them (UTF-8 JSON); no time is measured here. Also runs alone: `npx tsx bench/drafts-drag.ts`.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Position } from 'geojson';
import { moveSharedVertex } from '../src/commands/reshape.command.ts';
import type { FeatureId } from '../src/domain/ids.ts';
import { parsePlanText } from '../src/domain/plan-file.ts';
import { findFeature, type Plan } from '../src/domain/plan.ts';
import { createDraft } from '../src/persist/draft-store.ts';
import { attachDraftWriter, type SaveReport } from '../src/persist/draft-writer.ts';
import { openDraftsDb } from '../src/persist/open-drafts-db.ts';
import { manualClock } from '../src/persist/test-support.ts';
import { jsonBytes } from '../src/persist/record-size.ts';
import { createPlanStore } from '../src/store/plan.store.ts';
import { benchPlanPath } from './support.ts';

/** 5 and 60 moves for the goal; 300 moves (about 5 s) shows the once-a-second saves of a long drag. */
export const DRAG_MOVES = [5, 60, 300] as const;
const PARCELS = 2000;
/** One move of the pointer, in degrees east (about 1 cm): the parcel stays valid over 60 moves. */
const STEP = 1e-7;
/** One animation frame at 60 Hz: the pointer moves once per frame in a fast drag. */
const FRAME_MS = 16;

export interface DragFigures {
  readonly moves: number;
  /** Saves from the gesture's first move to the save after it ended. */
  readonly saves: number;
  /** Everything put, from the gesture's start to the save after its end. */
  readonly bytes: number;
  /** Of which: feature records, undo steps (the `history` store), the draft's statistics. */
  readonly byStore: Readonly<Record<string, number>>;
  /** The largest single save. */
  readonly maxSaveBytes: number;
  /** UTF-8 JSON bytes of the undo step the drag left. */
  readonly undoStepBytes: number;
}

export interface DragResult {
  readonly parcels: number;
  readonly drags: readonly DragFigures[];
  /** The 60-move drag over the 5-move drag: the largest save (goal ≤ ~2: a save does not grow with the drag). */
  readonly maxSaveRatio: number;
  /** The same for the undo steps written during the drag (goal ≤ ~2). */
  readonly historyBytesRatio: number;
  /** The same for everything written (goal ≤ ~2: an open drag is saved at most once a second). */
  readonly bytesRatio: number;
  /** The undo step left by the drag (goal 1). */
  readonly undoStepRatio: number;
}

/** Bytes put per object store since the last `reset`, counted where every put of idb ends up. */
const written = new Map<string, number>();
const put = IDBObjectStore.prototype.put;
IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
  written.set(this.name, (written.get(this.name) ?? 0) + jsonBytes(args[0]));
  return put.apply(this, args);
};

function loadPlan(): { plan: Plan; target: FeatureId } {
  const parsed = parsePlanText(readFileSync(benchPlanPath(PARCELS), 'utf8'));
  if (!parsed.ok) throw new Error(`bench plan: ${parsed.error.key}`);
  const [id] = Object.keys(parsed.value.layers.demolition);
  if (!id) throw new Error('the bench plan has no demolition parcel');
  return { plan: parsed.value, target: id as FeatureId };
}

async function drag(start: Plan, target: FeatureId, moves: number, dbName: string): Promise<DragFigures> {
  const opened = await openDraftsDb({ name: dbName });
  if (!opened.ok) throw new Error(opened.error.key);
  const db = opened.value;
  const plan = createPlanStore(start);
  const { info, ledger } = await createDraft(db, { plan: start, origin: { kind: 'sample' } });
  const saves: SaveReport[] = [];
  const time = manualClock();
  const writer = attachDraftWriter({
    db,
    draftId: info.id,
    plan,
    ledger,
    revision: info.revision,
    schedule: time.schedule,
    clock: time.clock,
    retryMs: 60_000,
    onState: () => undefined,
    onSaved: (report) => saves.push(report),
  });
  const vertex = (): Position => {
    const feature = findFeature(plan.getState().plan, target);
    const p = feature?.geometry.type === 'Polygon' ? feature.geometry.coordinates[0]?.[1] : undefined;
    if (!p) throw new Error(`no vertex 1 of ${target}`);
    return p;
  };

  const saveBytes: number[] = [];
  let before = 0;
  const total = () => [...written.values()].reduce((sum, b) => sum + b, 0);
  written.clear();
  plan.beginGesture('commands.reshape.moveVertex');
  const frameSaved = () => {
    if (total() > before) saveBytes.push(total() - before);
    before = total();
  };
  for (let i = 0; i < moves; i++) {
    const from = vertex();
    const outcome = plan.execute(moveSharedVertex(plan.context(), from, [(from[0] as number) + STEP, from[1] as number]));
    if (!outcome.ok) throw new Error(`move ${i} refused: ${outcome.message?.key}`);
    await time.advance(FRAME_MS);
    frameSaved();
  }
  plan.commitGesture();
  await time.settle();
  frameSaved();
  if (writer.hasPending()) throw new Error('the drag was not saved at its end');
  writer.detach();
  db.close();

  const step = plan.getState().history.undo.at(-1);
  if (!step || plan.getState().history.undo.length !== 1) throw new Error('the drag did not leave one undo step');
  return {
    moves,
    saves: saves.length,
    bytes: total(),
    byStore: Object.fromEntries(written),
    maxSaveBytes: Math.max(...saveBytes),
    undoStepBytes: jsonBytes(step.inverse),
  };
}

export async function measureDrags(): Promise<DragResult> {
  const { plan, target } = loadPlan();
  const drags: DragFigures[] = [];
  for (const moves of DRAG_MOVES) drags.push(await drag(plan, target, moves, `village-plan-bench-drag-${moves}`));
  const [short, long] = drags as [DragFigures, DragFigures, DragFigures];
  return {
    parcels: PARCELS,
    drags,
    maxSaveRatio: long.maxSaveBytes / short.maxSaveBytes,
    historyBytesRatio: (long.byStore.history ?? 0) / (short.byStore.history ?? 1),
    bytesRatio: long.bytes / short.bytes,
    undoStepRatio: long.undoStepBytes / short.undoStepBytes,
  };
}

export function printDrags(result: DragResult): void {
  console.log(`\nvertex drag (${result.parcels.toLocaleString('en')} parcels, Node + fake-indexeddb, one move per ${FRAME_MS} ms frame)`);
  const b = (n: number | undefined) => `${(n ?? 0).toLocaleString('en')} B`;
  for (const d of result.drags) {
    console.log(
      `  ${String(d.moves).padStart(3)} moves   ${b(d.bytes)} in ${d.saves} saves (features ${b(d.byStore.features)}, undo steps ${b(d.byStore.history)}, statistics ${b(d.byStore.draftStats)}); largest save ${b(d.maxSaveBytes)}; undo step ${b(d.undoStepBytes)}`,
    );
  }
  console.log(
    `  ${DRAG_MOVES[1]} / ${DRAG_MOVES[0]} moves: largest save ${result.maxSaveRatio.toFixed(2)}, undo steps written ${result.historyBytesRatio.toFixed(2)}; undo step ${result.undoStepRatio.toFixed(2)} (goal 1); all bytes ${result.bytesRatio.toFixed(2)} (goal ≤ ~2)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printDrags(await measureDrags());
