/**
 * What a click on a row selects, as in a file list or QGIS's table: a plain click selects that row alone,
 * Ctrl (⌘) adds or removes it, Shift selects from the last plain or Ctrl click to here in the order shown,
 * Ctrl+Shift adds that range to what was selected.
 */
import type { FeatureId } from '../../domain/ids.ts';

export interface RowClick {
  readonly id: FeatureId;
  readonly shift: boolean;
  readonly ctrl: boolean;
}

export interface RowSelection {
  readonly ids: readonly FeatureId[];
  /** Where the next Shift-click's range starts. */
  readonly anchor: FeatureId;
}

/** `shown`: the rows in the order on screen (sorted and filtered); `selected`: the editor's selection. */
export function selectByClick(shown: readonly FeatureId[], selected: readonly FeatureId[], anchor: FeatureId | null, click: RowClick): RowSelection {
  const { id } = click;
  if (click.shift) {
    const from = anchor === null ? -1 : shown.indexOf(anchor);
    const to = shown.indexOf(id);
    if (from >= 0 && to >= 0) {
      const range = from <= to ? shown.slice(from, to + 1) : shown.slice(to, from + 1).reverse();
      return { ids: click.ctrl ? [...new Set([...selected, ...range])] : range, anchor: anchor as FeatureId };
    }
  }
  if (click.ctrl) return { ids: selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id], anchor: id };
  return { ids: [id], anchor: id };
}
