/**
 * The active tool as a small state chart (style.md: a discriminated union, not a bag of nullable fields).
 */
import { createStore } from 'zustand/vanilla';
import type { DrawnLayerId } from '../profiles/zhejiang-2017/layers.ts';
import { readSnapping, sanitiseSnapSettings, writeSnapping, type SnapSettings } from './snap-settings.ts';

export type Tool =
  | { readonly kind: 'select' }
  | { readonly kind: 'boxSelect' }
  | { readonly kind: 'draw'; readonly layer: DrawnLayerId }
  | { readonly kind: 'split' }
  | { readonly kind: 'cutHole' }
  /** Measures distances and areas on the map; never edits or selects (`measure.store.ts`). */
  | { readonly kind: 'measure' };

export interface ToolState {
  readonly tool: Tool;
  /** Area of the polygon being drawn, m² (ellipsoidal), for the live read-out; null when not drawing. */
  readonly liveAreaM2: number | null;
  /** Clip a new feature to the existing features of its layer so zones never overlap. */
  readonly clipToNeighbours: boolean;
  /** Snap to vertices and edges of nearby features while drawing, reshaping and measuring (S). */
  readonly snapping: boolean;
  /** How snapping works when it is on; remembered with the switch in this browser (`snap-settings.ts`). */
  readonly snapSettings: SnapSettings;
}

export function createToolStore(storage: Storage | undefined) {
  const { snapping, settings } = readSnapping(storage);
  const store = createStore<ToolState>(() => ({ tool: { kind: 'select' }, liveAreaM2: null, clipToNeighbours: true, snapping, snapSettings: settings }));
  store.subscribe((next, previous) => {
    if (next.snapping !== previous.snapping || next.snapSettings !== previous.snapSettings) {
      writeSnapping(storage, { snapping: next.snapping, settings: next.snapSettings });
    }
  });
  return {
    store,
    getState: store.getState,
    subscribe: store.subscribe,
    setTool(tool: Tool): void {
      store.setState({ tool, liveAreaM2: null });
    },
    setLiveArea(liveAreaM2: number | null): void {
      if (store.getState().liveAreaM2 !== liveAreaM2) store.setState({ liveAreaM2 });
    },
    setClipToNeighbours(clipToNeighbours: boolean): void {
      store.setState({ clipToNeighbours });
    },
    setSnapping(snapping: boolean): void {
      store.setState({ snapping });
    },
    /** Changes some settings; a value out of range falls back to its default rather than being kept. */
    setSnapSettings(change: Partial<SnapSettings>): void {
      store.setState({ snapSettings: sanitiseSnapSettings({ ...store.getState().snapSettings, ...change }) });
    },
  };
}

export type ToolStore = ReturnType<typeof createToolStore>;
