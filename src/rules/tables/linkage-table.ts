/** The linkage ledger as a table (rules/linkage.ts): quota earned, excluded, kept back, used, and the balance. */
import type { LinkageLedger } from '../linkage.ts';
import { haCell, m2Cell, type Column, type Row, type Table } from './table.ts';

const COLUMNS: readonly Column[] = [
  { key: 'areaM2', labelKey: 'tables.col.areaM2', unit: 'm2' },
  { key: 'areaHa', labelKey: 'tables.col.areaHa', unit: 'ha' },
];

export function linkageTable(ledger: LinkageLedger, maxSharePercent: number): Table {
  const row = (key: string, m2: number | null, level = 1, labelParams?: Record<string, number>): Row => ({
    key,
    labelKey: `tables.linkage.${key}`,
    ...(labelParams ? { labelParams } : {}),
    level,
    cells: { areaM2: m2Cell(m2), areaHa: m2 === null ? null : haCell(m2) },
  });
  return {
    id: 'linkage',
    titleKey: 'tables.linkage.title',
    columns: COLUMNS,
    rows: [
      row('earned', ledger.earnedM2, 0),
      row('illegalExcluded', ledger.illegalExcludedM2),
      row('publicSpace', ledger.publicSpaceM2),
      row('maxKept', ledger.maxKeptM2, 1, { percent: maxSharePercent }),
      row('kept', ledger.keptForReserveM2),
      row('used', ledger.usedByNewBuildM2),
      row('reserveUsed', ledger.reserveUsedM2),
      row('balance', ledger.balanceM2, 0),
    ],
    footnotes: ledger.keptForReserveM2 === null ? [{ key: 'tables.linkage.keptMissing', params: {} }] : [],
  };
}
