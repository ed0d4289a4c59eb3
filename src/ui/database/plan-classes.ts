/** The 用地用海 (2023) classes a plan's parcels use, in code order, each with its area in either year: the rows of the 默认值 tables by class. */
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { codedParcels } from '../../rules/ydyh/database-parcels.ts';

export interface PlanClass {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly baseM2: number;
  readonly targetM2: number;
}

export function planClasses(db: VillageDatabase): PlanClass[] {
  const areas = new Map<string, { baseM2: number; targetM2: number }>();
  for (const year of ['base', 'target'] as const) {
    for (const parcel of codedParcels(db, year)) {
      if (YDYH_2023_INDEX.get(parcel.code) === undefined) continue;
      const had = areas.get(parcel.code) ?? { baseM2: 0, targetM2: 0 };
      areas.set(parcel.code, year === 'base' ? { ...had, baseM2: had.baseM2 + parcel.areaM2 } : { ...had, targetM2: had.targetM2 + parcel.areaM2 });
    }
  }
  return [...areas.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, area]) => ({ code, zh: YDYH_2023_INDEX.get(code)?.zh ?? '', en: YDYH_2023_INDEX.get(code)?.en ?? '', ...area }));
}
