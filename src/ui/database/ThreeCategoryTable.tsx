/**
 * The 三大类 (农用地/建设用地/未利用地) of each class the plan's parcels use (groupings-2023.ts, [std ⚠]): the
 * profile's marked 默认值, a changed one 已修改 with a way back, each choice one undo step; below, both years'
 * area in each category as this plan assigns them, from the tables.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DatabaseSession } from '../../app/database-session.ts';
import { setPlanDefaults } from '../../commands/village-database/set-plan-defaults.command.ts';
import { assignedBy } from '../../profiles/classification.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { THREE_CATEGORIES, type ThreeCategory } from '../../profiles/ydyh/groupings-2023.ts';
import { defaultThreeCategoryOf, PLAN_DEFAULTS, threeCategoryOf } from '../../profiles/zhejiang-2026/plan-defaults.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { M2_PER_HA } from '../../rules/ydyh/database-parcels.ts';
import { formatNumber } from '../format.ts';
import { DefaultMark } from './DefaultMark.tsx';
import { ThreeCategoryTotals } from './ThreeCategoryTotals.tsx';
import { planClasses, type PlanClass } from './plan-classes.ts';

const CATEGORIES = Object.keys(THREE_CATEGORIES.groups) as ThreeCategory[];
const hectares = (m2: number) => formatNumber(m2 / M2_PER_HA, 2);

export function ThreeCategoryTable({ db, session }: { db: VillageDatabase; session: DatabaseSession }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const rows = useMemo(() => planClasses(db), [db]);
  // The areas come with the worker's tables, which follow each edit.
  const tables = useStore(session.store, (s) => s.tables);
  const own = db.threeCategories ?? {};
  const nameOf = (category: ThreeCategory) => (english ? THREE_CATEGORIES.groups[category].en : THREE_CATEGORIES.groups[category].zh);
  /** Its category without its own value: its nearest ancestor's in this plan, else the default. */
  const inherited = (row: PlanClass) => threeCategoryOf(row.code, Object.fromEntries(Object.entries(own).filter(([code]) => code !== row.code)));
  const choose = (row: PlanClass, category: ThreeCategory) => session.edit((current) => setPlanDefaults(current, 'threeCategories', { [row.code]: category === inherited(row) ? null : category }));
  return (
    <section data-testid="three-category-defaults">
      <h4>{t('database.defaults.threeCategories.title')}</h4>
      <p className="hint">{t('database.defaults.threeCategories.hint')}</p>
      {rows.length === 0 ? <p className="hint">{t('database.defaults.noParcels')}</p> : null}
      <table className="control-types">
        <thead>
          <tr>
            <th>{t('database.defaults.code')}</th>
            <th>{t('database.defaults.name')}</th>
            <th className="number">{t('database.defaults.threeCategories.area')}</th>
            <th>{t('database.defaults.threeCategories.category')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const shown = threeCategoryOf(row.code, own);
            const byDefault = defaultThreeCategoryOf(row.code);
            const setBy = assignedBy(own, YDYH_2023_INDEX, row.code) ?? row.code;
            return (
              <tr key={row.code} data-code={row.code}>
                <td>{row.code}</td>
                <td>{english ? row.en : row.zh}</td>
                <td className="number">{hectares(row.targetM2)}</td>
                <td>
                  <select value={shown ?? ''} data-testid="three-category" onChange={(e) => (PLAN_DEFAULTS.threeCategories.isValue(e.target.value) ? choose(row, e.target.value) : undefined)}>
                    {shown === null ? <option value="">{t('database.defaults.threeCategories.unassigned')}</option> : null}
                    {CATEGORIES.map((category) => (
                      <option key={category} value={category}>
                        {category === byDefault ? t('database.defaults.defaultOption', { value: nameOf(category) }) : nameOf(category)}
                      </option>
                    ))}
                  </select>{' '}
                  <DefaultMark changed={shown !== byDefault} via={setBy === row.code ? null : setBy} reset={() => session.edit((current) => setPlanDefaults(current, 'threeCategories', { [setBy]: null }))} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {tables ? <ThreeCategoryTotals categories={tables.categories} /> : null}
    </section>
  );
}
