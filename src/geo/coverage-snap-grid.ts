/**
 * The vertices near an edge, for closing T-junctions in a coverage snap (coverage-snap-rings.ts): the
 * cluster representatives in a static bucket grid (cells sized for a few vertices each, stored as two
 * flat arrays), queried along the edge's corridor row by row, so a long diagonal edge visits the cells
 * along it, not its whole bounding box. Built once per snap and never changed, it is an order of magnitude
 * cheaper to build than an R-tree over 100,000 points (rbush's load was a fifth of a 20,000-parcel snap)
 * and its queries allocate nothing.
 */

export class PointGrid {
  private readonly x0: number;
  private readonly y0: number;
  private readonly size: number;
  private readonly nx: number;
  private readonly ny: number;
  /** Points of cell c: items[start[c]] … items[start[c + 1] - 1]. */
  private readonly start: Int32Array;
  private readonly items: Int32Array;

  constructor(xs: Float64Array, ys: Float64Array, ids: readonly number[]) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const id of ids) {
      const x = xs[id] as number;
      const y = ys[id] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const width = Math.max(maxX - minX, 1e-9);
    const height = Math.max(maxY - minY, 1e-9);
    // About two points per cell on average; a strip of points (one row or column) gets cells along its length.
    this.size = Math.max(Math.sqrt((width * height * 2) / Math.max(ids.length, 1)), width / (2 * ids.length + 1), height / (2 * ids.length + 1));
    this.x0 = minX;
    this.y0 = minY;
    this.nx = Math.floor(width / this.size) + 1;
    this.ny = Math.floor(height / this.size) + 1;
    const cells = this.nx * this.ny;
    const counts = new Int32Array(cells + 1);
    const cellOf = new Int32Array(ids.length);
    ids.forEach((id, i) => {
      const c = this.cellX(xs[id] as number) + this.nx * this.cellY(ys[id] as number);
      cellOf[i] = c;
      counts[c + 1] = (counts[c + 1] as number) + 1;
    });
    for (let c = 0; c < cells; c++) counts[c + 1] = (counts[c + 1] as number) + (counts[c] as number);
    this.start = counts.slice();
    this.items = new Int32Array(ids.length);
    ids.forEach((id, i) => {
      const c = cellOf[i] as number;
      const at = counts[c] as number;
      this.items[at] = id;
      counts[c] = at + 1;
    });
  }

  /** Appends to `out` the points that may lie within `reach` of segment a–b (a superset; the caller measures). */
  nearSegment(ax: number, ay: number, bx: number, by: number, reach: number, out: number[]): void {
    const ylo = Math.min(ay, by);
    const yhi = Math.max(ay, by);
    const dy = by - ay;
    const xAt = (y: number) => (dy === 0 ? ax : ax + ((Math.min(Math.max(y, ylo), yhi) - ay) * (bx - ax)) / dy);
    const row0 = this.cellY(ylo - reach);
    const row1 = this.cellY(yhi + reach);
    for (let row = row0; row <= row1; row++) {
      // A point within `reach` of the segment is within `reach` of a segment point whose y is in this row's band ± reach.
      const band0 = this.y0 + row * this.size - reach;
      const band1 = band0 + this.size + 2 * reach;
      const xa = dy === 0 ? Math.min(ax, bx) : Math.min(xAt(band0), xAt(band1));
      const xb = dy === 0 ? Math.max(ax, bx) : Math.max(xAt(band0), xAt(band1));
      const col0 = this.cellX(xa - reach);
      const col1 = this.cellX(xb + reach);
      for (let c = row * this.nx + col0, last = row * this.nx + col1; c <= last; c++) {
        for (let k = this.start[c] as number, end = this.start[c + 1] as number; k < end; k++) out.push(this.items[k] as number);
      }
    }
  }

  private cellX(x: number): number {
    return Math.min(this.nx - 1, Math.max(0, Math.floor((x - this.x0) / this.size)));
  }

  private cellY(y: number): number {
    return Math.min(this.ny - 1, Math.max(0, Math.floor((y - this.y0) / this.size)));
  }
}
