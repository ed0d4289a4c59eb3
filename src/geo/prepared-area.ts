/**
 * An area geometry prepared for many exact point and edge queries: its edges sorted into horizontal bands,
 * so locating a point or finding the edges near a box costs what one band holds, not the whole outline.
 * The village boundary and large zones have thousands of vertices and are queried for every parcel.
 * Prepared once per geometry object (geometries are immutable: a patch replaces, never mutates).
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { emptyBBox, extendBBox, type BBox } from './bbox.ts';
import type { Location } from './point-in-ring.ts';
import { rings } from './rings.ts';
import { onSegment, orientation } from './segments.ts';

export class PreparedArea {
  readonly bbox: BBox;
  /** Edge i runs from (xy[4i], xy[4i+1]) to (xy[4i+2], xy[4i+3]). */
  private readonly xy: Float64Array;
  private readonly bands: Uint32Array[];
  private readonly bandHeight: number;
  /** Per-edge stamp so an edge in several bands is reported once per query. */
  private readonly seen: Uint32Array;
  private stamp = 0;

  private constructor(readonly geometry: AreaGeometry) {
    const edges: number[] = [];
    const box = emptyBBox();
    for (const { ring } of rings(geometry)) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] as Position;
        const b = ring[i + 1] as Position;
        if (!Number.isFinite(a[0]) || !Number.isFinite(a[1]) || !Number.isFinite(b[0]) || !Number.isFinite(b[1])) continue;
        edges.push(a[0] as number, a[1] as number, b[0] as number, b[1] as number);
        extendBBox(box, a);
        extendBBox(box, b);
      }
    }
    this.xy = Float64Array.from(edges);
    this.bbox = box;
    const count = edges.length / 4;
    const bandCount = Math.max(1, Math.ceil(Math.sqrt(count)));
    this.bandHeight = count > 0 && box[3] > box[1] ? (box[3] - box[1]) / bandCount : 1;
    const lists: number[][] = Array.from({ length: bandCount }, () => []);
    for (let i = 0; i < count; i++) {
      const [lo, hi] = this.bandRange(Math.min(this.xy[4 * i + 1] as number, this.xy[4 * i + 3] as number), Math.max(this.xy[4 * i + 1] as number, this.xy[4 * i + 3] as number));
      for (let k = lo; k <= hi; k++) (lists[k] as number[]).push(i);
    }
    this.bands = lists.map((l) => Uint32Array.from(l));
    this.seen = new Uint32Array(count);
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

  private bandRange(minY: number, maxY: number): [number, number] {
    const last = this.bands?.length ? this.bands.length - 1 : Math.max(0, Math.ceil(Math.sqrt(this.xy.length / 4)) - 1);
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
    const stamp = this.nextStamp();
    const [lo, hi] = this.bandRange(box[1], box[3]);
    const xy = this.xy;
    for (let k = lo; k <= hi; k++) {
      for (const i of this.bands[k] as Uint32Array) {
        if (this.seen[i] === stamp) continue;
        this.seen[i] = stamp;
        const ax = xy[4 * i] as number;
        const ay = xy[4 * i + 1] as number;
        const bx = xy[4 * i + 2] as number;
        const by = xy[4 * i + 3] as number;
        if (Math.min(ax, bx) > box[2] || Math.max(ax, bx) < box[0] || Math.min(ay, by) > box[3] || Math.max(ay, by) < box[1]) continue;
        out.push(i);
      }
    }
    return out;
  }

  private nextStamp(): number {
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /**
   * Exact location of a point: on an edge → boundary; otherwise even–odd crossing parity over every ring,
   * which is right for valid polygons and multipolygons whatever their rings' winding.
   */
  locate(p: Position): Location {
    const x = p[0] as number;
    const y = p[1] as number;
    if (this.edgeCount === 0 || x < this.bbox[0] || x > this.bbox[2] || y < this.bbox[1] || y > this.bbox[3]) return 'outside';
    const [band] = this.bandRange(y, y);
    const xy = this.xy;
    let inside = false;
    for (const i of this.bands[band] as Uint32Array) {
      const ay = xy[4 * i + 1] as number;
      const by = xy[4 * i + 3] as number;
      if ((ay < y && by < y) || (ay > y && by > y)) continue;
      const a: Position = [xy[4 * i] as number, ay];
      const b: Position = [xy[4 * i + 2] as number, by];
      if (onSegment(p, a, b)) return 'boundary';
      if (ay <= y ? by > y && orientation(a, b, p) > 0 : by <= y && orientation(a, b, p) < 0) inside = !inside;
    }
    return inside ? 'inside' : 'outside';
  }
}
