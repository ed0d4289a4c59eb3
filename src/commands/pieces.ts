/**
 * Features cut into pieces (a split along a line, a multi-part feature exploded): the largest piece keeps
 * the feature's id, so its history and links stay with it; the other pieces become new features with the
 * same attributes and the next parcel numbers of their layer.
 */
import type { AreaFeature, AreaGeometry, PlanFeature } from '../domain/features.ts';
import { newFeatureId } from '../domain/ids.ts';
import { putFeature, type FeatureChange } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { nextParcelNumbers } from './parcel-numbers.ts';

export interface Pieces {
  readonly feature: AreaFeature;
  readonly largest: AreaGeometry;
  readonly others: readonly AreaGeometry[];
}

/** The pieces of a feature, largest first (by ellipsoidal area). */
export function piecesOf(feature: AreaFeature, pieces: readonly AreaGeometry[]): Pieces | null {
  const [largest, ...others] = [...pieces].sort((a, b) => ellipsoidalArea(b) - ellipsoidalArea(a));
  return largest ? { feature, largest, others } : null;
}

export function featuresOfPieces(plan: Plan, cut: readonly Pieces[]): { changes: FeatureChange[]; created: PlanFeature[] } {
  const numbers = new Map<LayerId, string[]>();
  for (const { feature, others } of cut) {
    const pending = numbers.get(feature.layer)?.length ?? 0;
    numbers.set(feature.layer, nextParcelNumbers(plan, feature.layer, pending + others.length));
  }
  const used = new Map<LayerId, number>();
  const changes: FeatureChange[] = [];
  const created: PlanFeature[] = [];
  for (const { feature, largest, others } of cut) {
    changes.push(putFeature({ ...feature, geometry: largest } as PlanFeature));
    for (const geometry of others) {
      const n = used.get(feature.layer) ?? 0;
      used.set(feature.layer, n + 1);
      const parcelNo = numbers.get(feature.layer)?.[n] ?? '';
      const properties = 'parcelNo' in feature.properties && parcelNo ? { ...feature.properties, parcelNo } : feature.properties;
      created.push({ ...feature, id: newFeatureId(), geometry, properties } as PlanFeature);
    }
  }
  changes.push(...created.map(putFeature));
  return { changes, created };
}
