/**
 * How many slivers a coverage snap closed. A gap or overlap between two neighbours is closed where an edge
 * that snapping made (an end moved or inserted more than noise: `SnappedFeature.madeEdges`) is now exactly an edge of the other feature (or of the
 * reference). One sliver is a connected run of such edges between the same two neighbours, so a gap along
 * a shared boundary counts once however many vertices it has, and a layer whose every boundary was off
 * by a fraction of a millimetre reports one sliver per pair of neighbours.
 */
import type { IdPolygons, SnappedFeature } from './coverage-snap-rings.ts';

const NONE = -1;

/** Edges as node pairs in one open-addressing table over typed arrays (a `Map` of pair keys cost 4× more). */
class EdgeTable {
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** The first two features (or reference rings, as -2 - index) that have the edge. */
  readonly first: Int32Array;
  readonly second: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  size = 0;

  constructor(capacity: number) {
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.first = new Int32Array(capacity).fill(NONE);
    this.second = new Int32Array(capacity).fill(NONE);
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.mask = slots - 1;
    this.slots = new Int32Array(slots).fill(-1);
  }

  /** The edge's index; with `add`, a new entry when it is not there yet, else -1. */
  find(p: number, q: number, add: boolean): number {
    const a = Math.min(p, q);
    const b = Math.max(p, q);
    let s = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & this.mask;
    for (;;) {
      const i = this.slots[s] as number;
      if (i < 0) {
        if (!add) return -1;
        this.a[this.size] = a;
        this.b[this.size] = b;
        this.slots[s] = this.size;
        return this.size++;
      }
      if (this.a[i] === a && this.b[i] === b) return i;
      s = (s + 1) & this.mask;
    }
  }
}

export function countSlivers(accepted: readonly (SnappedFeature | null)[], after: readonly (IdPolygons | null)[], reference: readonly IdPolygons[]): number {
  let capacity = 0;
  for (const snapped of accepted) capacity += (snapped?.madeEdges.length ?? 0) / 2;
  const edges = new EdgeTable(capacity);
  for (const snapped of accepted) {
    const made = snapped?.madeEdges ?? [];
    for (let k = 0; k + 1 < made.length; k += 2) edges.find(made[k] as number, made[k + 1] as number, true);
  }
  if (edges.size === 0) return 0;

  const own = (owner: number) => (a: number, b: number) => {
    const i = edges.find(a, b, false);
    if (i < 0 || edges.first[i] === owner || edges.second[i] !== NONE) return;
    if (edges.first[i] === NONE) edges.first[i] = owner;
    else edges.second[i] = owner;
  };
  after.forEach((polygons, i) => polygons && forEachEdge(polygons, own(i)));
  reference.forEach((polygons, r) => forEachEdge(polygons, own(-2 - r)));

  // Closed edges grouped by their pair of neighbours; within a pair, runs are connected components.
  const closed: number[] = [];
  for (let i = 0; i < edges.size; i++) if (edges.second[i] !== NONE) closed.push(i);
  const pairOf = (i: number) => [Math.min(edges.first[i] as number, edges.second[i] as number), Math.max(edges.first[i] as number, edges.second[i] as number)] as const;
  closed.sort((i, j) => {
    const [p, q] = pairOf(i);
    const [r, s] = pairOf(j);
    return p - r || q - s;
  });
  let slivers = 0;
  for (let start = 0; start < closed.length; ) {
    const [p, q] = pairOf(closed[start] as number);
    let end = start + 1;
    while (end < closed.length && pairOf(closed[end] as number)[0] === p && pairOf(closed[end] as number)[1] === q) end++;
    slivers += runs(closed.slice(start, end).map((i) => [edges.a[i] as number, edges.b[i] as number] as const));
    start = end;
  }
  return slivers;
}

/** Connected components of a few edges (those two neighbours share): vertices minus successful unions. */
function runs(list: readonly (readonly [number, number])[]): number {
  const parent = new Map<number, number>();
  const find = (n: number): number => {
    let root = n;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root) as number;
    parent.set(n, root);
    return root;
  };
  let components = 0;
  for (const [a, b] of list) {
    if (!parent.has(a)) components++;
    if (!parent.has(b)) components++;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      parent.set(ra, rb);
      components--;
    }
  }
  return components;
}

function forEachEdge(polygons: IdPolygons, visit: (a: number, b: number) => void): void {
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] as number;
        const b = ring[i + 1] as number;
        if (a !== b) visit(a, b);
      }
    }
  }
}
