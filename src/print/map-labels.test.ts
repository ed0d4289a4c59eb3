import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { croppedSamplePlan, samplePlan } from '../../tests/e2e/support/notice.ts';
import type { AreaGeometry } from '../domain/features.ts';
import type { Plan } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { createI18n } from '../i18n/index.ts';
import type { TextOp } from './display-list.ts';
import { roughTextWidth } from './display-list.ts';
import { fullCheck } from '../rules/engine.ts';
import { composeSheet } from './compose.ts';
import { drawPlanMap } from './map-drawing.ts';
import { LABEL_MM } from './map-labels.ts';
import { villageOutline } from './outline.ts';
import { areaToPaper, insideRings, type PaperProjection } from './project.ts';

const i18n = createI18n('zh-CN');
const t = (k: string, p?: Record<string, unknown>) => i18n.t(k, p ?? {});

// A village at 30.5°N; metres to degrees there.
const [X, Y] = [120.5, 30.5];
const dx = (m: number) => m / (111_320 * Math.cos((Y * Math.PI) / 180));
const dy = (m: number) => m / 110_574;
const square = (x0: number, y0: number, x1: number, y1: number): Position[] => [[X + dx(x0), Y + dy(y0)], [X + dx(x1), Y + dy(y0)], [X + dx(x1), Y + dy(y1)], [X + dx(x0), Y + dy(y1)], [X + dx(x0), Y + dy(y0)]];
const boundary = feature('boundary', 'village', rect(X - dx(10), Y - dy(10), X + dx(300), Y + dy(300)));

/** The whole village at 1:2000 on a 400 × 300 mm frame. */
function projectionOf(plan: Plan): PaperProjection {
  const outline = villageOutline(plan);
  if (!outline) throw new Error('no village');
  return { crs: outline.crs, mPerMm: 2, frame: { x: 0, y: 0, w: 400, h: 300 }, east0: outline.extent[0] - 10, north0: outline.extent[3] + 10 };
}

const labelsOf = (plan: Plan, kind: 'plan' | 'current' = 'current') => drawPlanMap(plan, kind, projectionOf(plan), t).labels as TextOp[];
const at = (labels: readonly TextOp[], text: string) => labels.filter((l) => l.text === text);
const inside = (plan: Plan, geometry: AreaGeometry, l: TextOp) => insideRings(areaToPaper(projectionOf(plan), geometry), l.x, l.y);

describe('land-class labels on the printed map', () => {
  it('labels a parcel with a pond in its middle beside the hole, not in it (the box centre is in the hole)', () => {
    const paddy: AreaGeometry = { type: 'Polygon', coordinates: [square(0, 0, 100, 100), square(30, 30, 70, 70).reverse()] };
    const plan = planWith([boundary, feature('base', 'paddy', paddy, { classCode: '111' }), feature('base', 'pond', { type: 'Polygon', coordinates: [square(30, 30, 70, 70)] }, { classCode: '153' })]);
    const labels = labelsOf(plan);
    const [label] = at(labels, '水田');
    expect(label).toBeDefined();
    expect(inside(plan, paddy, label!)).toBe(true);
    expect(at(labels, '坑塘水面')).toHaveLength(1);
  });

  it('labels a multipart parcel in its large part when the first part is a sliver', () => {
    const parts: AreaGeometry = { type: 'MultiPolygon', coordinates: [[square(0, 200, 120, 200.5)], [square(0, 0, 80, 80)]] };
    const plan = planWith([boundary, feature('base', 'forest', parts, { classCode: '131' })]);
    const [label] = at(labelsOf(plan), '生态林');
    expect(label).toBeDefined();
    expect(inside(plan, { type: 'Polygon', coordinates: [square(0, 0, 80, 80)] }, label!)).toBe(true);
  });

  it('labels an L-shaped parcel inside its arms', () => {
    const ell: AreaGeometry = { type: 'Polygon', coordinates: [[...square(0, 0, 100, 20).slice(0, 2), [X + dx(100), Y + dy(20)], [X + dx(20), Y + dy(20)], [X + dx(20), Y + dy(100)], [X + dx(0), Y + dy(100)], [X, Y]]] };
    const plan = planWith([boundary, feature('base', 'ell', ell, { classCode: '113' })]);
    const [label] = at(labelsOf(plan), '旱地');
    expect(label).toBeDefined();
    expect(inside(plan, ell, label!)).toBe(true);
  });

  it('prints the plan’s use, not the base-year class on top of it, where a demolition has the base parcel’s outline', () => {
    const plot: AreaGeometry = { type: 'Polygon', coordinates: [square(0, 0, 60, 60)] };
    const plan = planWith([boundary, feature('base', 'home', plot, { classCode: '2121' }), feature('demolition', 'd1', plot, { restorationUse: '111' })]);
    expect(labelsOf(plan, 'plan').map((l) => l.text)).toEqual(['水田']);
    expect(labelsOf(plan, 'current').map((l) => l.text)).toEqual(['宅基地']);
  });

  it('moves a parcel’s label beside a new build drawn over its middle, onto the part still showing', () => {
    const field: AreaGeometry = { type: 'Polygon', coordinates: [square(0, 0, 120, 40)] };
    const house: AreaGeometry = { type: 'Polygon', coordinates: [square(40, 0, 80, 40)] };
    const plan = planWith([boundary, feature('base', 'field', field, { classCode: '113' }), feature('newBuild', 'house', house, { useCode: '2121' })]);
    const labels = labelsOf(plan, 'plan');
    const [label] = at(labels, '旱地');
    expect(label).toBeDefined();
    expect(inside(plan, field, label!)).toBe(true);
    // Its whole box clear of the house, not only its centre.
    const halfW = roughTextWidth('旱地', LABEL_MM) / 2;
    const y = label!.y - LABEL_MM / 3;
    for (const x of [label!.x - halfW, label!.x, label!.x + halfW]) expect(inside(plan, house, { ...label!, x, y })).toBe(false);
    expect(at(labels, '宅基地')).toHaveLength(1);
  });

  it('moves a label off a grid cross at its parcel’s middle, and still drops one with no room anywhere', () => {
    const field: AreaGeometry = { type: 'Polygon', coordinates: [square(0, 0, 60, 30)] };
    const crumb: AreaGeometry = { type: 'Polygon', coordinates: [square(200, 200, 202, 202)] };
    const plan = planWith([boundary, feature('base', 'field', field, { classCode: '111' }), feature('base', 'crumb', crumb, { classCode: '131' })]);
    const projection = projectionOf(plan);
    const [middle] = labelsOf(plan);
    if (!middle) throw new Error('no label without the cross');
    const cross = [middle.x - 1.2, middle.y - 2, middle.x + 1.2, middle.y + 1] as const;
    const labels = drawPlanMap(plan, 'current', projection, t, [cross]).labels as TextOp[];
    const [moved] = at(labels, '水田');
    expect(moved).toBeDefined();
    expect(inside(plan, field, moved!)).toBe(true);
    const halfW = roughTextWidth('水田', LABEL_MM) / 2;
    expect(moved!.x + halfW < cross[0] || moved!.x - halfW > cross[2] || moved!.y < cross[1] || moved!.y - LABEL_MM > cross[3]).toBe(true);
    expect(at(labels, '生态林')).toEqual([]);
  });

  it('keeps labels clear of the coordinate grid’s crosses on the printed sheet', () => {
    const plan = croppedSamplePlan(560, 420);
    const composed = composeSheet({ plan, kind: 'plan', paper: 'A3', scale: 2000, issuer: 'x', date: '2026-11-01', indicators: fullCheck(plan).tables.F1, t });
    if (!composed.ok) throw new Error(composed.error.key);
    const ops = composed.value.sheet.ops;
    // A cross's horizontal arm: a 2.4 mm line on A3 (the frame's ticks are 2.5 mm).
    const crosses = ops.flatMap((op) => (op.kind === 'line' && op.points.length === 4 && op.points[1] === op.points[3] && Math.abs((op.points[2] as number) - (op.points[0] as number) - 2.4) < 1e-9 ? [[op.points[0] as number, (op.points[1] as number) - 1.2, op.points[2] as number, (op.points[1] as number) + 1.2] as const] : []));
    const labels = ops.flatMap((op) => (op.kind === 'text' && op.sizeMm === LABEL_MM ? [op] : []));
    expect(crosses.length).toBeGreaterThan(10);
    expect(labels.length).toBeGreaterThan(100);
    const crossed = labels.filter((l) => {
      const half = roughTextWidth(l.text, l.sizeMm) / 2;
      return crosses.some((c) => l.x - half < c[2] && c[0] < l.x + half && l.y - l.sizeMm < c[3] && c[1] < l.y);
    });
    expect(crossed.map((l) => l.text)).toEqual([]);
  });

  it('never prints one label over another on the sample village’s plan map', () => {
    const plan = samplePlan();
    const labels = labelsOf(plan, 'plan').map((l) => {
      const half = roughTextWidth(l.text, l.sizeMm) / 2;
      return [l.x - half, l.y - l.sizeMm, l.x + half, l.y] as const;
    });
    expect(labels.length).toBeGreaterThan(100);
    const overlapping = labels.filter((a, i) => labels.some((b, j) => j !== i && a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]));
    expect(overlapping).toEqual([]);
  });
});
