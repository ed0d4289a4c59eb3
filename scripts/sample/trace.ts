/**
 * Outlines of a connected set of cells (one parcel, or a union of parcels such as a farmland block or a
 * control zone), as rings of lattice vertex ids: the shell counter-clockwise, holes clockwise, as RFC 7946
 * asks. Where the set meets itself only at a corner the walk turns left, hugging the cell it came along,
 * so a touching hole stays a separate ring instead of a figure eight.
 */

export interface TracedPolygon {
  readonly shell: number[];
  readonly holes: number[][];
}

// Directions: 0 east, 1 north, 2 west, 3 south.
export function traceCells(
  cells: Iterable<number>,
  inSet: (cell: number) => boolean,
  ni: number,
  nj: number,
  vertices: Float64Array,
): TracedPolygon {
  const stride = ni + 1;
  const member = (i: number, j: number) => i >= 0 && j >= 0 && i < ni && j < nj && inSet(j * ni + i);
  // Directed boundary edges with the set on their left, keyed by start vertex * 4 + direction.
  const edges = new Set<number>();
  for (const cell of cells) {
    const i = cell % ni;
    const j = (cell - i) / ni;
    const sw = j * stride + i;
    if (!member(i, j - 1)) edges.add(sw * 4 + 0);
    if (!member(i + 1, j)) edges.add((sw + 1) * 4 + 1);
    if (!member(i, j + 1)) edges.add((sw + stride + 1) * 4 + 2);
    if (!member(i - 1, j)) edges.add((sw + stride) * 4 + 3);
  }
  const step = [1, stride, -1, -stride] as const;
  const rings: number[][] = [];
  for (const startEdge of edges) {
    if (!edges.has(startEdge)) continue; // already walked (deleted below)
    const ring: number[] = [];
    let edge = startEdge;
    do {
      edges.delete(edge);
      const v = Math.floor(edge / 4);
      const dir = edge % 4;
      ring.push(v);
      const next = v + step[dir]!;
      // Left turn first, then straight on, then right: keeps corner-touching parts apart.
      edge = -1;
      for (const turn of [1, 0, 3]) {
        const candidate = next * 4 + ((dir + turn) % 4);
        if (edges.has(candidate) || candidate === startEdge) {
          edge = candidate;
          break;
        }
      }
      if (edge < 0) throw new Error('open boundary while tracing cells');
    } while (edge !== startEdge);
    rings.push(ring);
  }
  const shells = rings.filter((r) => signedArea(r, vertices) > 0);
  if (shells.length !== 1) throw new Error(`a connected cell set gave ${shells.length} shells`);
  return { shell: shells[0]!, holes: rings.filter((r) => signedArea(r, vertices) < 0) };
}

function signedArea(ring: readonly number[], p: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < ring.length; k++) {
    const a = ring[k]!;
    const b = ring[(k + 1) % ring.length]!;
    sum += p[2 * a]! * p[2 * b + 1]! - p[2 * b]! * p[2 * a + 1]!;
  }
  return sum / 2;
}
