/** The measure tool's floating panel on the map: 距离/面积, the figures live as the pointer moves, 清除 and 复制. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { gkPlaneLength } from '../../geo/measure-plane.ts';
import { MEASURE_MODES } from '../../store/measure.store.ts';
import { useServices, useTool } from '../services.tsx';
import { measureReadout, readoutText } from './measure-readout.ts';

export function MeasurePanel() {
  const { t } = useTranslation();
  const { editor } = useServices();
  const active = useTool((s) => s.tool.kind === 'measure');
  const state = useStore(editor.measure.store);
  // The GK plane length needs proj4, which the status bar loads after start; the panel waits for it.
  const [planeLength, setPlaneLength] = useState<typeof gkPlaneLength | undefined>(undefined);
  useEffect(() => {
    if (active && !planeLength) void import('../../geo/measure-plane.ts').then((module) => setPlaneLength(() => module.gkPlaneLength));
  }, [active, planeLength]);
  if (!active) return null;

  const readout = measureReadout(t, state, planeLength);
  const copy = () => {
    navigator.clipboard.writeText(readoutText(t, state, readout)).then(
      () => editor.messages.toast('success', { key: 'measure.copied' }),
      () => editor.messages.toast('error', { key: 'measure.copyFailed' }),
    );
  };
  return (
    <section className="measure-panel" role="region" aria-label={t('measure.title')} data-testid="measure-panel">
      <header>
        <h2>{t('measure.title')}</h2>
        <div className="segmented" role="radiogroup" aria-label={t('measure.mode')}>
          {MEASURE_MODES.map((mode) => (
            <button
              key={mode}
              type="button"
              role="radio"
              aria-checked={state.mode === mode}
              className={`segment${state.mode === mode ? ' active' : ''}`}
              data-measure-mode={mode}
              onClick={() => editor.measure.setMode(mode)}
            >
              {t(`measure.mode.${mode}`)}
            </button>
          ))}
        </div>
      </header>
      <p className="measure-basis" title={t('measure.ellipsoidHint')}>
        {t('measure.ellipsoid')}
      </p>
      {readout.rows.length > 0 ? (
        <dl className="measure-figures">
          {readout.rows.map((row) => (
            <div key={row.id} className={`measure-row measure-row-${row.id.replace(/-\d+$/, '')}`} title={row.id === 'plane' ? t('measure.planeHint') : undefined}>
              <dt>{row.label}</dt>
              <dd data-testid={`measure-${row.id}`}>{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {readout.note ? (
        <p className="hint" data-testid="measure-note">
          {readout.note}
        </p>
      ) : null}
      <div className="measure-actions">
        <button type="button" data-action="measure-clear" disabled={state.measurement.kind === 'empty'} onClick={() => editor.measure.clear()}>
          {t('measure.clear')}
        </button>
        <button type="button" data-action="measure-copy" disabled={readout.rows.length === 0} onClick={copy}>
          {t('measure.copy')}
        </button>
      </div>
    </section>
  );
}
