/** Which features are selected, in the order they were picked (the first is the primary one). */
import { createStore } from 'zustand/vanilla';
import type { FeatureId } from '../domain/ids.ts';

export interface SelectionState {
  readonly ids: readonly FeatureId[];
}

export function createSelectionStore() {
  const store = createStore<SelectionState>(() => ({ ids: [] }));
  return {
    store,
    getState: store.getState,
    subscribe: store.subscribe,
    set(ids: readonly FeatureId[]): void {
      store.setState({ ids: [...new Set(ids)] });
    },
    /** Shift-click: adds an unselected feature, removes a selected one. */
    toggle(id: FeatureId): void {
      const { ids } = store.getState();
      store.setState({ ids: ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id] });
    },
    add(more: readonly FeatureId[]): void {
      store.setState({ ids: [...new Set([...store.getState().ids, ...more])] });
    },
    clear(): void {
      if (store.getState().ids.length) store.setState({ ids: [] });
    },
    /** Drops ids that no longer exist (after a delete, an undo, a load). */
    retain(exists: (id: FeatureId) => boolean): void {
      const { ids } = store.getState();
      const kept = ids.filter(exists);
      if (kept.length !== ids.length) store.setState({ ids: kept });
    },
  };
}

export type SelectionStore = ReturnType<typeof createSelectionStore>;
