/**
 * One cause behind many `inside-village` findings: a village boundary (XZQ, or CJDCQ in a 2026 database) from
 * another survey, or moved with other transformation parameters, lies 0.1–2 m off the parcels along most of
 * its length. Each feature along it then reaches out in a thin strip and is reported on its own (344 findings
 * on the misaligned 24,000-parcel package); a planner who reads them one by one edits parcels when the fix
 * is the boundary. This tells the two apart from the findings already made, so an edit costs nothing more:
 * a pass over the strips, measured against the boundary's edges (indexed once per boundary) in the GK plane
 * the strips were clipped in.
 */
import type { MultiLineString, Position } from 'geojson';
import RBush from 'rbush';
import type { AreaGeometry } from '../domain/features.ts';
import type { GkPlane } from '../geo/gk-plane.ts';
import { polygonsOf } from '../geo/rings.ts';

/**
 * A strip this wide or less is a line drawn elsewhere, not land drawn outside: residuals of another survey or
 * of other transformation parameters are 0.1–2 m; 5 m leaves room for an old 1:10,000 map and stays under
 * the width of the narrowest parcel a planner draws outside on purpose (a road, a plot).
 */
export const MISALIGNED_STRIP_MAX_WIDTH_M = 5;
/**
 * Fewer findings than this are read one by one: the summary is for when many features share one cause.
 * Five and not twenty because a layer of a few large features (functional zones, control zones) along a
 * misaligned boundary has only a handful of findings, each strip running for kilometres.
 */
export const MISALIGNED_MIN_FEATURES = 5;
/**
 * The share of the boundary's length the thin strips must lie along together. A boundary shifted off the
 * parcels has them reaching out along the sides facing away from the shift, about half its length (less
 * where stretches within the tolerance are not reported); a fifth leaves room for a smaller shift. Real
 * overhangs, a handful of parcels drawn past the line here and there, lie along a few percent of it.
 */
export const MISALIGNED_MIN_SHARE = 0.2;
/**
 * Stretches of one boundary edge closer than this are one: the strips of two neighbours meet at their shared
 * corner, a fraction of a millimetre apart where the data is jittered.
 */
const JOIN_M = 0.01;

/** A part outside the boundary as a finding reports it: its area, mean width, the features it is of, and its outline (lon/lat). */
export interface StripOutside {
  readonly areaM2: number;
  readonly widthM: number;
  readonly features: readonly string[];
  readonly geometry: AreaGeometry;
}

export interface MisalignedStrips {
  /** Features reaching out in thin strips. */
  readonly features: number;
  readonly areaM2: number;
  readonly minWidthM: number;
  readonly maxWidthM: number;
  /** The length of the boundary the strips lie along, in metres. */
  readonly alongM: number;
  /** Those stretches of the boundary (lon/lat): where the summary is on the map. */
  readonly along: MultiLineString;
}

interface EdgeBox {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  readonly edge: number;
}

/**
 * A boundary's edges in the GK plane, indexed by box, with their lon/lat ends: built once per boundary, what
 * every strip is measured against.
 */
export class BoundaryEdges {
  /** Every ring's length summed, in metres (GK plane). */
  readonly lengthM: number;
  private readonly tree = new RBush<EdgeBox>();
  /**
   * What each strip covers, as flat (edge, from, to) triples, by its outline: a finding's outline is kept while
   * its feature is unchanged, so an edit measures only the strips it changed.
   */
  private readonly byStrip = new WeakMap<AreaGeometry, { readonly reachM: number; readonly spans: readonly number[] }>();

  private constructor(
    private readonly plane: GkPlane,
    /** Per edge: x0, y0, x1, y1 in GK metres. */
    private readonly xy: Float64Array,
    /** Per edge: its ends in lon/lat. */
    private readonly ends: readonly (readonly [Position, Position])[],
    /** Per edge: the ring it belongs to, so stretches over consecutive edges of one ring join into one line. */
    private readonly ringOf: Int32Array,
  ) {
    let length = 0;
    const boxes: EdgeBox[] = [];
    for (let e = 0; e < ringOf.length; e++) {
      const [x0, y0, x1, y1] = [xy[4 * e], xy[4 * e + 1], xy[4 * e + 2], xy[4 * e + 3]] as number[] as [number, number, number, number];
      length += Math.hypot(x1 - x0, y1 - y0);
      boxes.push({ minX: Math.min(x0, x1), minY: Math.min(y0, y1), maxX: Math.max(x0, x1), maxY: Math.max(y0, y1), edge: e });
    }
    this.lengthM = length;
    this.tree.load(boxes);
  }

  static of(plane: GkPlane, geometries: readonly AreaGeometry[]): BoundaryEdges {
    const xy: number[] = [];
    const ends: [Position, Position][] = [];
    const ringOf: number[] = [];
    let ring = 0;
    for (const geometry of geometries) {
      // plane.polygons keeps polygonsOf's order, ring by ring and vertex by vertex (closing an unclosed ring).
      const flat = plane.polygons(geometry);
      polygonsOf(geometry).forEach((rings, p) =>
        rings.forEach((positions, r) => {
          const points = flat[p]?.[r] as Float64Array;
          for (let i = 0; 2 * i + 3 < points.length; i++) {
            xy.push(points[2 * i] as number, points[2 * i + 1] as number, points[2 * i + 2] as number, points[2 * i + 3] as number);
            ends.push([positions[i] as Position, (positions[i + 1] ?? positions[0]) as Position]);
            ringOf.push(ring);
          }
          ring++;
        }),
      );
    }
    return new BoundaryEdges(plane, Float64Array.from(xy), ends, Int32Array.from(ringOf));
  }

  /**
   * The stretches of the edges that a strip (lon/lat) lies along, as flat (edge, from, to) triples, in metres from
   * the edge's start: the projection on each edge of the strip's outline within `reachM` of it. A strip along the
   * boundary shares its inner edge with it and covers its whole length; a finger poking out at right angles
   * covers its own width, however long it is.
   */
  covers(strip: AreaGeometry, reachM: number): readonly number[] {
    const kept = this.byStrip.get(strip);
    if (kept?.reachM === reachM) return kept.spans;
    const spans: number[] = [];
    for (const polygon of this.plane.polygons(strip)) this.addCovered(polygon, reachM, spans);
    this.byStrip.set(strip, { reachM, spans });
    return spans;
  }

  private addCovered(strip: readonly Float64Array[], reachM: number, spans: number[]): void {
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of strip) {
      for (let i = 0; i < ring.length; i += 2) {
        minX = Math.min(minX, ring[i] as number);
        maxX = Math.max(maxX, ring[i] as number);
        minY = Math.min(minY, ring[i + 1] as number);
        maxY = Math.max(maxY, ring[i + 1] as number);
      }
    }
    for (const { edge } of this.tree.search({ minX: minX - reachM, minY: minY - reachM, maxX: maxX + reachM, maxY: maxY + reachM })) {
      const [ax, ay, bx, by] = [this.xy[4 * edge], this.xy[4 * edge + 1], this.xy[4 * edge + 2], this.xy[4 * edge + 3]] as number[] as [number, number, number, number];
      const length = Math.hypot(bx - ax, by - ay);
      if (length === 0) continue;
      const [ux, uy] = [(bx - ax) / length, (by - ay) / length];
      for (const ring of strip) {
        for (let i = 0; i + 3 < ring.length; i += 2) {
          // The strip's edge in the boundary edge's frame: u along it, v across it.
          const [px, py, qx, qy] = [(ring[i] as number) - ax, (ring[i + 1] as number) - ay, (ring[i + 2] as number) - ax, (ring[i + 3] as number) - ay];
          const clipped = clipToBand(px * ux + py * uy, px * uy - py * ux, qx * ux + qy * uy, qx * uy - qy * ux, length, reachM);
          if (clipped) spans.push(edge, clipped[0], clipped[1]);
        }
      }
    }
  }

  /**
   * The covered stretches merged: their length, and the lines they make in lon/lat, joined across consecutive
   * edges of a ring and across its closing vertex.
   */
  stretches(covered: ReadonlyMap<number, number[]>): { lengthM: number; lines: Position[][] } {
    let lengthM = 0;
    const lines: Position[][] = [];
    // The line still open at the end of the previous edge, to be carried on where the next edge's stretch starts at its start.
    let open: { line: Position[]; edge: number } | null = null;
    // Per ring, the line starting at its first vertex: the one ending at its last vertex closes onto it.
    const headOfRing = new Map<number, Position[]>();
    for (const edge of [...covered.keys()].sort((a, b) => a - b)) {
      const [ax, ay, bx, by] = [this.xy[4 * edge], this.xy[4 * edge + 1], this.xy[4 * edge + 2], this.xy[4 * edge + 3]] as number[] as [number, number, number, number];
      const length = Math.hypot(bx - ax, by - ay);
      const [a, b] = this.ends[edge] as readonly [Position, Position];
      const at = (u: number): Position => [(a[0] as number) + ((b[0] as number) - (a[0] as number)) * (u / length), (a[1] as number) + ((b[1] as number) - (a[1] as number)) * (u / length)];
      const ring = this.ringOf[edge] as number;
      const ringStart = edge === 0 || this.ringOf[edge - 1] !== ring;
      const ringEnd = edge === this.ringOf.length - 1 || this.ringOf[edge + 1] !== ring;
      let carried: Position[] | null = open && open.edge === edge - 1 && !ringStart ? open.line : null;
      open = null;
      for (const [from, to] of merged(covered.get(edge) as number[])) {
        lengthM += to - from;
        let line: Position[];
        if (carried && from <= JOIN_M) (line = carried).push(at(to));
        else {
          lines.push((line = [at(from), at(to)]));
          if (ringStart && from <= JOIN_M) headOfRing.set(ring, line);
        }
        carried = null;
        if (to < length - JOIN_M) continue;
        open = { line, edge };
        const head = headOfRing.get(ring);
        if (ringEnd && head && head !== line) {
          line.push(...head.slice(1));
          lines.splice(lines.indexOf(head), 1);
        }
      }
    }
    return { lengthM, lines };
  }
}

/**
 * Liang–Barsky: the part of the segment p→q (u along the boundary edge, v across it) inside the band
 * 0 ≤ u ≤ length, |v| ≤ reach, as the [from, to] it spans along the edge; null when none of it is.
 */
function clipToBand(pu: number, pv: number, qu: number, qv: number, length: number, reach: number): [number, number] | null {
  const du = qu - pu;
  const dv = qv - pv;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [[-du, pu], [du, length - pu], [-dv, pv + reach], [dv, reach - pv]] as const) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return null;
  }
  const [u0, u1] = [pu + t0 * du, pu + t1 * du];
  return [Math.max(0, Math.min(u0, u1)), Math.min(length, Math.max(u0, u1))];
}

/** [from, to] pairs sorted and merged where they overlap or lie closer than JOIN_M. */
function merged(pairs: readonly number[]): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) spans.push([pairs[i] as number, pairs[i + 1] as number]);
  spans.sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1] + JOIN_M) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}

/**
 * The thin strips of one layer, when they are many and lie along enough of the boundary to say the boundary
 * is off; else null. Along is measured on the boundary, not from the strips' own sizes: five long fingers
 * poking out at right angles are as long as a strip along a fifth of the boundary, but lie along a few metres of it.
 */
export function misalignedAlong(strips: Iterable<StripOutside>, boundary: BoundaryEdges): MisalignedStrips | null {
  const thin: StripOutside[] = [];
  const features = new Set<string>();
  for (const strip of strips) {
    if (!(strip.widthM > 0) || strip.widthM > MISALIGNED_STRIP_MAX_WIDTH_M) continue;
    thin.push(strip);
    for (const id of strip.features) features.add(id);
  }
  if (features.size < MISALIGNED_MIN_FEATURES || !(boundary.lengthM > 0)) return null;
  const covered = new Map<number, number[]>();
  let areaM2 = 0;
  let minWidthM = Infinity;
  let maxWidthM = 0;
  for (const strip of thin) {
    // Within its own width of an edge: its inner side lies on the boundary (it was clipped by it), its outer
    // side at about its width; a finger's long sides are cut off there and project to a point.
    const spans = boundary.covers(strip.geometry, strip.widthM);
    for (let i = 0; i + 2 < spans.length; i += 3) {
      const edge = spans[i] as number;
      let list = covered.get(edge);
      if (!list) covered.set(edge, (list = []));
      list.push(spans[i + 1] as number, spans[i + 2] as number);
    }
    areaM2 += strip.areaM2;
    minWidthM = Math.min(minWidthM, strip.widthM);
    maxWidthM = Math.max(maxWidthM, strip.widthM);
  }
  const { lengthM, lines } = boundary.stretches(covered);
  if (lengthM < MISALIGNED_MIN_SHARE * boundary.lengthM) return null;
  return { features: features.size, areaM2: Math.round(areaM2 * 100) / 100, minWidthM, maxWidthM, alongM: lengthM, along: { type: 'MultiLineString', coordinates: lines } };
}
