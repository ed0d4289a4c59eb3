/**
 * GeoJSON geometry for parcels and for unions of parcels. Every ring is made of the kept lattice vertices
 * it passes through, each projected once and cached, so a vertex shared by a parcel, its neighbour, the
 * village boundary, a farmland block and a zone has the same coordinates in all of them.
 */
import type { Polygon, Position } from 'geojson';
import { OUTSIDE } from './grid.ts';
import { traceCells } from './trace.ts';
import { toLonLat, type Warp } from './warp.ts';

export interface Lattice {
  readonly ni: number;
  readonly nj: number;
  /** Parcel per cell. */
  readonly pid: Int32Array;
  readonly parcelCount: number;
  /** Warped local metres of every vertex, x and y interleaved. */
  readonly vertices: Float64Array;
  readonly kept: Uint8Array;
  readonly warp: Warp;
}

export class GeometryBuilder {
  /** Cells of parcel p are cellList[cellStart[p] .. cellStart[p + 1]). */
  private readonly cellStart: Int32Array;
  private readonly cellList: Int32Array;
  /** Sorted neighbour parcels of each parcel (shared edge, not just a corner). */
  readonly neighbours: readonly (readonly number[])[];
  private readonly lonLat: Float64Array;

  constructor(readonly lattice: Lattice) {
    const { pid, parcelCount, ni, nj } = lattice;
    this.cellStart = new Int32Array(parcelCount + 1);
    for (const p of pid) if (p >= 0) this.cellStart[p + 1]! += 1;
    for (let p = 0; p < parcelCount; p++) this.cellStart[p + 1]! += this.cellStart[p]!;
    this.cellList = new Int32Array(this.cellStart[parcelCount]!);
    const fill = this.cellStart.slice(0, parcelCount);
    pid.forEach((p, cell) => {
      if (p >= 0) this.cellList[fill[p]!++] = cell;
    });
    const sets = Array.from({ length: parcelCount }, () => new Set<number>());
    for (let j = 0; j < nj; j++) {
      for (let i = 0; i < ni; i++) {
        const p = pid[j * ni + i]!;
        if (p < 0) continue;
        for (const q of [i + 1 < ni ? pid[j * ni + i + 1]! : OUTSIDE, j + 1 < nj ? pid[(j + 1) * ni + i]! : OUTSIDE]) {
          if (q >= 0 && q !== p) {
            sets[p]!.add(q);
            sets[q]!.add(p);
          }
        }
      }
    }
    this.neighbours = sets.map((s) => [...s].sort((a, b) => a - b));
    this.lonLat = new Float64Array(lattice.vertices.length).fill(Number.NaN);
  }

  cellsOf(parcel: number): Int32Array {
    return this.cellList.subarray(this.cellStart[parcel]!, this.cellStart[parcel + 1]!);
  }

  private position(v: number): Position {
    if (Number.isNaN(this.lonLat[2 * v])) {
      const local: [number, number] = [this.lattice.vertices[2 * v]!, this.lattice.vertices[2 * v + 1]!];
      const [lon, lat] = toLonLat(this.lattice.warp, local);
      this.lonLat[2 * v] = lon;
      this.lonLat[2 * v + 1] = lat;
    }
    return [this.lonLat[2 * v]!, this.lonLat[2 * v + 1]!];
  }

  /** A ring of kept vertices, starting at its first kept one and closed. */
  private ring(vertexIds: readonly number[]): Position[] {
    const kept = vertexIds.filter((v) => this.lattice.kept[v] === 1);
    if (kept.length < 3) throw new Error('ring lost its corners in simplification');
    const ring = kept.map((v) => this.position(v));
    ring.push(ring[0]!);
    return ring;
  }

  private polygonOf(cells: Iterable<number>, inSet: (cell: number) => boolean): Polygon {
    const { ni, nj, vertices } = this.lattice;
    const traced = traceCells(cells, inSet, ni, nj, vertices);
    return { type: 'Polygon', coordinates: [this.ring(traced.shell), ...traced.holes.map((h) => this.ring(h))] };
  }

  parcelPolygon(parcel: number): Polygon {
    const { pid } = this.lattice;
    return this.polygonOf(this.cellsOf(parcel), (cell) => pid[cell] === parcel);
  }

  /** Connected pieces of a set of parcels, each as the parcel list it unites (in ascending order). */
  components(parcels: Iterable<number>): number[][] {
    const inSet = new Set(parcels);
    const seen = new Set<number>();
    const pieces: number[][] = [];
    for (const start of [...inSet].sort((a, b) => a - b)) {
      if (seen.has(start)) continue;
      const piece: number[] = [];
      const stack = [start];
      seen.add(start);
      while (stack.length > 0) {
        const p = stack.pop()!;
        piece.push(p);
        for (const q of this.neighbours[p]!) {
          if (inSet.has(q) && !seen.has(q)) {
            seen.add(q);
            stack.push(q);
          }
        }
      }
      pieces.push(piece.sort((a, b) => a - b));
    }
    return pieces;
  }

  /** The outline of a connected set of parcels (see `components`). */
  unionPolygon(parcels: readonly number[]): Polygon {
    if (parcels.length === 1) return this.parcelPolygon(parcels[0]!);
    const { pid } = this.lattice;
    const inSet = new Set(parcels);
    const cells = function* (builder: GeometryBuilder) {
      for (const p of parcels) yield* builder.cellsOf(p);
    };
    return this.polygonOf(cells(this), (cell) => inSet.has(pid[cell]!));
  }

  /** lon/lat of a design point that is not a lattice vertex (a place name), through the same warp. */
  projectLocal(local: [number, number]): Position {
    return toLonLat(this.lattice.warp, local);
  }
}
