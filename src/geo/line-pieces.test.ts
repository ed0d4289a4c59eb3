import { describe, expect, it } from 'vitest';
import { unbalancedPieces } from './line-pieces.ts';

describe('unbalancedPieces', () => {
  it('finds nothing where a long edge is matched by the pieces along it (a T-junction)', () => {
    expect(unbalancedPieces([{ from: 0, to: 10, count: -1 }, { from: 0, to: 4, count: 1 }, { from: 4, to: 10, count: 1 }], 0.001)).toEqual([]);
  });

  it('reads an interval given backwards as the opposite count', () => {
    expect(unbalancedPieces([{ from: 0, to: 10, count: 1 }, { from: 10, to: 0, count: 1 }], 0.001)).toEqual([]);
  });

  it('drops stretches shorter than the tolerance and keeps longer ones', () => {
    const jittered = [{ from: 0, to: 10, count: 1 }, { from: 0.0003, to: 10.0002, count: -1 }];
    expect(unbalancedPieces(jittered, 0.001)).toEqual([]);
    expect(unbalancedPieces([{ from: 0, to: 10, count: 1 }, { from: 0, to: 7, count: -1 }], 0.001)).toEqual([{ from: 7, to: 10 }]);
  });

  it('joins adjacent non-zero stretches, so several small misfits in a row are not each dropped', () => {
    const steps = [{ from: 0, to: 0.0006, count: 1 }, { from: 0.0006, to: 0.0012, count: 2 }];
    expect(unbalancedPieces(steps, 0.001)).toEqual([{ from: 0, to: 0.0012 }]);
  });

  it('keeps the stretch where edges that sum to zero lie further apart across the line than the tolerance (a wedge)', () => {
    // A slanted edge 0 → 2.5 mm off the line over 60 m, matched along by two edges on the line.
    const wedge = [
      { from: 0, to: 60, count: 1, offsetFrom: 0, offsetTo: -0.0025 },
      { from: 0, to: 20, count: -1, offsetFrom: 0, offsetTo: 0 },
      { from: 20, to: 60, count: -1, offsetFrom: 0, offsetTo: 0 },
    ];
    expect(unbalancedPieces(wedge, 0.001)).toEqual([{ from: 20, to: 60 }]);
    const within = wedge.map((w) => ({ ...w, offsetTo: w.offsetTo / 3 }));
    expect(unbalancedPieces(within, 0.001)).toEqual([]);
  });

  it('reads edges as their lon/lat or their GK chords, the same reading for all', () => {
    // A 300 m edge whose GK chord lies 1 mm off its lon/lat chord at its middle; vertices on the GK chord lie
    // 1 mm off at the middle. Within the tolerance read as GK chords: balanced.
    const bend = 0.001;
    const onGk = (from: number, to: number, extra: number) => ({ from, to, count: -1, offsetFrom: (4 * bend * from * (300 - from)) / 300 ** 2 + extra, offsetTo: (4 * bend * to * (300 - to)) / 300 ** 2 + extra });
    const road = { from: 0, to: 300, count: 1, offsetFrom: 0, offsetTo: 0, bend };
    expect(unbalancedPieces([road, onGk(0, 100, 0), onGk(100, 200, 0), onGk(200, 300, 0)], 0.001)).toEqual([]);
    // 2.5 mm off the GK chord over the middle: 1.5 mm off the lon/lat chord, too far in either reading.
    expect(unbalancedPieces([road, onGk(0, 100, 0), onGk(100, 200, -0.0025), onGk(200, 300, 0)], 0.001)).toEqual([{ from: 100, to: 200 }]);
  });

  it('reads a line the way its vertices that fit tell: a stretch 1.5 mm off the chord the others lie on is apart', () => {
    // A 300 m edge, its GK chord 1 mm off its lon/lat chord at the middle, met by six 50 m edges.
    const bend = 0.001;
    const along = (t: number) => (4 * bend * t * (300 - t)) / 300 ** 2;
    const road = { from: 0, to: 300, count: 1, offsetFrom: 0, offsetTo: 0, bend };
    const row = (onGk: boolean, off: number) => [0, 50, 100, 150, 200, 250].map((t) => ({ from: t, to: t + 50, count: -1, offsetFrom: (onGk ? along(t) : 0) + (t === 100 ? off : 0), offsetTo: (onGk ? along(t + 50) : 0) + (t === 100 ? off : 0) }));
    // On the GK chord, one edge 1.5 mm towards the lon/lat chord: 0.5 mm off that, 1.5 mm off the chord the row is on.
    expect(unbalancedPieces([road, ...row(true, -0.0015)], 0.001)).toEqual([{ from: 100, to: 150 }]);
    // On the lon/lat chord, one edge 1.5 mm towards the GK chord: the same the other way.
    expect(unbalancedPieces([road, ...row(false, 0.0015)], 0.001)).toEqual([{ from: 100, to: 150 }]);
    expect(unbalancedPieces([road, ...row(true, 0)], 0.001)).toEqual([]);
    expect(unbalancedPieces([road, ...row(false, 0)], 0.001)).toEqual([]);
  });
});
