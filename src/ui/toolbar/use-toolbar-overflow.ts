/**
 * Which of the toolbar's movable groups are in 更多 at the toolbar's current width (toolbar-fit.ts).
 * The toolbar's direct children marked `data-group` are measured: the toolbar itself and each group are
 * watched with a ResizeObserver, so a window resize, a language switch or a label that grows (an export's
 * progress) re-fits the row. A group in 更多 cannot be measured; its last width on the row stands in.
 */
import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { movedGroups } from './toolbar-fit.ts';

/** `data-group` of the 更多 button's wrapper. */
export const MORE_GROUP = 'more';
/** The 更多 button's width before it was first shown (an icon, "更多", the caret). */
const MORE_WIDTH_GUESS = 80;

/** `movable`: the `data-group` names that may move, lowest priority first. */
export function useToolbarOverflow<Group extends string>(toolbar: RefObject<HTMLElement | null>, movable: readonly Group[]): readonly Group[] {
  // Joined into one string: a state that compares equal when the same groups are moved again.
  const [moved, setMoved] = useState('');
  const widths = useRef(new Map<string, number>());

  // After every render of the toolbar: which groups are on the row changes with what has moved.
  useLayoutEffect(() => {
    const element = toolbar.current;
    if (!element) return;
    const groups = () => [...element.querySelectorAll<HTMLElement>(':scope > [data-group]')];
    const measure = () => {
      const style = getComputedStyle(element);
      const fixed: number[] = [];
      for (const group of groups()) {
        const id = group.dataset.group ?? '';
        const width = group.getBoundingClientRect().width;
        if (id === MORE_GROUP || (movable as readonly string[]).includes(id)) widths.current.set(id, width);
        else fixed.push(width);
      }
      const indexes = movedGroups({
        available: element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
        gap: parseFloat(style.columnGap) || 0,
        fixed,
        movable: movable.map((id) => widths.current.get(id) ?? 0),
        more: widths.current.get(MORE_GROUP) ?? MORE_WIDTH_GUESS,
      });
      setMoved(indexes.map((index) => movable[index]).join(' '));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    groups().forEach((group) => observer.observe(group));
    return () => observer.disconnect();
  });

  return movable.filter((group) => moved.split(' ').includes(group));
}
