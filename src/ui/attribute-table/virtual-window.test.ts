import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToRow } from './virtual-window.ts';

describe('rowWindow', () => {
  it('renders the rows in view and a few either side, never past the ends', () => {
    expect(rowWindow(0, 260, 26, 20_000, 8)).toEqual({ start: 0, end: 19 });
    expect(rowWindow(26 * 1000, 260, 26, 20_000, 8)).toEqual({ start: 992, end: 1019 });
    expect(rowWindow(26 * 19_995, 260, 26, 20_000, 8)).toEqual({ start: 19_987, end: 20_000 });
  });

  it('keeps the DOM small whatever the length of the list', () => {
    const { start, end } = rowWindow(123_456, 600, 26, 20_000);
    expect(end - start).toBeLessThan(45);
  });

  it('handles an empty list and a viewport not laid out yet', () => {
    expect(rowWindow(0, 300, 26, 0)).toEqual({ start: 0, end: 0 });
    expect(rowWindow(0, 0, 26, 100, 0)).toEqual({ start: 0, end: 1 });
  });
});

describe('scrollToRow', () => {
  // 300 px viewport, 52 px frozen header: 248 px of rows, 26 px each.
  it('leaves the scroll where it is when the row is in view', () => {
    expect(scrollToRow(3, 0, 300, 26, 52)).toBe(0);
  });

  it('scrolls up so a row above the view is at the top, under the header', () => {
    expect(scrollToRow(10, 1000, 300, 26, 52)).toBe(260);
  });

  it('scrolls down so a row below the view is the last one shown', () => {
    expect(scrollToRow(100, 0, 300, 26, 52)).toBe(101 * 26 - 248);
  });
});
