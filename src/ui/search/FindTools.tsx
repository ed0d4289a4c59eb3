/**
 * The toolbar's find tools: search features (Ctrl+F), go to coordinates (Ctrl+G), the attribute table (T).
 * On the row, or as items of 更多 when the row is too narrow; then the search and go-to popovers open
 * under 更多.
 */
import { useTranslation } from 'react-i18next';
import { actionById } from '../actions/index.ts';
import { GoToPanel } from '../goto/GoToPanel.tsx';
import { useServices, useUi } from '../services.tsx';
import { CrosshairIcon, SearchIcon, TableIcon } from '../tool-menu/tool-icons.tsx';
import { ToolMenu, ToolPopover } from '../tool-menu/ToolMenu.tsx';
import { ActionButton, ActionMenuItem } from '../toolbar/ActionButton.tsx';
import { SearchPanel } from './SearchPanel.tsx';

export function FindTools() {
  return (
    <div className="group find-tools" data-group="find">
      <ToolMenu panel="search" action={actionById('search')} icon={<SearchIcon />} shortLabelKey="tools.search">
        <SearchPanel />
      </ToolMenu>
      <ToolMenu panel="goTo" action={actionById('goTo')} icon={<CrosshairIcon />} shortLabelKey="tools.goTo">
        <GoToPanel />
      </ToolMenu>
      <ActionButton action={actionById('attributeTable')} icon={<TableIcon />} showLabel={false} />
    </div>
  );
}

export function FindToolsItems() {
  return (
    <>
      <ActionMenuItem action={actionById('search')} icon={<SearchIcon />} />
      <ActionMenuItem action={actionById('goTo')} icon={<CrosshairIcon />} />
      <ActionMenuItem action={actionById('attributeTable')} icon={<TableIcon />} />
    </>
  );
}

/** The search or go-to popover while the find tools are in 更多: `returnFocus` gives the focus back to 更多. */
export function FindToolsPopover({ returnFocus }: { returnFocus: () => void }) {
  const { t } = useTranslation();
  const { editor } = useServices();
  const panel = useUi((s) => s.toolPanel);
  // The history list has its own button beside undo, which never moves.
  if (panel !== 'search' && panel !== 'goTo') return null;
  const close = () => {
    editor.ui.setToolPanel(null);
    returnFocus();
  };
  return (
    <ToolPopover panel={panel} label={t(actionById(panel).labelKey)} alignEnd onClose={close}>
      {panel === 'search' ? <SearchPanel /> : <GoToPanel />}
    </ToolPopover>
  );
}
