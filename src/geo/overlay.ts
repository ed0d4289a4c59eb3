/**
 * Boolean operations that never throw: polyclip-ts (the Martinez-Rueda sweep behind @turf/intersect,
 * @turf/difference and @turf/union, called directly to skip their Feature wrappers) with its exceptions
 * turned into values, input checked first, output normalised.
 *
 * What polyclip does to coordinates, worth knowing here: output vertices are input vertices or computed
 * crossing points (exact on the way in, rounded once on the way out), rings come out RFC 7946 wound, and
 * vertices on a straight run (collinear) are dropped, so a vertex a neighbour still uses may vanish from
 * the result (commands/shared-boundaries.ts puts such vertices back).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import type { AreaGeometry } from '../domain/features.ts';
import { ellipsoidalArea, polygonArea } from './area.ts';

export type OverlayResult = { readonly ok: true; readonly value: AreaGeometry | null } | { readonly ok: false; readonly error: string };

export interface OverlayOptions {
  /**
   * Drop result polygons smaller than this (m², ellipsoidal) and fill holes smaller than it: the slivers
   * and pinholes that floating-point overlay leaves along shared edges. Nothing is dropped without it.
   */
  readonly minAreaM2?: number;
}

type ClipPolygon = [number, number][][];
type ClipGeom = ClipPolygon | ClipPolygon[];

export function intersection(a: AreaGeometry, b: AreaGeometry, options: OverlayOptions = {}): OverlayResult {
  return run('intersection', [a, b], options, (g) => polyclip.intersection(g[0] as ClipGeom, ...g.slice(1)));
}

export function difference(a: AreaGeometry, b: AreaGeometry, options: OverlayOptions = {}): OverlayResult {
  return run('difference', [a, b], options, (g) => polyclip.difference(g[0] as ClipGeom, ...g.slice(1)));
}

/** Union of any number of geometries; an empty list gives null. */
export function union(geometries: readonly AreaGeometry[], options: OverlayOptions = {}): OverlayResult {
  if (geometries.length === 0) return { ok: true, value: null };
  return run('union', geometries, options, (g) => polyclip.union(g[0] as ClipGeom, ...g.slice(1)));
}

function run(name: string, inputs: readonly AreaGeometry[], options: OverlayOptions, op: (geoms: ClipGeom[]) => ClipPolygon[]): OverlayResult {
  const prepared: ClipGeom[] = [];
  for (const [i, input] of inputs.entries()) {
    const converted = toClipGeom(input);
    if (typeof converted === 'string') return { ok: false, error: `${name}: input ${i + 1}: ${converted}` };
    prepared.push(converted);
  }
  let output: ClipPolygon[];
  try {
    output = op(prepared);
  } catch (error) {
    // polyclip throws on some degenerate inputs ("Unable to complete output ring", "SweepEvent comparison failed").
    return { ok: false, error: `${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, value: normalise(output, options) };
}

/**
 * Plain [x, y] rings for polyclip (it reads only x and y). Non-finite numbers are refused here: polyclip
 * throws on NaN but silently returns rings containing Infinity.
 */
function toClipGeom(geometry: AreaGeometry): ClipGeom | string {
  if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') return 'not a Polygon or MultiPolygon';
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out: ClipPolygon[] = [];
  for (const polygon of polygons) {
    const rings: [number, number][][] = [];
    for (const ring of polygon) {
      const plain: [number, number][] = [];
      for (const p of ring) {
        const x = p[0];
        const y = p[1];
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return 'a coordinate is not a finite number';
        plain.push([x, y]);
      }
      rings.push(plain);
    }
    out.push(rings);
  }
  return out;
}

/** Empty → null, one member → Polygon, slivers and pinholes removed when asked. */
export function normalise(polygons: readonly (readonly (readonly Position[])[])[], options: OverlayOptions = {}): AreaGeometry | null {
  const min = options.minAreaM2;
  let kept: Position[][][] = polygons.map((rings) => rings.map((ring) => ring.map((p) => [...p])));
  if (min !== undefined && min > 0) {
    kept = kept
      .map(([shell, ...holes]) => [shell ?? [], ...holes.filter((hole) => polygonArea([hole]) >= min)])
      .filter((rings) => polygonArea(rings) >= min);
  }
  if (kept.length === 0) return null;
  if (kept.length === 1) return { type: 'Polygon', coordinates: kept[0] as Position[][] } satisfies Polygon;
  return { type: 'MultiPolygon', coordinates: kept } satisfies MultiPolygon;
}

/** Ellipsoidal area of an overlay result, 0 for an empty one: handy for "how much was clipped". */
export function resultArea(result: OverlayResult): number {
  return result.ok && result.value ? ellipsoidalArea(result.value) : 0;
}
