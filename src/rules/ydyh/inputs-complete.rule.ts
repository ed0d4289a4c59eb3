/**
 * `inputs-complete` (cct:chk `CheckFeatureClass`): the layers every other check reads. Without the base and
 * the target parcels, or without their land code, nothing can be tabulated: an error. The 永久基本农田 and
 * the 生态保护红线 are reference inputs: without them the indicators #7 and #8 are 0 and the protection
 * checks cannot run, which a reviewer must see, but the plan itself may be whole: a warning. So is such a
 * layer given without a polygon: its indicator counts 0 and its checks find nothing, right only for a
 * village that has none.
 */
import type { VillageDatabase, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { databaseIssue, layerKey, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';
import { hasPolygons } from './database-parcels.ts';

const REQUIRED: readonly { readonly layer: VillageLayerName; readonly fields: readonly string[] }[] = [
  { layer: 'JQDLTB', fields: ['JQDLBM'] },
  { layer: 'GHDLTB', fields: ['GHDLBM'] },
];
const REFERENCE: readonly VillageLayerName[] = ['YJJBNT', 'STBHHX'];

export const inputsCompleteRule: DatabaseRule = {
  id: 'inputs-complete',
  severity: 'error',
  source: 'cct:chk',
  summary: 'JQDLTB with JQDLBM and GHDLTB with GHDLBM present and not empty (error); YJJBNT or STBHHX missing, or given without a polygon, is a warning.',
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
    for (const layer of REFERENCE) {
      const read = db.layers[layer];
      if (read === undefined) issues.push(databaseIssue(this.id, 'warning', { layer, key: 'referenceMissing', params: { layerKey: layerKey(layer) } }));
      // An empty template layer reads as "none in this village": right for a village without any, but a
      // layer left unfilled would pass every check that needs it, so it is said.
      else if (!hasPolygons(db, layer)) issues.push(databaseIssue(this.id, 'warning', { layer, key: 'referenceEmpty', params: { layerKey: layerKey(layer), file: read.file } }));
    }
    return issues;
  },
};
