import { describe, expect, it } from 'vitest';
import { measureLine } from '../../geo/measure.ts';
import { gkPlaneLength } from '../../geo/measure-plane.ts';
import { createI18n } from '../../i18n/index.ts';
import type { MeasureState } from '../../store/measure.store.ts';
import { formatLength } from '../format.ts';
import { measureReadout, readoutText } from './measure-readout.ts';

const { t } = createI18n('zh-CN');
const A = [120.74, 30.45];
const B = [120.745, 30.45];
const C = [120.745, 30.454];
const measuring = (mode: MeasureState['mode'], points: number[][], pointer: number[] | null = null): MeasureState => ({
  mode,
  measurement: { kind: 'measuring', points },
  pointer: pointer ? { position: pointer, snapped: false } : null,
});

describe('the measure readout', () => {
  it('asks for a first click when there is nothing to measure', () => {
    expect(measureReadout(t, { mode: 'distance', measurement: { kind: 'empty' }, pointer: null })).toEqual({ rows: [], note: '在地图上单击开始测量。' });
  });

  it('distance: each segment, the total including the rubber band to the pointer, and the GK plane length', () => {
    const readout = measureReadout(t, measuring('distance', [A, B], C), gkPlaneLength);
    const line = measureLine([A, B, C]);
    expect(readout.rows.map((r) => r.id)).toEqual(['segment-1', 'segment-2', 'total', 'plane']);
    expect(readout.rows[0]).toEqual({ id: 'segment-1', label: '第 1 段', value: formatLength(t, line.segments[0]!) });
    expect(readout.rows[2]!.value).toBe(formatLength(t, line.total));
    expect(readout.rows[3]!.label).toBe('高斯平面（3° 带 40）');
  });

  it('area: the area in m², 公顷 and 亩 and the perimeter; too few points say so', () => {
    const readout = measureReadout(t, measuring('area', [A, B, C]));
    expect(readout.rows.map((r) => r.id)).toEqual(['area', 'perimeter']);
    expect(readout.rows[0]!.value).toMatch(/^[\d,]+\.\d\d m² · [\d.]+ 公顷 · [\d.]+ 亩$/);
    expect(measureReadout(t, measuring('area', [A, B]))).toEqual({ rows: [], note: '面积至少需要 3 个不同的点。' });
  });

  it('copies the figures shown, under a heading that names the mode and the ellipsoid', () => {
    const state = measuring('distance', [A, B]);
    const readout = measureReadout(t, state);
    expect(readoutText(t, state, readout)).toBe(`测量 · 距离 · 椭球面（CGCS2000）\n第 1 段\t${readout.rows[0]!.value}\n总长\t${readout.rows[1]!.value}`);
  });
});
