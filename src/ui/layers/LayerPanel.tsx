/**
 * Layers, top of the drawing order first: show/hide, opacity, order, which layer is current (clicks
 * select in it first, "draw" draws on it), and its attribute table.
 */
import { useTranslation } from 'react-i18next';
import { LAYERS, type LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { layerCount } from '../../domain/plan.ts';
import { usePlanState, useServices, useUi } from '../services.tsx';
import { TableIcon } from '../tool-menu/tool-icons.tsx';
import { Legend } from './Legend.tsx';
import { LayerSwatch } from './LayerSwatch.tsx';

export function LayerPanel() {
  const { t } = useTranslation();
  const { editor } = useServices();
  const order = useUi((s) => s.order);
  const layers = useUi((s) => s.layers);
  const active = useUi((s) => s.activeLayer);
  const counts = usePlanState((s) => s.plan.layers);
  const topFirst = [...order].reverse();
  return (
    <aside className="panel layer-panel" aria-label={t('layers.title')}>
      <h2>{t('layers.title')}</h2>
      <ul className="layer-list">
        {topFirst.map((layer: LayerId, i) => {
          const display = layers[layer];
          const selectable = LAYERS[layer].kind !== 'reference' || layer === 'base';
          return (
            <li key={layer} className={`layer-row${active === layer ? ' current' : ''}`} data-layer={layer}>
              <label className="layer-name">
                <input
                  type="checkbox"
                  checked={display.visible}
                  aria-label={t('layers.visible', { layer: t(`layer.${layer}`) })}
                  onChange={(e) => editor.ui.setLayerDisplay(layer, { visible: e.target.checked })}
                />
                <LayerSwatch layer={layer} />
                <span>{t(`layer.${layer}`)}</span>
                <span className="count">{layerCount(counts[layer])}</span>
              </label>
              <div className="layer-controls">
                <input
                  type="radio"
                  name="active-layer"
                  checked={active === layer}
                  disabled={!selectable}
                  title={t('layers.makeCurrent')}
                  aria-label={t('layers.makeCurrentOf', { layer: t(`layer.${layer}`) })}
                  onChange={() => editor.ui.setActiveLayer(layer)}
                />
                <input
                  type="range"
                  min={0}
                  max={100}
                  value={Math.round(display.opacity * 100)}
                  aria-label={t('layers.opacity', { layer: t(`layer.${layer}`) })}
                  onChange={(e) => editor.ui.setLayerDisplay(layer, { opacity: Number(e.target.value) / 100 })}
                />
                <button
                  type="button"
                  className="mini table-button"
                  data-open-table={layer}
                  aria-label={t('layers.openTable', { layer: t(`layer.${layer}`) })}
                  title={t('layers.openTable', { layer: t(`layer.${layer}`) })}
                  onClick={() => editor.ui.setTableLayer(layer)}
                >
                  <TableIcon />
                </button>
                <button type="button" className="mini" disabled={i === 0} aria-label={t('layers.up')} onClick={() => editor.ui.moveLayer(layer, 'up')}>
                  ▲
                </button>
                <button type="button" className="mini" disabled={i === topFirst.length - 1} aria-label={t('layers.down')} onClick={() => editor.ui.moveLayer(layer, 'down')}>
                  ▼
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <Legend />
    </aside>
  );
}
