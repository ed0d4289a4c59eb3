/**
 * The validity questions that edge contacts cannot answer, asked once no edges cross: is each hole
 * inside its shell and outside the other holes, and does a MultiPolygon member lie inside another?
 * Split from validity.ts, which finds the edge contacts.
 */
import type { Position } from 'geojson';
import { bboxIntersects, positionsBBox, type BBox } from './bbox.ts';
import { pointInPolygonRings, ringLocation } from './point-in-ring.ts';
import type { RingAddress, ValidityProblem } from './validity-problem.ts';

/** A ring that passed the per-ring checks: closed, finite, ≥ 3 distinct vertices, consecutive duplicates removed. */
export interface CleanRing extends RingAddress {
  readonly points: readonly Position[];
}

/**
 * Holes inside their shell and not inside each other; MultiPolygon members not inside each other.
 * Polygons in `crossed` are skipped: where edges cross, inside and outside mean nothing.
 */
export function nestingProblems(clean: readonly CleanRing[], crossed: ReadonlySet<number>, touchingMembers: ReadonlySet<string>): ValidityProblem[] {
  // One ring (most parcels) has nothing to be nested in.
  if (clean.length <= 1) return [];
  const problems: ValidityProblem[] = [];
  const byPolygon = new Map<number, CleanRing[]>();
  for (const ring of clean) {
    const list = byPolygon.get(ring.polygonIndex) ?? [];
    list.push(ring);
    byPolygon.set(ring.polygonIndex, list);
  }
  const polygons: CleanPolygon[] = [];
  for (const [polygonIndex, rings] of byPolygon) {
    const shell = rings.find((r) => r.ringIndex === 0);
    if (!shell) continue;
    polygons.push({ polygonIndex, rings: rings.map((r) => r.points) });
    if (crossed.has(polygonIndex)) continue;
    const holes = rings.filter((r) => r.ringIndex > 0);
    for (const hole of holes) {
      const address = { polygonIndex, ringIndex: hole.ringIndex };
      if (ringLocation(hole.points, shell.points) !== 'inside') {
        problems.push({ kind: 'holeOutsideShell', severity: 'error', ...address, at: hole.points[0] as Position });
        continue;
      }
      const container = holes.find((other) => other !== hole && ringLocation(hole.points, other.points) === 'inside');
      if (container) {
        problems.push({ kind: 'holeOutsideShell', severity: 'error', ...address, at: hole.points[0] as Position, other: { polygonIndex, ringIndex: container.ringIndex } });
      }
    }
  }
  for (const overlap of ringMembersOverlap(polygons.filter((p) => !crossed.has(p.polygonIndex)), touchingMembers)) {
    problems.push({ kind: 'ringsCross', severity: 'error', polygonIndex: overlap.later, ringIndex: 0, at: overlap.at, other: { polygonIndex: overlap.earlier, ringIndex: 0 } });
  }
  return problems;
}

export interface CleanPolygon {
  readonly polygonIndex: number;
  /** [shell, ...holes], closed, consecutive duplicates removed, edges not crossing. */
  readonly rings: readonly (readonly Position[])[];
}

export interface MemberOverlap {
  readonly later: number;
  readonly earlier: number;
  readonly at: Position;
}

/**
 * Pairs of members whose interiors overlap, given that no edges cross. Outlines that do not touch are
 * either nested or apart, and one vertex each way tells which. Outlines that touch (`touching` holds
 * "i|j", i < j) are probed at every vertex and edge midpoint: a member can sit inside another touching
 * it only at vertices (a diamond inscribed in a square), where no vertex is strictly inside.
 */
function ringMembersOverlap(polygons: readonly CleanPolygon[], touching: ReadonlySet<string>): MemberOverlap[] {
  const found: MemberOverlap[] = [];
  const boxes: BBox[] = polygons.map((p) => positionsBBox(p.rings[0] ?? []));
  for (let i = 0; i < polygons.length; i++) {
    for (let j = i + 1; j < polygons.length; j++) {
      if (!bboxIntersects(boxes[i] as BBox, boxes[j] as BBox)) continue;
      const first = polygons[i] as CleanPolygon;
      const second = polygons[j] as CleanPolygon;
      const [low, high] = first.polygonIndex < second.polygonIndex ? [first, second] : [second, first];
      const limit = touching.has(`${low.polygonIndex}|${high.polygonIndex}`) ? Infinity : 1;
      const at = probeInside(second.rings[0] ?? [], first, limit) ?? probeInside(first.rings[0] ?? [], second, limit);
      if (at) {
        const [later, earlier] = first.polygonIndex > second.polygonIndex ? [first, second] : [second, first];
        found.push({ later: later.polygonIndex, earlier: earlier.polygonIndex, at });
      }
    }
  }
  return found;
}

/** A probe point of `shell` (its first `limit` edges) strictly inside `polygon`, if any. */
function probeInside(shell: readonly Position[], polygon: CleanPolygon, limit: number): Position | undefined {
  for (let i = 0; i + 1 < shell.length && i < limit; i++) {
    const a = shell[i] as Position;
    const b = shell[i + 1] as Position;
    if (pointInPolygonRings(a, polygon.rings) === 'inside') return a;
    const mid: Position = [((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2];
    if (pointInPolygonRings(mid, polygon.rings) === 'inside') return mid;
  }
  return undefined;
}
