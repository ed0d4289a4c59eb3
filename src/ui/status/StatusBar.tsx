/** The status bar: scale as 1:N with a 1:2000 button, the pointer in lon/lat and CGCS2000 Gauss-Krüger, live area. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roundScaleDenominator, scaleDenominator } from '../../map/scale.ts';
import { actionById } from '../actions/index.ts';
import { useQuarantine } from '../drafts/drafts-context.tsx';
import { QuarantineStatus } from '../drafts/QuarantinePanel.tsx';
import { SaveStatus } from '../drafts/SaveStatus.tsx';
import { formatArea, formatNumber } from '../format.ts';
import { usePointer, useSelection, useServices, useTool } from '../services.tsx';

type Projection = typeof import('../../geo/projection.ts');

/** Scales planners work at: 1:500 for detail, 1:2000 for the plan, up to the whole township. */
const SCALE_PRESETS = [500, 1000, 2000, 5000, 10_000, 25_000] as const;

export function StatusBar() {
  const { t } = useTranslation();
  const services = useServices();
  const zoom = usePointer((s) => s.zoom);
  const latitude = usePointer((s) => s.centreLatitude);
  const lonLat = usePointer((s) => s.lonLat);
  const liveArea = useTool((s) => s.liveAreaM2);
  const toolKind = useTool((s) => s.tool.kind);
  const selected = useSelection((s) => s.ids.length);
  const onlySelected = useSelection((s) => (s.ids.length === 1 ? s.ids[0] : null));
  const pick = usePointer((s) => s.pick);
  const setAside = useQuarantine((s) => (s.read ? String(s.records.filter((r) => r.state === 'pending').length) : 'unread'));
  const denominator = zoom === null ? null : roundScaleDenominator(scaleDenominator(zoom, latitude));
  // proj4 (with its big-number and MGRS modules) is not needed to show the village: loaded after start,
  // long before the pointer's first move over the map.
  const [projection, setProjection] = useState<Projection | null>(null);
  useEffect(() => {
    void import('../../geo/projection.ts').then((module) => setProjection(module));
  }, []);

  let gk: string | null = null;
  if (lonLat && projection) {
    const zone = projection.gkZoneForLongitude(lonLat[0] as number);
    const [easting, northing] = projection.toGaussKruger(lonLat, { zone, zonePrefix: true });
    gk = t('status.gk', { x: formatNumber(northing, 2), y: formatNumber(easting, 2), zone });
  }
  return (
    <footer className="status-bar" data-set-aside={setAside}>
      <span className="scale" data-testid="scale">1:{denominator === null ? '—' : denominator.toLocaleString('en-US')}</span>
      <button type="button" className="mini-button" data-action="zoom2000" onClick={() => actionById('zoom2000').run(services)}>
        1:2000
      </button>
      <select
        className="scale-select"
        data-testid="scale-select"
        aria-label={t('status.scalePick')}
        value=""
        onChange={(e) => {
          if (e.target.value) services.view?.zoomToScale(Number(e.target.value));
        }}
      >
        <option value="">{t('status.scalePick')}</option>
        {SCALE_PRESETS.map((n) => (
          <option key={n} value={n}>
            1:{n.toLocaleString('en-US')}
          </option>
        ))}
      </select>
      <span className="coords" data-testid="coords">
        {lonLat ? `${(lonLat[0] as number).toFixed(6)}°E ${(lonLat[1] as number).toFixed(6)}°N` : t('status.noPointer')}
      </span>
      {gk ? <span className="coords gk" data-testid="gk">{gk}</span> : null}
      {liveArea !== null ? (
        <span className="live-area" data-testid="live-area">
          {t('status.drawingArea')} {formatArea(t, liveArea)}
        </span>
      ) : null}
      {pick && pick.id === onlySelected ? (
        <span className="pick-hint" data-testid="pick-hint">
          {t('status.pick', { index: pick.index + 1, count: pick.count, layer: t(`layer.${pick.layer}`), label: pick.label })}
        </span>
      ) : (
        <span className="hint">{t(`status.toolHint.${toolKind}`)}</span>
      )}
      <span className="end">
        {t('status.selected', { count: selected })}
      </span>
      <QuarantineStatus />
      <SaveStatus />
    </footer>
  );
}
