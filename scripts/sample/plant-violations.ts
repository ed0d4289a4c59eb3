/**
 * `plantViolations`: known gaps and overlaps between base parcels, with the answer the rules should give.
 *
 * Each one is a triangle on an edge two parcels share: the parcel gets one new vertex in the middle of
 * that edge, pushed into itself (the triangle is then covered by neither: a gap) or into the neighbour (it
 * is then covered by both: an overlap). Its area is the triangle's ellipsoidal area, known without any
 * overlay. Works on jittered plans too: neighbours' copies of a vertex are matched within a centimetre, and
 * the gap or overlap then differs from the triangle by a sliver of at most edge × jitter.
 */
import type { Polygon, Position } from 'geojson';
import type { FeatureOf } from '../../src/domain/features.ts';
import type { FeatureId } from '../../src/domain/ids.ts';
import type { LayerId } from '../../src/profiles/zhejiang-2017/layers.ts';
import { layerFeatures, type Plan } from '../../src/domain/plan.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { fromGaussKruger, toGaussKruger } from '../../src/geo/projection.ts';
import { isValidAreaGeometry } from '../../src/geo/validity.ts';
import { GkPlane, type PlanePoint } from './gk-plane.ts';
import { rewriteFeatures, withGeometry } from './plan-edit.ts';
import { createRng, type Rng } from './prng.ts';
import { findSharedEdge, triangleFitsInside, VertexIndex } from './shared-edges.ts';

export interface PlantOptions {
  readonly seed: number;
  readonly gaps?: number;
  readonly overlaps?: number;
}

export interface ExpectedViolation {
  readonly kind: 'gap' | 'overlap';
  readonly layer: LayerId;
  /** The parcel that was reshaped, then its neighbour across the planted triangle. */
  readonly featureIds: readonly FeatureId[];
  /** Ellipsoidal area of the planted triangle (m²). */
  readonly areaM2: number;
  /** The triangle's centroid (lon/lat), to match a reported issue to it. */
  readonly at: Position;
  /** The triangle's height over the shared edge (m): how wide the planted region is. */
  readonly depthMetres: number;
}

/** Planted triangles: an area drawn in this range (m²), never shallower than MIN_DEPTH_METRES. */
const AREA_RANGE_M2: readonly [number, number] = [3, 25];
const MIN_DEPTH_METRES = 1;
/** Shared edges shorter than this are passed over: the triangle would be a spike. */
const MIN_EDGE_METRES = 8;

export function plantViolations(plan: Plan, options: PlantOptions): { plan: Plan; violations: ExpectedViolation[] } {
  const { crs } = GkPlane.of(plan);
  const rng = createRng(options.seed, 'plant-violations');
  const parcels = layerFeatures(plan, 'base').filter((f): f is FeatureOf<'base'> & { geometry: Polygon } => f.geometry.type === 'Polygon');
  const index = new VertexIndex(parcels.map((p) => p.geometry.coordinates[0] as Position[]));
  const order = shuffled(parcels.length, rng);
  const used = new Set<number>();
  const replaced = new Map<FeatureId, Polygon>();
  const violations: ExpectedViolation[] = [];
  const kinds = [...Array<'gap'>(options.gaps ?? 3).fill('gap'), ...Array<'overlap'>(options.overlaps ?? 3).fill('overlap')];
  let cursor = 0;
  for (const kind of kinds) {
    let planted: ExpectedViolation | undefined;
    while (!planted && cursor < order.length) {
      const p = order[cursor++] as number;
      if (used.has(p)) continue;
      const shell = parcels[p]!.geometry.coordinates[0] as Position[];
      const firstEdge = rng.int(0, shell.length - 2);
      for (let step = 0; step < shell.length - 1 && !planted; step++) {
        const edge = (firstEdge + step) % (shell.length - 1);
        const neighbour = findSharedEdge(index, p, edge);
        if (neighbour === undefined || used.has(neighbour)) continue;
        const host = kind === 'gap' ? p : neighbour;
        const hostPlane = parcels[host]!.geometry.coordinates.map((ring) => ring.map((v) => toGaussKruger(v, crs)));
        const attempt = plantTriangle(shell, edge, kind, rng.float(AREA_RANGE_M2[0], AREA_RANGE_M2[1]), hostPlane, crs);
        if (!attempt) continue;
        const reshaped: Polygon = { type: 'Polygon', coordinates: [attempt.shell, ...parcels[p]!.geometry.coordinates.slice(1)] };
        if (!isValidAreaGeometry(reshaped)) continue;
        used.add(p).add(neighbour);
        replaced.set(parcels[p]!.id, reshaped);
        planted = { kind, layer: 'base', featureIds: [parcels[p]!.id, parcels[neighbour]!.id], areaM2: ellipsoidalArea(attempt.triangle), at: attempt.centroid, depthMetres: attempt.depthMetres };
      }
    }
    if (!planted) throw new Error(`no room left to plant a ${kind}: the village has too few shared edges of ${MIN_EDGE_METRES} m`);
    violations.push(planted);
  }
  const result = rewriteFeatures(plan, ['base'], (feature) => {
    const geometry = replaced.get(feature.id);
    return geometry ? withGeometry(feature, geometry) : feature;
  });
  return { plan: result, violations };
}

interface Triangle {
  readonly shell: Position[];
  readonly triangle: Polygon;
  readonly centroid: Position;
  readonly depthMetres: number;
}

/**
 * The shell with a vertex added in the middle of edge `edge`, pushed into the parcel (a gap) or out of it
 * (an overlap) far enough for about `wantedM2`; undefined when the triangle does not fit in the host.
 */
function plantTriangle(shell: readonly Position[], edge: number, kind: 'gap' | 'overlap', wantedM2: number, hostPlane: readonly (readonly PlanePoint[])[], crs: GkPlane['crs']): Triangle | undefined {
  const a = shell[edge] as Position;
  const b = shell[edge + 1] as Position;
  const [ax, ay] = toGaussKruger(a, crs);
  const [bx, by] = toGaussKruger(b, crs);
  const length = Math.hypot(bx - ax, by - ay);
  if (length < MIN_EDGE_METRES) return undefined;
  const depth = Math.max(MIN_DEPTH_METRES, (2 * wantedM2) / length);
  // Shells are counter-clockwise, so the parcel lies to the left of a→b.
  const inward = kind === 'gap' ? 1 : -1;
  const apex: PlanePoint = [(ax + bx) / 2 - (inward * depth * (by - ay)) / length, (ay + by) / 2 + (inward * depth * (bx - ax)) / length];
  if (!triangleFitsInside([ax, ay], apex, [bx, by], hostPlane)) return undefined;
  const apexLonLat = fromGaussKruger(apex, crs);
  const triangle: Polygon = { type: 'Polygon', coordinates: [[a, apexLonLat, b, a]] };
  const centroid = fromGaussKruger([(ax + bx + apex[0]) / 3, (ay + by + apex[1]) / 3], crs);
  return { shell: [...shell.slice(0, edge + 1), apexLonLat, ...shell.slice(edge + 1)], triangle, centroid, depthMetres: depth };
}

function shuffled(count: number, rng: Rng): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}
