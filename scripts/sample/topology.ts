/**
 * Which lattice vertices the plan keeps. Parcel boundaries are walked as chains between junctions (a
 * vertex where three or more parcels, or the village edge, meet); each chain is simplified once with
 * Douglas–Peucker, so both parcels along it drop the same vertices. Junctions are always kept. That is
 * why neighbours share bit-identical vertices and no vertex of one parcel sits on a neighbour's edge.
 */
import { OUTSIDE } from './grid.ts';

/** Simplification tolerance in metres: 0.1 m is 0.05 mm on a 1:2000 map. */
export const SIMPLIFY_TOLERANCE_M = 0.1;

// Directions: 0 east, 1 north, 2 west, 3 south.
const DI = [1, 0, -1, 0] as const;
const DJ = [0, 1, 0, -1] as const;

export class BoundaryGraph {
  readonly degree: Uint8Array;
  private readonly stride: number;

  constructor(
    private readonly pid: Int32Array,
    readonly ni: number,
    readonly nj: number,
  ) {
    this.stride = ni + 1;
    this.degree = new Uint8Array((ni + 1) * (nj + 1));
    for (let j = 0; j <= nj; j++) {
      for (let i = 0; i <= ni; i++) {
        let d = 0;
        for (let dir = 0; dir < 4; dir++) if (this.edge(i, j, dir) >= 0) d++;
        this.degree[j * this.stride + i] = d;
      }
    }
  }

  private cell(i: number, j: number): number {
    if (i < 0 || j < 0 || i >= this.ni || j >= this.nj) return OUTSIDE;
    return this.pid[j * this.ni + i] as number;
  }

  /**
   * Id of the boundary edge leaving vertex (i, j) in direction `dir`, or -1 when the two cells beside it
   * belong to the same parcel. Horizontal edges are numbered first, then vertical ones.
   */
  edge(i: number, j: number, dir: number): number {
    switch (dir) {
      case 0: // east: between cells (i, j-1) and (i, j)
        if (i >= this.ni) return -1;
        return this.cell(i, j - 1) !== this.cell(i, j) ? j * this.ni + i : -1;
      case 2:
        return i > 0 ? this.edge(i - 1, j, 0) : -1;
      case 1: // north: between cells (i-1, j) and (i, j)
        if (j >= this.nj) return -1;
        return this.cell(i - 1, j) !== this.cell(i, j) ? this.ni * (this.nj + 1) + j * this.stride + i : -1;
      default:
        return j > 0 ? this.edge(i, j - 1, 1) : -1;
    }
  }

  edgeCount(): number {
    return this.ni * (this.nj + 1) + (this.ni + 1) * this.nj;
  }
}

export function keptVertices(graph: BoundaryGraph, vertices: Float64Array, tolerance = SIMPLIFY_TOLERANCE_M): Uint8Array {
  const { ni, degree } = graph;
  const stride = ni + 1;
  const kept = new Uint8Array(degree.length);
  const visited = new Uint8Array(graph.edgeCount());

  /** Walks from vertex v along `dir` until a junction (or back to the start on a closed loop). */
  const walk = (start: number, firstDir: number): number[] => {
    const chain = [start];
    let v = start;
    let dir = firstDir;
    for (;;) {
      const i = v % stride;
      const j = (v - i) / stride;
      visited[graph.edge(i, j, dir)] = 1;
      v = (j + DJ[dir]!) * stride + i + DI[dir]!;
      chain.push(v);
      if (v === start || degree[v] !== 2) return chain;
      const vi = v % stride;
      const vj = (v - vi) / stride;
      const back = (dir + 2) % 4;
      let next = -1;
      for (let d = 0; d < 4; d++) if (d !== back && graph.edge(vi, vj, d) >= 0) next = d;
      dir = next;
    }
  };

  const simplify = (chain: readonly number[]): void => {
    kept[chain[0]!] = 1;
    kept[chain[chain.length - 1]!] = 1;
    const stack: [number, number][] = [[0, chain.length - 1]];
    while (stack.length > 0) {
      const [first, last] = stack.pop()!;
      let worst = -1;
      let worstDistance = tolerance;
      for (let k = first + 1; k < last; k++) {
        const d = segmentDistance(vertices, chain[k]!, chain[first]!, chain[last]!);
        if (d > worstDistance) {
          worst = k;
          worstDistance = d;
        }
      }
      if (worst >= 0) {
        kept[chain[worst]!] = 1;
        stack.push([first, worst], [worst, last]);
      }
    }
  };

  for (let v = 0; v < degree.length; v++) {
    const d = degree[v]!;
    if (d === 0 || d === 2) continue;
    kept[v] = 1;
    const i = v % stride;
    const j = (v - i) / stride;
    for (let dir = 0; dir < 4; dir++) {
      const e = graph.edge(i, j, dir);
      if (e >= 0 && !visited[e]) simplify(walk(v, dir));
    }
  }
  // Closed loops with no junction (a parcel inside a single other parcel): split at the farthest vertex.
  for (let v = 0; v < degree.length; v++) {
    if (degree[v] !== 2) continue;
    const i = v % stride;
    const j = (v - i) / stride;
    for (let dir = 0; dir < 4; dir++) {
      const e = graph.edge(i, j, dir);
      if (e < 0 || visited[e]) continue;
      const loop = walk(v, dir);
      let far = 1;
      for (let k = 1; k < loop.length - 1; k++) {
        if (pointDistance(vertices, loop[k]!, v) > pointDistance(vertices, loop[far]!, v)) far = k;
      }
      simplify(loop.slice(0, far + 1));
      simplify(loop.slice(far));
    }
  }
  return kept;
}

function pointDistance(p: Float64Array, a: number, b: number): number {
  return Math.hypot(p[2 * a]! - p[2 * b]!, p[2 * a + 1]! - p[2 * b + 1]!);
}

/** Distance from vertex `v` to the segment a–b, in metres. */
function segmentDistance(p: Float64Array, v: number, a: number, b: number): number {
  const ax = p[2 * a]!, ay = p[2 * a + 1]!;
  const dx = p[2 * b]! - ax, dy = p[2 * b + 1]! - ay;
  const px = p[2 * v]! - ax, py = p[2 * v + 1]! - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / length2)) : 0;
  return Math.hypot(px - t * dx, py - t * dy);
}
