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
 * 3. Vertices and edge midpoints of each are located in the other: clearly inside, clearly outside, or
 *    within the tolerance of its outline (which says nothing). With no clear crossing, a part of one
 *    outside the other wider than the tolerance has a corner clearly outside, or a corner of the other
 *    clearly inside it, so these points decide.
 * The answer is never wrong by more than the tolerance; when unsure it is 'overlap' (clip to find out).
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { bboxIntersects, type BBox } from './bbox.ts';
import { distanceToSegmentM, metresPerDegree } from './local-metric.ts';
import { PreparedArea } from './prepared-area.ts';
import { relate, relationByInterior, type Relation } from './relate.ts';
import { segmentIntersection } from './segments.ts';

export function tolerantRelate(a: AreaGeometry, b: AreaGeometry, toleranceM: number): Relation {
  const exact = relate(a, b);
  if (exact !== 'overlap' || toleranceM <= 0) return exact;
  const pa = PreparedArea.of(a);
  const pb = PreparedArea.of(b);
  const scale = metresPerDegree((pa.bbox[1] + pa.bbox[3]) / 2);
  const metric = new Metric(scale.x, scale.y, toleranceM);
  if (!bboxIntersects(metric.grow(pa.bbox), pb.bbox)) return 'disjoint';
  if (clearlyCross(pa, pb, metric)) return 'overlap';
  const aSide = sides(pa, pb, metric);
  const bSide = sides(pb, pa, metric);
  const aOnBoundary = !aSide.inside && !aSide.outside;
  const bOnBoundary = !bSide.inside && !bSide.outside;
  if (aOnBoundary && bOnBoundary) return 'within';
  // As in `relate`: an outline wholly within the tolerance of the other's boundary may be a hole's filling.
  if (!aSide.outside && !bSide.inside) return aOnBoundary ? relationByInterior(a, pb, 'within') : 'within';
  if (!bSide.outside && !aSide.inside) return bOnBoundary ? relationByInterior(b, pa, 'contains') : 'contains';
  if (!aSide.inside && !bSide.inside) return 'disjoint';
  return 'overlap';
}

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

  grow(box: BBox): BBox {
    return [box[0] - this.degreesX, box[1] - this.degreesY, box[2] + this.degreesX, box[3] + this.degreesY];
  }
}

/** Two edges cross at an angle, away from the ends of both: the outlines really pass through each other. */
function clearlyCross(pa: PreparedArea, pb: PreparedArea, metric: Metric): boolean {
  for (const i of pa.edgesIn(metric.grow(pb.bbox))) {
    const s0 = pa.edgeStart(i);
    const s1 = pa.edgeEnd(i);
    const box = metric.grow(segmentBox(s0, s1));
    for (const j of pb.edgesIn(box)) {
      const t0 = pb.edgeStart(j);
      const t1 = pb.edgeEnd(j);
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

interface Sides {
  inside: boolean;
  outside: boolean;
}

/** Whether any vertex or edge midpoint of `g` lies clearly inside, or clearly outside, `other`. */
function sides(g: PreparedArea, other: PreparedArea, metric: Metric): Sides {
  const reach = metric.grow(other.bbox);
  const result: Sides = { inside: false, outside: !bboxWithin(g.bbox, reach) };
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
  return result;
}

function segmentBox(a: Position, b: Position): BBox {
  return [Math.min(a[0] as number, b[0] as number), Math.min(a[1] as number, b[1] as number), Math.max(a[0] as number, b[0] as number), Math.max(a[1] as number, b[1] as number)];
}

function bboxWithin(inner: BBox, outer: BBox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3] && bboxIntersects(inner, outer);
}

