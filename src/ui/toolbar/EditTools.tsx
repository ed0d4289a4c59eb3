/**
 * The toolbar's edits of the selection: merge, clip to neighbours, new features on the current layer from
 * the selection, delete. On the row as icons, or as items of 更多 when the row is too narrow.
 */
import { actionById } from '../actions/index.ts';
import { ClipIcon, CopyToLayerIcon, DeleteIcon, MergeIcon } from '../tool-menu/tool-icons.tsx';
import { ActionButton, ActionMenuItem } from './ActionButton.tsx';

const EDITS = [
  ['merge', MergeIcon],
  ['clip', ClipIcon],
  ['copyToLayer', CopyToLayerIcon],
  ['delete', DeleteIcon],
] as const;

export function EditTools() {
  return (
    <div className="group" data-group="edit">
      {EDITS.map(([id, Icon]) => (
        <ActionButton key={id} action={actionById(id)} icon={<Icon />} showLabel={false} />
      ))}
    </div>
  );
}

export function EditToolsItems() {
  return (
    <>
      {EDITS.map(([id, Icon]) => (
        <ActionMenuItem key={id} action={actionById(id)} icon={<Icon />} />
      ))}
    </>
  );
}
