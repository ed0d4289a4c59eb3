/**
 * Vertex edits that keep shared boundaries shared: a vertex several drawn features have moves in all of
 * them; a vertex inserted on an edge two features share goes into both; a shared vertex deleted from one
 * is deleted from all that can lose it. Reference layers (survey, township) never move.
 *
 * "Have" is within the coverage tolerance (the profile's `coverageToleranceM`, 1 mm), not bit for bit:
 * layers imported from CAD or reprojected carry each feature's copy of a corner a fraction of a millimetre
 * from its neighbour's, and a neighbour's corner may lie on an edge with no vertex there (a T-junction).
 * The rules count these as one boundary; a drag that moved only the copy under the cursor would open a gap
 * the width of the drag. So every copy within the tolerance moves, an edge passing within it bends, and an
 * edge swinging round it bends at the corners others have on it (vertex-followers.ts).
 */
import type { Position } from 'geojson';
import type { AreaFeature, AreaGeometry, PlanFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { LAYERS } from '../profiles/zhejiang-2017/layers.ts';
import { putFeature, type FeatureChange } from '../domain/patch.ts';
import { findFeature, getFeature } from '../domain/plan.ts';
import { expandBBox, pointBBox, unionBBox, type BBox } from '../geo/bbox.ts';
import { GkPlane } from '../geo/gk-plane.ts';
import { metresPerDegree, toleranceDegrees } from '../geo/local-metric.ts';
import { toGaussKruger } from '../geo/projection.ts';
import { rings } from '../geo/rings.ts';
import { deleteVertex, insertVertexOnEdges, moveVertex } from '../geo/topology.ts';
import { type CommandContext, type CommandResult, refuse } from './command.ts';
import { geometryProblem } from './geometry-checks.ts';
import { TOPOLOGY_LAYERS, VERTEX_TOLERANCE_DEG } from './shared-boundaries.ts';
import { followMove, pinsOf, swingBox, type VertexMove } from './vertex-followers.ts';

/** A drawn feature and its own copy of a vertex (the one nearest the position asked for). */
export interface VertexHolder {
  readonly feature: AreaFeature;
  readonly at: Position;
}

/** Editable drawn features whose boxes meet `box`. */
function editableNear(ctx: CommandContext, box: BBox): AreaFeature[] {
  const found: AreaFeature[] = [];
  for (const hit of ctx.index.search(TOPOLOGY_LAYERS.filter((l) => LAYERS[l].geometryEditable), box)) {
    const feature = getFeature(ctx.plan, hit.layer, hit.id);
    if (feature && feature.geometry.type !== 'Point') found.push(feature as AreaFeature);
  }
  return found;
}

/** Drawn features with a vertex within the coverage tolerance of `position`, each with its own copy. */
export function featuresWithVertex(ctx: CommandContext, position: Position): VertexHolder[] {
  const metres = ctx.profile.coverageToleranceM;
  const scale = metresPerDegree(position[1] as number);
  const holders: VertexHolder[] = [];
  for (const feature of editableNear(ctx, pointBBox(position, toleranceDegrees(metres, position[1] as number)))) {
    let at: Position | undefined;
    let nearest = Infinity;
    for (const { ring } of rings(feature.geometry)) {
      for (const q of ring) {
        const distance = Math.hypot(((q[0] as number) - (position[0] as number)) * scale.x, ((q[1] as number) - (position[1] as number)) * scale.y);
        if (distance <= metres && distance < nearest) [at, nearest] = [q, distance];
      }
    }
    if (at) holders.push({ feature, at });
  }
  return holders;
}

/**
 * Moves the vertex at `from` in every editable drawn feature that has it or whose edge passes through it,
 * bending swinging edges at the corners other drawn features have on them (vertex-followers.ts).
 */
export function moveSharedVertex(ctx: CommandContext, from: Position, to: Position): CommandResult {
  const toleranceM = ctx.profile.coverageToleranceM;
  const margin = 2 * toleranceDegrees(toleranceM, from[1] as number);
  const plane = GkPlane.forLongitude(from[0] as number);
  const bare: VertexMove = { plane, toleranceM, from: { at: from, gk: toGaussKruger(from, plane.crs) }, to, pins: [] };
  const swings = editableNear(ctx, pointBBox(from, margin)).flatMap((feature) => {
    const box = swingBox(feature.geometry, bare);
    return box ? [{ feature, box }] : [];
  });
  if (swings.length === 0) return refuse('commands.reshape.noVertex');
  const swept = expandBBox(swings.map((s) => s.box).reduce(unionBBox, pointBBox(from, 0)), margin);
  const move: VertexMove = { ...bare, pins: editableNear(ctx, swept).flatMap((f) => pinsOf(f.geometry, plane)) };
  const changes: FeatureChange[] = [];
  for (const { feature } of swings) {
    const moved = followMove(feature.geometry, move);
    if (!moved) continue;
    const problem = geometryProblem(moved);
    if (problem) return { ok: false, error: { ...problem, at: problem.at ?? to } };
    changes.push(putFeature({ ...feature, geometry: moved } as PlanFeature));
  }
  return { ok: true, label: 'commands.reshape.moveVertex', patch: { features: changes } };
}

/**
 * A vertex was inserted into `featureId` between `edgeStart` and `edgeEnd` at `point`. Features that share
 * that edge get the same vertex, so the boundary stays one line.
 */
export function insertSharedVertex(
  ctx: CommandContext,
  featureId: FeatureId,
  edgeStart: Position,
  edgeEnd: Position,
  point: Position,
  edited: AreaGeometry,
): CommandResult {
  const feature = findFeature(ctx.plan, featureId);
  if (!feature || feature.geometry.type === 'Point') return refuse('commands.error.featureGone');
  const problem = geometryProblem(edited);
  if (problem) return { ok: false, error: { ...problem, at: problem.at ?? point } };
  const changes: FeatureChange[] = [putFeature({ ...feature, geometry: edited } as PlanFeature)];
  const ends = featuresWithVertex(ctx, edgeEnd);
  for (const { feature: neighbour, at: start } of featuresWithVertex(ctx, edgeStart)) {
    const end = neighbour.id === featureId ? undefined : ends.find((h) => h.feature.id === neighbour.id)?.at;
    if (!end) continue;
    // The midpoint of the neighbour's own copy of the edge lies on it: insert it there, then move it.
    const midpoint: Position = [((start[0] as number) + (end[0] as number)) / 2, ((start[1] as number) + (end[1] as number)) / 2];
    const withMidpoint = insertVertexOnEdges(neighbour.geometry, midpoint, VERTEX_TOLERANCE_DEG);
    const moved = withMidpoint ? moveVertex(withMidpoint, midpoint, point) : null;
    if (!moved) continue;
    if (geometryProblem(moved)) return refuse('commands.reshape.neighbourWouldBreak', undefined, point);
    changes.push(putFeature({ ...neighbour, geometry: moved } as PlanFeature));
  }
  return { ok: true, label: 'commands.reshape.insertVertex', patch: { features: changes } };
}

/** Deletes the vertex at `position` from every drawn feature that has it and can spare it. */
export function deleteSharedVertex(ctx: CommandContext, position: Position): CommandResult {
  const holders = featuresWithVertex(ctx, position);
  if (holders.length === 0) return refuse('commands.reshape.noVertex');
  const changes: FeatureChange[] = [];
  for (const { feature, at } of holders) {
    let geometry: AreaGeometry = feature.geometry;
    for (const { polygonIndex, ringIndex, ring } of [...rings(feature.geometry)].reverse()) {
      for (let i = ring.length - 2; i >= 0; i--) {
        const p = ring[i] as Position;
        if (p[0] !== at[0] || p[1] !== at[1]) continue;
        const result = deleteVertex(geometry, polygonIndex, ringIndex, i);
        if ('error' in result) return refuse('commands.reshape.ringTooSmall', undefined, position);
        geometry = result;
      }
    }
    const problem = geometryProblem(geometry);
    if (problem) return { ok: false, error: { ...problem, at: problem.at ?? position } };
    changes.push(putFeature({ ...feature, geometry } as PlanFeature));
  }
  return { ok: true, label: 'commands.reshape.deleteVertex', patch: { features: changes } };
}

/** Replaces a drawn feature's geometry wholesale (an edit no finer command describes). */
export function replaceGeometry(ctx: CommandContext, featureId: FeatureId, geometry: AreaGeometry): CommandResult {
  const feature = findFeature(ctx.plan, featureId);
  if (!feature || feature.geometry.type === 'Point') return refuse('commands.error.featureGone');
  if (!LAYERS[feature.layer].geometryEditable) return refuse('commands.error.referenceLayer', { layer: feature.layer });
  const problem = geometryProblem(geometry);
  if (problem) return { ok: false, error: problem };
  return { ok: true, label: 'commands.reshape.replace', patch: { features: [putFeature({ ...feature, geometry } as PlanFeature)] } };
}
