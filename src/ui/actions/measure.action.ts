/**
 * The measure tool (R) and its keys while it is on: Enter finishes, Backspace or Delete takes back the last
 * point (as in QGIS). Those two are enabled only in the tool, so elsewhere Delete still deletes features,
 * and in the tool it never does.
 */
import type { Action } from './action.ts';

const measuring: NonNullable<Action['enabled']> = ({ editor }) => editor.tool.getState().tool.kind === 'measure';

export const measureToolAction: Action = {
  id: 'tool.measure',
  labelKey: 'actions.measure',
  shortcuts: [{ key: 'r' }],
  active: measuring,
  run: ({ editor }) => editor.tool.setTool({ kind: 'measure' }),
};

export const measureFinishAction: Action = {
  id: 'measure.finish',
  labelKey: 'actions.measureFinish',
  shortcuts: [{ key: 'Enter' }],
  enabled: measuring,
  run: ({ editor }) => editor.measure.finish(),
};

export const measureRemovePointAction: Action = {
  id: 'measure.removePoint',
  labelKey: 'actions.measureRemovePoint',
  shortcuts: [{ key: 'Backspace' }, { key: 'Delete' }],
  enabled: measuring,
  run: ({ editor }) => editor.measure.removeLastPoint(),
};
