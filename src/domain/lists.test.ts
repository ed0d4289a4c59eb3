import { describe, expect, it } from 'vitest';
import { addToList, majority } from './lists.ts';

describe('lists', () => {
  it('addToList appends in place, making the list on the first value', () => {
    const lists = new Map<string, number[]>();
    addToList(lists, 'a', 1);
    const first = lists.get('a');
    addToList(lists, 'a', 2);
    addToList(lists, 'b', 3);
    expect(lists.get('a')).toBe(first);
    expect([...lists]).toEqual([['a', [1, 2]], ['b', [3]]]);
  });

  it('majority is the value met most often, the first met of equals, with no value absent', () => {
    expect(majority(['x', null, 'y', 'y', undefined, 'x', 'z'])).toBe('x');
    expect(majority(['y', 'x', 'x', 'y'])).toBe('y');
    expect(majority([null, undefined])).toBeNull();
  });
});
