import { describe, expect, it } from 'vitest';
import { createRng } from './prng.ts';

describe('seeded random source', () => {
  it('repeats for the same seed and stream, differs between streams', () => {
    const draw = (seed: number, stream: string) => Array.from({ length: 5 }, createRng(seed, stream).next);
    expect(draw(2017, 'fields')).toEqual(draw(2017, 'fields'));
    expect(draw(2017, 'fields')).not.toEqual(draw(2017, 'lines'));
    expect(draw(2017, 'fields')).not.toEqual(draw(2018, 'fields'));
  });

  it('stays in range', () => {
    const rng = createRng(1, 'range');
    for (let k = 0; k < 10_000; k++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = rng.int(2, 3);
      expect(n === 2 || n === 3).toBe(true);
    }
  });

  it('makes RFC 4122 version-4 UUIDs', () => {
    const rng = createRng(2017, 'ids');
    for (let k = 0; k < 1000; k++) expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
