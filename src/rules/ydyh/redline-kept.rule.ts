/**
 * `redline-kept` (domain-2026.md §5, cct:vg + domain `nothing-new-in-redline`): no new construction inside the
 * 生态保护红线. Planned construction land (a construction group of the Zhejiang table) inside the red line is
 * new where the base year had no construction land there: existing villages and roads inside a red line stay
 * as they are. Each parcel is reported with its new part, outlined; parts thinner than 0.05 m aside. The red
 * line is a fixed reference layer, so its area is unchanged by construction. Not checked without STBHHX.
 */
import { constructionInside } from './construction-inside.ts';
import { databaseIssue, layerKey, notCheckedFor, type DatabaseRule } from './database-rule.ts';

export const redlineKeptRule: DatabaseRule = {
  id: 'redline-kept',
  severity: 'error',
  source: 'cct:vg + domain nothing-new-in-redline',
  summary: 'No new construction inside the 生态保护红线 (STBHHX): GHDLTB construction land there beyond the JQDLTB construction land at the same place, parts thinner than 0.05 m aside. Not checked without STBHHX.',
  check(db) {
    if (!db.layers.STBHHX) return [notCheckedFor(this.id, 'redLineLayer')];
    const inside = constructionInside(db, 'STBHHX', true);
    if (!inside.ok) return [databaseIssue(this.id, 'notChecked', { layer: 'GHDLTB', key: 'overlayFailed', params: { detail: inside.error } })];
    return inside.found.map(({ parcel, geometry, areaM2 }) =>
      databaseIssue(this.id, 'error', { layer: 'GHDLTB', features: [parcel.ref], key: 'message', params: { layerKey: layerKey('GHDLTB'), ref: parcel.ref, code: parcel.written, areaM2: Math.round(areaM2 * 100) / 100 }, geometry }),
    );
  },
};
