import { describe, expect, it } from 'vitest';
import { LAND_CLASS_COLOURS, rgbHex } from '../../profiles/zhejiang-2017/palette.ts';
import { PLAN_LAYER_STYLES } from '../../map/plan-style.ts';
import { evaluate, projectPoint, unprojectPoint } from './canvas-map.ts';
import { fitCamera, FIT_PADDING } from './notice-style.ts';

const paintOf = (id: string) => Object.values(PLAN_LAYER_STYLES).flat().find((l) => l.id === id)?.paint as Record<string, unknown>;

describe('the canvas first view', () => {
  it('reads the plan style’s own expressions: class colours, zoom-dependent widths, filters', () => {
    expect(evaluate(paintOf('base-fill')['fill-color'], { classCode: '2121' }, 15)).toBe(rgbHex(LAND_CLASS_COLOURS['2121']));
    expect(evaluate(paintOf('base-fill')['fill-color'], { classCode: 'nonsense' }, 15)).toBe('#cccccc');
    expect(evaluate(paintOf('base-line')['line-width'], {}, 16)).toBeCloseTo(0.6);
    expect(evaluate(paintOf('base-line')['line-width'], {}, 10)).toBe(0.2);
    expect(evaluate(['==', ['get', 'pbfType'], 'G111'], { pbfType: 'G111' }, 15)).toBe(true);
    expect(evaluate(['case', ['get', 'pending'], 'a', 'b'], { pending: false }, 15)).toBe('b');
    // A form it does not know is "no value", never a throw.
    expect(evaluate(['coalesce', 1], {}, 15)).toBeNull();
  });

  it('fits the village as MapLibre’s fitBounds does, and projects both ways', () => {
    const bbox = [120.5, 30.5, 120.52, 30.515] as const;
    const camera = fitCamera(bbox, 360, 385);
    const view = { camera, width: 360, height: 385 };
    const [x0, y0] = projectPoint(view, [bbox[0], bbox[3]]);
    const [x1, y1] = projectPoint(view, [bbox[2], bbox[1]]);
    // The tighter side touches the padding; the box is centred.
    expect(Math.min(x0 - FIT_PADDING, y0 - FIT_PADDING)).toBeCloseTo(0, 6);
    expect((x0 + x1) / 2).toBeCloseTo(180, 6);
    expect((y0 + y1) / 2).toBeCloseTo(192.5, 6);
    const back = unprojectPoint(view, 100, 50);
    const [x, y] = projectPoint(view, back);
    expect(x).toBeCloseTo(100, 6);
    expect(y).toBeCloseTo(50, 6);
  });
});
