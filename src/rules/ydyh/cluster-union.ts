/**
 * The union of a coverage cluster's features in the GK plane, made once for the three coverage rules that
 * need it (`no-gap`: the region less it; `inside-village`: it less the region; `no-overlap`: the area it
 * covers twice, before any pair is overlaid). Each rule made its own: a village boundary misaligned all
 * round (another survey's, a datum shift) makes one cluster of the whole layer, and three unions of every
 * parcel of each layer were most of the check (4,735 parcels, boundary 2 m off: 9.6 s of CPU against 2.9 s
 * clean). Kept by the cluster's name while its features are the same objects, so an edit elsewhere keeps it.
 */
import { unionOf } from '../../geo/geos/coverage-overlay.ts';
import type { FlatPolygon } from '../../geo/geos/planar-geometry.ts';
import type { AreaGeometry } from '../../domain/features.ts';
import type { CoverageCluster, LayerCoverage } from './database-coverage.ts';

interface Kept {
  readonly geometries: readonly AreaGeometry[];
  readonly union: readonly FlatPolygon[];
}

/** A few checks' clusters of every partition layer; the oldest go first. */
const KEEP = 256;
const kept = new Map<string, Kept>();

/** The union of the cluster's (valid) features in the coverage's GK plane; throws when GEOS cannot union them. */
export function clusterUnion(coverage: LayerCoverage, cluster: CoverageCluster): readonly FlatPolygon[] {
  const geometries = cluster.features.map((f) => f.geometry);
  const before = kept.get(cluster.name);
  if (before && before.geometries.length === geometries.length && before.geometries.every((g, i) => g === geometries[i])) return before.union;
  const union = unionOf(geometries.map((g) => coverage.plane.polygons(g)));
  kept.delete(cluster.name);
  kept.set(cluster.name, { geometries, union });
  if (kept.size > KEEP) kept.delete(kept.keys().next().value as string);
  return union;
}
