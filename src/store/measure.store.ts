/**
 * The measure tool's state chart (style.md: a discriminated union with its transitions in one place).
 * It holds only the clicked points and the pointer: the figures are derived (`geo/measure.ts`), and
 * nothing here touches the plan, its history or the selection.
 */
import type { Position } from 'geojson';
import { createStore } from 'zustand/vanilla';

export const MEASURE_MODES = ['distance', 'area'] as const;
export type MeasureMode = (typeof MEASURE_MODES)[number];

export type Measurement =
  | { readonly kind: 'empty' }
  /** Points clicked so far (at least one); the pointer extends them as a rubber band. */
  | { readonly kind: 'measuring'; readonly points: readonly Position[] }
  /** Finished by double-click or Enter: stays shown until cleared or the next click starts anew. */
  | { readonly kind: 'finished'; readonly points: readonly Position[] };

export interface MeasurePointer {
  readonly position: Position;
  /** The position is a plan vertex or a point on a plan edge (shown with the draw tools' snap marker). */
  readonly snapped: boolean;
}

export interface MeasureState {
  readonly mode: MeasureMode;
  readonly measurement: Measurement;
  /** null when the pointer is off the map. */
  readonly pointer: MeasurePointer | null;
}

const EMPTY: Measurement = { kind: 'empty' };

/**
 * The points the figures are computed from: while measuring, the pointer is the next point (not while it
 * still rests on the point just clicked: that would add a segment of 0 m).
 */
export function shownPoints(state: MeasureState): readonly Position[] {
  const { measurement, pointer } = state;
  if (measurement.kind === 'empty') return [];
  const last = measurement.points.at(-1) as Position;
  if (measurement.kind === 'finished' || !pointer || (pointer.position[0] === last[0] && pointer.position[1] === last[1])) return measurement.points;
  return [...measurement.points, pointer.position];
}

/** Points a finished measurement needs: a line has a segment, an outline encloses something. */
function minimumPoints(mode: MeasureMode): number {
  return mode === 'distance' ? 2 : 3;
}

export function createMeasureStore() {
  const store = createStore<MeasureState>(() => ({ mode: 'distance', measurement: EMPTY, pointer: null }));
  const setMeasurement = (measurement: Measurement) => store.setState({ measurement });
  return {
    store,
    getState: store.getState,
    subscribe: store.subscribe,
    /** Switching keeps the points: a line measured can be read as an outline and back. */
    setMode(mode: MeasureMode): void {
      store.setState({ mode });
    },
    setPointer(pointer: MeasurePointer | null): void {
      store.setState({ pointer });
    },
    /** A click: the next point, or the first of a new measurement after a finished one. */
    addPoint(position: Position): void {
      const { measurement } = store.getState();
      setMeasurement({ kind: 'measuring', points: measurement.kind === 'measuring' ? [...measurement.points, position] : [position] });
    },
    /** Double-click or Enter. Too few points for the mode: nothing to keep, so the measurement is dropped. */
    finish(): void {
      const { measurement, mode } = store.getState();
      if (measurement.kind !== 'measuring') return;
      setMeasurement(measurement.points.length >= minimumPoints(mode) ? { kind: 'finished', points: measurement.points } : EMPTY);
    },
    /** Backspace: takes back the last point; a finished measurement opens again without it. */
    removeLastPoint(): void {
      const { measurement } = store.getState();
      if (measurement.kind === 'empty') return;
      const points = measurement.points.slice(0, -1);
      setMeasurement(points.length > 0 ? { kind: 'measuring', points } : EMPTY);
    },
    /** Returns whether there was anything to clear (Escape clears first, then leaves the tool). */
    clear(): boolean {
      if (store.getState().measurement.kind === 'empty') return false;
      setMeasurement(EMPTY);
      return true;
    },
  };
}

export type MeasureStore = ReturnType<typeof createMeasureStore>;
