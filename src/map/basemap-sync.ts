/** Keeps the map's basemap equal to the chosen one, restoring a remembered PMTiles file after a reload. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { loadBasemapFile } from '../persist/settings-db.ts';
import type { Editor } from '../store/editor.ts';
import { applyBasemap } from './basemap.ts';

export function attachBasemap(map: MapLibreMap, editor: Editor): () => void {
  let applied = editor.ui.getState().basemap;
  const apply = async () => {
    const basemap = editor.ui.getState().basemap;
    const file = basemap.kind === 'pmtiles' ? await loadBasemapFile().catch(() => undefined) : undefined;
    const problem = await applyBasemap(map, basemap, file);
    if (problem) editor.messages.toast('error', problem);
  };
  if (applied.kind !== 'none') void apply();
  return editor.ui.subscribe((state) => {
    if (state.basemap === applied) return;
    applied = state.basemap;
    void apply();
  });
}
