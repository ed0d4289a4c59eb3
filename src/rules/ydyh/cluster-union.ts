/**
 * The union of a coverage cluster's features in the GK plane, made once for the three coverage rules that
 * need it (`no-gap`: the region less it; `inside-village`: it less the region; `no-overlap`: the area it
 * covers twice, before any pair is overlaid). Each rule made its own: a village boundary misaligned all
 * round (another survey's, a datum shift) makes one cluster of the whole layer, and three unions of every
 * parcel of each layer were most of the check (4,735 parcels, boundary 2 m off: 9.6 s of CPU against 2.9 s
 * clean). Kept by the cluster's name while its features are the same objects, so an edit elsewhere keeps it.
 *
 * Large features are cut to the cluster's outline first, as the 2017 checks do (rules/cluster-clip.ts): the
 * rules look only inside the outline, and a corridor along a CJDCQ from another survey holds the few zones
 * traced on its parcels (GKBJ) whole, tens of thousands of vertices reaching far inland. Each feature's cut
 * is kept while the outline stays the same, so an edit cuts only the features it made.
 *
 * A corridor of many features (a CJDCQ from another survey: ~2,000 parcels along it) is unioned block by
 * block, as the 2017 checks do (rules/cluster-blocks.ts), and its gaps and parts outside are made block by
 * block too, joined across the blocks' edges: an edit along it re-makes a block or two. Made whole, the
 * corridor's union was ~0.45 s of every edit there, and merging the blocks' unions ~0.19 s.
 */
import { clipParts, coveredTwice, gapsIn, unionOf, type PlanarPart } from '../../geo/geos/coverage-overlay.ts';
import { samePolygons, type FlatPolygon } from '../../geo/geos/planar-geometry.ts';
import type { AreaGeometry } from '../../domain/features.ts';
import { geometryBBox } from '../../geo/bbox.ts';
import type { GkPlane } from '../../geo/gk-plane.ts';
import { BlockedUnion, BLOCKS_FROM, CorridorBlocks } from '../cluster-blocks.ts';
import { clippedToOutline, CUT_FROM_VERTICES } from '../cluster-clip.ts';
import { clusterOutline, type CoverageCluster, type LayerCoverage } from './database-coverage.ts';

interface Kept {
  readonly outline: readonly FlatPolygon[];
  /** Each feature's part inside the outline, by geometry (none for a corridor unioned in blocks: they keep theirs). */
  readonly clipped: ReadonlyMap<AreaGeometry, readonly FlatPolygon[]>;
  readonly geometries: readonly AreaGeometry[];
  /** The union, or for a corridor unioned in blocks, the blocks (their unions are never merged: BlockedUnion.overlay). */
  readonly union: readonly FlatPolygon[] | BlockedUnion;
  readonly coveredTwice: () => number;
  twice?: number;
}

/** A few checks' clusters of every partition layer; the oldest go first. */
const KEEP = 256;
const kept = new Map<string, Kept>();
/** Each corridor's blocks, by its blocks name, for the plane they are cut in. */
const corridorBlocks = new Map<string, { readonly plane: GkPlane; readonly blocks: CorridorBlocks }>();

/**
 * The cluster's region (the CJDCQ, or the layer its features were made from) inside its outline less the
 * union of its (valid) features: no-gap's gaps, wider than the tolerance (GK). Throws where GEOS fails.
 */
export function clusterGaps(coverage: LayerCoverage, cluster: CoverageCluster): PlanarPart[] {
  const { union } = keptFor(coverage, cluster);
  const region = regionOf(coverage, cluster);
  if (union instanceof BlockedUnion) return union.overlay('gaps', region, coverage.toleranceM);
  // The region may be a layer of many parcels: dissolved inside the outline, so GEOS gets one valid area.
  const inside = clipParts('intersection', clusterOutline(coverage, cluster), region, 0).map((part) => part.polygon);
  return clipParts('difference', inside, [union], coverage.toleranceM);
}

/** The union of the cluster's (valid) features inside its outline less its region: inside-village's parts outside, wider than the tolerance (GK). Throws where GEOS fails. */
export function clusterOutside(coverage: LayerCoverage, cluster: CoverageCluster): PlanarPart[] {
  const { union } = keptFor(coverage, cluster);
  const region = regionOf(coverage, cluster);
  if (union instanceof BlockedUnion) return union.overlay('outside', region, coverage.toleranceM);
  const outline = clusterOutline(coverage, cluster);
  return gapsIn(clipParts('intersection', outline, [union], 0).map((part) => part.polygon), outline, region, coverage.toleranceM);
}

function regionOf(coverage: LayerCoverage, cluster: CoverageCluster): readonly FlatPolygon[][] {
  return cluster.region.map((f) => coverage.plane.polygons(f.geometry));
}

/** The area the cluster's features cover twice or more inside its outline (m², planar; coveredTwice), from the same cut features and union. */
export function clusterCoveredTwice(coverage: LayerCoverage, cluster: CoverageCluster): number {
  const entry = keptFor(coverage, cluster);
  return (entry.twice ??= entry.coveredTwice());
}

function keptFor(coverage: LayerCoverage, cluster: CoverageCluster): Kept {
  const geometries = cluster.features.map((f) => f.geometry);
  const before = kept.get(cluster.name);
  if (before && before.geometries.length === geometries.length && before.geometries.every((g, i) => g === geometries[i])) return before;
  const outline = clusterOutline(coverage, cluster);
  const entry = cluster.blocks && geometries.length >= BLOCKS_FROM ? inBlocks(coverage, cluster.blocks, outline, geometries) : whole(coverage, cluster, outline, geometries, before);
  kept.delete(cluster.name);
  kept.set(cluster.name, entry);
  if (kept.size > KEEP) kept.delete(kept.keys().next().value as string);
  return entry;
}

function whole(coverage: LayerCoverage, cluster: CoverageCluster, outline: readonly FlatPolygon[], geometries: readonly AreaGeometry[], before: Kept | undefined): Kept {
  const reuse = before && samePolygons(before.outline, outline) ? before.clipped : null;
  // Kept whole where it lies inside one of the boxes the outline holds: its box, or a corridor's grown stretch boxes.
  const clipped = new Map(geometries.map((g) => [g, reuse?.get(g) ?? clippedToOutline(coverage.plane.polygons(g), geometryBBox(g), cluster.reach, outline, CUT_FROM_VERTICES)]));
  const cut = geometries.map((g) => clipped.get(g) as readonly FlatPolygon[]);
  const union = unionOf(cut);
  return { outline, clipped, geometries, union, coveredTwice: () => coveredTwice(cut, union) };
}

function inBlocks(coverage: LayerCoverage, name: string, outline: readonly FlatPolygon[], geometries: readonly AreaGeometry[]): Kept {
  const { plane } = coverage;
  let held = corridorBlocks.get(name);
  if (held?.plane !== plane) corridorBlocks.set(name, (held = { plane, blocks: new CorridorBlocks() }));
  const blocked = held.blocks.unionOf(outline, geometries.map((geometry) => ({ geometry, polygons: plane.polygons(geometry) })));
  return { outline, clipped: new Map(), geometries, union: blocked, coveredTwice: () => blocked.coveredTwice() };
}
