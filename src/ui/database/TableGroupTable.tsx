/**
 * The structure table's subtotal of each class the Zhejiang template puts in none (groupings-2023.ts,
 * domain-2026.md §1.3 ⚠): by default none (only in 总计), marked 默认值; a plan may count such a class in one
 * of the table's subtotals, 已修改 with a way back, each choice one undo step. Rows are the classes the plan's
 * parcels use, and any the plan set a subtotal for.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseSession } from '../../app/database-session.ts';
import { setPlanDefaults } from '../../commands/village-database/set-plan-defaults.command.ts';
import { assignedBy } from '../../profiles/classification.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { isPlanGroupableCode, tableGroupOf, ZJ_TABLE_GROUPS, type ZjTableGroup } from '../../profiles/ydyh/groupings-2023.ts';
import { PLAN_DEFAULTS } from '../../profiles/zhejiang-2026/plan-defaults.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { M2_PER_HA } from '../../rules/ydyh/database-parcels.ts';
import { formatNumber } from '../format.ts';
import { DefaultMark } from './DefaultMark.tsx';
import { planClasses, type PlanClass } from './plan-classes.ts';

const GROUPS = Object.keys(ZJ_TABLE_GROUPS.groups) as ZjTableGroup[];
const GROUPABLE = YDYH_2023_INDEX.classification.classes.flatMap((entry) => (entry.code !== null && isPlanGroupableCode(entry.code) ? [entry.code] : []));
const hectares = (m2: number) => formatNumber(m2 / M2_PER_HA, 2);

/** The classes to list: the groupable ones the parcels use, and those the plan set without parcels (to take back). */
function groupableRows(db: VillageDatabase): PlanClass[] {
  const used = planClasses(db).filter((row) => isPlanGroupableCode(row.code));
  const setOnly = Object.keys(db.tableGroups ?? {}).filter((code) => !used.some((row) => row.code === code));
  const unused = setOnly.map((code): PlanClass => ({ code, zh: YDYH_2023_INDEX.get(code)?.zh ?? '', en: YDYH_2023_INDEX.get(code)?.en ?? '', baseM2: 0, targetM2: 0 }));
  return [...used, ...unused].sort((a, b) => (a.code < b.code ? -1 : 1));
}

export function TableGroupTable({ db, session }: { db: VillageDatabase; session: DatabaseSession }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const rows = useMemo(() => groupableRows(db), [db]);
  const own = db.tableGroups ?? {};
  const nameOf = (group: ZjTableGroup) => (english ? ZJ_TABLE_GROUPS.groups[group].en : ZJ_TABLE_GROUPS.groups[group].zh);
  /** Its subtotal without its own value: its nearest ancestor's in this plan (080401 under 0804), else none. */
  const inherited = (row: PlanClass) => tableGroupOf(row.code, Object.fromEntries(Object.entries(own).filter(([code]) => code !== row.code)));
  const choose = (row: PlanClass, group: ZjTableGroup | null) => session.edit((current) => setPlanDefaults(current, 'tableGroups', { [row.code]: group === inherited(row) ? null : group }));
  return (
    <section data-testid="table-group-defaults">
      <h4>{t('database.defaults.tableGroups.title')}</h4>
      <p className="hint">{t('database.defaults.tableGroups.hint')}</p>
      {rows.length === 0 ? <p className="hint">{t('database.defaults.tableGroups.none', { codes: GROUPABLE.join('、') })}</p> : null}
      {rows.length === 0 ? null : (
        <table className="control-types">
          <thead>
            <tr>
              <th>{t('database.defaults.code')}</th>
              <th>{t('database.defaults.name')}</th>
              <th className="number">{t('database.defaults.tableGroups.area')}</th>
              <th>{t('database.defaults.tableGroups.group')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const shown = tableGroupOf(row.code, own);
              const setBy = assignedBy(own, YDYH_2023_INDEX, row.code) ?? row.code;
              return (
                <tr key={row.code} data-code={row.code}>
                  <td>{row.code}</td>
                  <td>{english ? row.en : row.zh}</td>
                  <td className="number">
                    {hectares(row.baseM2)} / {hectares(row.targetM2)}
                  </td>
                  <td>
                    <select value={shown ?? ''} data-testid="table-group" onChange={(e) => choose(row, PLAN_DEFAULTS.tableGroups.isValue(e.target.value) ? e.target.value : null)}>
                      <option value="">{t('database.defaults.defaultOption', { value: t('database.defaults.tableGroups.ungrouped') })}</option>
                      {GROUPS.map((group) => (
                        <option key={group} value={group}>
                          {nameOf(group)}
                        </option>
                      ))}
                    </select>{' '}
                    <DefaultMark changed={shown !== null} via={setBy === row.code ? null : setBy} reset={() => session.edit((current) => setPlanDefaults(current, 'tableGroups', { [setBy]: null }))} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
