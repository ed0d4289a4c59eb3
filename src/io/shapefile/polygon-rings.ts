/**
 * Shapefile polygon records are flat lists of rings: outer rings clockwise, holes counter-clockwise
 * (y up), with nothing saying which hole belongs to which shell. Each hole goes to the smallest shell
 * that contains it, tested exactly (geo/point-in-ring.ts). Libraries get this wrong in ways that matter
 * for parcels: shpjs assigns holes by bounding box alone, mbostock's `shapefile` to the first shell that
 * contains any hole vertex, and neither reports a hole that fits no shell.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringLocation } from '../../geo/point-in-ring.ts';
import { ringSignedAreaPlanar } from '../../geo/rings.ts';

export interface AssembledPolygon {
  readonly geometry: Polygon | MultiPolygon;
  /** Holes that no shell contains, kept as shells of their own. */
  readonly orphanHoles: number;
  /** No ring was clockwise: the writer used the opposite winding, and the rings were read the other way. */
  readonly windingReversed: boolean;
}

interface Shell {
  readonly ring: Position[];
  readonly area: number;
  readonly holes: Position[][];
}

export function assemblePolygon(rings: readonly Position[][]): AssembledPolygon {
  // Shoelace area is positive for counter-clockwise rings; shells are clockwise.
  const signed = rings.map((ring) => ringSignedAreaPlanar(ring));
  const windingReversed = signed.every((a) => a >= 0);
  const isShell = (a: number) => (windingReversed ? a > 0 : a < 0);
  const shells: Shell[] = [];
  const holes: Position[][] = [];
  rings.forEach((ring, i) => {
    if (isShell(signed[i] as number)) shells.push({ ring, area: Math.abs(signed[i] as number), holes: [] });
    else holes.push(ring);
  });
  let orphanHoles = 0;
  for (const hole of holes) {
    let owner: Shell | undefined;
    for (const shell of shells) {
      if ((owner === undefined || shell.area < owner.area) && ringLocation(hole, shell.ring) === 'inside') owner = shell;
    }
    if (owner) owner.holes.push(hole);
    else {
      orphanHoles++;
      shells.push({ ring: hole, area: 0, holes: [] });
    }
  }
  const polygons = shells.map((s) => [s.ring, ...s.holes]);
  const geometry: Polygon | MultiPolygon =
    polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] as Position[][] } : { type: 'MultiPolygon', coordinates: polygons };
  return { geometry, orphanHoles: windingReversed ? 0 : orphanHoles, windingReversed };
}
