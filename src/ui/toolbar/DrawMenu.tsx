/** "绘制" with a pick of the drawn layers of domain.md §2, each with its map colour. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAWN_LAYER_IDS, type DrawnLayerId } from '../../domain/layers.ts';
import { startDrawing } from '../actions/tools.action.ts';
import { useServices, useTool } from '../services.tsx';
import { LayerSwatch } from '../layers/LayerSwatch.tsx';
import { DrawIcon } from '../tool-menu/tool-icons.tsx';

export function DrawMenu() {
  const { t } = useTranslation();
  const { editor } = useServices();
  const tool = useTool((s) => s.tool);
  const [open, setOpen] = useState(false);
  const drawingLayer = tool.kind === 'draw' ? tool.layer : null;
  const choose = (layer: DrawnLayerId) => {
    startDrawing(editor, layer);
    setOpen(false);
  };
  return (
    <div className="menu">
      <button
        type="button"
        className={`tool-button draw-menu-button${drawingLayer ? ' active' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        data-action="draw-menu"
        title={`${t('actions.draw')} (P)`}
        onClick={() => setOpen(!open)}
      >
        <span className="icon" aria-hidden="true">
          <DrawIcon />
        </span>
        <span className="label">{drawingLayer ? t('toolbar.drawingOn', { layer: t(`layer.${drawingLayer}`) }) : t('actions.draw')} ▾</span>
      </button>
      {open ? (
        <ul className="menu-list" role="menu">
          {DRAWN_LAYER_IDS.map((layer) => (
            <li key={layer} role="none">
              <button type="button" role="menuitem" data-draw-layer={layer} onClick={() => choose(layer as DrawnLayerId)}>
                <LayerSwatch layer={layer} /> {t(`layer.${layer}`)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
