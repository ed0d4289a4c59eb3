/**
 * The village's 12-digit XZQDM, the prefix of every new BSM (layers.ts `bsm()`): the package writer fills
 * missing BSMs with it and the edits give new features theirs, so both take it from here.
 */
import type { DatabaseLayerName } from './layers.ts';
import type { VillageDatabase } from './village-database.ts';

const XZQDM_SOURCES: readonly DatabaseLayerName[] = ['CJDCQ', 'JQDLTB'];

/**
 * The first 12 digits of ZLDWDM in CJDCQ, else in JQDLTB (the base layer CCTool takes it from); the
 * commonest where features differ; null when no feature has one.
 */
export function villageXzqdm(db: VillageDatabase): string | null {
  for (const name of XZQDM_SOURCES) {
    const counts = new Map<string, number>();
    for (const feature of db.layers[name]?.features ?? []) {
      const prefix = /^\d{12}/.exec(String(feature.properties.ZLDWDM ?? '').trim())?.[0];
      if (prefix) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
    const commonest = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (commonest) return commonest[0];
  }
  return null;
}
