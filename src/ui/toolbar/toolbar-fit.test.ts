import { describe, expect, it } from 'vitest';
import { movedGroups, type RowWidths } from './toolbar-fit.ts';

// Widths near the editor's at 1366 px in Chinese: the fixed groups, then settings (154), find (174),
// notice (56) and edit (148) that may move, lowest priority first.
const fixed = [140, 110, 415, 127, 146, 56];
const movable = [154, 174, 56, 148];
const row = (available: number): RowWidths => ({ available, gap: 10, fixed, movable, more: 80 });
const sum = (widths: readonly number[]) => widths.reduce((a, b) => a + b, 0);
/** The row's width with these groups and one gap between each two. */
const width = (...groups: number[]) => sum(groups) + 10 * (groups.length - 1);
const everything = width(...fixed, ...movable);

describe('movedGroups', () => {
  it('moves nothing when every group fits, to the pixel, and nothing at 1920 px', () => {
    expect(movedGroups(row(everything))).toEqual([]);
    expect(movedGroups(row(1900))).toEqual([]);
  });

  it('moves the lowest-priority group first, making room for the 更多 button it brings', () => {
    expect(movedGroups(row(everything - 1))).toEqual([0]);
    // Without settings but with 更多: fits exactly.
    expect(movedGroups(row(width(...fixed, 174, 56, 148, 80)))).toEqual([0]);
    expect(movedGroups(row(width(...fixed, 56, 148, 80)))).toEqual([0, 1]);
  });

  it('keeps a lower-priority group that fits where a higher one does not', () => {
    // A pixel short for find (174) beside 更多: find moves, and the narrower settings (154) stays.
    expect(movedGroups(row(width(...fixed, 174, 56, 148, 80) - 1))).toEqual([1]);
  });

  it('keeps a small group when a larger one of higher priority moves', () => {
    // Room for notice (56) beside 更多 but not for edit (148): edit moves, notice stays.
    expect(movedGroups(row(width(...fixed, 56, 80)))).toEqual([0, 1, 3]);
  });

  it('moves every movable group when even that does not fit (the fixed row is what it is)', () => {
    expect(movedGroups(row(600))).toEqual([0, 1, 2, 3]);
  });

  it('takes half a pixel of rounding as fitting', () => {
    expect(movedGroups(row(everything - 0.4))).toEqual([]);
  });

  it('has nothing to move when no group may move', () => {
    expect(movedGroups({ available: 100, gap: 10, fixed: [300], movable: [], more: 80 })).toEqual([]);
  });
});
