/**
 * The plan's figures and rule numbers: population and households, the township quotas (乡级规划下达), the
 * reserve quota kept back, and the `zhejiang-2017` numbers a county may change (labelled as defaults where
 * no source confirms them). Saved as undoable edits of the plan.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setProfileOverrides, setVillageFigures } from '../../commands/plan-meta.command.ts';
import type { TownshipQuotas } from '../../domain/plan.ts';
import { resolveProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { M2_PER_HECTARE } from '../../domain/units.ts';
import { runCommand } from '../actions/action.ts';
import { usePlanState, useServices } from '../services.tsx';
import { overridesFrom, profileRows } from './profile-rows.ts';
import { Dialog } from '../dialog/Dialog.tsx';

const QUOTA_KEYS: readonly (keyof TownshipQuotas)[] = ['cultivatedLand', 'permanentBasicFarmland', 'constructionTotal', 'urbanRuralConstruction', 'villageConstruction', 'pbfReserve'];

/** An input's text as a number, or null when empty; NaN when not a number (the save is then refused). */
const parse = (text: string) => (text.trim() === '' ? null : Number(text));
const shown = (value: number | null, scale = 1) => (value === null ? '' : String(Math.round((value / scale) * 10_000) / 10_000));

export function ProfileDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const services = useServices();
  const meta = usePlanState((s) => s.plan.meta);
  const profile = useMemo(() => resolveProfile(meta.profileId, meta.profileOverrides), [meta]);
  const rows = useMemo(() => profileRows(profile), [profile]);
  const [figures, setFigures] = useState<Record<string, string>>(() => ({
    population: shown(meta.population),
    households: shown(meta.households),
    reserveQuotaKeptM2: shown(meta.reserveQuotaKeptM2, M2_PER_HECTARE),
    ...Object.fromEntries(QUOTA_KEYS.map((k) => [k, shown(meta.quotas[k], M2_PER_HECTARE)])),
  }));
  const [edits, setEdits] = useState<Map<string, string>>(new Map());

  const saveFigures = () => {
    const ha = (key: string) => {
      const v = parse(figures[key] ?? '');
      return v === null ? null : v * M2_PER_HECTARE;
    };
    return runCommand(
      services,
      setVillageFigures(services.editor.plan.context(), {
        population: parse(figures.population ?? ''),
        households: parse(figures.households ?? ''),
        reserveQuotaKeptM2: ha('reserveQuotaKeptM2'),
        quotas: Object.fromEntries(QUOTA_KEYS.map((k) => [k, ha(k)])) as unknown as TownshipQuotas,
      }),
    );
  };
  const saveProfile = () => {
    if (edits.size === 0) return true;
    const numbers = new Map([...edits].map(([path, text]) => [path, Number(text)]));
    return runCommand(services, setProfileOverrides(services.editor.plan.context(), { ...meta.profileOverrides, ...overridesFrom(profile, numbers) }));
  };

  const field = (key: string, labelKey: string, unit: string) => (
    <label key={key} className="field">
      <span>{t(labelKey)} <small>{unit}</small></span>
      <input inputMode="decimal" value={figures[key] ?? ''} data-figure={key} onChange={(e) => setFigures({ ...figures, [key]: e.target.value })} />
    </label>
  );

  return (
    <Dialog
      title={t('profile.title')}
      className="profile"
      onClose={onClose}
      submit={{
        label: t('dialog.save'),
        onSubmit: () => {
          if (saveFigures() && saveProfile()) onClose();
        },
      }}
    >
      <h3>{t('profile.village')}</h3>
      <div className="grid">
        {field('population', 'profile.population', t('profile.unit.people'))}
        {field('households', 'profile.households', t('profile.unit.households'))}
      </div>
      <h3>{t('profile.quotas')}</h3>
      <div className="grid">
        {QUOTA_KEYS.map((k) => field(k, `profile.quota.${k}`, t('profile.unit.ha')))}
        {field('reserveQuotaKeptM2', 'profile.reserveQuotaKept', t('profile.unit.ha'))}
      </div>
      <h3>{t('profile.rules', { id: profile.id })}</h3>
      <table className="profile-table">
        <tbody>
          {rows.map((row) => (
            <tr key={row.path}>
              <td>
                {t(`profile.key.${row.path}`, { defaultValue: row.path })}
                {row.unconfirmed ? <span className="default-note">{t('profile.unconfirmed')}</span> : null}
              </td>
              <td>
                <input
                  inputMode="decimal"
                  aria-label={t(`profile.key.${row.path}`, { defaultValue: row.path })}
                  data-profile-key={row.path}
                  value={edits.get(row.path) ?? String(row.value)}
                  onChange={(e) => setEdits(new Map(edits).set(row.path, e.target.value))}
                />
              </td>
              <td className="hint">{t('profile.default', { value: row.defaultValue })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
