/**
 * What the draft writer knows about one draft: each feature's place in its layer as the editor has it now,
 * each feature's size as stored, and which undo steps are stored under which sequence number. It lets a
 * save write only what changed and keep the draft's size and count without reading anything back.
 */
import type { HistoryEntry } from '../commands/history.ts';
import type { FeatureId } from '../domain/ids.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { Patch } from '../domain/patch.ts';

export interface StoredStep {
  readonly seq: number;
  readonly stack: 'undo' | 'redo';
}

export function featureSlot(layer: LayerId, id: FeatureId): string {
  return `${layer}/${id}`;
}

export class DraftLedger {
  /**
   * Position of every feature in its layer, mirroring the plan in memory: an object keeps a replaced key
   * where it was and appends a new one, so a reloaded plan lists its features in the same order.
   */
  readonly orders = new Map<string, number>();
  /** UTF-8 bytes of each feature record on disk. */
  readonly storedBytes = new Map<string, number>();
  /** Keyed by the history entry object: entries are immutable, so identity says "already stored". */
  readonly steps = new Map<HistoryEntry, StoredStep>();
  nextOrder = 0;
  nextSeq = 1;
  metaBytes = 0;
  private featureBytes = 0;

  /** Follows one applied patch, change by change, as `applyPatch` does. */
  follow(patch: Patch): void {
    for (const change of patch.features) {
      const slot = featureSlot(change.layer, change.id);
      if (!change.after) this.orders.delete(slot);
      else if (!this.orders.has(slot)) this.orders.set(slot, this.nextOrder++);
    }
  }

  placeLoaded(slot: string, order: number): void {
    this.orders.set(slot, order);
    this.nextOrder = Math.max(this.nextOrder, order + 1);
  }

  stored(slot: string, bytes: number | null): void {
    this.featureBytes += (bytes ?? 0) - (this.storedBytes.get(slot) ?? 0);
    if (bytes === null) this.storedBytes.delete(slot);
    else this.storedBytes.set(slot, bytes);
  }

  get bytes(): number {
    return this.featureBytes + this.metaBytes;
  }

  get featureCount(): number {
    return this.storedBytes.size;
  }
}
