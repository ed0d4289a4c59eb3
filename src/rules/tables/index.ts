/** Every table of the plan, computed from the derived plan (the same areas as the map). */
import type { CheckState } from '../context.ts';
import { linkageLedger } from '../linkage.ts';
import { f1Indicators } from './f1-indicators.ts';
import { f2Structure } from './f2-structure.ts';
import { f3Construction } from './f3-construction.ts';
import { f4Cultivated } from './f4-cultivated.ts';
import { f5Safeguards } from './f5-safeguards.ts';
import { linkageTable } from './linkage-table.ts';
import { demolitionList, newBuildList } from './parcel-lists.ts';
import type { Table, TableId } from './table.ts';

export type Tables = Readonly<Record<TableId, Table>>;

export function computeTables(state: Pick<CheckState, 'plan' | 'profile' | 'derived'>): Tables {
  const { plan, profile, derived } = state;
  return {
    F1: f1Indicators(plan, derived, profile),
    F2: f2Structure(derived, profile),
    F3: f3Construction(derived),
    F4: f4Cultivated(derived, profile),
    F5: f5Safeguards(plan),
    demolitionList: demolitionList(plan, derived),
    newBuildList: newBuildList(plan, derived, profile),
    linkage: linkageTable(linkageLedger(derived, plan.meta, profile), profile.reserveQuotaMaxShare * 100),
  };
}
