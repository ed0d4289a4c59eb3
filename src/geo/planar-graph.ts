/**
 * A planar straight-line graph and its faces (the "node, then walk faces" half of polygon splitting).
 * Written by hand because no maintained JS library exposes face extraction with control over which
 * edges take part; polyclip-ts and turf/polygonize drop collinear vertices or need noded input anyway.
 *
 * Nodes are keyed by exact coordinates, so two faces on either side of an edge share bit-identical
 * vertices by construction. Angles around a node are ordered with exact orientation tests.
 */
import type { Position } from 'geojson';
import { orientation } from './segments.ts';

export type EdgeKind = 'boundary' | 'line';

export interface GraphEdge {
  /** For boundary edges from→to follows the ring as wound RFC 7946: the polygon's interior is on its left. */
  readonly from: number;
  readonly to: number;
  readonly kind: EdgeKind;
  removed: boolean;
}

/** A face boundary: half-edges in order, the face on their left. */
export interface FaceCycle {
  /** Half-edge h = 2·edge + (0 for from→to, 1 for to→from). */
  readonly halfEdges: readonly number[];
  /** Origin node of each half-edge. */
  readonly nodes: readonly number[];
}

export class PlanarGraph {
  readonly nodes: Position[] = [];
  readonly edges: GraphEdge[] = [];
  private readonly nodeByKey = new Map<string, number>();
  private readonly edgeByPair = new Map<string, number>();

  node(p: Position): number {
    const key = `${p[0]},${p[1]}`;
    let index = this.nodeByKey.get(key);
    if (index === undefined) {
      index = this.nodes.length;
      this.nodes.push([p[0] as number, p[1] as number]);
      this.nodeByKey.set(key, index);
    }
    return index;
  }

  /**
   * Adds an edge unless one already joins the same two nodes; a boundary edge replaces a line edge
   * lying on it (a cut running along the outline cuts nothing there).
   */
  addEdge(from: number, to: number, kind: EdgeKind): void {
    if (from === to) return;
    const key = from < to ? `${from}|${to}` : `${to}|${from}`;
    const existing = this.edgeByPair.get(key);
    if (existing !== undefined) {
      const edge = this.edges[existing] as GraphEdge;
      if (edge.kind === 'line' && kind === 'boundary') this.edges[existing] = { from, to, kind, removed: edge.removed };
      return;
    }
    this.edgeByPair.set(key, this.edges.length);
    this.edges.push({ from, to, kind, removed: false });
  }

  liveEdges(): number[] {
    const live: number[] = [];
    this.edges.forEach((e, i) => {
      if (!e.removed) live.push(i);
    });
    return live;
  }

  /** Removes line edges that end in a node of degree one, repeatedly: a cut that stops inside cuts nothing. */
  pruneDanglingLines(): void {
    const degree = new Int32Array(this.nodes.length);
    for (const e of this.edges) {
      if (e.removed) continue;
      degree[e.from] = (degree[e.from] ?? 0) + 1;
      degree[e.to] = (degree[e.to] ?? 0) + 1;
    }
    let changed = true;
    while (changed) {
      changed = false;
      for (const e of this.edges) {
        if (e.removed || e.kind !== 'line') continue;
        if (degree[e.from] === 1 || degree[e.to] === 1) {
          e.removed = true;
          degree[e.from] = (degree[e.from] ?? 0) - 1;
          degree[e.to] = (degree[e.to] ?? 0) - 1;
          changed = true;
        }
      }
    }
  }

  /** Every face cycle of the live edges (bounded faces counter-clockwise, outer walks clockwise). */
  faces(): FaceCycle[] {
    const outgoing = this.sortedOutgoing();
    const position = new Map<number, number>(); // half-edge → its index in its origin's outgoing list
    outgoing.forEach((list) => list.forEach((h, i) => position.set(h, i)));
    const visited = new Set<number>();
    const cycles: FaceCycle[] = [];
    for (const e of this.liveEdges()) {
      for (const start of [2 * e, 2 * e + 1]) {
        if (visited.has(start)) continue;
        const halfEdges: number[] = [];
        const nodes: number[] = [];
        let h = start;
        do {
          visited.add(h);
          halfEdges.push(h);
          nodes.push(this.origin(h));
          // Arriving at v along h, leave by the edge next clockwise from the way back: the face stays on the left.
          const around = outgoing[this.destination(h)] as number[];
          const back = position.get(h ^ 1) as number;
          h = around[(back - 1 + around.length) % around.length] as number;
        } while (h !== start && !visited.has(h));
        cycles.push({ halfEdges, nodes });
      }
    }
    return cycles;
  }

  origin(h: number): number {
    const e = this.edges[h >> 1] as GraphEdge;
    return h & 1 ? e.to : e.from;
  }

  destination(h: number): number {
    const e = this.edges[h >> 1] as GraphEdge;
    return h & 1 ? e.from : e.to;
  }

  /** Outgoing half-edges of every node, counter-clockwise from east. */
  private sortedOutgoing(): number[][] {
    const outgoing: number[][] = this.nodes.map(() => []);
    for (const e of this.liveEdges()) {
      const edge = this.edges[e] as GraphEdge;
      outgoing[edge.from]?.push(2 * e);
      outgoing[edge.to]?.push(2 * e + 1);
    }
    outgoing.forEach((list, v) => {
      const centre = this.nodes[v] as Position;
      list.sort((h1, h2) => compareAngle(centre, this.nodes[this.destination(h1)] as Position, this.nodes[this.destination(h2)] as Position));
    });
    return outgoing;
  }
}

/** Exact angular order of directions centre→p, counter-clockwise starting at east. */
function compareAngle(centre: Position, p: Position, q: Position): number {
  const half = (r: Position): number => {
    const dy = (r[1] as number) - (centre[1] as number);
    return dy > 0 || (dy === 0 && (r[0] as number) > (centre[0] as number)) ? 0 : 1;
  };
  const hp = half(p);
  const hq = half(q);
  if (hp !== hq) return hp - hq;
  return -orientation(centre, p, q);
}

/** Twice the signed area of a cycle of nodes (positive counter-clockwise). */
export function cycleSignedArea(graph: PlanarGraph, nodes: readonly number[]): number {
  const origin = graph.nodes[nodes[0] as number] as Position;
  let twice = 0;
  for (let i = 0; i < nodes.length; i++) {
    const a = graph.nodes[nodes[i] as number] as Position;
    const b = graph.nodes[nodes[(i + 1) % nodes.length] as number] as Position;
    twice += ((a[0] as number) - (origin[0] as number)) * ((b[1] as number) - (origin[1] as number)) - ((b[0] as number) - (origin[0] as number)) * ((a[1] as number) - (origin[1] as number));
  }
  return twice;
}
