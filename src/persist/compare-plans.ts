/**
 * What changed between two plans (two versions, or a version and the draft), as a list of sections. Each
 * comparer adds one kind of section; the rules engine can add a table comparer (indicator tables side by
 * side) by extending `ComparisonSection` and `COMPARERS`, and the versions panel renders by `kind`.
 * Pure: no storage, no DOM.
 */
import type { PlanFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { LAYER_IDS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { Plan, PlanMeta } from '../domain/plan.ts';

export type FeatureDifference = 'added' | 'removed' | 'changed';

export interface ChangedFeature {
  readonly layer: LayerId;
  readonly id: FeatureId;
  readonly difference: FeatureDifference;
  /** A name a planner recognises (parcel number, place name); null when the feature has none. */
  readonly label: string | null;
  readonly geometryChanged: boolean;
  /** Property keys whose values differ (for `changed`). */
  readonly fields: readonly string[];
}

export interface LayerTally {
  readonly layer: LayerId;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

export type ComparisonSection =
  | { readonly kind: 'features'; readonly tallies: readonly LayerTally[]; readonly changes: readonly ChangedFeature[] }
  | { readonly kind: 'meta'; readonly fields: readonly (keyof PlanMeta)[] };

export type Comparer = (from: Plan, to: Plan) => ComparisonSection | null;

export interface PlanComparison {
  /** Sections with at least one difference; empty when the plans are the same. */
  readonly sections: readonly ComparisonSection[];
}

const compareFeatures: Comparer = (from, to) => {
  const changes: ChangedFeature[] = [];
  const tallies: LayerTally[] = [];
  for (const layer of LAYER_IDS) {
    const before = from.layers[layer] as Readonly<Record<FeatureId, PlanFeature>>;
    const after = to.layers[layer] as Readonly<Record<FeatureId, PlanFeature>>;
    if (before === after) continue;
    const tally = { layer, added: 0, removed: 0, changed: 0 };
    for (const [id, old] of Object.entries(before) as [FeatureId, PlanFeature][]) {
      const now = after[id];
      if (!now) {
        tally.removed++;
        changes.push({ layer, id, difference: 'removed', label: labelOf(old), geometryChanged: true, fields: [] });
      } else if (now !== old) {
        const geometryChanged = JSON.stringify(now.geometry) !== JSON.stringify(old.geometry);
        const fields = changedFields(old, now);
        if (!geometryChanged && fields.length === 0) continue;
        tally.changed++;
        changes.push({ layer, id, difference: 'changed', label: labelOf(now), geometryChanged, fields });
      }
    }
    for (const [id, now] of Object.entries(after) as [FeatureId, PlanFeature][]) {
      if (before[id]) continue;
      tally.added++;
      changes.push({ layer, id, difference: 'added', label: labelOf(now), geometryChanged: true, fields: [] });
    }
    if (tally.added + tally.removed + tally.changed > 0) tallies.push(tally);
  }
  return changes.length ? { kind: 'features', tallies, changes } : null;
};

const compareMeta: Comparer = (from, to) => {
  const fields = (Object.keys(to.meta) as (keyof PlanMeta)[]).filter((key) => JSON.stringify(from.meta[key]) !== JSON.stringify(to.meta[key]));
  return fields.length ? { kind: 'meta', fields } : null;
};

/** The explicit list of comparers, in the order the panel shows their sections. */
const COMPARERS: readonly Comparer[] = [compareFeatures, compareMeta];

export function comparePlans(from: Plan, to: Plan, comparers: readonly Comparer[] = COMPARERS): PlanComparison {
  return { sections: comparers.map((compare) => compare(from, to)).filter((s): s is ComparisonSection => s !== null) };
}

function changedFields(old: PlanFeature, now: PlanFeature): string[] {
  const a = old.properties as unknown as Record<string, unknown>;
  const b = now.properties as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

function labelOf(feature: PlanFeature): string | null {
  const properties = feature.properties as unknown as Record<string, unknown>;
  for (const key of ['parcelNo', 'name', 'villageName']) {
    const value = properties[key];
    if (typeof value === 'string' && value) return value;
  }
  return null;
}
