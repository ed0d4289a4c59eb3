/**
 * What an undo step was about, for the history list ("移动节点 · 建新地块 JX003"): the step's label says
 * what was done; its patch says to which features. Pure: the UI formats the tag through i18n.
 *
 * An undo entry holds the inverse patch (each touched feature as it was before the step), a redo entry the
 * forward patch (as it is after). Commands put the feature they act on first in their patch and
 * `applyPatch` reverses the inverse, so the subject is the last touched feature of an undo entry and the
 * first of a redo entry: a step keeps its name when it moves from one list to the other. A gesture's
 * squashed inverse keeps the features of its first move at the end, so a drag is named by what it began on.
 */
import type { PlanFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { LAYERS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { FeatureChange } from '../domain/patch.ts';
import { getFeature, type Plan } from '../domain/plan.ts';
import type { History, HistoryEntry } from './history.ts';

/** How a planner names one feature: its layer, and its number, its name or its type (an i18n key). */
export interface FeatureTag {
  readonly layer: LayerId;
  readonly id: FeatureId;
  /** 图斑编号 / 地块编号 (parcelNo): base parcels and the change layers. */
  readonly number?: string;
  /** A name the data carries (village, red line, place, the start of a comment). */
  readonly name?: string;
  /** i18n key of the feature's type (`code.controlZone.010`), for zone-like layers. */
  readonly codeKey?: string;
}

export function featureTag(feature: PlanFeature): FeatureTag {
  const base = { layer: feature.layer, id: feature.id };
  const named = (name: string | null | undefined): FeatureTag => (name ? { ...base, name } : base);
  const coded = (list: string, code: string | null | undefined): FeatureTag => (code ? { ...base, codeKey: `code.${list}.${code}` } : base);
  switch (feature.layer) {
    case 'base':
    case 'demolition':
    case 'newBuild':
    case 'useChange':
      return feature.properties.parcelNo ? { ...base, number: feature.properties.parcelNo } : base;
    case 'boundary':
      return named(feature.properties.villageName);
    case 'redline':
    case 'places':
      return named(feature.properties.name);
    case 'feedback':
      return named(feature.properties.comment.trim().slice(0, 20));
    case 'pbf':
      return coded('pbfType', feature.properties.pbfType);
    case 'townshipZones':
    case 'controlZone':
      return coded('controlZone', feature.properties.zoneCode);
    case 'functionalZone':
      return coded('functionalZoneType', feature.properties.zoneType);
    case 'consolidationZone':
      return coded('consolidationZoneType', feature.properties.zoneType);
    case 'reserve':
      return coded('reserveKind', feature.properties.kind);
    case 'facility':
      return coded('facilityType', feature.properties.facilityType);
  }
}

export type StepEffect = 'created' | 'deleted' | 'changed';

export interface StepSubject {
  /** The feature the step acted on. */
  readonly feature: FeatureTag;
  /** What the step did to it. */
  readonly effect: StepEffect;
  /**
   * How many features the step did the same to (on the planner's own layers when the subject is on one):
   * 3 for a delete of three parcels; 2 for a vertex two parcels share.
   */
  readonly count: number;
}

export interface NamedSteps {
  /** Parallel to `history.undo` (oldest first). */
  readonly undo: readonly (StepSubject | null)[];
  /** Parallel to `history.redo` (the last is the next to redo). */
  readonly redo: readonly (StepSubject | null)[];
}

const slotOf = (layer: LayerId, id: FeatureId) => `${layer}\u0000${id}`;

/**
 * Names every step of the history against the current plan. Walking away from the present (down the undo
 * stack, up the redo stack), it keeps each touched feature's value at that point in time, so it knows
 * whether a step created, deleted or changed a feature and can name features that no longer exist.
 * Cost: the features the steps touched, never the size of the plan.
 */
export function nameSteps(history: Pick<History, 'undo' | 'redo'>, plan: Plan): NamedSteps {
  return {
    undo: walk(history.undo, plan, 'undo'),
    redo: walk(history.redo, plan, 'redo'),
  };
}

function walk(entries: readonly HistoryEntry[], plan: Plan, side: 'undo' | 'redo'): (StepSubject | null)[] {
  /** Each touched feature's value at the current point of the walk (null: absent); others are as in the plan. */
  const values = new Map<string, PlanFeature | null>();
  const valueOf = (change: FeatureChange): PlanFeature | null => {
    const slot = slotOf(change.layer, change.id);
    return values.has(slot) ? (values.get(slot) as PlanFeature | null) : (getFeature(plan, change.layer, change.id) ?? null);
  };
  const named: (StepSubject | null)[] = new Array<StepSubject | null>(entries.length).fill(null);
  for (let i = entries.length - 1; i >= 0; i--) {
    const changes = (entries[i] as HistoryEntry).inverse.features;
    // Before and after the step, per touched feature (the last change of a feature in a patch wins).
    const touched = new Map<string, { change: FeatureChange; before: PlanFeature | null; after: PlanFeature | null; at: number }>();
    changes.forEach((change, at) => {
      const slot = slotOf(change.layer, change.id);
      const known = touched.get(slot);
      const now = known ? (side === 'undo' ? known.after : known.before) : valueOf(change);
      // Undo entry: `change.after` is the value before the step, `now` the value after it. Redo: the reverse.
      const entry = side === 'undo'
        ? { change, before: change.after, after: known?.after ?? now, at }
        : { change, before: known?.before ?? now, after: change.after, at };
      touched.set(slot, entry);
    });
    named[i] = subjectOf([...touched.values()], side);
    // Step over this entry: an undo entry's patch takes us before the step, a redo entry's after it.
    for (const change of changes) values.set(slotOf(change.layer, change.id), change.after);
  }
  return named;
}

function subjectOf(touched: readonly { before: PlanFeature | null; after: PlanFeature | null; at: number; change: FeatureChange }[], side: 'undo' | 'redo'): StepSubject | null {
  const real = touched.filter((t) => t.before !== null || t.after !== null);
  if (real.length === 0) return null;
  const own = real.filter((t) => LAYERS[t.change.layer].kind !== 'reference');
  const pool = own.length > 0 ? own : real;
  // The command's first feature: last in an undo entry's inverse, first in a redo entry's patch.
  const ordered = [...pool].sort((a, b) => (side === 'undo' ? b.at - a.at : a.at - b.at));
  const subject = ordered[0] as (typeof pool)[number];
  const effect = effectOf(subject);
  const feature = (subject.after ?? subject.before) as PlanFeature;
  return { feature: featureTag(feature), effect, count: pool.filter((t) => effectOf(t) === effect).length };
}

function effectOf(t: { before: PlanFeature | null; after: PlanFeature | null }): StepEffect {
  if (t.before === null) return 'created';
  if (t.after === null) return 'deleted';
  return 'changed';
}
