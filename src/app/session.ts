/**
 * The editor's composition root, outside React: one session per page owns the map (mounted in the
 * container React hands it, with its drawing input and attachers), the validation link, the io link and
 * the open draft's controller. Components render its state (`store`: the map once drawn) and call it; none
 * of them starts a worker or builds the map. The browser's parts are put together in
 * `browser-session.ts`; here they are handed in, so the lifecycle runs in Node with fakes.
 */
import { createStore } from 'zustand/vanilla';
import type { DrawController } from '../map/draw/draw-controller.ts';
import type { MapView } from '../map/map-view.ts';
import type { DraftController } from '../persist/session/draft-controller.ts';
import type { Editor } from '../store/editor.ts';
import type { IoLink } from './io-client.ts';

/** The map once it has drawn the plan, with its drawing input. */
export interface MapParts {
  readonly view: MapView;
  readonly draw: DrawController;
}

/** A map being put into a container: `ready` once it is drawn with its input (never, once unmounted). */
export interface MountedMap {
  readonly ready: Promise<MapParts>;
  unmount(): void;
}

export interface SessionState {
  /** The map, from the moment it has drawn the plan until its container is taken back. */
  readonly map: MapParts | null;
}

export interface SessionParts {
  readonly editor: Editor;
  readonly drafts: DraftController;
  readonly io: IoLink;
  readonly mountMap: (container: HTMLElement) => MountedMap;
  /** Starts checking the editor's plan in the validation worker; the returned function stops it. */
  readonly startValidation: () => () => void;
  /** Runs a task after the page has rendered what is due now (a macrotask; tests run it at once). */
  readonly later?: (task: () => void) => void;
}

export type Session = ReturnType<typeof createSession>;

export function createSession(parts: SessionParts) {
  const store = createStore<SessionState>(() => ({ map: null }));
  const later = parts.later ?? ((task: () => void) => void setTimeout(task, 0));
  let mounted: MountedMap | null = null;
  let stopValidation: (() => void) | null = null;
  let disposed = false;

  const drawn = (map: MountedMap, ready: MapParts) => {
    if (mounted !== map) return;
    store.setState({ map: ready });
    // The page shows the drawn map first; then the plan is cloned to the validation worker (a 20,000-parcel
    // plan is a structured clone on the main thread) and a new plan is stored as a draft, neither competing
    // with the map's first paint.
    later(() => {
      if (store.getState().map !== ready) return;
      stopValidation ??= parts.startValidation();
      void parts.drafts.editorReady();
    });
  };

  const unmount = () => {
    mounted?.unmount();
    mounted = null;
    if (store.getState().map) store.setState({ map: null });
  };

  return {
    store,
    editor: parts.editor,
    drafts: parts.drafts,
    io: parts.io,

    /** Puts the map into `container` (one map at a time); the returned function takes the container back. */
    attachMap(container: HTMLElement): () => void {
      if (disposed) return () => undefined;
      unmount();
      const map = parts.mountMap(container);
      mounted = map;
      void map.ready.then((ready) => drawn(map, ready));
      return () => {
        if (mounted === map) unmount();
      };
    },

    /** The page leaves the editor: the map goes, checking stops, the draft controller lets its draft go. */
    dispose(): void {
      if (disposed) return;
      disposed = true;
      unmount();
      stopValidation?.();
      stopValidation = null;
      parts.drafts.dispose();
    },
  };
}
