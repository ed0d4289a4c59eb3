/**
 * The village's 12-digit XZQDM, the prefix of every new BSM (layers.ts `bsm()`): the package writer fills
 * missing BSMs with it and the edits give new features theirs, so both take it from here.
 */
import type { DatabaseLayerName } from './layers.ts';
import type { VillageDatabase } from './village-database.ts';
import { majority } from '../../domain/lists.ts';

/**
 * Where the code is read, in order: ZLDWDM (坐落单位代码) of CJDCQ, then of JQDLTB (the base layer CCTool takes
 * it from); then the BSMs the plan's features already carry (a BSM is the XZQDM and 8 digits: a plan made
 * from a DLTB without ZLDWDM numbered its features from the owners' QSDWDM, and said so).
 */
const XZQDM_SOURCES: readonly { readonly layer: DatabaseLayerName; readonly field: string; readonly pattern: RegExp }[] = [
  { layer: 'CJDCQ', field: 'ZLDWDM', pattern: /^\d{12}/ },
  { layer: 'JQDLTB', field: 'ZLDWDM', pattern: /^\d{12}/ },
  { layer: 'JQDLTB', field: 'BSM', pattern: /^\d{12}(?=\d{8}$)/ },
  { layer: 'GHDLTB', field: 'BSM', pattern: /^\d{12}(?=\d{8}$)/ },
];

/** The first 12 digits of the first source that has them, the commonest where features differ; null when none has. */
export function villageXzqdm(db: VillageDatabase): string | null {
  for (const { layer, field, pattern } of XZQDM_SOURCES) {
    const commonest = majority((db.layers[layer]?.features ?? []).map((feature) => pattern.exec(String(feature.properties[field] ?? '').trim())?.[0]));
    if (commonest !== null) return commonest;
  }
  return null;
}
