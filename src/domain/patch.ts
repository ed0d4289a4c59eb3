/**
 * Patches: the only way a plan changes. `applyPatch` is pure and returns the inverse, so undo is applying
 * the inverse, and the same patch drives the map diff, the draft writer and the worker.
 */
import type { PlanFeature } from './features.ts';
import type { FeatureId } from './ids.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { getFeature, type Plan, type PlanMeta } from './plan.ts';

/** Sets one feature to `after`; `after: null` deletes it. */
export interface FeatureChange {
  readonly layer: LayerId;
  readonly id: FeatureId;
  readonly after: PlanFeature | null;
}

/**
 * What the planner decided about a record that could not be read back from the draft and was set aside
 * (persist/quarantine): still to decide, restored into the plan, or discarded.
 */
export type QuarantineState = 'pending' | 'restored' | 'discarded';

/**
 * Moves one set-aside record from `before` to `after`. The record lives outside the plan, so the change
 * carries both states: its inverse is the swap, and restoring or discarding is undone like any edit.
 */
export interface QuarantineChange {
  /** The record's own id (kept by backups, unlike its key in the quarantine store). */
  readonly id: string;
  readonly before: QuarantineState;
  readonly after: QuarantineState;
}

export interface Patch {
  readonly features: readonly FeatureChange[];
  /** Top-level meta fields to replace (shallow). */
  readonly meta?: Partial<PlanMeta>;
  readonly quarantine?: readonly QuarantineChange[];
}

export function isEmptyPatch(patch: Patch): boolean {
  return patch.features.length === 0 && (!patch.meta || Object.keys(patch.meta).length === 0) && !patch.quarantine?.length;
}

export interface Applied {
  readonly plan: Plan;
  readonly inverse: Patch;
}

/**
 * Applies changes in order. Only the touched layers are copied, so the cost follows the edit rather than
 * the size of the plan. The inverse lists the prior values in reverse order, which restores the start even
 * when one patch touches the same feature twice.
 */
export function applyPatch(plan: Plan, patch: Patch): Applied {
  const copied = new Map<LayerId, Record<FeatureId, PlanFeature>>();
  const inverseChanges: FeatureChange[] = [];
  for (const change of patch.features) {
    if (change.after && (change.after.id !== change.id || change.after.layer !== change.layer)) {
      throw new Error(`patch change for ${change.layer}/${change.id} carries feature ${change.after.layer}/${change.after.id}`);
    }
    let layer = copied.get(change.layer);
    if (!layer) {
      layer = { ...(plan.layers[change.layer] as Record<FeatureId, PlanFeature>) };
      copied.set(change.layer, layer);
    }
    const before = layer[change.id] ?? null;
    inverseChanges.push({ layer: change.layer, id: change.id, after: before });
    if (change.after) layer[change.id] = change.after;
    else delete layer[change.id];
  }
  inverseChanges.reverse();

  let meta = plan.meta;
  let inverseMeta: Partial<PlanMeta> | undefined;
  if (patch.meta && Object.keys(patch.meta).length > 0) {
    const previous: Record<string, unknown> = {};
    for (const key of Object.keys(patch.meta) as (keyof PlanMeta)[]) previous[key] = plan.meta[key];
    inverseMeta = previous as Partial<PlanMeta>;
    meta = { ...plan.meta, ...patch.meta };
  }

  const layers = copied.size === 0 ? plan.layers : { ...plan.layers, ...Object.fromEntries(copied) };
  const inverseQuarantine = patch.quarantine?.length
    ? patch.quarantine.map((change) => ({ id: change.id, before: change.after, after: change.before })).reverse()
    : undefined;
  return {
    plan: { ...plan, meta, layers: layers as Plan['layers'] },
    inverse: {
      features: inverseChanges,
      ...(inverseMeta ? { meta: inverseMeta } : {}),
      ...(inverseQuarantine ? { quarantine: inverseQuarantine } : {}),
    },
  };
}

/** Joins patches into one, applied left to right (a gesture's moves become one undo step). */
export function concatPatches(patches: readonly Patch[]): Patch {
  const features = patches.flatMap((p) => p.features);
  const metas = patches.map((p) => p.meta).filter((m): m is Partial<PlanMeta> => !!m);
  const quarantine = patches.flatMap((p) => p.quarantine ?? []);
  return {
    features,
    ...(metas.length ? { meta: Object.assign({}, ...metas) as Partial<PlanMeta> } : {}),
    ...(quarantine.length ? { quarantine } : {}),
  };
}

/** Convenience constructors used by commands. */
export function putFeature(feature: PlanFeature): FeatureChange {
  return { layer: feature.layer, id: feature.id, after: feature };
}

export function removeFeature(plan: Plan, layer: LayerId, id: FeatureId): FeatureChange {
  if (!getFeature(plan, layer, id)) throw new Error(`no feature ${layer}/${id} to remove`);
  return { layer, id, after: null };
}
