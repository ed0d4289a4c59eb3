import { describe, expect, it } from 'vitest';
import { linkedGroups } from './linked-groups.ts';

describe('linkedGroups', () => {
  it('joins items through chains of links, groups in the order of their first item', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(linkedGroups(items, (link) => [[3, 1], [4, 0], [1, 2]].forEach(([i, j]) => link(i!, j!)))).toEqual([['a', 'e'], ['b', 'c', 'd']]);
  });

  it('leaves unlinked items alone, one group each', () => {
    expect(linkedGroups([1, 2, 3], () => {})).toEqual([[1], [2], [3]]);
  });
});
