/** Which rows of a long list to put in the DOM: the ones in view plus a few either side, so scrolling shows no gap. */
export interface RowWindow {
  /** First row rendered. */
  readonly start: number;
  /** One past the last row rendered. */
  readonly end: number;
}

export function rowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 8): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.min(count, first + inView + overscan);
  return { start, end: Math.max(start, end) };
}

/** The scrollTop that brings row `index` into view (unchanged if it already is); `top`: the frozen header's height. */
export function scrollToRow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number, top: number): number {
  const rowTop = index * rowHeight;
  const visibleRows = viewportHeight - top;
  if (rowTop < scrollTop) return rowTop;
  if (rowTop + rowHeight > scrollTop + visibleRows) return rowTop + rowHeight - visibleRows;
  return scrollTop;
}
