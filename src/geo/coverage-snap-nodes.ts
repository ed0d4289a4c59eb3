/**
 * The node table of a coverage snap (coverage-snap.ts): every distinct lon/lat position of the layer and
 * of the reference, with its place in a local metric plane (metres from the data's centre), grouped into
 * clusters closer than the tolerance. Each cluster has one representative, whose lon/lat numbers every
 * member takes over, so vertices that were meant to be shared become bit-identical.
 *
 * A hash grid with cells two tolerances wide finds every node within the tolerance in the 2×2 cells
 * nearest the point: O(1) per vertex. It is hand-made over typed arrays (open addressing, a linked list
 * of nodes per cell) because a `Map` of cell arrays spent most of a 20,000-parcel snap hashing large
 * number keys and collecting garbage. Clusters are greedy (a node joins the nearest representative within
 * the tolerance, else starts its own), not transitive: a chain of nodes 0.9 mm apart never drifts a vertex
 * metres away, and no vertex moves by more than the tolerance.
 */
import type { Position } from 'geojson';
import { metresPerDegree } from './local-metric.ts';

export class NodeTable {
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** Metres east and north of the data's centre. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** The representative of each node (itself for a representative). */
  readonly rep: Int32Array;
  /** Metres from each node to its representative; for a representative, how far it was moved (moveTo), else 0. */
  readonly shift: Float64Array;
  private readonly positions: (Position | undefined)[] = [];
  private count = 0;
  private readonly lon0: number;
  private readonly lat0: number;
  private readonly mx: number;
  private readonly my: number;
  private readonly cell: number;
  /** The hash grid: per slot the cell's coordinates and its first node; per node the next in its cell. */
  private readonly slotX: Int32Array;
  private readonly slotY: Int32Array;
  private readonly slotHead: Int32Array;
  private readonly next: Int32Array;
  private readonly mask: number;

  /** `capacity`: at least the number of positions that will be added; `box`: [minLon, minLat, maxLon, maxLat]. */
  constructor(
    readonly tolerance: number,
    box: readonly [number, number, number, number],
    capacity: number,
  ) {
    this.lon0 = (box[0] + box[2]) / 2;
    this.lat0 = (box[1] + box[3]) / 2;
    const scale = metresPerDegree(this.lat0);
    this.mx = scale.x;
    this.my = scale.y;
    this.cell = 2 * tolerance;
    this.lon = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
    this.rep = new Int32Array(capacity);
    this.shift = new Float64Array(capacity);
    this.next = new Int32Array(capacity);
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.mask = slots - 1;
    this.slotX = new Int32Array(slots);
    this.slotY = new Int32Array(slots);
    this.slotHead = new Int32Array(slots).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /**
   * The node of `p`: the existing one when the position was seen before (bit for bit), else a new node
   * that joins the nearest representative within the tolerance. A `fixed` node (the reference's, which
   * is never moved) is always its own representative, and is added before the layer's nodes so that
   * layer vertices prefer it.
   */
  add(p: Position, fixed: boolean): number {
    const lon = p[0] as number;
    const lat = p[1] as number;
    const x = (lon - this.lon0) * this.mx;
    const y = (lat - this.lat0) * this.my;
    const fx = x / this.cell;
    const fy = y / this.cell;
    const ix = Math.floor(fx);
    const iy = Math.floor(fy);
    for (let id = this.head(ix, iy); id >= 0; id = this.next[id] as number) {
      if (this.lon[id] === lon && this.lat[id] === lat) return id;
    }
    let rep = -1;
    let best = Infinity;
    if (!fixed) {
      // Cells are two tolerances wide: anything within one tolerance is in this cell or its neighbours
      // towards the nearer edges.
      const ox = fx - ix < 0.5 ? -1 : 1;
      const oy = fy - iy < 0.5 ? -1 : 1;
      for (let k = 0; k < 4; k++) {
        for (let id = this.head(ix + (k & 1 ? ox : 0), iy + (k & 2 ? oy : 0)); id >= 0; id = this.next[id] as number) {
          if (this.rep[id] !== id) continue;
          const d = Math.hypot((this.x[id] as number) - x, (this.y[id] as number) - y);
          if (d <= this.tolerance && d < best) {
            best = d;
            rep = id;
          }
        }
      }
    }
    const id = this.count++;
    this.lon[id] = lon;
    this.lat[id] = lat;
    this.x[id] = x;
    this.y[id] = y;
    this.rep[id] = rep < 0 ? id : rep;
    this.shift[id] = rep < 0 ? 0 : best;
    // The cell's slot is claimed only now, when a node goes into it: the lookups above only read, so an
    // empty cell never holds a slot another cell then takes over (with this cell's nodes in it).
    const home = this.slot(ix, iy);
    this.next[id] = this.slotHead[home] as number;
    this.slotHead[home] = id;
    return id;
  }

  /**
   * The node's position as a lon/lat pair, one array per node shared by every feature that has it: plan
   * geometry is immutable data (and the worker's message copies it anyway), and 100,000 fewer arrays
   * is a tenth of a big snap's time in garbage collection.
   */
  position(id: number): Position {
    return (this.positions[id] ??= [this.lon[id] as number, this.lat[id] as number]);
  }

  /**
   * Moves a representative to (x, y) in the plane, with lon/lat computed from there: for a vertex put onto
   * the reference's edge (coverage-snap-reference.ts), the one place where a snap makes new numbers. Only
   * once every position was added: the hash grid keeps the node in the cell it was added in.
   */
  moveTo(id: number, x: number, y: number): void {
    if (this.rep[id] !== id) throw new Error('NodeTable.moveTo: not a representative');
    this.shift[id] = (this.shift[id] as number) + Math.hypot(x - (this.x[id] as number), y - (this.y[id] as number));
    this.x[id] = x;
    this.y[id] = y;
    this.lon[id] = this.lon0 + x / this.mx;
    this.lat[id] = this.lat0 + y / this.my;
    this.positions[id] = undefined;
  }

  /** The first node of cell (ix, iy), -1 when it has none; claims nothing. */
  private head(ix: number, iy: number): number {
    let s = this.hash(ix, iy);
    for (;;) {
      const head = this.slotHead[s] as number;
      if (head < 0) return -1;
      if (this.slotX[s] === ix && this.slotY[s] === iy) return head;
      s = (s + 1) & this.mask;
    }
  }

  private hash(ix: number, iy: number): number {
    return (Math.imul(ix, 0x9e3779b1) ^ Math.imul(iy, 0x85ebca77)) & this.mask;
  }

  /** The slot of cell (ix, iy), claimed if the cell is new (linear probing): only for a node going into the cell. */
  private slot(ix: number, iy: number): number {
    let s = this.hash(ix, iy);
    for (;;) {
      const head = this.slotHead[s] as number;
      if (head < 0) {
        this.slotX[s] = ix;
        this.slotY[s] = iy;
        return s;
      }
      if (this.slotX[s] === ix && this.slotY[s] === iy) return s;
      s = (s + 1) & this.mask;
    }
  }
}
