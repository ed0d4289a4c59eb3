/**
 * The township's tasks for a clipped village. The generator sets the kept-land tasks just under what the
 * village has (meta.ts), so a village that lost its outer parcels would break rules `pbf-kept` and
 * `cultivated-land-kept` for no reason a planner could fix: those tasks shrink with the land they count.
 * Construction caps stay (less land never means more construction).
 */
import { isCultivatedLand } from '../../src/profiles/zhejiang-2017/land-classes.ts';
import { layerFeatures, type Plan, type PlanMeta } from '../../src/domain/plan.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';

export function quotasForClippedVillage(before: Plan, after: Plan): PlanMeta {
  const { quotas } = before.meta;
  const cultivated = (plan: Plan) => layerFeatures(plan, 'base').reduce((s, f) => s + (isCultivatedLand(f.properties.classCode) ? ellipsoidalArea(f.geometry) : 0), 0);
  const farmland = (plan: Plan) => layerFeatures(plan, 'pbf').reduce((s, f) => s + ellipsoidalArea(f.geometry), 0);
  const scaled = (quota: number | null, was: number, now: number) => (quota === null || was === 0 ? quota : Math.floor((quota * now) / was / 100) * 100);
  return {
    ...before.meta,
    quotas: {
      ...quotas,
      cultivatedLand: scaled(quotas.cultivatedLand, cultivated(before), cultivated(after)),
      permanentBasicFarmland: scaled(quotas.permanentBasicFarmland, farmland(before), farmland(after)),
    },
  };
}
