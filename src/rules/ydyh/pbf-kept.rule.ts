/**
 * `pbf-kept` (domain-2026.md §5, cct:vg + domain): no planned construction land (a construction group of the
 * Zhejiang table: 07–16 and the like) on 永久基本农田. The PBF is a fixed reference layer, so its area at the
 * target year is the base year's by construction; what a plan can break is building on it. Each parcel is
 * reported with its part on the PBF, outlined; a part thinner than 0.05 m (two layers digitised apart) is
 * no construction on farmland. Not checked without the YJJBNT layer.
 */
import { constructionInside } from './construction-inside.ts';
import { databaseIssue, layerKey, notCheckedFor, type DatabaseRule } from './database-rule.ts';

export const pbfKeptRule: DatabaseRule = {
  id: 'pbf-kept',
  severity: 'error',
  source: 'cct:vg + domain',
  summary: 'No GHDLTB construction land (a construction group of the Zhejiang table) on 永久基本农田 (YJJBNT), parts thinner than 0.05 m aside; each parcel with its part on the PBF. Not checked without YJJBNT.',
  check(db) {
    if (!db.layers.YJJBNT) return [notCheckedFor(this.id, 'pbfLayer')];
    const inside = constructionInside(db, 'YJJBNT', false);
    if (!inside.ok) return [databaseIssue(this.id, 'notChecked', { layer: 'GHDLTB', key: 'overlayFailed', params: { detail: inside.error } })];
    return inside.found.map(({ parcel, geometry, areaM2 }) =>
      databaseIssue(this.id, 'error', { layer: 'GHDLTB', features: [parcel.ref], key: 'message', params: { layerKey: layerKey('GHDLTB'), ref: parcel.ref, code: parcel.written, areaM2: Math.round(areaM2 * 100) / 100 }, geometry }),
    );
  },
};
