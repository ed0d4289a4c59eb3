/**
 * The session's parts in the browser: MapLibre and its attachers, the two workers, IndexedDB. `main.tsx`
 * calls `openEditorSession` for the editor and `openStartPage` for the start page.
 */
import { attachBasemap } from '../map/basemap-sync.ts';
import { attachInteraction } from '../map/interaction.ts';
import { attachIssueLayers } from '../map/issue-layers.ts';
import { createMapView } from '../map/map-view.ts';
import { attachMeasure } from '../map/measure-interaction.ts';
import { attachPlaceMarkers } from '../map/place-markers.ts';
import { syncSelection } from '../map/selection-sync.ts';
import type { DraftId } from '../persist/schema.ts';
import { createDraftController } from '../persist/session/draft-controller.ts';
import { createDraftList } from '../persist/session/draft-list-service.ts';
import type { Editor } from '../store/editor.ts';
import { ioWorkers } from './io-client.ts';
import { createSession, type MountedMap, type Session } from './session.ts';
import { startValidation } from './validation-client.ts';

/** The map and everything that lives on it: the view, the drawing input, selection, the basemap, places, issues, measuring. */
export function mountEditorMap(container: HTMLElement, editor: Editor): MountedMap {
  const view = createMapView(container, editor);
  const cleanups: (() => void)[] = [];
  let cancelled = false;
  // terra-draw comes once the village is drawn: it is needed to draw on the map, not to show it, and its
  // own sources would otherwise hold up the first complete rendering.
  const ready = Promise.all([view.ready, view.firstIdle, import('../map/draw/draw-controller.ts')]).then(([, , { createDrawController }]) => {
    if (cancelled) return new Promise<never>(() => undefined);
    const draw = createDrawController(view.map, editor);
    cleanups.push(
      () => draw.destroy(),
      attachInteraction(view.map, editor, { isOnReshapeHandle: (event) => draw.isOnReshapeHandle(event.point) }),
      syncSelection(view.map, editor),
      attachBasemap(view.map, editor),
      attachPlaceMarkers(view.map, editor),
      attachIssueLayers(view.map, editor),
      attachMeasure(view.map, editor),
    );
    return { view, draw };
  });
  return {
    ready,
    unmount() {
      cancelled = true;
      cleanups.reverse().forEach((cleanup) => cleanup());
      view.destroy();
    },
  };
}

/** The editor's session: `onStored` names a new draft once it is stored (the page's URL then says it). */
export function openEditorSession(editor: Editor, onStored: (id: DraftId) => void): Session {
  return createSession({
    editor,
    drafts: createDraftController({ editor, onStored }),
    io: ioWorkers,
    mountMap: (container) => mountEditorMap(container, editor),
    startValidation: () => startValidation(editor, editor.issues),
  });
}

/** The start page's service: the drafts on this machine and what can be done to them (it lives as long as the page). */
export function openStartPage(sample: () => Promise<string>) {
  return createDraftList({ sample });
}
