/**
 * A plan and its undo history as records of the drafts database, and back: one record per feature, one
 * for the meta, one per undo step. Pure (no IndexedDB calls), so the writer, draft creation, backups and
 * tests share it.
 */
import type { History, HistoryEntry } from '../commands/history.ts';
import type { PlanFeature } from '../domain/features.ts';
import { LAYER_IDS } from '../profiles/zhejiang-2017/layers.ts';
import { isEmptyPatch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import { DraftLedger, featureSlot, type StoredStep } from './ledger.ts';
import { jsonBytes } from './record-size.ts';
import type { DraftId, FeatureKey, FeatureRecord, HistoryKey, HistoryRecord, PlanMetaRecord } from './schema.ts';

export interface FeaturePut {
  readonly slot: string;
  readonly key: FeatureKey;
  readonly value: FeatureRecord;
}

export function featureRecord(feature: PlanFeature, order: number): FeatureRecord {
  return { feature, order, bytes: jsonBytes(feature) };
}

/** Every feature of the plan, in layer order, each at its place in the layer; fills the ledger. */
export function allFeatureRecords(draftId: DraftId, plan: Plan, ledger: DraftLedger): FeaturePut[] {
  const puts: FeaturePut[] = [];
  for (const layer of LAYER_IDS) {
    for (const feature of Object.values(plan.layers[layer]) as PlanFeature[]) {
      const slot = featureSlot(layer, feature.id);
      ledger.placeLoaded(slot, ledger.nextOrder);
      puts.push({ slot, key: [draftId, layer, feature.id], value: featureRecord(feature, ledger.orders.get(slot) as number) });
    }
  }
  return puts;
}

export function metaRecord(draftId: DraftId, plan: Plan): PlanMetaRecord {
  return { draftId, planId: plan.id, planSchemaVersion: plan.schemaVersion, meta: plan.meta };
}

/**
 * The history as it should be stored: an open gesture (a drag in progress) counts as one closed step, its
 * `step` entry, which keeps its identity while the drag moves what it already moved: the step is stored
 * when the drag touches a new feature, not once per frame, and not again when the drag ends. Nothing is
 * dropped for it at `MAX_UNDO_STEPS` (the commit drops the oldest step): a cancelled drag would otherwise
 * store that step again, on top of the stack, where a reload would take it for the latest.
 */
export function storableHistory(history: History): History {
  const gesture = history.gesture;
  if (!gesture) return history;
  if (isEmptyPatch(gesture.step.inverse)) return { ...history, gesture: null };
  return { undo: [...history.undo, gesture.step], redo: [], gesture: null };
}

export interface HistoryDiff {
  readonly puts: readonly { readonly key: HistoryKey; readonly value: HistoryRecord }[];
  readonly deletes: readonly HistoryKey[];
  /** The ledger's steps once this diff is on disk. */
  readonly next: Map<HistoryEntry, StoredStep>;
}

/**
 * What to write so the stored steps match `history`. Steps already stored keep their record; a new step
 * gets the next sequence number, which puts it on top of its stack (steps are only ever pushed on top).
 */
export function diffHistory(draftId: DraftId, history: History, ledger: DraftLedger): HistoryDiff {
  const next = new Map<HistoryEntry, StoredStep>();
  const puts: { key: HistoryKey; value: HistoryRecord }[] = [];
  const place = (entry: HistoryEntry, stack: 'undo' | 'redo') => {
    const stored = ledger.steps.get(entry);
    if (stored && stored.stack === stack) {
      next.set(entry, stored);
      return;
    }
    const seq = ledger.nextSeq++;
    next.set(entry, { seq, stack });
    puts.push({ key: [draftId, seq], value: { stack, label: entry.label, inverse: entry.inverse } });
  };
  const storable = storableHistory(history);
  storable.undo.forEach((entry) => place(entry, 'undo'));
  storable.redo.forEach((entry) => place(entry, 'redo'));
  const deletes: HistoryKey[] = [];
  for (const [entry, step] of ledger.steps) if (next.get(entry) !== step) deletes.push([draftId, step.seq]);
  return { puts, deletes, next };
}

export function adoptSteps(ledger: DraftLedger, next: Map<HistoryEntry, StoredStep>): void {
  ledger.steps.clear();
  for (const [entry, step] of next) ledger.steps.set(entry, step);
}
