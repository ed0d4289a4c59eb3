/**
 * `zones-match-township` (zj-qc): the village's control zones follow the township plan's. Township 禁止建设区
 * (04x) is carried over whole; village 有条件建设区 (020) lies inside township 020; village 允许建设区 (010)
 * does not reach beyond township 010. The offending part is shown. Zones traced on the same vertices as
 * the township's are compared without clipping (geo/relate.ts).
 */
import type { AreaGeometry, FeatureOf } from '../domain/features.ts';
import { isForbiddenZone, type ControlZoneCode } from '../profiles/zhejiang-2017/codes.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { partOutside } from './clip.ts';
import type { Issue } from './issue.ts';
import { m2, makeIssue, notChecked } from './issue.ts';
import type { PlanRule } from './rule.ts';

type Zone = FeatureOf<'controlZone'> | FeatureOf<'townshipZones'>;

const isForbidden = (code: ControlZoneCode) => isForbiddenZone(code);

export const zonesMatchTownshipRule: PlanRule = {
  id: 'zones-match-township',
  kind: 'plan',
  severity: 'error',
  reads: ['controlZone', 'townshipZones'],
  profileKeys: ['overlapReportM2', 'coverageToleranceM'],
  source: 'zj-qc',
  seedDifference: '',
  check(state) {
    const township = state.features('townshipZones');
    if (township.length === 0) return [notChecked(this.id, 'rules.missing.layer.townshipZones')];
    const village = state.features('controlZone');
    if (village.length === 0) return [notChecked(this.id, 'rules.missing.layer.controlZone')];
    const threshold = state.profile.overlapReportM2;
    const issues: Issue[] = [];
    const check = (zones: readonly Zone[], coverLayer: 'controlZone' | 'townshipZones', keep: (code: ControlZoneCode) => boolean, what: string) => {
      for (const zone of zones) {
        const geometry = state.usable(zone.geometry);
        if (!geometry) continue;
        const covers = state.outlines((state.near(coverLayer, geometryBBox(geometry)) as Zone[]).filter((z) => keep(z.properties.zoneCode)));
        const outside = state.memo(`${this.id}:${what}`, geometry, [state.version(coverLayer), threshold, state.profile.coverageToleranceM], () => partOutside(geometry, covers, state.clipLimits(threshold)));
        const layer = zone.layer;
        if (!outside.ok) {
          issues.push(makeIssue(this.id, this.severity, { layer, features: [zone.id], key: 'rules.clipFailed', params: { detail: outside.error }, part: what }));
          continue;
        }
        const area = outside.value ? ellipsoidalArea(outside.value as AreaGeometry) : 0;
        if (area >= threshold) issues.push(makeIssue(this.id, this.severity, { layer, features: [zone.id], key: `rules.zones-match-township.${what}`, params: { areaM2: m2(area) }, geometry: outside.value, part: what }));
      }
    };
    check(township.filter((z) => isForbidden(z.properties.zoneCode)), 'controlZone', isForbidden, 'forbiddenNotCarried');
    check(village.filter((z) => z.properties.zoneCode === '020'), 'townshipZones', (c) => c === '020', 'conditionalOutside');
    check(village.filter((z) => z.properties.zoneCode === '010'), 'townshipZones', (c) => c === '010', 'allowedBeyond');
    return issues;
  },
};
