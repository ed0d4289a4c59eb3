/**
 * Shared boundaries stay shared (architecture.md): when a vertex of one feature lies on a neighbour's
 * edge, the neighbour gets that vertex too, so the two edges stay identical and a later move of the
 * vertex moves both. No library keeps topology between independent GeoJSON features, hence this file.
 */
import type { Position } from 'geojson';
import type { AreaFeature, AreaGeometry, PlanFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { LAYERS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { putFeature, type FeatureChange } from '../domain/patch.ts';
import { getFeature } from '../domain/plan.ts';
import { expandBBox, geometryBBox } from '../geo/bbox.ts';
import { rings } from '../geo/rings.ts';
import { insertVerticesOnEdges } from '../geo/topology.ts';
import { isValidAreaGeometry } from '../geo/validity.ts';
import type { CommandContext } from './command.ts';

/** 1e-9° is about 0.1 mm: the rounding terra-draw applies to drawn coordinates. */
export const VERTEX_TOLERANCE_DEG = 1e-9;

/** Layers that keep topology with their neighbours: the village, the base parcels and every drawn layer. */
export const TOPOLOGY_LAYERS: readonly LayerId[] = (Object.keys(LAYERS) as LayerId[]).filter(
  (id) => id === 'boundary' || id === 'base' || LAYERS[id].kind === 'drawn',
);

export function vertices(geometry: AreaGeometry): Position[] {
  const all: Position[] = [];
  for (const { ring } of rings(geometry)) for (let i = 0; i < ring.length - 1; i++) all.push(ring[i] as Position);
  return all;
}

export function neighbours(ctx: CommandContext, geometry: AreaGeometry, exclude: ReadonlySet<FeatureId>): AreaFeature[] {
  const found: AreaFeature[] = [];
  for (const hit of ctx.index.search(TOPOLOGY_LAYERS, expandBBox(geometryBBox(geometry), VERTEX_TOLERANCE_DEG * 10))) {
    if (exclude.has(hit.id)) continue;
    const feature = getFeature(ctx.plan, hit.layer, hit.id);
    if (feature && feature.geometry.type !== 'Point') found.push(feature as AreaFeature);
  }
  return found;
}

/**
 * Changes that give each editable neighbour the vertices of `geometry` lying on its edges. Reference layers
 * (the village boundary, the survey parcels) are never changed by a drawing: they are delivered as they were
 * surveyed, and a vertex on one of their long straight lon/lat edges is not nothing: it bends the edge on the
 * ellipsoid (area) and in the GK plane the coverage rules overlay in, by millimetres on a kilometre edge
 * (a zone drawn to the boundary changed the village and made every other layer's zones "gap" along it).
 * A neighbour the insertion would make invalid is left as it was (a point near one of its corners).
 */
export function shareVerticesWithNeighbours(
  ctx: CommandContext,
  geometry: AreaGeometry,
  exclude: ReadonlySet<FeatureId>,
): FeatureChange[] {
  const points = vertices(geometry);
  const changes: FeatureChange[] = [];
  for (const neighbour of neighbours(ctx, geometry, exclude)) {
    if (!LAYERS[neighbour.layer].geometryEditable) continue;
    const updated = insertVerticesOnEdges(neighbour.geometry, points, VERTEX_TOLERANCE_DEG);
    if (updated && isValidAreaGeometry(updated)) changes.push(putFeature({ ...neighbour, geometry: updated } as PlanFeature));
  }
  return changes;
}

/**
 * The reverse: puts into `geometry` the neighbours' vertices that lie on its edges. Clipping and union
 * may drop collinear points that neighbours still use; this restores them. Those of `madeFrom` (the
 * geometries the overlay started from) go back too, shared or not: a vertex on a straight run bends that
 * run on the ellipsoid (src/geo/area.ts), so without it the area would not be what it was (5 m² for one in
 * the middle of a 1 km east–west edge at 30°N).
 */
export function adoptNeighbourVertices(ctx: CommandContext, geometry: AreaGeometry, exclude: ReadonlySet<FeatureId>, madeFrom: readonly AreaGeometry[] = []): AreaGeometry {
  const own = madeFrom.flatMap(vertices);
  return withVerticesOnEdges(geometry, [[...own, ...neighbours(ctx, geometry, exclude).flatMap((n) => vertices(n.geometry))], own]);
}

/**
 * The geometry with the points of the first of `choices` whose insertion leaves it valid put into its edges
 * (within 0.1 mm), or as it was. Where neighbours were digitised apart, their copies of a corner lie a
 * fraction of a millimetre from each other and from the edges here: inserted together they can zigzag the
 * ring across itself, and the command was refused as invalid (a zone drawn over a gap between jittered
 * zones). So the caller offers fewer points next (the geometry's own, which keep its area right), and
 * failing all the geometry stays as the overlay made it: a boundary not quite shared is within the coverage
 * tolerance, an invalid shape is not (as village-database/parcel-shape.ts does for the 2026 parcels).
 */
export function withVerticesOnEdges(geometry: AreaGeometry, choices: readonly (readonly Position[])[]): AreaGeometry {
  for (const points of choices) {
    const inserted = insertVerticesOnEdges(geometry, points, VERTEX_TOLERANCE_DEG);
    if (inserted && isValidAreaGeometry(inserted)) return inserted;
  }
  return geometry;
}
