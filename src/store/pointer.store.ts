/** The pointer's position for the status bar; its own store so mouse moves re-render only the read-out. */
import { createStore } from 'zustand/vanilla';
import type { Position } from 'geojson';
import type { FeatureId } from '../domain/ids.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';

/** Which of the features under the last click is selected, when there are several to cycle through. */
export interface PickHint {
  readonly id: FeatureId;
  readonly layer: LayerId;
  readonly label: string;
  /** 0-based place in the stack under the pointer. */
  readonly index: number;
  readonly count: number;
}

export interface PointerState {
  readonly lonLat: Position | null;
  /** null until the map has placed the village (a scale read from the world view would be 1:256,000,000). */
  readonly zoom: number | null;
  readonly centreLatitude: number;
  readonly pick: PickHint | null;
}

export function createPointerStore() {
  const store = createStore<PointerState>(() => ({ lonLat: null, zoom: null, centreLatitude: 30, pick: null }));
  return {
    store,
    getState: store.getState,
    subscribe: store.subscribe,
    setPointer: (lonLat: Position | null) => store.setState({ lonLat }),
    setView: (zoom: number, centreLatitude: number) => store.setState({ zoom, centreLatitude }),
    setPick: (pick: PickHint | null) => store.setState({ pick }),
  };
}

export type PointerStore = ReturnType<typeof createPointerStore>;
