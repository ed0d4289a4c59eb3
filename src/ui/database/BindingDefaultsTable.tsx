/**
 * The binding directions of the 规划指标 (indicators.ts, ours ⚠): for each indicator with one, ≤, ≥ or 不约束
 * against its 上级下达, the profile's marked 默认值. A choice is one undo step (`setPlanDefaults`), and
 * `binding-indicators`, the 指标表 and the 上级下达 entries follow it.
 */
import { useTranslation } from 'react-i18next';
import type { DatabaseSession } from '../../app/database-session.ts';
import { setPlanDefaults } from '../../commands/village-database/set-plan-defaults.command.ts';
import { defaultBindingOf, type PlanBinding } from '../../profiles/zhejiang-2026/indicators.ts';
import { DIRECTED_INDICATORS, PLAN_DEFAULTS } from '../../profiles/zhejiang-2026/plan-defaults.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { DefaultMark } from './DefaultMark.tsx';

const CHOICES: readonly PlanBinding[] = ['atMost', 'atLeast', 'none'];

export function BindingDefaultsTable({ db, session }: { db: VillageDatabase; session: DatabaseSession }) {
  const { t } = useTranslation();
  const choose = (number: number, binding: PlanBinding, byDefault: PlanBinding) =>
    session.edit((current) => setPlanDefaults(current, 'bindings', { [String(number)]: binding === byDefault ? null : binding }));
  return (
    <section data-testid="binding-defaults">
      <h4>{t('database.defaults.bindings.title')}</h4>
      <table className="control-types">
        <thead>
          <tr>
            <th>{t('database.defaults.bindings.number')}</th>
            <th>{t('database.defaults.bindings.indicator')}</th>
            <th>{t('database.defaults.bindings.direction')}</th>
          </tr>
        </thead>
        <tbody>
          {DIRECTED_INDICATORS.map((indicator) => {
            const byDefault = defaultBindingOf(indicator);
            const own = db.bindings?.[String(indicator.number)];
            const shown = own ?? byDefault;
            const label = (binding: PlanBinding) => t(`database.defaults.bindings.${binding}`);
            return (
              <tr key={indicator.number} data-indicator={indicator.number}>
                <td>{indicator.number}</td>
                <td>{t(`rules.db.indicator.${indicator.number}`)}</td>
                <td>
                  <select value={shown} data-testid="binding" onChange={(e) => choose(indicator.number, PLAN_DEFAULTS.bindings.isValue(e.target.value) ? e.target.value : byDefault, byDefault)}>
                    {CHOICES.map((binding) => (
                      <option key={binding} value={binding}>
                        {binding === byDefault ? t('database.defaults.defaultOption', { value: label(binding) }) : label(binding)}
                      </option>
                    ))}
                  </select>{' '}
                  <DefaultMark changed={own !== undefined} reset={() => choose(indicator.number, byDefault, byDefault)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
