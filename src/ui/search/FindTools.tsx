/** The toolbar's find tools: search features (Ctrl+F) and go to coordinates (Ctrl+G). */
import { actionById } from '../actions/index.ts';
import { GoToPanel } from '../goto/GoToPanel.tsx';
import { CrosshairIcon, SearchIcon } from '../tool-menu/tool-icons.tsx';
import { ToolMenu } from '../tool-menu/ToolMenu.tsx';
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
    </div>
  );
}
