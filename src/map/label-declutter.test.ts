import { describe, expect, it } from 'vitest';
import { declutter, type LabelBox } from './label-declutter.ts';

const box = (x: number, y: number, priority = 1, width = 60, height = 16): LabelBox => ({ x, y, width, height, priority });

function overlaps(a: LabelBox, pa: { dx: number; dy: number }, b: LabelBox, pb: { dx: number; dy: number }): boolean {
  return Math.abs(a.x + pa.dx - (b.x + pb.dx)) < (a.width + b.width) / 2 && Math.abs(a.y + pa.dy - (b.y + pb.dy)) < (a.height + b.height) / 2;
}

describe('declutter', () => {
  it('leaves labels that do not touch where they are', () => {
    expect(declutter([box(0, 0), box(200, 0), box(0, 100)])).toEqual([{ dx: 0, dy: 0 }, { dx: 0, dy: 0 }, { dx: 0, dy: 0 }]);
  });

  it('moves the less important of two colliding labels beside it; the more important keeps its point', () => {
    const labels = [box(0, 0, 1), box(10, 2, 2)];
    const [low, high] = declutter(labels);
    expect(high).toEqual({ dx: 0, dy: 0 });
    expect(low).not.toBeNull();
    expect(low).not.toEqual({ dx: 0, dy: 0 });
    expect(overlaps(labels[0]!, low!, labels[1]!, high!)).toBe(false);
  });

  it('hides a label with no free place around its point, and no two placed labels overlap', () => {
    const crowd = [box(0, 0, 5), box(0, -18, 4), box(0, 18, 4), box(66, 0, 4), box(-66, 0, 4), box(2, 1, 1)];
    const placed = declutter(crowd);
    expect(placed[5]).toBeNull();
    const shown = crowd.map((b, i) => ({ b, p: placed[i] })).filter((x) => x.p);
    for (const a of shown) for (const b of shown) if (a !== b) expect(overlaps(a.b, a.p!, b.b, b.p!)).toBe(false);
  });
});
