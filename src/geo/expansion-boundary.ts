/**
 * The village construction-land expansion boundary (村庄建设用地扩展边界): the outline of the 允许建设区
 * (010) and 有条件建设区 (020) control zones together (domain.md §2). Derived, never drawn.
 */
import type { AreaGeometry } from '../domain/features.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';
import { normaliseControlZoneCode } from '../profiles/zhejiang-2017/codes.ts';
import { union, type OverlayResult } from './overlay.ts';

const EXPANSION_ZONE_CODES: readonly string[] = ['010', '020'];

function expansionZones(plan: Plan): AreaGeometry[] {
  return layerFeatures(plan, 'controlZone')
    .filter((zone) => EXPANSION_ZONE_CODES.includes(normaliseControlZoneCode(zone.properties.zoneCode)))
    .map((zone) => zone.geometry);
}

/** The union of the 010 and 020 zones; `value: null` when the plan has none. */
export function expansionBoundary(plan: Plan): OverlayResult {
  return union(expansionZones(plan));
}
