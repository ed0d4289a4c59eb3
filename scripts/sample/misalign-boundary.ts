/**
 * A village boundary from another survey: the plan's boundary moved by a 4-parameter (Helmert) transform in
 * the GK plane about its centre, as an old map brought to CGCS2000 with another tool's parameters arrives.
 * Every outer parcel edge then disagrees with it by decimetres all round, so the boundary's stretches
 * chain into one ring of clusters: the case the coverage rules clip as a corridor (src/rules/cluster-corridor.ts).
 * The defaults are a typical residual of such a transform: 0.4 m east, 0.25 m south, 10″, 20 ppm.
 */
import type { Position } from 'geojson';
import { applyPatch, putFeature } from '../../src/domain/patch.ts';
import { layerFeatures, type Plan } from '../../src/domain/plan.ts';
import { mapPositions } from '../../src/geo/rings.ts';
import { GkPlane } from './gk-plane.ts';

export interface MisalignOptions {
  readonly eastM?: number;
  readonly northM?: number;
  readonly rotationArcsec?: number;
  readonly scalePpm?: number;
}

export function misalignBoundary(plan: Plan, options: MisalignOptions = {}): Plan {
  const { eastM = 0.4, northM = -0.25, rotationArcsec = 10, scalePpm = 20 } = options;
  const plane = GkPlane.of(plan);
  const boundaries = layerFeatures(plan, 'boundary');
  const points = boundaries.flatMap((f) => [...positionsOf(f.geometry)].map((p) => plane.toPlane(p)));
  if (points.length === 0) throw new Error('the plan has no village boundary to move');
  const [cx, cy] = [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length];
  const angle = (rotationArcsec / 3600) * (Math.PI / 180);
  const [c, s] = [Math.cos(angle) * (1 + scalePpm * 1e-6), Math.sin(angle) * (1 + scalePpm * 1e-6)];
  const moved = (p: Position): Position => {
    const [x, y] = plane.toPlane(p);
    const [u, v] = [x - cx, y - cy];
    return plane.toLonLat([cx + c * u - s * v + eastM, cy + s * u + c * v + northM]);
  };
  return applyPatch(plan, { features: boundaries.map((f) => putFeature({ ...f, geometry: mapPositions(f.geometry, (p) => moved(p)) })) }).plan;
}

function* positionsOf(geometry: Parameters<typeof mapPositions>[0]): Generator<Position> {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // Each ring's vertices once: not its closing copy of the first.
  for (const polygon of polygons) for (const ring of polygon) yield* ring.slice(0, -1);
}
