/** The pointer's position for the status bar; its own store so mouse moves re-render only the read-out. */
import { createStore } from 'zustand/vanilla';
import type { Position } from 'geojson';

export interface PointerState {
  readonly lonLat: Position | null;
  /** null until the map has placed the village (a scale read from the world view would be 1:256,000,000). */
  readonly zoom: number | null;
  readonly centreLatitude: number;
}

export function createPointerStore() {
  const store = createStore<PointerState>(() => ({ lonLat: null, zoom: null, centreLatitude: 30 }));
  return {
    store,
    getState: store.getState,
    subscribe: store.subscribe,
    setPointer: (lonLat: Position | null) => store.setState({ lonLat }),
    setView: (zoom: number, centreLatitude: number) => store.setState({ zoom, centreLatitude }),
  };
}

export type PointerStore = ReturnType<typeof createPointerStore>;
