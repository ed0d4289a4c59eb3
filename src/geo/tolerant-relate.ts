/**
 * `relate` for real data: how two area geometries lie, where outlines that are meant to coincide may be
 * apart by up to a tolerance (a change drawn on a survey parcel, both moved a fraction of a millimetre by
 * reprojection; a parcel clipped to a boundary from another layer). Exact `relate` answers 'overlap' for
 * all of these, which sends every such pair to the overlay engine; this one decides without clipping
 * unless the outlines really cross.
 *
 * 1. Exact `relate` first: exact data (the editor's own) keeps its exact answer, as fast as before; boxes
 *    apart by more than the tolerance are disjoint.
 * 2. Any clear crossing of two edges is 'overlap': edges that cross at an angle, away (beyond the
 *    tolerance) from every end of both. Edges within the tolerance of one line, or crossing next to a
 *    vertex, are one boundary seen twice.
 * 3. Vertices and edge midpoints of each are located in the other, and the feet of each one's vertices on
 *    the other's edges nearby: clearly inside, clearly outside, or within the tolerance of its outline
 *    (which says nothing). With no clear crossing, a part of one outside the other wider than the
 *    tolerance has a corner clearly outside, or a corner of the other clearly inside it, so these points
 *    decide; each part's side is confirmed by a point of its interior.
 * The answer is never wrong by more than the tolerance (relate.differential.test.ts holds it to 1.1× against
 * GEOS); when unsure it is 'overlap' (clip to find out).
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { bboxIntersects, type BBox } from './bbox.ts';
import { distanceToSegmentM, metresPerDegree } from './local-metric.ts';
import { PreparedArea } from './prepared-area.ts';
import { emptySides, relate, relationFromSides, type Relation, type Sides } from './relate.ts';
import { segmentIntersection } from './segments.ts';

export function tolerantRelate(a: AreaGeometry, b: AreaGeometry, toleranceM: number): Relation {
  const exact = relate(a, b);
  if (exact !== 'overlap' || toleranceM <= 0) return exact;
  const pa = PreparedArea.of(a);
  const pb = PreparedArea.of(b);
  const scale = metresPerDegree((pa.bbox[1] + pa.bbox[3]) / 2);
  const metric = new Metric(scale.x, scale.y, toleranceM);
  if (!bboxIntersects(metric.grow(pa.bbox), pb.bbox)) return 'disjoint';
  const feetOnA: number[] = [];
  const feetOnB: number[] = [];
  if (clearlyCross(pa, pb, metric, feetOnA, feetOnB)) return 'overlap';
  // As in `relate`, part by part: a part of one wholly within the tolerance of the other's boundary may be
  // a hole's filling. A part's interior point lies half its width inside it, so the exact location will do.
  return relationFromSides(pa, sides(pa, pb, metric, feetOnA), pb, sides(pb, pa, metric, feetOnB), (p, other) => other.locate(p));
}

/** How far (in tolerances) a vertex may be from an edge for its foot on the edge to be probed: gaps wider than this show at vertices and midpoints. */
const FOOT_REACH = 4;

/** Distances in ground metres on lon/lat at one latitude (a village's extent changes it by far less than the tolerance matters). */
class Metric {
  readonly degreesX: number;
  readonly degreesY: number;

  constructor(
    readonly mx: number,
    readonly my: number,
    readonly tolerance: number,
  ) {
    this.degreesX = tolerance / mx;
    this.degreesY = tolerance / my;
  }

  /** Distance in metres from p to the segment a–b. */
  toSegment(p: Position, a: Position, b: Position): number {
    return distanceToSegmentM(p[0] as number, p[1] as number, a[0] as number, a[1] as number, b[0] as number, b[1] as number, this.mx, this.my);
  }

  /** Distance in metres between two points. */
  between(p: Position, q: Position): number {
    return Math.hypot(((p[0] as number) - (q[0] as number)) * this.mx, ((p[1] as number) - (q[1] as number)) * this.my);
  }

  /**
   * When the point of segment a–b nearest p lies between its ends, and p is more than the tolerance but at
   * most FOOT_REACH tolerances from it, that point (pushed to `out` as x, y). Two outlines within a few
   * tolerances of each other are furthest apart at a vertex of one of them; such a vertex within the
   * tolerance of a third edge (as a bump's top near the far side of a sliver) is 'boundary' itself, and the
   * gap shows only at its foot on the near edge. Found by the differential test: a sliver parcel 1.5 mm
   * high under a parcel's 1.4 mm bump, every vertex and midpoint of both within 1 mm of the other's outline,
   * was called disjoint.
   */
  foot(p: Position, a: Position, b: Position, out: number[]): void {
    const ax = a[0] as number;
    const ay = a[1] as number;
    const ex = ((b[0] as number) - ax) * this.mx;
    const ey = ((b[1] as number) - ay) * this.my;
    const px = ((p[0] as number) - ax) * this.mx;
    const py = ((p[1] as number) - ay) * this.my;
    const length2 = ex * ex + ey * ey;
    if (length2 === 0) return;
    const t = (px * ex + py * ey) / length2;
    if (t <= 0 || t >= 1) return;
    const qx = px - t * ex;
    const qy = py - t * ey;
    const distance2 = qx * qx + qy * qy;
    if (distance2 <= this.tolerance * this.tolerance || distance2 > FOOT_REACH * FOOT_REACH * this.tolerance * this.tolerance) return;
    out.push(ax + t * ((b[0] as number) - ax), ay + t * ((b[1] as number) - ay));
  }

  grow(box: BBox): BBox {
    return [box[0] - this.degreesX, box[1] - this.degreesY, box[2] + this.degreesX, box[3] + this.degreesY];
  }
}

/**
 * Two edges cross at an angle, away from the ends of both: the outlines really pass through each other.
 * On the way, the feet of each edge's ends on the other's edges nearby go into `feetOnA` / `feetOnB`.
 */
function clearlyCross(pa: PreparedArea, pb: PreparedArea, metric: Metric, feetOnA: number[], feetOnB: number[]): boolean {
  for (const i of pa.edgesIn(metric.grow(pb.bbox))) {
    const s0 = pa.edgeStart(i);
    const s1 = pa.edgeEnd(i);
    const box = metric.grow(segmentBox(s0, s1));
    for (const j of pb.edgesIn(box)) {
      const t0 = pb.edgeStart(j);
      const t1 = pb.edgeEnd(j);
      metric.foot(s0, t0, t1, feetOnB);
      metric.foot(s1, t0, t1, feetOnB);
      metric.foot(t0, s0, s1, feetOnA);
      metric.foot(t1, s0, s1, feetOnA);
      const hit = segmentIntersection(s0, s1, t0, t1);
      if (hit.kind !== 'cross') continue;
      const nearEnd = [s0, s1, t0, t1].some((end) => metric.between(hit.point, end) <= metric.tolerance);
      if (nearEnd || oneLine(s0, s1, t0, t1, metric)) continue;
      return true;
    }
  }
  return false;
}

/** The shorter edge lies within the tolerance of the longer one. */
function oneLine(s0: Position, s1: Position, t0: Position, t1: Position, metric: Metric): boolean {
  const [l0, l1, m0, m1] = metric.between(s0, s1) >= metric.between(t0, t1) ? [s0, s1, t0, t1] : [t0, t1, s0, s1];
  return metric.toSegment(m0, l0, l1) <= metric.tolerance && metric.toSegment(m1, l0, l1) <= metric.tolerance;
}

/**
 * Whether any vertex, edge midpoint or foot of `other`'s vertices on `g`'s edges (`feet`: x, y, x, y, …) lies
 * clearly inside, or clearly outside, `other`. No part is marked witnessed: within the tolerance a probe
 * clearly outside may be a spike of a part that lies inside (two copies of a parcel, one with a spike out,
 * the other with a bump, were called disjoint), so every part's side is confirmed by a point of its interior.
 */
function sides(g: PreparedArea, other: PreparedArea, metric: Metric, feet: readonly number[]): Sides {
  const reach = metric.grow(other.bbox);
  const result = emptySides(g, !bboxWithin(g.bbox, reach));
  const note = (x: number, y: number) => {
    if (x < reach[0] || x > reach[2] || y < reach[1] || y > reach[3]) {
      result.outside = true;
      return;
    }
    const where = other.locateNear(x, y, metric.mx, metric.my, metric.tolerance);
    if (where === 'inside') result.inside = true;
    else if (where === 'outside') result.outside = true;
  };
  // Only `g`'s edges near `other` can say anything more: the rest lie outside it, which the boxes said.
  for (const i of g.edgesIn(reach)) {
    if (result.inside && result.outside) break;
    const a = g.edgeStart(i);
    const b = g.edgeEnd(i);
    note(a[0] as number, a[1] as number);
    note(((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2);
  }
  for (let k = 0; k + 1 < feet.length && !(result.inside && result.outside); k += 2) note(feet[k] as number, feet[k + 1] as number);
  return result;
}

function segmentBox(a: Position, b: Position): BBox {
  return [Math.min(a[0] as number, b[0] as number), Math.min(a[1] as number, b[1] as number), Math.max(a[0] as number, b[0] as number), Math.max(a[1] as number, b[1] as number)];
}

function bboxWithin(inner: BBox, outer: BBox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3] && bboxIntersects(inner, outer);
}

