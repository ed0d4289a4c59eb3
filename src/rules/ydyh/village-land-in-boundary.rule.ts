/**
 * `village-land-in-boundary` (cct-new ⚠: the 村庄建设边界 is the union of 集中建设区 and 弹性发展区): every
 * plan parcel of 村庄建设用地 (the Zhejiang table's group, by code) lies inside the boundary, GKBJ 0301 ∪
 * 0302. The part outside is computed with the editor's overlay on lon/lat and shown on the map; a piece
 * thinner than 0.05 m [ours] (width = area / perimeter) is the seam between two layers digitised apart,
 * not land outside, and is not reported. Without GKBJ, or with a GKBJ without a polygon, the rule is not checked.
 */
import type { Polygon, Position } from 'geojson';
import type { AreaGeometry } from '../../domain/features.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { bboxIntersects, geometryBBox, type BBox } from '../../geo/bbox.ts';
import { localLengthMetres } from '../../geo/local-metric.ts';
import { difference, normalise, union } from '../../geo/overlay.ts';
import { tolerantRelate } from '../../geo/tolerant-relate.ts';
import { tableGroupOf } from '../../profiles/ydyh/groupings-2023.ts';
import { VILLAGE_CONSTRUCTION_BOUNDARY_TYPES } from '../../profiles/zhejiang-2026/code-lists.ts';
import { COVERAGE_NUMBERS } from '../../profiles/zhejiang-2026/coverage.ts';
import type { VillageFeature } from '../../profiles/zhejiang-2026/village-database.ts';
import { databaseIssue, layerKey, notCheckedFor, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';
import { codedParcels, controlTypeOfFeature, hasPolygons, isAreaGeometry } from './database-parcels.ts';


const ringLength = (ring: readonly Position[]) => ring.slice(1).reduce((sum, p, i) => sum + localLengthMetres(ring[i] as Position, p), 0);

/** The pieces of an overlay result at least the tolerance wide, or null when none is. */
function widePieces(outside: AreaGeometry): AreaGeometry | null {
  const polygons = outside.type === 'Polygon' ? [outside.coordinates] : outside.coordinates;
  const wide = polygons.filter((rings) => {
    const area = ellipsoidalArea({ type: 'Polygon', coordinates: rings } satisfies Polygon);
    const perimeter = rings.reduce((sum, ring) => sum + ringLength(ring), 0);
    return perimeter > 0 && area / perimeter >= COVERAGE_NUMBERS.seamWidthM;
  });
  return normalise(wide);
}

interface BoundaryPiece {
  readonly geometry: Polygon;
  readonly box: BBox;
}

/**
 * The boundary's polygons, each with its box: a parcel is cut only by the pieces near it, not by the whole
 * boundary (thousands of vertices around every hamlet, seconds at two thousand parcels).
 */
function boundaryPieces(boundary: AreaGeometry | null): readonly BoundaryPiece[] {
  if (boundary === null) return [];
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  return polygons.map((coordinates) => {
    const geometry: Polygon = { type: 'Polygon', coordinates };
    return { geometry, box: geometryBBox(geometry) };
  });
}

type Outside = { readonly ok: true; readonly value: AreaGeometry | null } | { readonly ok: false; readonly error: string };

/** The boundary's pieces per GKBJ layer, and each parcel's part outside per pieces: an edit of the plan re-cuts only the parcels it changed. */
const piecesKept = new WeakMap<readonly VillageFeature[], Outside & { readonly pieces: readonly BoundaryPiece[] }>();
const outsideKept = new WeakMap<AreaGeometry, { readonly pieces: readonly BoundaryPiece[]; readonly outside: Outside }>();

function boundaryOf(gkbj: readonly VillageFeature[]): Outside & { readonly pieces: readonly BoundaryPiece[] } {
  const kept = piecesKept.get(gkbj);
  if (kept) return kept;
  const zones = gkbj.flatMap((f) => {
    const type = controlTypeOfFeature(f);
    return type !== null && (VILLAGE_CONSTRUCTION_BOUNDARY_TYPES as readonly string[]).includes(type) && isAreaGeometry(f.geometry) ? [f.geometry] : [];
  });
  const merged = union(zones);
  const made = merged.ok ? { ...merged, pieces: boundaryPieces(merged.value) } : { ...merged, pieces: [] };
  piecesKept.set(gkbj, made);
  return made;
}

/** The parcel's part outside the boundary wider than the tolerance, or null when none is. */
function outsideOf(geometry: AreaGeometry, pieces: readonly BoundaryPiece[]): Outside {
  const kept = outsideKept.get(geometry);
  if (kept && kept.pieces === pieces) return kept.outside;
  const outside = cutOutside(geometry, pieces);
  outsideKept.set(geometry, { pieces, outside });
  return outside;
}

function cutOutside(geometry: AreaGeometry, pieces: readonly BoundaryPiece[]): Outside {
  const box = geometryBBox(geometry);
  const near = pieces.filter((piece) => bboxIntersects(piece.box, box));
  // Most parcels lie inside one piece, their outline on its outline: answered without clipping.
  if (near.some((piece) => tolerantRelate(geometry, piece.geometry, COVERAGE_NUMBERS.seamWidthM) === 'within')) return { ok: true, value: null };
  const cut = near.length === 0 ? { ok: true as const, value: geometry } : difference(geometry, { type: 'MultiPolygon', coordinates: near.map((piece) => piece.geometry.coordinates) });
  if (!cut.ok) return cut;
  return { ok: true, value: cut.value === null ? null : widePieces(cut.value) };
}

export const villageLandInBoundaryRule: DatabaseRule = {
  id: 'village-land-in-boundary',
  severity: 'error',
  source: 'cct-new ⚠',
  summary: 'Every GHDLTB 村庄建设用地 parcel inside GKBJ 0301 ∪ 0302 (村庄建设边界); outside pieces thinner than 0.05 m (area / perimeter) [ours] are not reported. Not checked without GKBJ.',
  check(db) {
    const gkbj = db.layers.GKBJ;
    if (gkbj === undefined) return [notCheckedFor(this.id, 'gkbj')];
    // An empty template GKBJ has no boundary drawn yet: every village parcel would be "outside".
    if (!hasPolygons(db, 'GKBJ')) return [notCheckedFor(this.id, 'gkbjPolygons', { file: gkbj.file })];
    const boundary = boundaryOf(gkbj.features);
    if (!boundary.ok) return [databaseIssue(this.id, 'notChecked', { layer: 'GKBJ', key: 'overlayFailed', params: { detail: boundary.error } })];
    const issues: DatabaseIssue[] = [];
    for (const parcel of codedParcels(db, 'target')) {
      const geometry = parcel.feature.geometry;
      if (!isAreaGeometry(geometry) || tableGroupOf(parcel.code, db.tableGroups) !== 'village') continue;
      const cut = outsideOf(geometry, boundary.pieces);
      if (!cut.ok) {
        issues.push(databaseIssue(this.id, 'notChecked', { layer: 'GHDLTB', features: [parcel.ref], key: 'overlayFailed', params: { detail: cut.error } }));
        continue;
      }
      const outside = cut.value;
      if (outside === null) continue;
      issues.push(
        databaseIssue(this.id, 'error', {
          layer: 'GHDLTB',
          features: [parcel.ref],
          key: 'message',
          params: { layerKey: layerKey('GHDLTB'), code: parcel.written, outsideM2: ellipsoidalArea(outside), ref: parcel.ref },
          geometry: outside,
        }),
      );
    }
    return issues;
  },
};
