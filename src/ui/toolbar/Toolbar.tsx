/**
 * The top bar, one row at 1366 px and wider: the village, history, tools, edits, the find tools, the view
 * switch, the 文件 and 公示 menus and app settings. What does not fit at the window's width moves into 更多
 * (MoreMenu.tsx), lowest priority first.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isPartitionDrawnLayer } from '../../commands/draw-over-partition.command.ts';
import { actionById } from '../actions/index.ts';
import { BasemapDialog } from '../basemap/BasemapDialog.tsx';
import { HistoryMenu } from '../history/HistoryMenu.tsx';
import { FileMenu } from '../io/FileMenu.tsx';
import { NoticeDialogs, NoticeMenu } from '../notice/NoticeMenu.tsx';
import { FindTools } from '../search/FindTools.tsx';
import { SnapMenu } from '../snapping/SnapMenu.tsx';
import { usePlanState, useServices, useTool, useUi } from '../services.tsx';
import {
  BoxSelectIcon,
  CutHoleIcon,
  RedoIcon,
  RulerIcon,
  SelectIcon,
  SplitIcon,
  UndoIcon,
} from '../tool-menu/tool-icons.tsx';
import { ActionButton } from './ActionButton.tsx';
import { AppSettings } from './AppSettings.tsx';
import { DrawMenu } from './DrawMenu.tsx';
import { EditTools } from './EditTools.tsx';
import { MOVABLE_GROUPS, MoreMenu } from './MoreMenu.tsx';
import { MORE_GROUP, useToolbarOverflow } from './use-toolbar-overflow.ts';

export function Toolbar() {
  const { t } = useTranslation();
  const services = useServices();
  const { editor } = services;
  const village = usePlanState((s) => s.plan.meta.villageName);
  const clip = useTool((s) => s.clipToNeighbours);
  // Drawing on a partition layer, the same switch means "the new zone takes over what lies underneath".
  const rezoning = useTool((s) => s.tool.kind === 'draw' && isPartitionDrawnLayer(s.tool.layer));
  const view = useUi((s) => s.view);
  const basemapOpen = useUi((s) => s.dialog?.kind === 'basemap');
  const toolbar = useRef<HTMLElement>(null);
  const moved = useToolbarOverflow(toolbar, MOVABLE_GROUPS);
  return (
    <header className="toolbar" ref={toolbar} role="toolbar" aria-label={t('toolbar.label')}>
      <div className="brand" data-group="brand">
        <strong>{t('app.title')}</strong>
        {village ? <span className="village">{village}</span> : null}
      </div>
      <div className="group" data-group="history">
        <ActionButton action={actionById('undo')} icon={<UndoIcon />} showLabel={false} />
        <ActionButton action={actionById('redo')} icon={<RedoIcon />} showLabel={false} />
        <HistoryMenu />
      </div>
      <div className="group" data-group="tools">
        <ActionButton action={actionById('tool.select')} icon={<SelectIcon />} />
        <ActionButton action={actionById('tool.boxSelect')} icon={<BoxSelectIcon />} showLabel={false} />
        <DrawMenu />
        <ActionButton action={actionById('tool.split')} icon={<SplitIcon />} />
        <ActionButton action={actionById('tool.cutHole')} icon={<CutHoleIcon />} showLabel={false} />
        <ActionButton action={actionById('tool.measure')} icon={<RulerIcon />} showLabel={false} />
      </div>
      {moved.includes('edit') ? null : <EditTools />}
      <div className="group" data-group="clip-snap">
        <label className="toggle" title={t(rezoning ? 'toolbar.takeOverHint' : 'toolbar.autoClipHint')} data-mode={rezoning ? 'takeOver' : 'clip'}>
          <input type="checkbox" data-testid="auto-clip" checked={clip} onChange={(e) => editor.tool.setClipToNeighbours(e.target.checked)} />
          {t(rezoning ? 'toolbar.takeOver' : 'toolbar.autoClip')}
        </label>
        <SnapMenu />
      </div>
      {moved.includes('find') ? null : <FindTools />}
      <div className="group segmented" role="radiogroup" aria-label={t('view.label')} data-group="view">
        {(['base', 'plan', 'change'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            role="radio"
            aria-checked={view === mode}
            className={`segment${view === mode ? ' active' : ''}`}
            data-view={mode}
            onClick={() => actionById(`view.${mode}`).run(services)}
          >
            {t(`view.${mode}`)}
          </button>
        ))}
      </div>
      <div className="group" data-group="file">
        <FileMenu />
      </div>
      {moved.includes('notice') ? null : <NoticeMenu />}
      {moved.includes('settings') ? null : <AppSettings />}
      {moved.length > 0 ? (
        <div className="group end" data-group={MORE_GROUP}>
          <MoreMenu groups={moved} />
        </div>
      ) : null}
      {basemapOpen ? <BasemapDialog onClose={() => editor.ui.setDialog(null)} /> : null}
      <NoticeDialogs />
    </header>
  );
}
