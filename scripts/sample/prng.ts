/**
 * A seeded random source for the sample generator. sfc32 (Chris Doty-Humphrey's Small Fast Counter,
 * passes PractRand) is ten lines and needs no library; it gives the same numbers on every machine and
 * Node version, which a committed, byte-identical sample needs. `Math.random` is never used here.
 *
 * Each part of the generator draws from its own named stream (`createRng(seed, 'fields')`), so adding a
 * draw in one part does not shift the numbers every later part sees.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A version-4 UUID built from the stream, so ids are deterministic yet valid. */
  uuid(): string;
}

/** sfc32: four 32-bit words of state, one 32-bit output per call. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/** cyrb128: spreads a short text over the four sfc32 seed words. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

const TWO_POW_32 = 4_294_967_296;

export function createRng(seed: number, stream: string): Rng {
  const [a, b, c, d] = cyrb128(`${seed}/${stream}`);
  const word = sfc32(a, b, c, d);
  // The first outputs of a freshly seeded sfc32 are still correlated with the seed: skip them.
  for (let i = 0; i < 15; i++) word();
  const next = (): number => word() / TWO_POW_32;
  return {
    next,
    float: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    uuid() {
      const hex = [word(), word(), word(), word()].map((w) => w.toString(16).padStart(8, '0')).join('');
      // Version nibble 4 and variant bits 10xx, as RFC 4122 asks of a random UUID.
      const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}
