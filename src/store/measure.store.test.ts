import { describe, expect, it } from 'vitest';
import { createMeasureStore, shownPoints } from './measure.store.ts';

const A = [120.74, 30.45];
const B = [120.75, 30.45];
const C = [120.75, 30.46];
const P = [120.745, 30.455];

describe('the measure tool’s state chart', () => {
  it('clicks add points; the pointer extends them while measuring, not once finished', () => {
    const measure = createMeasureStore();
    measure.addPoint(A);
    measure.addPoint(B);
    measure.setPointer({ position: P, snapped: false });
    expect(shownPoints(measure.getState())).toEqual([A, B, P]);
    measure.finish();
    expect(measure.getState().measurement).toEqual({ kind: 'finished', points: [A, B] });
    expect(shownPoints(measure.getState())).toEqual([A, B]);
  });

  it('the pointer resting on the point just clicked adds no segment', () => {
    const measure = createMeasureStore();
    measure.addPoint(A);
    measure.addPoint([...B]);
    measure.setPointer({ position: [...B], snapped: true });
    expect(shownPoints(measure.getState())).toEqual([A, B]);
  });

  it('a click after a finished measurement starts a new one', () => {
    const measure = createMeasureStore();
    measure.addPoint(A);
    measure.addPoint(B);
    measure.finish();
    measure.addPoint(C);
    expect(measure.getState().measurement).toEqual({ kind: 'measuring', points: [C] });
  });

  it('finishing with too few points for the mode drops the measurement', () => {
    const measure = createMeasureStore();
    measure.setMode('area');
    measure.addPoint(A);
    measure.addPoint(B);
    measure.finish();
    expect(measure.getState().measurement).toEqual({ kind: 'empty' });
    measure.setMode('distance');
    measure.addPoint(A);
    measure.finish();
    expect(measure.getState().measurement).toEqual({ kind: 'empty' });
  });

  it('Backspace takes back the last point, reopening a finished measurement, down to empty', () => {
    const measure = createMeasureStore();
    measure.addPoint(A);
    measure.addPoint(B);
    measure.addPoint(C);
    measure.finish();
    measure.removeLastPoint();
    expect(measure.getState().measurement).toEqual({ kind: 'measuring', points: [A, B] });
    measure.removeLastPoint();
    measure.removeLastPoint();
    expect(measure.getState().measurement).toEqual({ kind: 'empty' });
    measure.removeLastPoint();
    expect(measure.getState().measurement).toEqual({ kind: 'empty' });
  });

  it('clear says whether there was anything to clear', () => {
    const measure = createMeasureStore();
    expect(measure.clear()).toBe(false);
    measure.addPoint(A);
    expect(measure.clear()).toBe(true);
    expect(measure.getState().measurement).toEqual({ kind: 'empty' });
  });

  it('switching the mode keeps the points', () => {
    const measure = createMeasureStore();
    measure.addPoint(A);
    measure.addPoint(B);
    measure.setMode('area');
    expect(measure.getState()).toMatchObject({ mode: 'area', measurement: { kind: 'measuring', points: [A, B] } });
  });
});
