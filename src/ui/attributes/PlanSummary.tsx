/** With nothing selected: the village, its figures, and a hint on how to start. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LAYER_IDS } from '../../profiles/zhejiang-2017/layers.ts';
import { layerCount, layerFeatures } from '../../domain/plan.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { formatArea } from '../format.ts';
import { usePlanState } from '../services.tsx';

export function PlanSummary() {
  const { t } = useTranslation();
  const plan = usePlanState((s) => s.plan);
  const villageArea = useMemo(
    () => layerFeatures(plan, 'boundary').reduce((sum, f) => sum + ellipsoidalArea(f.geometry), 0),
    [plan.layers.boundary],
  );
  const { meta } = plan;
  return (
    <aside className="panel attribute-panel" aria-label={t('attributes.title')}>
      <h2>{meta.villageName || t('summary.untitled')}</h2>
      <dl className="summary">
        <dt>{t('summary.township')}</dt>
        <dd>{[meta.county, meta.township].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>{t('summary.code')}</dt>
        <dd>{meta.villageCode || '—'}</dd>
        <dt>{t('summary.period')}</dt>
        <dd>{t('summary.periodValue', { base: meta.baseYear, target: meta.targetYear })}</dd>
        <dt>{t('summary.area')}</dt>
        <dd>{villageArea > 0 ? formatArea(t, villageArea) : '—'}</dd>
        <dt>{t('summary.population')}</dt>
        <dd>{meta.population ?? '—'} / {meta.households ?? '—'}</dd>
      </dl>
      <h3>{t('summary.features')}</h3>
      <ul className="counts">
        {LAYER_IDS.filter((l) => layerCount(plan.layers[l]) > 0).map((l) => (
          <li key={l}>
            {t(`layer.${l}`)}: {layerCount(plan.layers[l])}
          </li>
        ))}
      </ul>
      <p className="hint">{t('summary.howToStart')}</p>
    </aside>
  );
}
