/** "绘制" with a pick of the drawn layers of domain.md §2, each with its map colour. */
import { useTranslation } from 'react-i18next';
import { DRAWN_LAYER_IDS, type DrawnLayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { startDrawing } from '../actions/tools.action.ts';
import { useServices, useTool } from '../services.tsx';
import { LayerSwatch } from '../layers/LayerSwatch.tsx';
import { DrawIcon } from '../tool-menu/tool-icons.tsx';
import { MenuButton, MenuItem } from './MenuButton.tsx';

export function DrawMenu() {
  const { t } = useTranslation();
  const { editor } = useServices();
  const tool = useTool((s) => s.tool);
  const drawingLayer = tool.kind === 'draw' ? tool.layer : null;
  return (
    <MenuButton
      action="draw-menu"
      name={`${t('actions.draw')} (P)`}
      className={`draw-menu-button${drawingLayer ? ' active' : ''}`}
      label={
        <>
          <span className="icon" aria-hidden="true">
            <DrawIcon />
          </span>
          <span className="label">{drawingLayer ? t('toolbar.drawingOn', { layer: t(`layer.${drawingLayer}`) }) : t('actions.draw')}</span>
        </>
      }
    >
      {DRAWN_LAYER_IDS.map((layer) => (
        <MenuItem key={layer} action={`draw-${layer}`} icon={<LayerSwatch layer={layer} />} onSelect={() => startDrawing(editor, layer as DrawnLayerId)}>
          {t(`layer.${layer}`)}
        </MenuItem>
      ))}
    </MenuButton>
  );
}
