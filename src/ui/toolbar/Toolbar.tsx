/** The top bar: the village, history, tools, edits, the view switch and app settings. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPartitionDrawnLayer } from '../../commands/draw-over-partition.command.ts';
import { actionById } from '../actions/index.ts';
import { BasemapDialog } from '../basemap/BasemapDialog.tsx';
import { HistoryMenu } from '../history/HistoryMenu.tsx';
import { IoButtons } from '../io/IoButtons.tsx';
import { NoticeMenu } from '../notice/NoticeMenu.tsx';
import { FindTools } from '../search/FindTools.tsx';
import { SnapMenu } from '../snapping/SnapMenu.tsx';
import { usePlanState, useServices, useTool, useUi } from '../services.tsx';
import {
  BoxSelectIcon,
  ClipIcon,
  CopyToLayerIcon,
  CutHoleIcon,
  DeleteIcon,
  HelpIcon,
  MergeIcon,
  RedoIcon,
  RulerIcon,
  SelectIcon,
  SplitIcon,
  UndoIcon,
} from '../tool-menu/tool-icons.tsx';
import { ActionButton } from './ActionButton.tsx';
import { DrawMenu } from './DrawMenu.tsx';

export function Toolbar() {
  const { t } = useTranslation();
  const { editor } = useServices();
  const village = usePlanState((s) => s.plan.meta.villageName);
  const clip = useTool((s) => s.clipToNeighbours);
  // Drawing on a partition layer, the same switch means "the new zone takes over what lies underneath".
  const rezoning = useTool((s) => s.tool.kind === 'draw' && isPartitionDrawnLayer(s.tool.layer));
  const view = useUi((s) => s.view);
  const language = useUi((s) => s.language);
  const [basemapOpen, setBasemapOpen] = useState(false);
  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="brand">
        <strong>{t('app.title')}</strong>
        {village ? <span className="village">{village}</span> : null}
      </div>
      <div className="group">
        <ActionButton action={actionById('undo')} icon={<UndoIcon />} showLabel={false} />
        <ActionButton action={actionById('redo')} icon={<RedoIcon />} showLabel={false} />
        <HistoryMenu />
      </div>
      <div className="group">
        <ActionButton action={actionById('tool.select')} icon={<SelectIcon />} />
        <ActionButton action={actionById('tool.boxSelect')} icon={<BoxSelectIcon />} showLabel={false} />
        <DrawMenu />
        <ActionButton action={actionById('tool.split')} icon={<SplitIcon />} />
        <ActionButton action={actionById('tool.cutHole')} icon={<CutHoleIcon />} showLabel={false} />
        <ActionButton action={actionById('tool.measure')} icon={<RulerIcon />} showLabel={false} />
      </div>
      <div className="group">
        <ActionButton action={actionById('merge')} icon={<MergeIcon />} showLabel={false} />
        <ActionButton action={actionById('clip')} icon={<ClipIcon />} showLabel={false} />
        <ActionButton action={actionById('copyToLayer')} icon={<CopyToLayerIcon />} showLabel={false} />
        <ActionButton action={actionById('delete')} icon={<DeleteIcon />} showLabel={false} />
        <label className="toggle" title={t(rezoning ? 'toolbar.takeOverHint' : 'toolbar.autoClipHint')} data-mode={rezoning ? 'takeOver' : 'clip'}>
          <input type="checkbox" data-testid="auto-clip" checked={clip} onChange={(e) => editor.tool.setClipToNeighbours(e.target.checked)} />
          {t(rezoning ? 'toolbar.takeOver' : 'toolbar.autoClip')}
        </label>
        <SnapMenu />
      </div>
      <FindTools />
      <div className="group segmented" role="radiogroup" aria-label={t('view.label')}>
        {(['base', 'plan', 'change'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            role="radio"
            aria-checked={view === mode}
            className={`segment${view === mode ? ' active' : ''}`}
            data-view={mode}
            onClick={() => editor.ui.setView(mode)}
          >
            {t(`view.${mode}`)}
          </button>
        ))}
      </div>
      <div className="group">
        <IoButtons />
        <NoticeMenu />
      </div>
      <div className="group end">
        <button type="button" className="tool-button" data-action="basemap" onClick={() => setBasemapOpen(true)}>
          {t('basemap.button')}
        </button>
        <button
          type="button"
          className="tool-button"
          data-action="language"
          lang={language === 'zh-CN' ? 'en' : 'zh-CN'}
          onClick={() => editor.ui.setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {language === 'zh-CN' ? 'English' : '中文'}
        </button>
        <ActionButton action={actionById('help')} icon={<HelpIcon />} showLabel={false} />
      </div>
      {basemapOpen ? <BasemapDialog onClose={() => setBasemapOpen(false)} /> : null}
    </header>
  );
}
