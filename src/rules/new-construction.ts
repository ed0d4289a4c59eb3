/**
 * New construction land: what rules on the expansion boundary, farmland and the red line look at. A
 * new-build parcel counts whole (it is drawn to be built on); a use change counts where it turns land that
 * was not construction land into construction land (its derived pieces).
 */
import type { AreaGeometry, FeatureOf } from '../domain/features.ts';
import { isConstructionLand } from '../profiles/zhejiang-2017/land-classes.ts';
import type { CheckState } from './context.ts';
import { combine } from './clip.ts';

export interface NewConstruction {
  readonly feature: FeatureOf<'newBuild'> | FeatureOf<'useChange'>;
  readonly geometry: AreaGeometry;
}

export function newConstruction(state: CheckState): NewConstruction[] {
  const out: NewConstruction[] = [];
  for (const feature of state.features('newBuild')) {
    const geometry = state.usable(feature.geometry);
    if (geometry) out.push({ feature, geometry });
  }
  for (const feature of state.features('useChange')) {
    if (!isConstructionLand(feature.properties.targetCode)) continue;
    const pieces = state.derived.piecesOfChange(feature.id).filter((p) => !isConstructionLand(p.baseClass));
    const geometry = combine(pieces.map((p) => p.geometry));
    if (geometry) out.push({ feature, geometry });
  }
  return out;
}
