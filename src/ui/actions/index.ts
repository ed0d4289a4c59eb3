/**
 * The explicit list of actions (style.md: no registration by import side effect), in groups as the help
 * dialog lists them. Order = help order = the order the keyboard handler tries them in.
 */
import type { Action } from './action.ts';
import { basemapAction, feedbackAction, importAction, printMapAction, publishNoticeAction } from './dialog.action.ts';
import { convertTo2026Action } from './convert.action.ts';
import { exportDxfAction, exportPackageAction } from './export.action.ts';
import { goToAction, historyAction, searchAction } from './find.action.ts';
import { clipAction, copyToActiveLayerAction, deleteAction, explodeAction, mergeAction } from './geometry.action.ts';
import { redoAction, undoAction } from './history.action.ts';
import { measureFinishAction, measureRemovePointAction, measureToolAction } from './measure.action.ts';
import { attributeTableAction, indicatorTablesAction } from './table.action.ts';
import { boxSelectToolAction, cutHoleToolAction, drawActiveLayerAction, selectToolAction, splitToolAction } from './tools.action.ts';
import { escapeAction, fitPlanAction, helpAction, languageAction, snappingAction, viewActions, zoomTo2000Action } from './view.action.ts';

export interface ActionGroup {
  /** The help dialog's heading is `help.group.<id>`. */
  readonly id: 'history' | 'tools' | 'edit' | 'map' | 'tables' | 'file' | 'notice' | 'app';
  readonly actions: readonly Action[];
}

export const ACTION_GROUPS: readonly ActionGroup[] = [
  { id: 'history', actions: [undoAction, redoAction, historyAction] },
  {
    id: 'tools',
    // Before delete (the edit group): in the measure tool, Backspace and Delete take back a point instead.
    actions: [selectToolAction, boxSelectToolAction, drawActiveLayerAction, splitToolAction, cutHoleToolAction, measureToolAction, measureFinishAction, measureRemovePointAction],
  },
  { id: 'edit', actions: [mergeAction, explodeAction, clipAction, copyToActiveLayerAction, deleteAction] },
  { id: 'map', actions: [snappingAction, zoomTo2000Action, fitPlanAction, searchAction, goToAction, ...viewActions] },
  { id: 'tables', actions: [attributeTableAction, indicatorTablesAction] },
  { id: 'file', actions: [importAction, exportPackageAction, exportDxfAction, convertTo2026Action] },
  { id: 'notice', actions: [publishNoticeAction, feedbackAction, printMapAction] },
  { id: 'app', actions: [basemapAction, languageAction, helpAction, escapeAction] },
];

export const ACTIONS: readonly Action[] = ACTION_GROUPS.flatMap((group) => group.actions);

export function actionById(id: string): Action {
  const action = ACTIONS.find((a) => a.id === id);
  if (!action) throw new Error(`no action ${id}`);
  return action;
}
