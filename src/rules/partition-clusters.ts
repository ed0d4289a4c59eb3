/**
 * Where a partition layer may be wrong: the clusters of its unbalanced edges (geo/edge-balance.ts), each
 * with the layer's features that reach into it. Overlaps and gaps can lie only there, so only there are
 * features clipped; an exact partition (the survey's parcels, zones traced on them) has no cluster at all.
 */
import type { AreaFeature } from '../domain/features.ts';
import { isAreaFeature } from '../domain/features.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { geometryBBox, type BBox } from '../geo/bbox.ts';
import type { CheckState } from './context.ts';
import { coveredTwice, gapsIn, unionOf, type PlanarPart } from '../geo/geos/coverage-overlay.ts';
import { clippedToOutline } from './cluster-clip.ts';
import type { FlatPolygon } from '../geo/geos/planar-geometry.ts';
import type { MultiPolygon } from 'geojson';
import { corridorsOf, type CorridorLayer } from './cluster-corridor.ts';
import { BLOCKS_FROM, CorridorBlocks } from './cluster-blocks.ts';

/**
 * What a cluster's findings depend on, for a memo: each feature's id (findings name it) and outline, not the
 * feature object, so an edit of attributes only (a parcel reclassified along a corridor of ~2,000) keeps them.
 */
export function idsAndOutlines(features: readonly AreaFeature[]): unknown[] {
  return features.flatMap((f) => [f.id, f.geometry]);
}

export interface Cluster {
  readonly box: BBox;
  /** Stable name of the cluster for memos: its box (and its stretches, for a corridor). */
  readonly name: string;
  readonly features: readonly AreaFeature[];
  /** Where its overlays are clipped (lon/lat), when that is a corridor along its stretches (cluster-corridor.ts); else its box. */
  readonly corridor: MultiPolygon | null;
  /** For a corridor, the name its blocks are kept by between checks (cluster-blocks.ts): its layer and place among the layer's corridors, not its stretches, which an edit along it changes. */
  readonly blocks: string | null;
}

export function partitionClusters(state: CheckState, layer: LayerId): readonly Cluster[] {
  const balance = state.balance(layer);
  if (balance.balanced) return [];
  const groups = balance.clusterGroups();
  // Asked by no-gap and no-overlap alike: found once for the layer and boundary as they are.
  return state.memo(CLUSTER_COVER, `${layer}:clusters`, [groups, state.version(layer), state.version('boundary')], () => {
    const corridorLayer = corridorLayerOf(state, layer);
    let corridors = 0;
    return groups.flatMap((group): Cluster[] => {
      const split = corridorLayer ? corridorsOf(corridorLayer, group) : null;
      if (!split) return [boxCluster(state, layer, group.box)];
      return [
        ...split.corridors.map((c) => ({ box: c.box, name: `${layer}:corridor:${c.key}`, features: c.features, corridor: c.region, blocks: `${layer}:corridor#${corridors++}` })),
        ...split.boxes.map((box) => boxCluster(state, layer, box)),
      ];
    });
  });
}

/** The layer and the village boundary as corridorsOf reads them; null without a boundary to balance against. */
function corridorLayerOf(state: CheckState, layer: LayerId): CorridorLayer<AreaFeature> | null {
  const village = state.boundary();
  if (!village.ok || !village.geometry) return null;
  const villageGeometry = village.geometry;
  return {
    name: layer,
    count: (box) => state.index.count(layer, box),
    near(boxes) {
      const found = new Map<string, AreaFeature>();
      for (const box of boxes) for (const f of state.near(layer, box)) if (isAreaFeature(f)) found.set(f.id, f);
      return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    geometryOf: (f) => f.geometry,
    regionNear: () => [villageGeometry],
    memo: (key, deps, compute) => state.memo(CORRIDOR_MEMO, key, deps, compute),
  };
}

/** A cluster clipped by its box: the layer's features reaching into it. */
function boxCluster(state: CheckState, layer: LayerId, box: BBox): Cluster {
  const features = state
    .near(layer, box)
    .filter(isAreaFeature)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { box, name: `${layer}:${box.join(',')}`, features, corridor: null, blocks: null };
}

/** What no-gap and no-overlap overlay in a cluster, each made once per check for both. */
export interface ClusterCover {
  /** The cluster's features, an invalid one as its repaired outline (`CheckState.usable`), one with nothing left out. */
  readonly features: readonly AreaFeature[];
  /** The area the features cover twice or more inside the cluster's outline (m², planar): what no-gap's union also tells no-overlap. */
  coveredTwice(): number;
  /**
   * The region's parts inside the outline (the cluster's corridor, or its box grown by the coverage
   * tolerance) that no feature covers, wider than `minWidth` (GK; geos/coverage-overlay.ts gapsIn). A
   * corridor's are made block by block and joined across the blocks' edges (cluster-blocks.ts).
   */
  gaps(region: readonly FlatPolygon[], minWidth: number): PlanarPart[];
}

/**
 * The cluster's features and what is made of them inside its outline, once per check for no-gap (the
 * union the gaps are cut from) and no-overlap (whose one union tells whether any pair can overlap): a
 * boundary misaligned all round makes one cluster of the whole layer, whose union is most of either rule's
 * cost. A feature reaching beyond the cluster's outline is clipped to it first (cluster-clip.ts, shared
 * with the 2026 checks): a cluster along a simplified coastline gathers whole districts of thousands of
 * vertices each, and unioned them whole, once per cluster. What a cluster must report lies inside its
 * outline, so nothing it reports is lost. `gaps` and `coveredTwice` may throw where GEOS fails; each rule
 * reports that as it reports its own overlay's failure.
 */
export function clusterCover(state: CheckState, cluster: Cluster): ClusterCover {
  // An invalid outline counts as its repair, as the derivation and the tables count it (geometry-valid
  // reports it): left out, its land inside the cluster's box came back as a gap the size of the box (an
  // ESRI ring that touches itself to close a hole was reported as twice the hole, drawn as its box).
  const features = state.memo(CLUSTER_COVER, `${cluster.name}:usable`, cluster.features, () =>
    cluster.features.flatMap((f) => {
      const usable = state.usable(f.geometry);
      return usable === null ? [] : [usable === f.geometry ? f : { ...f, geometry: usable }];
    }),
  );
  const plane = state.plane();
  const tolerance = state.profile.coverageToleranceM;
  // By geometry: a reclassified parcel (a new feature, the same outline) changes no union or overlay.
  const deps = [plane, tolerance, ...features.map((f) => f.geometry)];
  const outline = state.memo(CLUSTER_COVER, `${cluster.name}:outline`, [plane, tolerance, cluster.corridor], () => (cluster.corridor ? plane.polygons(cluster.corridor) : [plane.boxOutline(cluster.box, tolerance)]));
  if (cluster.blocks && features.length >= BLOCKS_FROM) {
    // A corridor's union is made block by block (cluster-blocks.ts): an edit along it re-unions one block or two.
    const blocks = state.memo(CLUSTER_COVER, `${cluster.blocks}:blocks`, [plane, tolerance], () => new CorridorBlocks());
    const blocked = () => state.memo(CLUSTER_COVER, `${cluster.name}:blocked`, [outline, ...deps], () => blocks.unionOf(outline, features.map((f) => ({ geometry: f.geometry, polygons: plane.polygons(f.geometry) }))));
    return { features, coveredTwice: () => blocked().coveredTwice(), gaps: (region, minWidth) => blocked().overlay('gaps', [region], minWidth) };
  }
  const clipped = () =>
    state.memo(CLUSTER_COVER, `${cluster.name}:clipped`, deps, () =>
      features.map((f) => clippedToOutline(plane.polygons(f.geometry), geometryBBox(f.geometry), cluster.corridor ? [] : [cluster.box], outline)),
    );
  const union = () => state.memo(CLUSTER_COVER, `${cluster.name}:union`, deps, () => unionOf(clipped()));
  return {
    features,
    coveredTwice: () => state.memo(CLUSTER_COVER, `${cluster.name}:twice`, deps, () => coveredTwice(clipped(), union())),
    gaps: (region, minWidth) => gapsIn(region, outline, [union()], minWidth),
  };
}

/** The memo table of the clusters' overlays, shared by the rules that need them. */
const CLUSTER_COVER = 'partition-clusters:cover';
const CORRIDOR_MEMO = 'partition-clusters:corridor';
