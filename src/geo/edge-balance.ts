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

/**
 * An edge of the balance in its canonical direction, with its net count. The record is the edge's identity
 * while it is open: a layer above keys its own state by it. Once the count is back to zero the record
 * leaves the balance (count 0); if the edge opens again, it gets a new record.
 */
export interface OpenEdgeCount {
  readonly count: number;
  readonly ax: number;
  readonly ay: number;
  readonly bx: number;
  readonly by: number;
}

class EdgeRecord implements OpenEdgeCount {
  /** The next record whose coordinates hash alike. */
  next: EdgeRecord | undefined = undefined;

  constructor(
    public count: number,
    readonly ax: number,
    readonly ay: number,
    readonly bx: number,
    readonly by: number,
  ) {}

  is(ax: number, ay: number, bx: number, by: number): boolean {
    return same(this.ax, ax) && same(this.ay, ay) && same(this.bx, bx) && same(this.by, by);
  }
}

/** Bit-equal coordinates, as the survey’s shared vertices are (−0 equals 0, NaN equals NaN). */
function same(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/** Past this many changed edges a layer above rebuilds from every open edge, so following each is wasted work. */
export const BULK_CHANGES = 2000;

/**
 * The open edges, hashed by their coordinates' bits into a number: a map with small-integer keys and a
 * chain for the rare shared hash. A text key per edge (four doubles printed, or their 16 bytes as a
 * string) was most of building a 150,000-edge balance, and a misaligned coverage opens every edge.
 */
export class EdgeBalance {
  private readonly net = new Map<number, EdgeRecord>();
  private openCount = 0;
  /**
   * Records whose count changed since the last `takeChanged()`: what a tolerant layer above must look at
   * again; 'all' once more than BULK_CHANGES changed (loading a layer), when it looks at every open edge.
   */
  private changed: Set<OpenEdgeCount> | 'all' = new Set();

  /** Adds (sign +1) or removes (sign −1) a geometry's edges. */
  add(geometry: AreaGeometry, sign: 1 | -1): void {
    for (const polygon of polygonsOf(geometry)) {
      polygon.forEach((ring, ringIndex) => {
        const area = ringSignedAreaPlanar(ring);
        const wound = ringIndex === 0 ? (area < 0 ? -1 : 1) : area > 0 ? -1 : 1;
        // Around to the first vertex: a closed ring's last edge is empty, and an unclosed one (geometry-valid
        // reports it) balances as the ring it plainly means, rather than opening a gap along its missing edge.
        for (let i = 0; i < ring.length; i++) this.addEdge(ring[i] as Position, ring[(i + 1) % ring.length] as Position, sign * wound);
      });
    }
  }

  private addEdge(a: Position, b: Position, sign: number): void {
    const ax = (a[0] as number) + 0;
    const ay = (a[1] as number) + 0;
    const bx = (b[0] as number) + 0;
    const by = (b[1] as number) + 0;
    if (same(ax, bx) && same(ay, by)) return;
    const forward = ax < bx || (ax === bx && ay < by);
    const delta = forward ? sign : -sign;
    const record = forward ? this.touch(ax, ay, bx, by, delta) : this.touch(bx, by, ax, ay, delta);
    if (this.changed !== 'all') {
      this.changed.add(record);
      if (this.changed.size > BULK_CHANGES) this.changed = 'all';
    }
  }

  /** Adds `delta` to the edge's count; returns its record (removed from the balance when the count is 0). */
  private touch(ax: number, ay: number, bx: number, by: number, delta: number): EdgeRecord {
    const hash = hashEdge(ax, ay, bx, by);
    let previous: EdgeRecord | undefined;
    let record = this.net.get(hash);
    while (record && !record.is(ax, ay, bx, by)) {
      previous = record;
      record = record.next;
    }
    if (!record) {
      const created = new EdgeRecord(delta, ax, ay, bx, by);
      if (previous) previous.next = created;
      else this.net.set(hash, created);
      this.openCount++;
      return created;
    }
    record.count += delta;
    if (record.count === 0) {
      if (previous) previous.next = record.next;
      else if (record.next) this.net.set(hash, record.next);
      else this.net.delete(hash);
      record.next = undefined;
      this.openCount--;
    }
    return record;
  }

  /** True when every edge's count is zero. */
  get balanced(): boolean {
    return this.openCount === 0;
  }

  /** Every open edge: for building a tolerant layer from scratch. */
  *openEdges(): IterableIterator<OpenEdgeCount> {
    for (const first of this.net.values()) {
      for (let record: EdgeRecord | undefined = first; record; record = record.next) yield record;
    }
  }

  /**
   * The records changed since the last call ('all': more than BULK_CHANGES of them), and forgets them. A
   * record with count 0 has balanced since.
   */
  takeChanged(): Set<OpenEdgeCount> | 'all' {
    const taken = this.changed;
    this.changed = new Set();
    return taken;
  }
}

const hashNumbers = new Float64Array(4);
const hashWords = new Int32Array(hashNumbers.buffer);

/** A 32-bit hash of the four coordinates' bits (callers pass −0 made 0). Equal hashes need not be equal edges. */
export function hashEdge(ax: number, ay: number, bx: number, by: number): number {
  hashNumbers[0] = ax;
  hashNumbers[1] = ay;
  hashNumbers[2] = bx;
  hashNumbers[3] = by;
  const w = hashWords;
  let h = 0x811c9dc5;
  for (let k = 0; k < 8; k++) h = Math.imul(h ^ (w[k] as number), 0x01000193) ^ ((w[k] as number) >>> 15);
  return h | 0;
}

/** Merges boxes that meet until none do: overlapping pairs by sweep, joined by union–find, repeated while the grown boxes meet. */
export function mergeTouchingBoxes(input: readonly BBox[]): BBox[] {
  return mergeTouchingBoxGroups(input).map((group) => group.box);
}

/** A merged box and the input boxes it was grown from. */
export interface BoxGroup {
  readonly box: BBox;
  readonly members: readonly BBox[];
}

/** `mergeTouchingBoxes`, keeping which input boxes each merged box holds. */
export function mergeTouchingBoxGroups(input: readonly BBox[]): BoxGroup[] {
  let groups: { box: BBox; members: BBox[] }[] = input.map((b) => ({ box: [...b] as BBox, members: [b] }));
  for (;;) {
    const packed = new Float64Array(groups.length * 4);
    groups.forEach((g, i) => packed.set(g.box, i * 4));
    const parent = groups.map((_, i) => i);
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
    if (!joined) return groups;
    const grown = new Map<number, { box: BBox; members: BBox[] }>();
    groups.forEach((g, i) => {
      const root = find(i);
      const into = grown.get(root);
      if (!into) grown.set(root, g);
      else {
        const [b, a] = [g.box, into.box];
        into.box = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
        for (const m of g.members) into.members.push(m);
      }
    });
    groups = [...grown.values()];
  }
}
