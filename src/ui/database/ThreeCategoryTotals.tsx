/** Each year's area in the 三大类 as the plan assigns them (the tables' `categories`), in 公顷. */
import { useTranslation } from 'react-i18next';
import { THREE_CATEGORIES, type ThreeCategory } from '../../profiles/ydyh/groupings-2023.ts';
import type { CategoryAreas } from '../../rules/ydyh/database-tables.ts';
import { M2_PER_HA } from '../../rules/ydyh/database-parcels.ts';
import { formatNumber } from '../format.ts';

const CATEGORIES = Object.keys(THREE_CATEGORIES.groups) as ThreeCategory[];

export function ThreeCategoryTotals({ categories }: { categories: CategoryAreas }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <table className="control-types" data-testid="three-category-totals">
      <caption>{t('database.defaults.threeCategories.totals')}</caption>
      <thead>
        <tr>
          <th />
          {CATEGORIES.map((category) => (
            <th key={category} className="number">
              {english ? THREE_CATEGORIES.groups[category].en : THREE_CATEGORIES.groups[category].zh}
            </th>
          ))}
          <th className="number">{t('database.defaults.threeCategories.unassigned')}</th>
        </tr>
      </thead>
      <tbody>
        {(['base', 'target'] as const).map((year) => (
          <tr key={year} data-year={year}>
            <th>{t(`database.defaults.threeCategories.${year}`)}</th>
            {[...CATEGORIES, 'unassigned' as const].map((category) => (
              <td key={category} className="number" data-category={category}>
                {formatNumber(categories[year][category] / M2_PER_HA, 2)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
