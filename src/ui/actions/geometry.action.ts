/** Edits on the selection: delete, merge, explode multi-part features, clip to neighbours, and copy base parcels into a drawn layer. */
import { clipToNeighbours } from '../../commands/clip-to-neighbours.command.ts';
import { copyToLayer } from '../../commands/copy-to-layer.command.ts';
import { deleteFeatures } from '../../commands/delete-features.command.ts';
import { explodeFeatures } from '../../commands/explode.command.ts';
import { mergeFeatures } from '../../commands/merge.command.ts';
import { findFeature } from '../../domain/plan.ts';
import { DRAWN_LAYER_IDS, type DrawnLayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { type Action, runCommand } from './action.ts';

const selected = (n: number) => ({ editor }: Parameters<NonNullable<Action['enabled']>>[0]) => editor.selection.getState().ids.length >= n;

export const deleteAction: Action = {
  id: 'delete',
  labelKey: 'actions.delete',
  shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
  enabled: selected(1),
  run: (services) => {
    const { editor } = services;
    runCommand(services, deleteFeatures(editor.plan.context(), editor.selection.getState().ids));
  },
};

export const mergeAction: Action = {
  id: 'merge',
  labelKey: 'actions.merge',
  shortcuts: [{ key: 'm' }],
  enabled: selected(2),
  run: (services) => {
    const { editor } = services;
    runCommand(services, mergeFeatures(editor.plan.context(), editor.selection.getState().ids));
  },
};

/** ArcGIS's "Explode Multipart Feature": needs a multi-part feature in the selection. */
export const explodeAction: Action = {
  id: 'explode',
  labelKey: 'actions.explode',
  shortcuts: [{ key: 'm', shift: true }],
  enabled: ({ editor }) => {
    const { plan } = editor.plan.getState();
    return editor.selection.getState().ids.some((id) => {
      const geometry = findFeature(plan, id)?.geometry;
      return geometry?.type === 'MultiPolygon' && geometry.coordinates.length > 1;
    });
  },
  run: (services) => {
    const { editor } = services;
    runCommand(services, explodeFeatures(editor.plan.context(), editor.selection.getState().ids));
  },
};

export const clipAction: Action = {
  id: 'clip',
  labelKey: 'actions.clip',
  shortcuts: [{ key: 'c', shift: true }],
  enabled: selected(1),
  run: (services) => {
    const { editor } = services;
    runCommand(services, clipToNeighbours(editor.plan.context(), editor.selection.getState().ids));
  },
};

/** "以所选图斑新建…": the selection becomes new features on the active drawn layer. */
export const copyToActiveLayerAction: Action = {
  id: 'copyToLayer',
  labelKey: 'actions.copyToLayer',
  shortcuts: [{ key: 'd', shift: true }],
  enabled: (services) => selected(1)(services) && (DRAWN_LAYER_IDS as readonly string[]).includes(services.editor.ui.getState().activeLayer),
  run: (services) => {
    const { editor } = services;
    const layer = editor.ui.getState().activeLayer as DrawnLayerId;
    runCommand(services, copyToLayer(editor.plan.context(), editor.selection.getState().ids, layer));
  },
};
