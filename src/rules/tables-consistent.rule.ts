/**
 * `tables-consistent` (zj-qc): every table equals the sum of the map, to the profile's tolerance. The tables
 * are computed from the derived pieces, the same areas as the map, and each table's rows add up after
 * rounding by construction (tables/table.ts); what can still break is the derivation itself (an overlay
 * that failed for a parcel), the land total against the village's own area, and two changes of one layer
 * drawn over each other: the derivation counts their overlap once, for the one first by id (pieces.ts
 * `byPriority`), so F2 takes that one's target class and the other's list row is smaller than its outline,
 * by an order the planner never chose. Changes of different layers overlap by design, the later layer
 * winning (domain.md §2: demolition < new-build < other change; 拆旧建新 on the same spot, a demolished
 * house replaced by a new one, is common): legitimate, but the earlier change then holds 0 m² of the overlap
 * in its list row, F3 and F4, so each such loss is named too, as a warning a 规划说明 can justify (domain.md
 * has no milder severity), never as an error.
 */
import type { AreaGeometry } from '../domain/features.ts';
import { layerFeatures } from '../domain/plan.ts';
import { m2ToMu } from '../domain/units.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { overlapNotUnder, pairOverlaps } from '../geo/geos/pair-overlaps.ts';
import { CHANGE_LAYER_ORDER } from '../profiles/zhejiang-2017/layers.ts';
import type { CheckState } from './context.ts';
import { byPriority, type ChangeFeature } from './derive/pieces.ts';
import type { Issue, Severity } from './issue.ts';
import { m2, makeIssue, metres } from './issue.ts';
import type { PlanRule } from './rule.ts';

export const tablesConsistentRule: PlanRule = {
  id: 'tables-consistent',
  kind: 'plan',
  severity: 'error',
  reads: ['boundary', 'base', 'pbf', 'reserve', 'demolition', 'newBuild', 'useChange'],
  profileKeys: ['tablesToleranceHa', 'coverageToleranceM', 'overlapReportM2'],
  source: 'zj-qc',
  seedDifference: '',
  check(state) {
    const issues: Issue[] = [];
    for (const problem of state.derived.problems()) {
      issues.push(makeIssue(this.id, this.severity, { layer: 'base', features: [problem.base, problem.other], key: 'rules.tables-consistent.derivationFailed', params: { detail: problem.error } }));
    }
    const toleranceM2 = state.profile.tablesToleranceHa * 10_000;
    const baseTotal = state.derived.sum(() => true);
    const boundary = state.boundary();
    if (boundary.ok && boundary.geometry) {
      const village = state.memo(this.id, boundary.geometry, [], () => ellipsoidalArea(boundary.geometry as NonNullable<typeof boundary.geometry>));
      if (Math.abs(village - baseTotal) > toleranceM2) {
        issues.push(makeIssue(this.id, this.severity, { key: 'rules.tables-consistent.totalVsVillage', params: { tableM2: m2(baseTotal), villageM2: m2(village), differenceM2: m2(baseTotal - village) }, part: 'total' }));
      }
    }
    issues.push(...changeOverlaps(state, this.id, this.severity));
    issues.push(...lostToLaterLayers(state, this.id));
    return issues;
  },
};

/**
 * Overlaps wider than the coverage tolerance and at least the report area between changes of one layer; the
 * first feature is the one the tables count the overlap for. Where a third change of the layer also covers
 * part of an overlap and comes first, that part is named for the third one only, as across layers.
 */
function changeOverlaps(state: CheckState, ruleId: string, severity: Severity): Issue[] {
  const { coverageToleranceM: tolerance, overlapReportM2: minArea } = state.profile;
  return CHANGE_LAYER_ORDER.flatMap((layer) => {
    const features = (layerFeatures(state.plan, layer) as readonly ChangeFeature[]).flatMap((f) => {
      const outline = state.usable(f.geometry);
      return outline ? [{ feature: f, outline }] : [];
    });
    // Changes are few (tens to hundreds): every pair whose boxes meet, remembered while the layer is unchanged.
    return state.memo(ruleId, `changes:${layer}`, [...features.map((f) => f.feature), tolerance, minArea], () => {
      const ordered = pairOverlaps(features.map((f) => f.outline), state.plane(), tolerance, minArea)
        .map((o) => ({ o, ranked: [features[o.i]!.feature, features[o.j]!.feature].sort(byPriority) as [ChangeFeature, ChangeFeature] }))
        .sort((a, b) => byPriority(a.ranked[0], b.ranked[0]));
      const takenFrom = new Map<ChangeFeature, AreaGeometry[]>();
      return ordered.flatMap(({ o: whole, ranked: [counted, notCounted] }) => {
        const pair = [counted.id, notCounted.id];
        const taken = takenFrom.get(notCounted) ?? [];
        const o = 'error' in whole || taken.length === 0 ? whole : overlapNotUnder(whole.geometry, taken as [AreaGeometry, ...AreaGeometry[]], state.plane(), tolerance, minArea);
        if (!('error' in whole)) takenFrom.set(notCounted, [...taken, whole.geometry]);
        if (!o) return [];
        if ('error' in o) return [makeIssue(ruleId, severity, { layer, features: pair, key: 'rules.clipFailed', params: { detail: o.error } })];
        const params = { layerKey: `layer.${layer}`, counted: counted.properties.parcelNo, notCounted: notCounted.properties.parcelNo, areaM2: m2(o.areaM2), widthM: metres(o.widthM) };
        return [makeIssue(ruleId, severity, { layer, features: pair, key: 'rules.tables-consistent.changesOverlap', params, geometry: o.geometry })];
      });
    });
  });
}

/**
 * Each change's overlap with the changes of later layers (wider than the coverage tolerance, at least the
 * report area, as within one layer): the later one takes it in the derivation, so the earlier one's list row,
 * F3 and F4 count none of it. Where two later changes over it overlap each other, the land under both is
 * named once, for the one the derivation gives it to: the areas named add up to what the change loses.
 * Remembered per earlier change while it and the later changes near it are unchanged.
 */
function lostToLaterLayers(state: CheckState, ruleId: string): Issue[] {
  const { coverageToleranceM: tolerance, overlapReportM2: minArea } = state.profile;
  return CHANGE_LAYER_ORDER.flatMap((layer, k) => {
    const later = CHANGE_LAYER_ORDER.slice(k + 1);
    if (later.length === 0) return [];
    return (layerFeatures(state.plan, layer) as readonly ChangeFeature[]).flatMap((loser) => {
      const outline = state.usable(loser.geometry);
      if (!outline) return [];
      // Winners in the order they take land: each one's overlap less the overlaps of those before it.
      const winners = (state.near(later, geometryBBox(outline)) as ChangeFeature[]).sort(byPriority);
      return state.memo(ruleId, loser, [outline, ...winners, tolerance, minArea], () => {
        const taken: AreaGeometry[] = [];
        return winners.flatMap((winner) => {
          const other = state.usable(winner.geometry);
          if (!other) return [];
          const pair = [winner.id, loser.id];
          return pairOverlaps([other, outline], state.plane(), tolerance, minArea).flatMap((whole) => {
            const o = 'error' in whole || taken.length === 0 ? whole : overlapNotUnder(whole.geometry, taken as [AreaGeometry, ...AreaGeometry[]], state.plane(), tolerance, minArea);
            if (!('error' in whole)) taken.push(whole.geometry);
            if (!o) return [];
            if ('error' in o) return [makeIssue(ruleId, 'warning', { layer, features: pair, key: 'rules.clipFailed', params: { detail: o.error } })];
            const params = {
              countedLayerKey: `layer.${winner.layer}`,
              counted: winner.properties.parcelNo,
              notCountedLayerKey: `layer.${layer}`,
              notCounted: loser.properties.parcelNo,
              areaM2: m2(o.areaM2),
              areaMu: m2(m2ToMu(o.areaM2)),
              widthM: metres(o.widthM),
            };
            return [makeIssue(ruleId, 'warning', { layer, features: pair, key: 'rules.tables-consistent.changeUnderLaterLayer', params, geometry: o.geometry })];
          });
        });
      });
    });
  });
}
