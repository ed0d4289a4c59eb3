/** The legend, built from the domain palette: land classes present in the plan, then the change symbols. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LAND_CLASSES } from '../../profiles/zhejiang-2017/land-classes.ts';
import { LAND_CLASS_COLOURS, rgbCss } from '../../profiles/zhejiang-2017/palette.ts';
import { usePlanState, useUi } from '../services.tsx';
import { ColourSwatch, LayerSwatch } from './LayerSwatch.tsx';

const CHANGE_SYMBOLS = ['demolition', 'newBuild', 'useChange', 'reserve', 'facility', 'pbf', 'controlZone', 'boundary'] as const;

export function Legend() {
  const { t } = useTranslation();
  const base = usePlanState((s) => s.plan.layers.base);
  const view = useUi((s) => s.view);
  const present = useMemo(() => new Set(Object.values(base).map((f) => f.properties.classCode)), [base]);
  const classes = LAND_CLASSES.filter((c) => present.has(c.code));
  return (
    <section className="legend" aria-label={t('legend.title')}>
      <h2>{t('legend.title')}</h2>
      <p className="hint">{t(`legend.viewHint.${view}`)}</p>
      <ul>
        {classes.map((c) => (
          <li key={c.code}>
            <ColourSwatch colour={rgbCss(LAND_CLASS_COLOURS[c.code])} />
            <span className="code">{c.code}</span> {t(`landClass.${c.code}`)}
          </li>
        ))}
      </ul>
      <ul>
        {CHANGE_SYMBOLS.map((layer) => (
          <li key={layer}>
            <LayerSwatch layer={layer} /> {t(`legend.symbol.${layer}`)}
          </li>
        ))}
        <li>
          <ColourSwatch colour="transparent" className="expansion" /> {t('legend.symbol.expansionBoundary')}
        </li>
      </ul>
      <p className="hint">{t('legend.paletteNote')}</p>
    </section>
  );
}
