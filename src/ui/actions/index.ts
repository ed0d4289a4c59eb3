/** The explicit list of actions (style.md: no registration by import side effect). Order = help order. */
import type { Action } from './action.ts';
import { goToAction, historyAction, searchAction } from './find.action.ts';
import { clipAction, copyToActiveLayerAction, deleteAction, mergeAction } from './geometry.action.ts';
import { redoAction, undoAction } from './history.action.ts';
import { measureFinishAction, measureRemovePointAction, measureToolAction } from './measure.action.ts';
import { attributeTableAction, indicatorTablesAction } from './table.action.ts';
import { boxSelectToolAction, cutHoleToolAction, drawActiveLayerAction, selectToolAction, splitToolAction } from './tools.action.ts';
import { escapeAction, fitPlanAction, helpAction, languageAction, snappingAction, viewActions, zoomTo2000Action } from './view.action.ts';

export const ACTIONS: readonly Action[] = [
  undoAction,
  redoAction,
  historyAction,
  selectToolAction,
  boxSelectToolAction,
  drawActiveLayerAction,
  splitToolAction,
  cutHoleToolAction,
  // Before delete: in the measure tool, Backspace and Delete take back a point instead.
  measureToolAction,
  measureFinishAction,
  measureRemovePointAction,
  mergeAction,
  clipAction,
  copyToActiveLayerAction,
  deleteAction,
  snappingAction,
  zoomTo2000Action,
  fitPlanAction,
  searchAction,
  goToAction,
  attributeTableAction,
  indicatorTablesAction,
  ...viewActions,
  languageAction,
  helpAction,
  escapeAction,
];

export function actionById(id: string): Action {
  const action = ACTIONS.find((a) => a.id === id);
  if (!action) throw new Error(`no action ${id}`);
  return action;
}
