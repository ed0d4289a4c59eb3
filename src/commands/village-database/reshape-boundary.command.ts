/**
 * Reshaping a partition layer (规划用地 GHDLTB, 管控边界 GKBJ) by dragging one vertex of a shared boundary: every
 * feature of the layer that has the vertex, or whose straight edge passes through it, moves it with the
 * dragged one (vertex-followers.ts), so the layer stays a partition, no gap and no overlap. The moved
 * features' areas are written again (GHDLMJ, MJ) and the whole move is one edit, one undo step.
 *
 * Refused, naming the feature (`GHDLTB#<BSM>`): a move that leaves a feature invalid (its outline crossing
 * itself), one that pushes a feature over a neighbour that does not share the vertex, and one that takes a
 * vertex on the village boundary (CJDCQ) off it; the planner drags again.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../../domain/features.ts';
import { failure, success, type Result } from '../../domain/message.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { expandBBox, pointBBox, unionBBox, type BBox } from '../../geo/bbox.ts';
import type { GkPlane } from '../../geo/gk-plane.ts';
import { toleranceDegrees } from '../../geo/local-metric.ts';
import { intersection } from '../../geo/overlay.ts';
import { toGaussKruger } from '../../geo/projection.ts';
import { positionsEqual } from '../../geo/rings.ts';
import { distanceToSegment } from '../../geo/segments.ts';
import { COVERAGE_NUMBERS } from '../../profiles/zhejiang-2026/coverage.ts';
import type { VillageDatabase, VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { planeFor } from '../../rules/ydyh/database-coverage.ts';
import { layerKey } from '../../rules/ydyh/database-rule.ts';
import { geometryProblem } from '../geometry-checks.ts';
import { featuresNear, type ShapedFeature } from './cut-parcels.ts';
import { withValues, type DatabaseEdit, type FeatureChange } from './database-edit.ts';
import { refCounts, roundedArea } from './parcel-shape.ts';
import { followMove, pinsOf, swingBox, type VertexMove } from '../vertex-followers.ts';

/** The partition layers a planner reshapes, with the field each keeps its area in. */
const AREA_FIELDS: Partial<Record<VillageLayerName, string>> = { GHDLTB: 'GHDLMJ', GKBJ: 'MJ' };

export interface Drag {
  readonly from: Position;
  readonly to: Position;
}

interface Followed {
  readonly before: ShapedFeature;
  readonly after: AreaGeometry;
}

/**
 * The features that follow the drag, each with its new shape, and the box of what the move changes (the
 * swinging edges and the ground they sweep): only features reaching into it can hold an edge or be pushed.
 */
function followersOf(features: readonly VillageFeature[], plane: GkPlane, drag: Drag): { followed: Followed[]; move: VertexMove; swept: BBox } {
  const toleranceM = COVERAGE_NUMBERS.toleranceM;
  const margin = 2 * toleranceDegrees(toleranceM, drag.from[1] as number);
  const from = { at: drag.from, gk: toGaussKruger(drag.from, plane.crs) };
  const bare: VertexMove = { plane, toleranceM, from, to: drag.to, pins: [] };
  const swings = featuresNear(features, pointBBox(drag.from, margin)).flatMap((f) => {
    const box = swingBox(f.geometry, bare);
    return box ? [{ feature: f, box }] : [];
  });
  const swept = expandBBox(swings.map((s) => s.box).reduce(unionBBox, pointBBox(drag.from, 0)), margin);
  const move: VertexMove = { ...bare, pins: featuresNear(features, swept).flatMap((f) => pinsOf(f.geometry, plane)) };
  return { followed: swings.map(({ feature }) => ({ before: feature, after: followMove(feature.geometry, move) as AreaGeometry })), move, swept };
}

/** Whether a GK point lies on the outline of the village survey area within the tolerance. */
function onVillageEdge(p: Position, village: readonly AreaGeometry[], plane: GkPlane, toleranceM: number): boolean {
  return village.some((geometry) =>
    plane.polygons(geometry).some((polygon) =>
      polygon.some((ring) => {
        for (let i = 0; i + 3 < ring.length; i += 2) {
          if (distanceToSegment(p, [ring[i] as number, ring[i + 1] as number], [ring[i + 2] as number, ring[i + 3] as number]) <= toleranceM) return true;
        }
        return false;
      }),
    ),
  );
}

const midpoint = (a: Position, b: Position): Position => [((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2];

/**
 * The follower that a vertex on the village's outline would leave: the vertex must stay on it, and each edge
 * of a follower that ran along it before the move must run along it after (sliding past a corner of the
 * village cuts the corner off).
 */
function leavesVillage(db: VillageDatabase, followed: readonly Followed[], named: Followed, move: VertexMove): Followed | undefined {
  const village = (db.layers.CJDCQ?.features ?? []).flatMap((f) => (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon' ? [f.geometry] : []));
  const { plane, toleranceM } = move;
  const on = (p: Position) => onVillageEdge(p, village, plane, toleranceM);
  if (village.length === 0 || !on(move.from.gk)) return undefined;
  const to = toGaussKruger(move.to, plane.crs);
  if (!on(to)) return named;
  const gk = (p: Position) => toGaussKruger(p, plane.crs);
  return followed.find(({ after }) =>
    pinsOf(after, plane).some((pin, i, all) => {
      if (!positionsEqual(pin.at, move.to)) return false;
      const beside = [all[i - 1], all[i + 1]].flatMap((p) => (p && !positionsEqual(p.at, move.to) ? [gk(p.at)] : []));
      return beside.some((w) => on(midpoint(move.from.gk, w)) && !on(midpoint(to, w)));
    }),
  );
}

const overlapM2 = (a: AreaGeometry, b: AreaGeometry): number => {
  const common = intersection(a, b);
  return common.ok && common.value ? ellipsoidalArea(common.value) : 0;
};

/** A follower pushed over another feature (a neighbour or another follower) by more than the checks' smallest overlap, and that feature. */
function pushedOver(features: readonly VillageFeature[], followed: readonly Followed[], swept: BBox): { follower: Followed; other: VillageFeature } | undefined {
  const moved = new Map(followed.map((f) => [f.before.feature, f]));
  const around = featuresNear(features, swept);
  for (const follower of followed) {
    for (const other of around) {
      if (other.feature === follower.before.feature) continue;
      const otherAfter = moved.get(other.feature)?.after ?? other.geometry;
      const grown = overlapM2(follower.after, otherAfter) - overlapM2(follower.before.geometry, other.geometry);
      if (grown > COVERAGE_NUMBERS.reportM2) return { follower, other: other.feature };
    }
  }
  return undefined;
}

/**
 * The edit moving the vertex at `drag.from` to `drag.to` in every feature of `layer` that has it or passes
 * through it. `ref`, when given, is the picked feature: it must be one of them.
 */
export function reshapeBoundary(db: VillageDatabase, layer: VillageLayerName, drag: Drag, ref?: string): Result<DatabaseEdit> {
  const areaField = AREA_FIELDS[layer];
  const features = db.layers[layer]?.features;
  if (features === undefined) return failure('databaseEdit.noLayer', { layerKey: layerKey(layer) });
  if (areaField === undefined) return failure('database.reshape.notPartition', { layerKey: layerKey(layer) });
  const plane = planeFor(db, layer);
  if (plane === null) return failure('database.reshape.noVertex');
  const { followed, move, swept } = followersOf(features, plane, drag);
  if (followed.length === 0) return failure('database.reshape.noVertex');
  if (ref !== undefined && !followed.some((f) => f.before.feature.ref === ref)) return failure('database.reshape.notOnParcel', { parcel: ref });
  const named = followed.find((f) => f.before.feature.ref === ref) ?? (followed[0] as Followed);
  const parcel = named.before.feature.ref;
  if (positionsEqual(drag.from, drag.to)) return success({ labelKey: 'database.reshape.label', params: { parcel, count: 0 }, changes: [], features: [] });

  const counts = refCounts(features);
  const twin = followed.find((f) => counts.get(f.before.feature.ref) !== 1);
  if (twin) return failure('database.reshape.twinRef', { parcel: twin.before.feature.ref });
  for (const { before, after } of followed) {
    const problem = geometryProblem(after);
    if (problem) return { ok: false, error: { key: 'database.reshape.invalid', params: { parcel: before.feature.ref }, at: problem.at ?? drag.to } };
  }
  const left = leavesVillage(db, followed, named, move);
  if (left) return { ok: false, error: { key: 'database.reshape.offVillage', params: { parcel: left.before.feature.ref }, at: drag.to } };
  const pushed = pushedOver(features, followed, swept);
  if (pushed) return { ok: false, error: { key: 'database.reshape.crossesNeighbour', params: { parcel: pushed.follower.before.feature.ref, neighbour: pushed.other.ref }, at: drag.to } };

  const changes: FeatureChange[] = followed.map(({ before, after }) => ({
    layer,
    before: before.feature,
    after: { ...before.feature, geometry: after, properties: withValues(before.feature.properties, { [areaField]: roundedArea(after) }) },
  }));
  return success({ labelKey: 'database.reshape.label', params: { parcel, count: changes.length }, changes: [], features: changes });
}
