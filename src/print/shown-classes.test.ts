import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
import type { Plan } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { createI18n } from '../i18n/index.ts';
import { drawPlanMap } from './map-drawing.ts';
import { villageOutline } from './outline.ts';
import type { PaperProjection } from './project.ts';

const i18n = createI18n('zh-CN');
const t = (k: string, p?: Record<string, unknown>) => i18n.t(k, p ?? {});

const [X, Y] = [120.2, 30.1];
const dx = (m: number) => m / (111_320 * Math.cos((Y * Math.PI) / 180));
const dy = (m: number) => m / 110_574;
/** A square in metres from the village's corner, each vertex moved by up to ±0.3 mm as a redrawn copy is. */
function square(x0: number, y0: number, x1: number, y1: number, jitterM = 0): AreaGeometry {
  const j = (i: number) => jitterM * (i % 2 === 0 ? 1 : -1);
  const corners: Position[] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]].map(([x, y], i) => [X + dx((x as number) + j(i)), Y + dy((y as number) - j(i + 1))]);
  return { type: 'Polygon', coordinates: [[...corners, corners[0] as Position]] };
}

/** A village with one 采矿用地 plot, demolished (the demolition traced over it, 0.3 mm off) and restored to 水田. */
const plan = planWith([
  feature('boundary', 'village', rect(X - dx(5), Y - dy(5), X + dx(205), Y + dy(105))),
  feature('base', 'dry', square(0, 0, 100, 100), { classCode: '113' }),
  feature('base', 'mine', square(100, 0, 200, 100), { classCode: '213' }),
  feature('base', 'home', square(0, 100, 100, 105), { classCode: '2121' }),
  feature('demolition', 'restored', square(100, 0, 200, 100, 0.0003), { restorationUse: '111' }),
  // A new house on part of the 旱地: the rest of the 旱地 is still on the map.
  feature('newBuild', 'house', square(10, 10, 30, 30), { useCode: '2121' }),
]);

function legendOf(p: Plan, kind: 'plan' | 'current'): string[] {
  const outline = villageOutline(p);
  if (!outline) throw new Error('no village');
  const projection: PaperProjection = { crs: outline.crs, mPerMm: 2, frame: { x: 0, y: 0, w: 400, h: 300 }, east0: outline.extent[0] - 10, north0: outline.extent[3] + 10 };
  return drawPlanMap(p, kind, projection, t).legend.map((item) => item.label);
}

describe('the printed legend lists the classes the map shows', () => {
  it('leaves out of the 规划图 a base class every parcel of which lies under changes', () => {
    expect(legendOf(plan, 'plan')).toEqual(['拆旧地块', '建新地块', '村界', '水田', '旱地', '宅基地']);
  });

  it('keeps it on the 现状图, which draws no changes', () => {
    expect(legendOf(plan, 'current')).toEqual(['村界', '旱地', '宅基地', '采矿用地']);
  });
});
