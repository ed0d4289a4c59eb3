/**
 * Keeps the view per draft (view-memory.ts): a draft named in the URL reopens at the centre, scale, layer
 * visibility, current layer and open attribute table it was left at; every move of the map and every
 * change of those is kept.
 * A new draft (no saved view) is fitted to the plan by the map as before. Renders nothing.
 */
import { useEffect } from 'react';
import { LAYER_IDS, type LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { useDrafts } from '../drafts/drafts-context.tsx';
import { startRoute } from '../drafts/start-route.ts';
import { useServices } from '../services.tsx';
import { readDraftView, writeDraftView } from './view-memory.ts';

const storage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

export function ViewMemory() {
  const { editor, view } = useServices();
  const drafts = useDrafts();

  // On mount, before the map is made (it waits for the draft to be read): the map opens at this view.
  useEffect(() => {
    const route = startRoute(window.location);
    if (route.kind !== 'draft') return;
    const saved = readDraftView(storage(), route.id);
    if (!saved) return;
    const { ui } = editor;
    for (const [layer, visible] of Object.entries(saved.visible) as [LayerId, boolean][]) {
      if (ui.getState().layers[layer].visible !== visible) ui.setLayerDisplay(layer, { visible });
    }
    ui.setActiveLayer(saved.activeLayer);
    if (saved.table) ui.setTableLayer(saved.table);
    ui.setOpeningView({ center: saved.center, zoom: saved.zoom });
  }, [editor]);

  useEffect(() => {
    if (!view) return;
    const save = () => {
      const id = drafts.controller.draftId();
      if (!id) return; // a new draft is not stored yet: its view is kept from the first move after
      const { layers, activeLayer, tableLayer } = editor.ui.getState();
      const centre = view.map.getCenter();
      writeDraftView(storage(), id, {
        center: [centre.lng, centre.lat],
        zoom: view.map.getZoom(),
        visible: Object.fromEntries(LAYER_IDS.map((layer) => [layer, layers[layer].visible])),
        activeLayer,
        ...(tableLayer ? { table: tableLayer } : {}),
        savedAt: Date.now(),
      });
    };
    view.map.on('moveend', save);
    const unsubscribe = editor.ui.subscribe((next, previous) => {
      if (next.layers !== previous.layers || next.activeLayer !== previous.activeLayer || next.tableLayer !== previous.tableLayer) save();
    });
    return () => {
      view.map.off('moveend', save);
      unsubscribe();
    };
  }, [editor, view, drafts]);

  return null;
}
