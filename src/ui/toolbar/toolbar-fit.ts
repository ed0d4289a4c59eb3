/**
 * Which of the toolbar's groups still fit on one row: the groups that may move into 更多 go there lowest
 * priority first, as few as the row needs. Pure arithmetic on measured widths (CSS pixels), so it is tested
 * without a browser; `use-toolbar-overflow.ts` measures.
 */

export interface RowWidths {
  /** The toolbar's width inside its padding. */
  readonly available: number;
  /** The space between two groups. */
  readonly gap: number;
  /** The groups that always stay on the row. */
  readonly fixed: readonly number[];
  /** The groups that may move into 更多, lowest priority first. */
  readonly movable: readonly number[];
  /** The 更多 button, on the row as soon as one group has moved. */
  readonly more: number;
}

/** Rounding of fractional widths: a row this much too wide still counts as fitting. */
const SUBPIXEL = 0.5;

function rowWidth(parts: readonly number[], gap: number): number {
  return parts.reduce((sum, width) => sum + width, 0) + gap * Math.max(0, parts.length - 1);
}

/**
 * Which movable groups go into 更多 (their indexes in `movable`). None when everything fits; otherwise the
 * row keeps the groups it has room for beside 更多, highest priority first, and a lower-priority group
 * stays only where a higher one was too wide to stay anyway.
 */
export function movedGroups({ available, gap, fixed, movable, more }: RowWidths): number[] {
  if (rowWidth([...fixed, ...movable], gap) <= available + SUBPIXEL) return [];
  let room = available + SUBPIXEL - rowWidth([...fixed, more], gap);
  const moved: number[] = [];
  for (let index = movable.length - 1; index >= 0; index -= 1) {
    const width = (movable[index] ?? 0) + gap;
    if (width <= room) room -= width;
    else moved.unshift(index);
  }
  return moved;
}
