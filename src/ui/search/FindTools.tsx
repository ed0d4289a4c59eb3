/** The toolbar's find tools: search features (Ctrl+F), go to coordinates (Ctrl+G), the attribute table (T). */
import { actionById } from '../actions/index.ts';
import { GoToPanel } from '../goto/GoToPanel.tsx';
import { CrosshairIcon, SearchIcon, TableIcon } from '../tool-menu/tool-icons.tsx';
import { ToolMenu } from '../tool-menu/ToolMenu.tsx';
import { ActionButton } from '../toolbar/ActionButton.tsx';
import { SearchPanel } from './SearchPanel.tsx';

export function FindTools() {
  return (
    <div className="group find-tools">
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
