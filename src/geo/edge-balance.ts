/**
 * The shared-edge test for partitions. Orient every ring (shells counter-clockwise, holes clockwise) and
 * count each edge with a sign: +1 when walked in its canonical direction, −1 against it; the village
 * boundary is counted with the opposite sign. When every edge's count is zero, the layer's winding sum
 * equals the boundary's everywhere (it can only change across an edge whose count is not zero), so valid
 * features cover the village exactly once: no gap, no overlap, nothing outside. Where counts are not
 * zero lies every gap, overlap, overhang, or a harmless T-junction; only there must geometry be clipped.
 * With exactly shared vertices this is one hash update per edge, and a patch updates only its features.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import type { BBox } from './bbox.ts';
import { polygonsOf, ringSignedAreaPlanar } from './rings.ts';
import { forEachOverlappingPair } from './segments.ts';

/** An edge whose count is not zero, walked in its key's direction, with its net count. */
export interface OpenEdgeCount {
  count: number;
  readonly ax: number;
  readonly ay: number;
  readonly bx: number;
  readonly by: number;
}

/** Past this many changed keys a layer above rebuilds from every open edge, so following each key is wasted work. */
export const BULK_CHANGES = 2000;

export class EdgeBalance {
  private readonly net = new Map<string, OpenEdgeCount>();
  /**
   * Keys whose count changed since the last `takeChanged()`: what a tolerant layer above must look at again;
   * 'all' once more than BULK_CHANGES changed (loading a layer), when it looks at every open edge anyway.
   */
  private changed: Set<string> | 'all' = new Set<string>();

  /** Adds (sign +1) or removes (sign −1) a geometry's edges. */
  add(geometry: AreaGeometry, sign: 1 | -1): void {
    for (const polygon of polygonsOf(geometry)) {
      polygon.forEach((ring, ringIndex) => {
        const area = ringSignedAreaPlanar(ring);
        const wound = ringIndex === 0 ? (area < 0 ? -1 : 1) : area > 0 ? -1 : 1;
        for (let i = 0; i + 1 < ring.length; i++) this.addEdge(ring[i] as Position, ring[i + 1] as Position, sign * wound);
      });
    }
  }

  private addEdge(a: Position, b: Position, sign: number): void {
    if (a[0] === b[0] && a[1] === b[1]) return;
    const forward = isForward(a, b);
    const [from, to] = forward ? [a, b] : [b, a];
    const key = edgeKey(from, to);
    const delta = forward ? sign : -sign;
    const open = this.net.get(key);
    if (!open) this.net.set(key, { count: delta, ax: from[0] as number, ay: from[1] as number, bx: to[0] as number, by: to[1] as number });
    else if (open.count + delta === 0) this.net.delete(key);
    else open.count += delta;
    if (this.changed !== 'all') {
      this.changed.add(key);
      if (this.changed.size > BULK_CHANGES) this.changed = 'all';
    }
  }

  /** True when every edge's count is zero. */
  get balanced(): boolean {
    return this.net.size === 0;
  }

  /** The open edge under a key, or undefined when it balances. */
  open(key: string): Readonly<OpenEdgeCount> | undefined {
    return this.net.get(key);
  }

  /** Every unbalanced edge by key: for building a tolerant layer from scratch. */
  openEdges(): IterableIterator<[string, Readonly<OpenEdgeCount>]> {
    return this.net.entries();
  }

  /** The keys changed since the last call ('all': more than BULK_CHANGES of them), and forgets them. */
  takeChanged(): Set<string> | 'all' {
    const taken = this.changed;
    this.changed = new Set();
    return taken;
  }
}

/** Canonical direction of an edge: from the lexicographically smaller end. */
function isForward(a: Position, b: Position): boolean {
  return (a[0] as number) < (b[0] as number) || (a[0] === b[0] && (a[1] as number) < (b[1] as number));
}

const keyNumbers = new Float64Array(4);
const keyChars = new Uint16Array(keyNumbers.buffer);

/**
 * The exact key of an edge walked from `a` to `b` (callers pass it in canonical direction): the bits of its
 * four coordinates as a 16-character string. Equal keys are bit-equal coordinates (−0 made 0), as with
 * decimal text, but without printing four doubles per edge, which was most of building a 150,000-edge
 * balance. Keys are opaque: the coordinates are read from the open edge, never from its key.
 */
function edgeKey(a: Position, b: Position): string {
  keyNumbers[0] = (a[0] as number) + 0;
  keyNumbers[1] = (a[1] as number) + 0;
  keyNumbers[2] = (b[0] as number) + 0;
  keyNumbers[3] = (b[1] as number) + 0;
  const c = keyChars;
  return String.fromCharCode(c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!, c[10]!, c[11]!, c[12]!, c[13]!, c[14]!, c[15]!);
}

/** The key of an edge whatever its direction. */
export function undirectedEdgeKey(a: Position, b: Position): string {
  return isForward(a, b) ? edgeKey(a, b) : edgeKey(b, a);
}

/** Merges boxes that meet until none do: overlapping pairs by sweep, joined by union–find, repeated while the grown boxes meet. */
export function mergeTouchingBoxes(input: readonly BBox[]): BBox[] {
  let boxes = input.map((b) => [...b] as BBox);
  for (;;) {
    const packed = new Float64Array(boxes.length * 4);
    boxes.forEach((b, i) => packed.set(b, i * 4));
    const parent = boxes.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
      return i;
    };
    let joined = false;
    forEachOverlappingPair(packed, (i, j) => {
      const ri = find(i);
      const rj = find(j);
      if (ri !== rj) {
        parent[ri] = rj;
        joined = true;
      }
    });
    if (!joined) return boxes;
    const grown = new Map<number, BBox>();
    boxes.forEach((b, i) => {
      const root = find(i);
      const g = grown.get(root);
      grown.set(root, g ? [Math.min(g[0], b[0]), Math.min(g[1], b[1]), Math.max(g[2], b[2]), Math.max(g[3], b[3])] : b);
    });
    boxes = [...grown.values()];
  }
}
