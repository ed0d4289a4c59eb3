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
});
