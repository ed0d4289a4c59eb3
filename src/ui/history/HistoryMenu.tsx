/** The undo history list beside undo and redo (Ctrl+Shift+H). */
import { actionById } from '../actions/index.ts';
import { HistoryIcon } from '../tool-menu/tool-icons.tsx';
import { ToolMenu } from '../tool-menu/ToolMenu.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';

export function HistoryMenu() {
  return (
    <ToolMenu panel="history" action={actionById('history')} icon={<HistoryIcon />}>
      <HistoryPanel />
    </ToolMenu>
  );
}
