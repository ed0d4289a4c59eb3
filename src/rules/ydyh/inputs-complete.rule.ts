/**
 * `inputs-complete` (cct:chk `CheckFeatureClass`): the layers every other check reads. Without the base and
 * the target parcels, or without their land code, nothing can be tabulated: an error. The 永久基本农田 and
 * the 生态保护红线 are reference inputs: without them the indicators #7 and #8 are 0 and the protection
 * checks cannot run, which a reviewer must see, but the plan itself may be whole: a warning. So is such a
 * layer given without a polygon where the township allocates that land or the GKBJ draws it: its indicator
 * would count 0 and its checks find nothing.
 */
import { GKBJ_TYPE_OF_REFERENCE } from '../../profiles/zhejiang-2026/code-lists.ts';
import { INDICATOR_OF_REFERENCE } from '../../profiles/zhejiang-2026/indicators.ts';
import type { VillageDatabase, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { databaseIssue, layerKey, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';
import { controlTypeOfFeature, hasPolygons } from './database-parcels.ts';

const REQUIRED: readonly { readonly layer: VillageLayerName; readonly fields: readonly string[] }[] = [
  { layer: 'JQDLTB', fields: ['JQDLBM'] },
  { layer: 'GHDLTB', fields: ['GHDLBM'] },
];
/** Each reference layer with its indicator (#8, #7) and the GKBJ type that draws the same land (0202, 0102). */
const REFERENCE: readonly { readonly layer: 'YJJBNT' | 'STBHHX'; readonly indicator: number; readonly gkbjType: string }[] = [
  { layer: 'YJJBNT', indicator: INDICATOR_OF_REFERENCE.YJJBNT, gkbjType: GKBJ_TYPE_OF_REFERENCE.YJJBNT },
  { layer: 'STBHHX', indicator: INDICATOR_OF_REFERENCE.STBHHX, gkbjType: GKBJ_TYPE_OF_REFERENCE.STBHHX },
];

export const inputsCompleteRule: DatabaseRule = {
  id: 'inputs-complete',
  severity: 'error',
  source: 'cct:chk',
  summary: 'JQDLTB with JQDLBM and GHDLTB with GHDLBM present and not empty (error); YJJBNT or STBHHX missing, or without a polygon where the allocation (#8, #7) or a GKBJ zone (0202, 0102) says there is such land, is a warning.',
  check(db: VillageDatabase) {
    const issues: DatabaseIssue[] = [];
    for (const { layer, fields } of REQUIRED) {
      const read = db.layers[layer];
      if (read === undefined) {
        issues.push(databaseIssue(this.id, 'error', { layer, key: 'layerMissing', params: { layerKey: layerKey(layer) } }));
        continue;
      }
      if (read.features.length === 0) issues.push(databaseIssue(this.id, 'error', { layer, key: 'layerEmpty', params: { layerKey: layerKey(layer), file: read.file } }));
      for (const field of fields) {
        if (!read.fieldNames.includes(field)) issues.push(databaseIssue(this.id, 'error', { layer, key: 'fieldMissing', params: { layerKey: layerKey(layer), field, file: read.file } }));
      }
    }
    for (const { layer, indicator, gkbjType } of REFERENCE) {
      const read = db.layers[layer];
      if (read === undefined) {
        issues.push(databaseIssue(this.id, 'warning', { layer, key: 'referenceMissing', params: { layerKey: layerKey(layer) } }));
        continue;
      }
      // An empty template layer reads as "none in this village", which is right for most villages' red line;
      // but where the township allocates some, or the GKBJ draws such land, the layer was left unfilled and
      // every check that needs it would pass: said then.
      const allocated = (db.allocations[indicator] ?? 0) > 0;
      const drawn = (db.layers.GKBJ?.features ?? []).some((f) => controlTypeOfFeature(f) === gkbjType);
      if ((allocated || drawn) && !hasPolygons(db, layer)) issues.push(databaseIssue(this.id, 'warning', { layer, key: allocated ? 'referenceEmptyAllocated' : 'referenceEmptyDrawn', params: { layerKey: layerKey(layer), file: read.file, allocationHa: db.allocations[indicator] ?? 0, gkbjType } }));
    }
    return issues;
  },
};
