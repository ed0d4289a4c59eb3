/**
 * The 管控边界 (GKBJ) of a 2026 plan as CCTool derives it from the planned parcels (domain-2026.md, "GKBJ
 * derivation"): each parcel's type, the PBF (0202) over the red line (0102) over the type of its code or
 * its SSBJLX (control-boundary.ts `controlTypeOf`), then the parcels dissolved by type. One derivation for
 * the conversion of a 2017 plan and for regenerating GKBJ after edits, so both give the same layer.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../../domain/features.ts';
import { failure, success, type Result } from '../../domain/message.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { interiorPoint } from '../../geo/interior-point.ts';
import { geometryBBox } from '../../geo/bbox.ts';
import { unionOf } from '../../geo/geos/coverage-overlay.ts';
import { GkPlane } from '../../geo/gk-plane.ts';
import { union } from '../../geo/overlay.ts';
import { rewindRfc7946 } from '../../geo/rings.ts';
import { pointInAreaGeometry } from '../../geo/point-in-ring.ts';
import { withoutSliverRings } from '../../geo/sliver-rings.ts';
import { isValidAreaGeometry } from '../../geo/validity.ts';
import { COVERAGE_NUMBERS } from '../../profiles/zhejiang-2026/coverage.ts';
import { GKBJ_TYPES, ZONE_CONTROL_TYPES, type GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';
import { controlTypeOf, type ControlTypeOverrides } from '../../profiles/zhejiang-2026/control-boundary.ts';

/** A geometry's ellipsoidal area rounded to 0.01 m², as the database's area fields are written ⚠. */
export const areaM2 = (geometry: AreaGeometry): number => Math.round(ellipsoidalArea(geometry) * 100) / 100;

/** Whether the geometry's interior point lies inside one of the zones: a parcel is in a zone or not, never cut by it. */
export function insideAny(geometry: AreaGeometry, zones: readonly AreaGeometry[]): boolean {
  const point = interiorPoint(geometry);
  return point !== null && zones.some((zone) => pointInAreaGeometry(point, zone) === 'inside');
}

/** The plan's precision (9 decimals) for the vertices an overlay returns. */
function roundedGeometry(geometry: AreaGeometry): AreaGeometry {
  const round = (p: Position): Position => [Math.round((p[0] as number) * 1e9) / 1e9, Math.round((p[1] as number) * 1e9) / 1e9];
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(round)) } : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((rings) => rings.map((ring) => ring.map(round))) };
}

/**
 * The union by GEOS in the village's GK plane, where polyclip-ts gave up (on real data it sometimes cannot
 * close an output ring); null when GEOS fails too or is not loaded (the caller then says the overlay failed).
 */
function geosUnion(geometries: readonly AreaGeometry[]): AreaGeometry | null {
  const [first] = geometries;
  if (!first) return null;
  try {
    const plane = GkPlane.forLongitude(geometryBBox(first)[0]);
    const merged = plane.toLonLat(unionOf(geometries.map((g) => plane.polygons(g))));
    return merged ? rewindRfc7946(merged) : null;
  } catch {
    return null;
  }
}

/**
 * The geometries as one, at the plan's precision; refused with `failureKey` ({what, reason}) when the overlay
 * fails. Parcels digitised a hair apart (real data) leave their seams in the union as hair-thin holes, which
 * rounding would turn invalid: holes and parts thinner than the survey's tolerance go first.
 */
export function dissolved(geometries: readonly AreaGeometry[], what: string, failureKey: string): Result<AreaGeometry> {
  const [only] = geometries;
  const alone = geometries.length === 1 && only ? roundedGeometry(only) : null;
  // One valid piece is kept as it is; an overlay's piece may carry a spike, which a union with itself drops.
  if (alone && isValidAreaGeometry(alone)) return success(alone);
  const merged = union(geometries);
  const value = merged.ok ? merged.value : geosUnion(geometries);
  if (value === null) return failure(failureKey, { what, reason: merged.ok ? 'empty' : merged.error });
  const rounded = withoutSliverRings(roundedGeometry(value), COVERAGE_NUMBERS.toleranceM);
  if (rounded && isValidAreaGeometry(rounded)) return success(rounded);
  // Rounding moved a vertex across a neighbouring edge of a narrow part: the overlay's own vertices then.
  const exact = withoutSliverRings(value, COVERAGE_NUMBERS.toleranceM);
  if (exact && isValidAreaGeometry(exact)) return success(exact);
  // Still invalid: kept as the overlay made it, for `geometry-valid` to show where, rather than no GKBJ at all.
  const kept = exact ?? rounded;
  return kept ? success(kept) : failure(failureKey, { what, reason: 'empty' });
}

export interface ControlZones {
  /** 永久基本农田 (YJJBNT). */
  readonly pbf: readonly AreaGeometry[];
  /** 生态保护红线 (STBHHX). */
  readonly redLine: readonly AreaGeometry[];
}

/**
 * One planned parcel's GKBJ type: CCTool puts the PBF over the red line over the plan parcels, whose SSBJLX
 * applies to them only; the plan's overrides change only the type of a class.
 */
export function parcelControlType(geometry: AreaGeometry, code: string, ssbjlx: string | null, zones: ControlZones, overrides: ControlTypeOverrides = {}): GkbjTypeCode | null {
  if (insideAny(geometry, zones.pbf)) return ZONE_CONTROL_TYPES.pbf;
  if (insideAny(geometry, zones.redLine)) return ZONE_CONTROL_TYPES.redLine;
  return controlTypeOf(code, ssbjlx, overrides);
}

export interface ControlBoundary {
  readonly code: GkbjTypeCode;
  readonly name: string;
  readonly geometry: AreaGeometry;
  readonly areaM2: number;
}

/** The typed parcels dissolved by type, in the code list's order; parcels without a type are left out. */
export function controlBoundaries(parcels: readonly { readonly geometry: AreaGeometry; readonly type: GkbjTypeCode | null }[], failureKey: string): Result<ControlBoundary[]> {
  const boundaries: ControlBoundary[] = [];
  for (const type of GKBJ_TYPES) {
    const parts = parcels.filter((parcel) => parcel.type === type.code).map((parcel) => parcel.geometry);
    if (parts.length === 0) continue;
    const geometry = dissolved(parts, `GKBJ ${type.code}`, failureKey);
    if (!geometry.ok) return geometry;
    boundaries.push({ code: type.code, name: type.zh, geometry: geometry.value, areaM2: areaM2(geometry.value) });
  }
  return success(boundaries);
}
