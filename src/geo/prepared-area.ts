/**
 * An area geometry prepared for many exact point and edge queries: its edges sorted into horizontal bands,
 * so locating a point or finding the edges near a box costs what one band holds, not the whole outline.
 * The village boundary and large zones have thousands of vertices and are queried for every parcel.
 * Prepared once per geometry object (geometries are immutable: a patch replaces, never mutates).
 */
import type { Position } from 'geojson';
import { orient2d } from 'robust-predicates';
import type { AreaGeometry } from '../domain/features.ts';
import { emptyBBox, extendBBox, type BBox } from './bbox.ts';
import { distanceToSegmentM } from './local-metric.ts';
import type { Location } from './point-in-ring.ts';
import { interiorPoint } from './interior-point.ts';
import { polygonsOf, rings } from './rings.ts';

/** Outlines with at most this many edges are one band: scanning them all is as fast as choosing a band. */
const ONE_BAND_EDGES = 8;

export class PreparedArea {
  readonly bbox: BBox;
  /** Edge i runs from (xy[4i], xy[4i+1]) to (xy[4i+2], xy[4i+3]). */
  private readonly xy: Float64Array;
  /**
   * The bands' edge lists end to end: band k holds bandEdges[bandStart[k] .. bandStart[k + 1]). Two arrays
   * for all bands, not one per band: a village's 20,000 parcels are each prepared, and small typed arrays
   * cost more to make and to collect than the scans they save.
   */
  private readonly bandStart: Uint32Array;
  private readonly bandEdges: Uint32Array;
  private readonly bandHeight: number;
  /** Per-edge stamp so an edge in several bands is reported once per query; made on the first such query. */
  private seen: Uint32Array | undefined;
  private stamp = 0;

  /**
   * Edges of polygon part k (a MultiPolygon's member) are [partStart[k], partStart[k + 1]): `relate` needs
   * each part's side, since parts of one geometry can lie on different sides of another.
   */
  private readonly partStart: Uint32Array;
  private interiorPoints: (Position | null)[] | undefined;

  private constructor(readonly geometry: AreaGeometry) {
    const edges: number[] = [];
    const box = emptyBBox();
    const parts: number[] = [];
    for (const { ring, polygonIndex } of rings(geometry)) {
      while (parts.length <= polygonIndex) parts.push(edges.length / 4);
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] as Position;
        const b = ring[i + 1] as Position;
        if (!Number.isFinite(a[0]) || !Number.isFinite(a[1]) || !Number.isFinite(b[0]) || !Number.isFinite(b[1])) continue;
        // A repeated vertex (common in CAD and GIS exports) is no edge: its point is the next edge's start,
        // and `relate` would take it for an edge between two points of the other outline, in doubt.
        if (a[0] === b[0] && a[1] === b[1]) continue;
        edges.push(a[0] as number, a[1] as number, b[0] as number, b[1] as number);
        extendBBox(box, a);
        extendBBox(box, b);
      }
    }
    const xy = Float64Array.from(edges);
    this.xy = xy;
    parts.push(edges.length / 4);
    this.partStart = Uint32Array.from(parts);
    this.bbox = box;
    const count = edges.length / 4;
    const bandCount = count <= ONE_BAND_EDGES ? 1 : Math.ceil(Math.sqrt(count));
    this.bandHeight = count > 0 && box[3] > box[1] ? (box[3] - box[1]) / bandCount : 1;
    this.bandStart = new Uint32Array(bandCount + 1);
    if (bandCount === 1) {
      this.bandStart[1] = count;
      this.bandEdges = Uint32Array.from({ length: count }, (_, i) => i);
      return;
    }
    // Counted first, then filled: each edge goes into every band its y-range meets.
    const rangeOf = (i: number) => this.bandRange(Math.min(xy[4 * i + 1] as number, xy[4 * i + 3] as number), Math.max(xy[4 * i + 1] as number, xy[4 * i + 3] as number));
    for (let i = 0; i < count; i++) {
      const [lo, hi] = rangeOf(i);
      for (let k = lo; k <= hi; k++) (this.bandStart[k + 1] as number)++;
    }
    for (let k = 0; k < bandCount; k++) this.bandStart[k + 1] = (this.bandStart[k + 1] as number) + (this.bandStart[k] as number);
    this.bandEdges = new Uint32Array(this.bandStart[bandCount] as number);
    const next = this.bandStart.slice(0, bandCount);
    for (let i = 0; i < count; i++) {
      const [lo, hi] = rangeOf(i);
      for (let k = lo; k <= hi; k++) this.bandEdges[(next[k] as number)++] = i;
    }
  }

  private static readonly cache = new WeakMap<AreaGeometry, PreparedArea>();

  static of(geometry: AreaGeometry): PreparedArea {
    let prepared = PreparedArea.cache.get(geometry);
    if (!prepared) {
      prepared = new PreparedArea(geometry);
      PreparedArea.cache.set(geometry, prepared);
    }
    return prepared;
  }

  get edgeCount(): number {
    return this.xy.length / 4;
  }

  /** How many polygon parts the geometry has (1 for a Polygon). */
  get partCount(): number {
    return this.partStart.length - 1;
  }

  /** A point inside polygon part k (`interiorPoint`), null for an empty part; made once per geometry, on first use. */
  partInteriorPoint(k: number): Position | null {
    this.interiorPoints ??= polygonsOf(this.geometry).map((coordinates) => interiorPoint({ type: 'Polygon', coordinates: coordinates as Position[][] }));
    return this.interiorPoints[k] ?? null;
  }

  /** The polygon part edge i belongs to. */
  partOf(i: number): number {
    const start = this.partStart;
    if (start.length <= 2) return 0;
    let lo = 0;
    let hi = start.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((start[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private bandRange(minY: number, maxY: number): [number, number] {
    const last = this.bandStart.length - 2;
    const lo = Math.min(last, Math.max(0, Math.floor((minY - this.bbox[1]) / this.bandHeight)));
    const hi = Math.min(last, Math.max(0, Math.floor((maxY - this.bbox[1]) / this.bandHeight)));
    return [lo, hi];
  }

  edgeStart(i: number): Position {
    return [this.xy[4 * i] as number, this.xy[4 * i + 1] as number];
  }

  edgeEnd(i: number): Position {
    return [this.xy[4 * i + 2] as number, this.xy[4 * i + 3] as number];
  }

  /** Indices of edges whose boxes meet `box` (touching counts). */
  edgesIn(box: BBox): number[] {
    const out: number[] = [];
    if (this.edgeCount === 0 || box[0] > this.bbox[2] || box[2] < this.bbox[0] || box[1] > this.bbox[3] || box[3] < this.bbox[1]) return out;
    const [lo, hi] = this.bandRange(box[1], box[3]);
    // One band lists each edge once; across several, an edge in two of them is stamped so it comes once.
    const stamp = lo === hi ? 0 : this.nextStamp();
    const seen = this.seen;
    const xy = this.xy;
    const { bandStart, bandEdges } = this;
    for (let n = bandStart[lo] as number, end = bandStart[hi + 1] as number; n < end; n++) {
      const i = bandEdges[n] as number;
      if (seen && stamp !== 0) {
        if (seen[i] === stamp) continue;
        seen[i] = stamp;
      }
      if (edgeMeetsBox(xy, i, box[0], box[1], box[2], box[3])) out.push(i);
    }
    return out;
  }

  /** Whether any edge's box meets `box` (touching counts): `edgesIn(box).length > 0` without the list. */
  hasEdgeIn(box: BBox): boolean {
    if (this.edgeCount === 0 || box[0] > this.bbox[2] || box[2] < this.bbox[0] || box[1] > this.bbox[3] || box[3] < this.bbox[1]) return false;
    const [lo, hi] = this.bandRange(box[1], box[3]);
    const xy = this.xy;
    const { bandStart, bandEdges } = this;
    for (let n = bandStart[lo] as number, end = bandStart[hi + 1] as number; n < end; n++) {
      if (edgeMeetsBox(xy, bandEdges[n] as number, box[0], box[1], box[2], box[3])) return true;
    }
    return false;
  }

  /** The first vertex of the outline. */
  firstVertex(): Position | undefined {
    return this.edgeCount > 0 ? this.edgeStart(0) : undefined;
  }

  private nextStamp(): number {
    this.seen ??= new Uint32Array(this.edgeCount);
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /**
   * `locate` with a tolerance, in one pass over the point's band: 'boundary' when an edge passes within
   * `toleranceM` ground metres of (x, y) (`mx`, `my`: metres per degree east and north there), else where
   * the point lies. The tolerant relate asks this of every vertex and edge midpoint it probes.
   */
  locateNear(x: number, y: number, mx: number, my: number, toleranceM: number): Location {
    const dx = toleranceM / mx;
    const dy = toleranceM / my;
    if (this.edgeCount === 0 || x < this.bbox[0] - dx || x > this.bbox[2] + dx || y < this.bbox[1] - dy || y > this.bbox[3] + dy) return 'outside';
    const [band] = this.bandRange(y, y);
    const [lo, hi] = this.bandRange(y - dy, y + dy);
    const { xy, bandStart, bandEdges } = this;
    let inside = false;
    for (let n = bandStart[band] as number, end = bandStart[band + 1] as number; n < end; n++) {
      const i = bandEdges[n] as number;
      if (edgeNear(xy, i, x, y, mx, my, dx, dy, toleranceM)) return 'boundary';
      const ay = xy[4 * i + 1] as number;
      const by = xy[4 * i + 3] as number;
      if ((ay < y && by < y) || (ay > y && by > y)) continue;
      const side = orient2d(xy[4 * i] as number, ay, xy[4 * i + 2] as number, by, x, y);
      if (ay <= y ? by > y && side < 0 : by <= y && side > 0) inside = !inside;
    }
    // The tolerance can reach into the bands next to the point's.
    for (let k = lo; k <= hi; k++) {
      if (k === band) continue;
      for (let n = bandStart[k] as number, end = bandStart[k + 1] as number; n < end; n++) if (edgeNear(xy, bandEdges[n] as number, x, y, mx, my, dx, dy, toleranceM)) return 'boundary';
    }
    return inside ? 'inside' : 'outside';
  }

  /**
   * Exact location of a point: on an edge → boundary; otherwise even–odd crossing parity over every ring,
   * which is right for valid polygons and multipolygons whatever their rings' winding.
   */
  locate(p: Position): Location {
    return this.locateXY(p[0] as number, p[1] as number);
  }

  /** `locate` of the point (x, y), for callers that have numbers, not a position. */
  locateXY(x: number, y: number): Location {
    if (this.edgeCount === 0 || x < this.bbox[0] || x > this.bbox[2] || y < this.bbox[1] || y > this.bbox[3]) return 'outside';
    const [band] = this.bandRange(y, y);
    const xy = this.xy;
    let inside = false;
    for (let n = this.bandStart[band] as number, end = this.bandStart[band + 1] as number; n < end; n++) {
      const i = this.bandEdges[n] as number;
      const ay = xy[4 * i + 1] as number;
      const by = xy[4 * i + 3] as number;
      if ((ay < y && by < y) || (ay > y && by > y)) continue;
      const ax = xy[4 * i] as number;
      const bx = xy[4 * i + 2] as number;
      // Negative when p is left of a→b (segments.ts `orientation` flips the sign); numbers, not positions, in this loop.
      const side = orient2d(ax, ay, bx, by, x, y);
      if (side === 0 && x >= Math.min(ax, bx) && x <= Math.max(ax, bx)) return 'boundary';
      if (ay <= y ? by > y && side < 0 : by <= y && side > 0) inside = !inside;
    }
    return inside ? 'inside' : 'outside';
  }
}

/** Edge i of `xy` passes within `toleranceM` ground metres of (x, y); dx, dy: the tolerance in degrees. */
function edgeNear(xy: Float64Array, i: number, x: number, y: number, mx: number, my: number, dx: number, dy: number, toleranceM: number): boolean {
  if (!edgeMeetsBox(xy, i, x - dx, y - dy, x + dx, y + dy)) return false;
  return distanceToSegmentM(x, y, xy[4 * i] as number, xy[4 * i + 1] as number, xy[4 * i + 2] as number, xy[4 * i + 3] as number, mx, my) <= toleranceM;
}

/** Edge i's box meets the box (minX, minY)–(maxX, maxY) (touching counts). */
function edgeMeetsBox(xy: Float64Array, i: number, minX: number, minY: number, maxX: number, maxY: number): boolean {
  const ax = xy[4 * i] as number;
  const ay = xy[4 * i + 1] as number;
  const bx = xy[4 * i + 2] as number;
  const by = xy[4 * i + 3] as number;
  return Math.min(ax, bx) <= maxX && Math.max(ax, bx) >= minX && Math.min(ay, by) <= maxY && Math.max(ay, by) >= minY;
}
