/**
 * The editor's stores, made once and handed to the map and the React tree. Listeners that keep them in
 * step with each other (selection pruned after deletes) are wired here, not inside components.
 */
import { findFeature, type Plan } from '../domain/plan.ts';
import { DEFAULT_LAYER_ORDER } from '../profiles/zhejiang-2017/layers.ts';
import { createIssuesStore } from './issues.store.ts';
import { createMeasureStore } from './measure.store.ts';
import { createMessagesStore } from './messages.store.ts';
import { createPlanStore } from './plan.store.ts';
import { createPointerStore } from './pointer.store.ts';
import { createSelectionStore } from './selection.store.ts';
import { createToolStore } from './tool.store.ts';
import { createUiStore } from './ui.store.ts';

export function createEditor(plan: Plan, storage: Storage | undefined) {
  const editor = {
    plan: createPlanStore(plan),
    selection: createSelectionStore(),
    tool: createToolStore(storage),
    ui: createUiStore(DEFAULT_LAYER_ORDER, storage),
    messages: createMessagesStore(),
    pointer: createPointerStore(),
    issues: createIssuesStore(),
    measure: createMeasureStore(),
  };
  // A measurement belongs to the measure tool: leaving the tool takes it off the map.
  editor.tool.subscribe((next, previous) => {
    if (next.tool.kind !== 'measure' && previous.tool.kind === 'measure') editor.measure.clear();
  });
  editor.plan.onChange((event) => {
    editor.selection.retain((id) => findFeature(event.plan, id) !== undefined);
  });
  return editor;
}

export type Editor = ReturnType<typeof createEditor>;
