/** The snapping options form: tolerance, vertices and/or edges, which layers. Every change applies at once. */
import { useTranslation } from 'react-i18next';
import type { LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { SNAP_LAYER_IDS, SNAP_TOLERANCE_PX, snapLayers } from '../../store/snap-settings.ts';
import { LayerSwatch } from '../layers/LayerSwatch.tsx';
import { useServices, useTool, useUi } from '../services.tsx';

export function SnapOptions() {
  const { t } = useTranslation();
  const { editor } = useServices();
  const settings = useTool((s) => s.snapSettings);
  const snapping = useTool((s) => s.snapping);
  const shown = useUi((s) => s.layers);
  const set = editor.tool.setSnapSettings;
  const visible = (layer: LayerId) => shown[layer].visible;
  const chosen = settings.layers.kind === 'chosen' ? new Set(settings.layers.layers) : null;
  const choose = (layer: LayerId, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(layer);
    else next.delete(layer);
    set({ layers: { kind: 'chosen', layers: SNAP_LAYER_IDS.filter((id) => next.has(id)) } });
  };
  return (
    <div className="snap-options-form">
      <label className="snap-tolerance">
        <span>{t('snapping.tolerance')}</span>
        <input
          type="range"
          min={SNAP_TOLERANCE_PX.min}
          max={SNAP_TOLERANCE_PX.max}
          step={1}
          value={settings.tolerancePx}
          data-testid="snap-tolerance"
          onChange={(e) => set({ tolerancePx: Number(e.target.value) })}
        />
        <output data-testid="snap-tolerance-value">{t('snapping.tolerancePx', { count: settings.tolerancePx })}</output>
      </label>
      <p className="hint">{t('snapping.toleranceHint')}</p>

      <fieldset>
        <legend>{t('snapping.to')}</legend>
        <label title={settings.edges ? undefined : t('snapping.to.keepOne')}>
          <input type="checkbox" data-snap-to="vertices" checked={settings.vertices} disabled={!settings.edges} onChange={(e) => set({ vertices: e.target.checked })} />
          {t('snapping.to.vertices')}
        </label>
        <label title={settings.vertices ? undefined : t('snapping.to.keepOne')}>
          <input type="checkbox" data-snap-to="edges" checked={settings.edges} disabled={!settings.vertices} onChange={(e) => set({ edges: e.target.checked })} />
          {t('snapping.to.edges')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('snapping.layers')}</legend>
        <label>
          <input type="radio" name="snap-layers" data-snap-layers="allVisible" checked={!chosen} onChange={() => set({ layers: { kind: 'allVisible' } })} />
          {t('snapping.layers.allVisible')}
        </label>
        <label>
          <input
            type="radio"
            name="snap-layers"
            data-snap-layers="chosen"
            checked={!!chosen}
            // Starts from what snaps now, so the planner only unticks what should not attract.
            onChange={() => set({ layers: { kind: 'chosen', layers: snapLayers(settings, visible) } })}
          />
          {t('snapping.layers.chosen')}
        </label>
        {chosen ? (
          <ul className="snap-layer-list">
            {SNAP_LAYER_IDS.map((layer) => (
              <li key={layer}>
                <label>
                  <input type="checkbox" data-snap-layer={layer} checked={chosen.has(layer)} onChange={(e) => choose(layer, e.target.checked)} />
                  <LayerSwatch layer={layer} /> {t(`layer.${layer}`)}
                  {visible(layer) ? null : <span className="hint"> {t('snapping.layers.hidden')}</span>}
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        {chosen && chosen.size === 0 ? <p className="hint warning">{t('snapping.layers.none')}</p> : null}
      </fieldset>

      <p className="hint" data-testid="snap-state">{t(snapping ? 'snapping.state.on' : 'snapping.state.off')}</p>
    </div>
  );
}
