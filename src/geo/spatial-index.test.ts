import { describe, expect, it } from 'vitest';
import { FeatureIndex } from './spatial-index.ts';
import { square } from './test-support.ts';

type Id = `p${number}`;

describe('FeatureIndex', () => {
  it('inserts, replaces, deletes and searches', () => {
    const index = new FeatureIndex<Id>();
    index.set('p1', square(0, 0, 1, 1));
    index.set('p2', square(2, 2, 3, 3));
    expect(index.size).toBe(2);
    expect(index.search([0.5, 0.5, 0.6, 0.6])).toEqual(['p1']);
    expect(index.search([1, 1, 2, 2]).sort()).toEqual(['p1', 'p2']); // touching boxes count

    index.set('p1', square(10, 10, 11, 11)); // replace: the old box is gone
    expect(index.size).toBe(2);
    expect(index.search([0.5, 0.5, 0.6, 0.6])).toEqual([]);
    expect(index.search([10.5, 10.5, 10.6, 10.6])).toEqual(['p1']);
    expect(index.bboxOf('p1')).toEqual([10, 10, 11, 11]);

    expect(index.delete('p1')).toBe(true);
    expect(index.delete('p1')).toBe(false);
    expect(index.has('p1')).toBe(false);
    expect(index.size).toBe(1);
  });

  it('counts the boxes meeting a box as search finds them, touching ones too', () => {
    const index = new FeatureIndex<Id>();
    index.load([['p1', square(0, 0, 1, 1)], ['p2', square(2, 2, 3, 3)], ['p3', square(5, 5, 6, 6)]]);
    for (const box of [[0.5, 0.5, 0.6, 0.6], [1, 1, 2, 2], [-10, -10, 10, 10], [7, 7, 8, 8]] as const) expect(index.count([...box])).toBe(index.search([...box]).length);
    expect(index.count([1, 1, 2, 2])).toBe(2);
  });

  it('bulk-loads, replacing ids already present, the last of repeated ids winning', () => {
    const index = new FeatureIndex<Id>();
    index.set('p1', square(0, 0, 1, 1));
    index.load([
      ['p1', square(5, 5, 6, 6)],
      ['p2', square(7, 7, 8, 8)],
      ['p2', square(9, 9, 10, 10)],
    ]);
    expect(index.size).toBe(2);
    expect(index.search([0, 0, 1, 1])).toEqual([]);
    expect(index.search([7, 7, 8, 8])).toEqual([]);
    expect(index.search([9.5, 9.5, 9.6, 9.6])).toEqual(['p2']);
  });

  it('holds points and skips geometries without finite coordinates', () => {
    const index = new FeatureIndex<Id>();
    index.set('p1', { type: 'Point', coordinates: [120, 30] });
    index.set('p2', { type: 'Polygon', coordinates: [] });
    index.set('p3', { type: 'Point', coordinates: [NaN, 30] });
    expect(index.size).toBe(1);
    expect(index.search([119, 29, 121, 31])).toEqual(['p1']);
  });

  it('updates features among 20,000 in place', () => {
    const index = new FeatureIndex<Id>();
    const entries: [Id, ReturnType<typeof square>][] = [];
    for (let i = 0; i < 20_000; i++) {
      const x = 120 + (i % 200) * 0.001;
      const y = 30 + Math.floor(i / 200) * 0.001;
      entries.push([`p${i}`, square(x, y, x + 0.001, y + 0.001)]);
    }
    index.load(entries);

    const updates = 1000;
    for (let k = 0; k < updates; k++) {
      const i = (k * 7919) % 20_000;
      index.set(`p${i}`, square(121 + k * 1e-6, 31, 121.001 + k * 1e-6, 31.001));
    }
    expect(index.size).toBe(20_000);
    expect(index.search([121, 31, 121.0011, 31.0011]).length).toBe(updates);
  });
});
