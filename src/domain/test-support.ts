/** Small hand-made plans for unit tests across domain, commands and rules. Not used by the app. */
import type { AreaGeometry, PlanFeature } from './features.ts';
import { defaultProperties } from '../profiles/zhejiang-2017/fields.ts';
import { asFeatureId } from './ids.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { applyPatch, putFeature } from './patch.ts';
import { emptyPlan, type Plan } from './plan.ts';
import { ZHEJIANG_2017 } from '../profiles/zhejiang-2017/rule-profile.ts';

/** An axis-aligned rectangle in degrees, closed, counter-clockwise. */
export function rect(x0: number, y0: number, x1: number, y1: number): AreaGeometry {
  return { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
}

export function feature(layer: LayerId, id: string, geometry: AreaGeometry, properties: Record<string, unknown> = {}): PlanFeature {
  return {
    id: asFeatureId(id),
    layer,
    geometry,
    properties: { ...defaultProperties(layer, ZHEJIANG_2017, ''), ...properties },
  } as PlanFeature;
}

export function planWith(features: readonly PlanFeature[]): Plan {
  return applyPatch(emptyPlan({ villageName: '测试村' }), { features: features.map(putFeature) }).plan;
}
