/**
 * Closed outlines → polygons, as CAD fills them. A hatch stores its boundaries as separate loops and says
 * only by their nesting which are holes; lines joined into rings (dxf-preview.ts) carry no more.
 *
 * CAD draws a hole that shares an edge or a corner with the outline around it (a courtyard on the parcel
 * line) with coordinates that stray from that edge by a few 1e-10 of the drawing's size, to either side:
 * an exact point-in-ring test then puts the hole outside, and the hatch becomes two overlapping polygons.
 * So a loop's place is judged from a vertex clearly away from the outline around it.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { pointInRing, type Location } from '../../geo/point-in-ring.ts';
import { ringSignedAreaPlanar } from '../../geo/rings.ts';
import { distanceToSegment } from '../../geo/segments.ts';

/**
 * HATCH island detection (group 75): 0 fills every other nesting level (islands inside holes are filled),
 * 1 only the outermost level with its holes, 2 the outer boundaries whole.
 */
export type HatchStyle = 0 | 1 | 2;

/** Closer than this share of a ring's size to its outline is on the outline: far above CAD's noise, far below any real gap. */
const ON_OUTLINE = 1e-7;

function distinctCount(points: readonly Position[]): number {
  return new Set(points.map((p) => `${p[0]},${p[1]}`)).size;
}

function distanceToOutline(p: Position, ring: readonly Position[]): number {
  let nearest = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) nearest = Math.min(nearest, distanceToSegment(p, ring[i] as Position, ring[i + 1] as Position));
  return nearest;
}

type Box = readonly [number, number, number, number];

function boxOf(ring: readonly Position[]): Box {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring as [number, number][]) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  return [minX, minY, maxX, maxY];
}

/** Where `ring` lies relative to `container`, from its first vertex (or else edge midpoint) clearly off the container's outline. */
function ringPlace(ring: readonly Position[], container: readonly Position[], tolerance: number): Location {
  const decide = (p: Position): Location | null => {
    const where = pointInRing(p, container);
    return where !== 'boundary' && distanceToOutline(p, container) > tolerance ? where : null;
  };
  for (const p of ring) {
    const where = decide(p);
    if (where) return where;
  }
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    const where = decide([((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2]);
    if (where) return where;
  }
  return 'boundary';
}

/** Rings → polygons by nesting: a ring inside an odd number of others is a hole of the smallest one around it. */
export function nestRings(rings: readonly Position[][], style: HatchStyle = 0): Polygon | MultiPolygon | null {
  const sorted = rings.filter((r) => distinctCount(r) >= 3).sort((a, b) => Math.abs(ringSignedAreaPlanar(b)) - Math.abs(ringSignedAreaPlanar(a)));
  const placed: { ring: Position[]; box: Box; tolerance: number; depth: number; polygon: Position[][] | null }[] = [];
  const polygons: Position[][][] = [];
  const deepest = style === 0 ? Infinity : style === 1 ? 1 : 0;
  for (const ring of sorted) {
    const box = boxOf(ring);
    let parent: (typeof placed)[number] | undefined;
    // Larger rings come first, so the last one found around this ring is the smallest.
    for (let i = placed.length - 1; i >= 0; i--) {
      const candidate = placed[i] as (typeof placed)[number];
      const [minX, minY, maxX, maxY] = candidate.box;
      const t = candidate.tolerance;
      if (box[0] < minX - t || box[1] < minY - t || box[2] > maxX + t || box[3] > maxY + t) continue;
      if (ringPlace(ring, candidate.ring, t) === 'inside') {
        parent = candidate;
        break;
      }
    }
    const depth = parent ? parent.depth + 1 : 0;
    const entry = { ring, box, tolerance: ON_OUTLINE * Math.hypot(box[2] - box[0], box[3] - box[1]), depth, polygon: null as Position[][] | null };
    placed.push(entry);
    if (depth > deepest) continue;
    if (depth % 2 === 0) {
      entry.polygon = [ring];
      polygons.push(entry.polygon);
    } else {
      parent?.polygon?.push(ring);
    }
  }
  if (polygons.length === 0) return null;
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] as Position[][] } : { type: 'MultiPolygon', coordinates: polygons };
}
