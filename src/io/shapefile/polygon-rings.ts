/**
 * Shapefile polygon records are flat lists of rings, with nothing saying which hole belongs to which
 * shell. The whitepaper winds outer rings clockwise and holes counter-clockwise (y up); some tools write
 * the reverse (outer rings counter-clockwise, as GeoJSON does), and a few mix the two in one layer or
 * even one record. So the rings are organised by containment, and the winding only decides the notes.
 *
 * Rings are taken largest first; a ring's parent is the smallest larger ring that contains it (boxes
 * first, then exactly with geo/point-in-ring.ts's `ringLocation`, judged from the first of its vertices,
 * else edge midpoints, that is off the other ring: a hole touching its shell at a vertex is still
 * inside). A ring with no parent is a shell, a shell's child a hole, a hole's child a shell again (an
 * island in a lake): a ring nested an odd number of levels deep is a hole. On a well-formed record that
 * is the winding's reading, at no more cost than the winding rule's own hole test: one `ringLocation` per
 * hole, against the shell that holds it, where boxes rule out the other rings (the winding rule tested
 * each hole against every shell). A record of one ring, nearly every parcel, is a shell without a test.
 *
 * GDAL (shape2ogr.cpp) by default trusts the winding (organizePolygons METHOD=ONLY_CCW): clockwise rings
 * are shells, and when a record has exactly one, every other ring becomes its hole untested. A reversed
 * parcel with one hole has exactly one clockwise ring, the hole; GDAL makes it the shell and the
 * parcel's outline its hole: invalid, and a 100 m square with a 10 m square hole measures −9,900 m²
 * (GDAL 3.6.2; the fallback added in 2023, GDAL PR 8483, applies only when no ring after the first is
 * clockwise, which this record's hole is). GDAL's full analysis (`OGR_ORGANIZE_POLYGONS=DEFAULT`) is the
 * containment rule above and reads both windings alike: we follow it (polygon-rings.test.ts compares the
 * two). Deciding the winding per record from "every ring counter-clockwise", as we did, misreads a
 * reversed record with a hole (the hole is the one clockwise ring); deciding it per layer would misread
 * layers and records that mix windings.
 *
 * Libraries also assign holes wrongly in other ways: shpjs by bounding box alone, mbostock's `shapefile`
 * to the first shell that contains any hole vertex, and neither reports a hole that fits no shell.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { positionsBBox, type BBox } from '../../geo/bbox.ts';
import { ringLocation } from '../../geo/point-in-ring.ts';
import { ringSignedAreaPlanar } from '../../geo/rings.ts';

export interface AssembledPolygon {
  /** The rings as stored (not rewound), each polygon's shell first; polygons in the order of their shells. */
  readonly geometry: Polygon | MultiPolygon;
  /**
   * Rings wound as holes (counter-clockwise) that lie in no other ring and hold no hole, in a record whose
   * shells are otherwise wound as the standard says: most likely a misplaced hole. Kept as shells of their own.
   */
  readonly orphanHoles: number;
  /** A shell is wound counter-clockwise (the record wound the other way round, as GeoJSON winds it); read by containment. */
  readonly windingReversed: boolean;
  /**
   * Every shell is wound clockwise, as the standard says, but a ring wound as a shell lies inside another:
   * not a reversed record, but a tool that winds every ring alike (or overlapping parts, which GDAL keeps
   * as two shells and GEOS calls nested shells). Read as a hole, by containment, as ArcGIS's repair does.
   */
  readonly shellInShell: boolean;
}

export function assemblePolygon(rings: readonly Position[][]): AssembledPolygon {
  if (rings.length === 1) {
    // Shoelace area is positive for counter-clockwise rings; the standard winds shells clockwise.
    const ring = rings[0] as Position[];
    return { geometry: { type: 'Polygon', coordinates: [ring] }, orphanHoles: 0, windingReversed: ringSignedAreaPlanar(ring) > 0, shellInShell: false };
  }
  const n = rings.length;
  const signed = rings.map((ring) => ringSignedAreaPlanar(ring));
  const size = signed.map(Math.abs);
  const boxes = rings.map(positionsBBox);
  const largestFirst = Array.from({ length: n }, (_, i) => i).sort((a, b) => (size[b] as number) - (size[a] as number) || a - b);
  const parent = new Array<number>(n).fill(-1);
  const depth = new Array<number>(n).fill(0);
  const hasChild = new Array<boolean>(n).fill(false);
  for (let k = 1; k < n; k++) {
    const i = largestFirst[k] as number;
    // The smallest container comes first when walking back through the larger rings.
    for (let l = k - 1; l >= 0; l--) {
      const j = largestFirst[l] as number;
      if ((size[j] as number) <= (size[i] as number) || !boxWithin(boxes[i] as BBox, boxes[j] as BBox)) continue;
      if (ringLocation(rings[i] as Position[], rings[j] as Position[]) !== 'inside') continue;
      parent[i] = j;
      depth[i] = (depth[j] as number) + 1;
      hasChild[j] = true;
      break;
    }
  }
  const polygons: Position[][][] = [];
  const polygonOf = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if ((depth[i] as number) % 2 === 0) {
      polygonOf[i] = polygons.length;
      polygons.push([rings[i] as Position[]]);
    }
  }
  for (let i = 0; i < n; i++) {
    if ((depth[i] as number) % 2 === 1) polygons[polygonOf[parent[i] as number] as number]?.push(rings[i] as Position[]);
  }
  const geometry: Polygon | MultiPolygon =
    polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] as Position[][] } : { type: 'MultiPolygon', coordinates: polygons };
  return { geometry, ...windingAgainstContainment(signed, depth, hasChild) };
}

/**
 * How the winding compares with the containment reading. A ring of no area has no winding and agrees
 * with either reading.
 */
function windingAgainstContainment(signed: readonly number[], depth: readonly number[], hasChild: readonly boolean[]): Omit<AssembledPolygon, 'geometry'> {
  const isShell = (i: number) => (depth[i] as number) % 2 === 0;
  const standardShell = signed.some((a, i) => a < 0 && isShell(i));
  let orphanHoles = 0;
  let windingReversed = false;
  let holeWoundAsShell = false;
  signed.forEach((a, i) => {
    if (isShell(i) ? a <= 0 : a >= 0) return;
    if (standardShell && depth[i] === 0 && !hasChild[i]) orphanHoles++;
    else if (isShell(i)) windingReversed = true;
    else holeWoundAsShell = true;
  });
  // A clockwise hole beside a counter-clockwise shell is a record wound the other way round, said once.
  return { orphanHoles, windingReversed, shellInShell: holeWoundAsShell && !windingReversed };
}

/** `inner` lies within `outer` (edges may touch). */
function boxWithin(inner: BBox, outer: BBox): boolean {
  return inner[0] >= outer[0] && inner[2] <= outer[2] && inner[1] >= outer[1] && inner[3] <= outer[3];
}
