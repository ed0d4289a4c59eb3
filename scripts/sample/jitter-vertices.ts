/**
 * `jitterVertices`: the sub-millimetre noise of reprojected data. Each feature's copy of a vertex moves on
 * its own (a uniform offset within ±metres in Gauss-Krüger easting and northing), as when every feature is
 * reprojected and rounded separately, so vertices neighbours shared exactly are now a hair apart.
 */
import type { Position } from 'geojson';
import type { AreaGeometry, PlanFeature } from '../../src/domain/features.ts';
import { LAYER_IDS, LAYERS, type LayerId } from '../../src/profiles/zhejiang-2017/layers.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { mapRings } from '../../src/geo/rings.ts';
import { isValidAreaGeometry } from '../../src/geo/validity.ts';
import { GkPlane, offsetInPlane } from './gk-plane.ts';
import { rewriteFeatures } from './plan-edit.ts';
import { createRng } from './prng.ts';

export interface JitterOptions {
  readonly seed: number;
  /** Largest offset along each plane axis (m). */
  readonly metres?: number;
  /** Layers to jitter; every area layer, the boundary included, by default. */
  readonly layers?: readonly LayerId[];
}

export interface JitterReport {
  readonly featuresMoved: number;
  readonly positionsMoved: number;
  /** Features whose first draw made them invalid and that were drawn again. */
  readonly featuresRedrawn: number;
  /** Features no draw left valid, kept unmoved (none expected at sub-millimetre offsets). */
  readonly featuresUnmoved: number;
}

export const DEFAULT_JITTER_METRES = 0.0003;
const AREA_LAYER_IDS: readonly LayerId[] = LAYER_IDS.filter((layer) => LAYERS[layer].geometry === 'area');
const MAX_DRAWS = 5;

export function jitterVertices(plan: Plan, options: JitterOptions): { plan: Plan; report: JitterReport } {
  const metres = options.metres ?? DEFAULT_JITTER_METRES;
  if (!(metres >= 0)) throw new Error(`jitter must be a distance in metres, not ${metres}`);
  const { crs } = GkPlane.of(plan);
  const rng = createRng(options.seed, 'jitter');
  const counts = { featuresMoved: 0, positionsMoved: 0, featuresRedrawn: 0, featuresUnmoved: 0 };
  const jittered = rewriteFeatures(plan, options.layers ?? AREA_LAYER_IDS, (feature) => {
    if (feature.geometry.type === 'Point') return feature;
    for (let draw = 1; draw <= MAX_DRAWS; draw++) {
      const moved = jitterGeometry(feature.geometry, (p) => offsetInPlane(p, rng.float(-metres, metres), rng.float(-metres, metres), crs));
      // A vertex a fraction of a millimetre from a non-adjacent edge can cross it: draw that feature again.
      if (!isValidAreaGeometry(moved)) {
        counts.featuresRedrawn += draw === 1 ? 1 : 0;
        continue;
      }
      counts.featuresMoved++;
      counts.positionsMoved += positionCount(moved);
      // The recorded area (TBMJ) stays: reprojection noise does not change what the survey measured.
      return { ...feature, geometry: moved } as PlanFeature;
    }
    counts.featuresUnmoved++;
    return feature;
  });
  return { plan: jittered, report: counts };
}

/** Every position but the closing one gets its own offset; the closing one copies the first. */
function jitterGeometry<G extends AreaGeometry>(geometry: G, move: (p: Position) => Position): G {
  return mapRings(geometry, (ring) => {
    const moved = ring.slice(0, -1).map(move);
    return [...moved, [...(moved[0] as Position)]];
  });
}

function positionCount(geometry: AreaGeometry): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.reduce((n, polygon) => n + polygon.reduce((m, ring) => m + ring.length - 1, 0), 0);
}
