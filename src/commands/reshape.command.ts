/**
 * Vertex edits that keep shared boundaries shared: a vertex several drawn features have moves in all of
 * them; a vertex inserted on an edge two features share goes into both; a shared vertex deleted from one
 * is deleted from all that can lose it. Reference layers (survey, township) never move.
 */
import type { Position } from 'geojson';
import type { AreaFeature, AreaGeometry, PlanFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { LAYERS } from '../profiles/zhejiang-2017/layers.ts';
import { putFeature, type FeatureChange } from '../domain/patch.ts';
import { findFeature, getFeature } from '../domain/plan.ts';
import { rings } from '../geo/rings.ts';
import { deleteVertex, hasVertex, insertVertexOnEdges, moveVertex } from '../geo/topology.ts';
import { type CommandContext, type CommandResult, refuse } from './command.ts';
import { geometryProblem } from './geometry-checks.ts';
import { TOPOLOGY_LAYERS, VERTEX_TOLERANCE_DEG } from './shared-boundaries.ts';

/** Drawn features that have a vertex bit-identical to `position`. */
export function featuresWithVertex(ctx: CommandContext, position: Position): AreaFeature[] {
  const [x, y] = position as [number, number];
  const hits = ctx.index.search(TOPOLOGY_LAYERS.filter((l) => LAYERS[l].geometryEditable), [x, y, x, y]);
  const found: AreaFeature[] = [];
  for (const hit of hits) {
    const feature = getFeature(ctx.plan, hit.layer, hit.id);
    if (feature && feature.geometry.type !== 'Point' && hasVertex(feature.geometry, position)) found.push(feature as AreaFeature);
  }
  return found;
}

export function moveSharedVertex(ctx: CommandContext, from: Position, to: Position): CommandResult {
  const sharing = featuresWithVertex(ctx, from);
  if (sharing.length === 0) return refuse('commands.reshape.noVertex');
  const changes: FeatureChange[] = [];
  for (const feature of sharing) {
    const moved = moveVertex(feature.geometry, from, to);
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
  const onEdge = featuresWithVertex(ctx, edgeStart).filter((f) => f.id !== featureId && hasVertex(f.geometry, edgeEnd));
  for (const neighbour of onEdge) {
    // The midpoint of the shared edge lies on the neighbour's edge too: insert it there, then move it.
    const midpoint: Position = [((edgeStart[0] as number) + (edgeEnd[0] as number)) / 2, ((edgeStart[1] as number) + (edgeEnd[1] as number)) / 2];
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
  const sharing = featuresWithVertex(ctx, position);
  if (sharing.length === 0) return refuse('commands.reshape.noVertex');
  const changes: FeatureChange[] = [];
  for (const feature of sharing) {
    let geometry: AreaGeometry = feature.geometry;
    for (const { polygonIndex, ringIndex, ring } of [...rings(feature.geometry)].reverse()) {
      for (let i = ring.length - 2; i >= 0; i--) {
        const p = ring[i] as Position;
        if (p[0] !== position[0] || p[1] !== position[1]) continue;
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
