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

export class EdgeBalance {
  private readonly net = new Map<string, number>();
  /** Keys whose count is not zero. */
  private readonly open = new Set<string>();

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
    const ax = a[0] as number;
    const ay = a[1] as number;
    const bx = b[0] as number;
    const by = b[1] as number;
    if (ax === bx && ay === by) return;
    const forward = ax < bx || (ax === bx && ay < by);
    const key = forward ? `${ax},${ay},${bx},${by}` : `${bx},${by},${ax},${ay}`;
    const count = (this.net.get(key) ?? 0) + (forward ? sign : -sign);
    if (count === 0) {
      this.net.delete(key);
      this.open.delete(key);
    } else {
      this.net.set(key, count);
      this.open.add(key);
    }
  }

  get balanced(): boolean {
    return this.open.size === 0;
  }

  /** The unbalanced edges grouped into clusters whose boxes do not meet: each cluster holds whole problems. */
  clusters(): BBox[] {
    const boxes: BBox[] = [];
    for (const key of this.open) {
      const [ax, ay, bx, by] = key.split(',').map(Number) as [number, number, number, number];
      boxes.push([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)]);
    }
    return mergeTouchingBoxes(boxes);
  }

  /** True when any of the geometry's edges is unbalanced. */
  touches(geometry: AreaGeometry): boolean {
    if (this.open.size === 0) return false;
    for (const polygon of polygonsOf(geometry)) {
      for (const ring of polygon) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i] as Position;
          const b = ring[i + 1] as Position;
          const forward = (a[0] as number) < (b[0] as number) || (a[0] === b[0] && (a[1] as number) < (b[1] as number));
          const key = forward ? `${a[0]},${a[1]},${b[0]},${b[1]}` : `${b[0]},${b[1]},${a[0]},${a[1]}`;
          if (this.open.has(key)) return true;
        }
      }
    }
    return false;
  }
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
