/**
 * `codes-in-lists` (cct:gf, cct:vg, cct:gkbj): the coded fields of the facility points, the control
 * boundaries and the heritage areas hold a code of their list (code-lists.ts); a code outside it, or none,
 * is an error: the 管控表 and the legends cannot place the feature. Grouped per field and value; a value that is
 * a code of the list without its leading zero names the code it was.
 */
import type { CodeEntry } from '../../domain/code-entry.ts';
import { FACILITY_POINT_TYPES, GKBJ_TYPES, HERITAGE_AREA_TYPES, HERITAGE_LEVELS } from '../../profiles/zhejiang-2026/code-lists.ts';
import type { VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { databaseIssue, firstRefs, layerKey, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';
import { textOf } from './database-parcels.ts';
import { addToList } from '../../domain/lists.ts';

const CODED_FIELDS: readonly { readonly layer: VillageLayerName; readonly field: string; readonly list: readonly CodeEntry[] }[] = [
  { layer: 'GKBJ', field: 'GKBJLXDM', list: GKBJ_TYPES },
  { layer: 'GGJCSSD', field: 'SSLXDM', list: FACILITY_POINT_TYPES },
  { layer: 'GHGGJCSSD', field: 'GHSSLXDM', list: FACILITY_POINT_TYPES },
  { layer: 'LSWHBHQ', field: 'LSWHLXDM', list: HERITAGE_AREA_TYPES },
  { layer: 'LSWHBHQ', field: 'JBDM', list: HERITAGE_LEVELS },
];

export const codesInListsRule: DatabaseRule = {
  id: 'codes-in-lists',
  severity: 'error',
  source: 'cct:gf, cct:vg, cct:gkbj',
  summary: 'GKBJLXDM ∈ 管控边界类型, SSLXDM/GHSSLXDM ∈ 公服 list, LSWHLXDM ∈ {01, 02, 03}, JBDM ∈ {10 … 50}.',
  check(db) {
    const issues: DatabaseIssue[] = [];
    for (const { layer, field, list } of CODED_FIELDS) {
      const codes = new Set(list.map((entry) => entry.code));
      const refsByValue = new Map<string | null, string[]>();
      for (const feature of db.layers[layer]?.features ?? []) {
        const value = textOf(feature.properties[field]);
        if (value !== null && codes.has(value)) continue;
        addToList(refsByValue, value, feature.ref);
      }
      for (const [value, refs] of refsByValue) {
        // A code field stored as a number (a DBF N field, GDAL from Excel) drops the leading zero: 301 for 0301.
        const padded = value !== null && /^\d+$/.test(value) ? `0${value}` : null;
        const expected = padded !== null && codes.has(padded) ? padded : null;
        issues.push(
          databaseIssue(this.id, 'error', {
            layer,
            features: refs,
            key: value === null ? 'blank' : expected !== null ? 'lostZero' : 'notInList',
            params: { layerKey: layerKey(layer), field, value: value ?? '', allowed: [...codes].join('、'), count: refs.length, refs: firstRefs(refs), ...(expected !== null ? { expected } : {}) },
          }),
        );
      }
    }
    return issues;
  },
};
