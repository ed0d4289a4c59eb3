/**
 * Where a partition layer of a village database may be wrong, for `no-gap` and `no-overlap`: the same
 * tolerant edge balance the 2017 checks use (geo/coverage-balance.ts), the layer's features counted +1
 * against its region's −1 (the CJDCQ, or the layer it was made from: profiles/zhejiang-2026/coverage.ts).
 * A clean layer, however misaligned within the tolerance, T-junctions and all, has no cluster and nothing is
 * clipped. Real data only: overlays happen inside clusters, in the village's GK plane, with GEOS.
 *
 * The tolerance is the survey's 1 mm unless the coordinates were rounded more coarsely than that
 * (coordinate-grid.ts: 7 decimals of a degree, GK to the centimetre): rounding then moves a vertex on a
 * neighbour's edge off it, and two copies of one vertex apart, by more than 1 mm, so every T-junction would
 * be a gap or an overlap. The 2026 profile has no tolerance for the planner to set (the 2017 one has): the
 * layer is balanced at what the rounding can do, twice the largest move, and the checks say so.
 *
 * A CJDCQ from another survey (or moved by a datum shift) disagrees with the parcels all round: its stretches
 * chain into one cluster whose box is the whole village. Such a cluster is clipped as the corridor along its
 * stretches where a point in each piece outside shows every problem inside it (rules/cluster-corridor.ts, the
 * 2017 checks' code), so only the parcels along the boundary are overlaid and kept.
 *
 * Incremental: each layer's balance is kept between checks and brought up to date by the features whose
 * objects changed (an edit replaces only the features it touches), so a check after one edit costs the
 * edit's edges, not the layer's.
 */
import type { MultiPolygon } from 'geojson';
import type { AreaGeometry } from '../../domain/features.ts';
import { expandBBox, geometryBBox, type BBox } from '../../geo/bbox.ts';
import { coordinateGrid, type CoordinateGrid } from '../../geo/coordinate-grid.ts';
import { CoverageBalance } from '../../geo/coverage-balance.ts';
import { snapCoverage } from '../../geo/coverage-snap.ts';
import type { BoxGroup } from '../../geo/edge-balance.ts';
import { GkPlane } from '../../geo/gk-plane.ts';
import type { FlatPolygon } from '../../geo/geos/planar-geometry.ts';
import { FeatureIndex } from '../../geo/spatial-index.ts';
import { validateAreaGeometry } from '../../geo/validity.ts';
import type { ValidityProblem } from '../../geo/validity-problem.ts';
import { COVERAGE_NUMBERS, type PartitionLayer } from '../../profiles/zhejiang-2026/coverage.ts';
import type { DatabaseLayerName } from '../../profiles/zhejiang-2026/layers.ts';
import type { VillageDatabase, VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { corridorsOf, type CorridorLayer } from '../cluster-corridor.ts';
import { repaired } from '../clip.ts';
import { isAreaGeometry } from './database-parcels.ts';

export interface AreaFeature {
  readonly feature: VillageFeature;
  readonly geometry: AreaGeometry;
}

export interface CoverageCluster {
  readonly box: BBox;
  /** Stable name for memos: the layer and the box (and its stretches, for a corridor). */
  readonly name: string;
  /** The layer's features reaching into the box (or the corridor), in layer order; an invalid outline as its repair. */
  readonly features: readonly AreaFeature[];
  /** The region's features reaching into the box (or the corridor); an invalid outline as its repair. */
  readonly region: readonly AreaFeature[];
  /** Where its overlays are clipped (lon/lat), when that is a corridor along its stretches (rules/cluster-corridor.ts); else its box. */
  readonly corridor: MultiPolygon | null;
  /** Boxes its outline holds (lon/lat): its own box, or the corridor's grown stretch boxes. A feature inside one is not cut to the outline (cluster-union.ts). */
  readonly reach: readonly BBox[];
  /** For a corridor, the name its blocks are kept by between checks (rules/cluster-blocks.ts): its layer and place among the layer's corridors, not its stretches, which an edit along it changes. */
  readonly blocks: string | null;
}

export interface LayerCoverage {
  /** The region the layer was balanced against, or null when the database has none (gaps not checked). */
  readonly region: DatabaseLayerName | null;
  readonly plane: GkPlane;
  readonly clusters: readonly CoverageCluster[];
  /** How far apart edges may lie and still be one edge (m): the survey's, or wider for rounded coordinates. */
  readonly toleranceM: number;
  /** The grid the coordinates were rounded to when it widened the tolerance, else null. */
  readonly widenedFor: CoordinateGrid | null;
}

const validity = new WeakMap<AreaGeometry, readonly ValidityProblem[]>();

/** The geometry's validity errors (geo/validity.ts), remembered per geometry object: a check after an edit validates only what it changed. */
export function validityErrors(geometry: AreaGeometry): readonly ValidityProblem[] {
  let errors = validity.get(geometry);
  if (!errors) {
    errors = validateAreaGeometry(geometry).filter((p) => p.severity === 'error');
    validity.set(geometry, errors);
  }
  return errors;
}

export const isValidGeometry = (geometry: AreaGeometry): boolean => validityErrors(geometry).length === 0;

/** A layer's polygon features; records without a polygon count in no coverage (`inputs-complete` and the area checks see them). */
export function areaFeatures(features: readonly VillageFeature[]): AreaFeature[] {
  return features.flatMap((feature) => (isAreaGeometry(feature.geometry) ? [{ feature, geometry: feature.geometry }] : []));
}

interface Side {
  features: readonly VillageFeature[];
  /** Key per feature object (refs may repeat: `bsm-format` reports that). */
  readonly keys: Map<VillageFeature, string>;
  readonly byKey: Map<string, VillageFeature>;
  readonly index: FeatureIndex<string>;
}

interface Tracked {
  readonly region: DatabaseLayerName | null;
  readonly tolerance: Tolerance;
  readonly balance: CoverageBalance;
  readonly layer: Side;
  readonly regionSide: Side;
  /** What corridorsOf remembers between checks (a ring's runs and its pieces' count), by key. */
  readonly corridorMemo: Map<string, { readonly deps: readonly unknown[]; readonly value: unknown }>;
  /** The region's features as the balance and the overlays take them: as they are, or snapped onto the layer. */
  readonly regionAsChecked: (region: readonly VillageFeature[]) => readonly VillageFeature[];
}

/** Past this share of a layer changed (another database, an import), a new balance is cheaper than a patch. */
const REBUILD_SHARE = 0.5;

const tracked = new Map<DatabaseLayerName, Tracked>();
let nextKey = 1;
let plane: GkPlane | null = null;

function emptySide(): Side {
  return { features: [], keys: new Map(), byKey: new Map(), index: new FeatureIndex<string>() };
}

/** Brings one side up to `next`; returns false when so much changed that a rebuild is due. */
function patchSide(side: Side, next: readonly VillageFeature[], balance: CoverageBalance, sign: 1 | -1): boolean {
  if (side.features === next) return true;
  const nextSet = new Set(next);
  const removed = side.features.filter((f) => !nextSet.has(f));
  const added = next.filter((f) => !side.keys.has(f));
  if (side.features.length > 0 && removed.length + added.length > REBUILD_SHARE * Math.max(side.features.length, next.length)) return false;
  for (const feature of removed) {
    const key = side.keys.get(feature) as string;
    if (isAreaGeometry(feature.geometry)) balance.add(feature.geometry, sign === 1 ? -1 : 1);
    side.index.delete(key);
    side.keys.delete(feature);
    side.byKey.delete(key);
  }
  const boxes: [string, AreaGeometry][] = [];
  for (const feature of added) {
    const key = String(nextKey++);
    side.keys.set(feature, key);
    side.byKey.set(key, feature);
    if (!isAreaGeometry(feature.geometry)) continue;
    balance.add(feature.geometry, sign);
    boxes.push([key, feature.geometry]);
  }
  side.index.load(boxes);
  side.features = next;
  return true;
}

function regionOf(db: VillageDatabase, partition: PartitionLayer): DatabaseLayerName | null {
  return partition.regions.find((name) => (db.layers[name]?.features.length ?? 0) > 0) ?? null;
}

/** The village's GK plane, from the first polygon of `layer`; null when the layer has none. */
export function planeFor(db: VillageDatabase, layer: VillageLayerName): GkPlane | null {
  const first = db.layers[layer]?.features.find((f) => isAreaGeometry(f.geometry));
  if (!first?.geometry) return null;
  const lon = geometryBBox(first.geometry)[0];
  const wanted = GkPlane.forLongitude(lon);
  // One plane per zone, kept: it caches each geometry's projection, which is most of clipping a cluster.
  if (!plane || plane.crs.zone !== wanted.crs.zone) plane = wanted;
  return plane;
}

interface Tolerance {
  readonly toleranceM: number;
  readonly widenedFor: CoordinateGrid | null;
}

/** The tolerance the coordinates of a layer and its region allow: the survey's, or twice the coarsest rounding's move when that is larger. */
function toleranceFor(...layers: (readonly VillageFeature[])[]): Tolerance {
  const { toleranceM, widestToleranceM } = COVERAGE_NUMBERS;
  let coarsest: CoordinateGrid | null = null;
  for (const features of layers) {
    const grid = coordinateGrid(areaFeatures(features).map((f) => f.geometry));
    if (grid && grid.roundingM > (coarsest?.roundingM ?? toleranceM) && 2 * grid.roundingM <= widestToleranceM) coarsest = grid;
  }
  return coarsest ? { toleranceM: 2 * coarsest.roundingM, widenedFor: coarsest } : { toleranceM, widenedFor: null };
}

function trackedFor(db: VillageDatabase, partition: PartitionLayer): Tracked {
  const region = regionOf(db, partition);
  const layerFeatures = db.layers[partition.layer]?.features ?? [];
  const regionFeatures = region ? (db.layers[region]?.features ?? []) : [];
  const kept = tracked.get(partition.layer);
  // An edit keeps the layer's tolerance: a redrawn parcel at full precision does not make the rest less rounded.
  if (kept && kept.region === region && patchSide(kept.layer, layerFeatures, kept.balance, 1) && patchSide(kept.regionSide, kept.regionAsChecked(regionFeatures), kept.balance, -1)) return kept;
  const layerTolerance = toleranceFor(layerFeatures);
  const regionTolerance = toleranceFor(regionFeatures);
  // A region rounded more coarsely than the layer (a CJDCQ exported at 7 decimals beside parcels at full
  // precision): its vertices are snapped onto the layer's within the region's rounding, and the layer is
  // checked at its own tolerance. Widening the tolerance for the layer instead let every gap and overlap
  // up to 16 mm inside the village pass, far from the region's edge.
  const snapRegion = regionTolerance.toleranceM > layerTolerance.toleranceM;
  const tolerance = snapRegion ? layerTolerance : toleranceFor(layerFeatures, regionFeatures);
  const regionAsChecked = snapRegion ? snappedRegion(layerFeatures, regionTolerance.toleranceM) : (features: readonly VillageFeature[]) => features;
  const fresh: Tracked = { region, tolerance, balance: new CoverageBalance(tolerance.toleranceM), layer: emptySide(), regionSide: emptySide(), corridorMemo: new Map(), regionAsChecked };
  patchSide(fresh.layer, layerFeatures, fresh.balance, 1);
  patchSide(fresh.regionSide, regionAsChecked(regionFeatures), fresh.balance, -1);
  tracked.set(partition.layer, fresh);
  return fresh;
}

/**
 * The region's features snapped onto the layer (as it is now) within `toleranceM`: their vertices onto the
 * layer's vertices or edges, the layer's vertices near their edges inserted (coverage-snap.ts, the layer as
 * the reference it never changes). Kept per region features: edits of the layer check against the region
 * as first matched, which is the fixed boundary they must keep to.
 */
function snappedRegion(layerFeatures: readonly VillageFeature[], toleranceM: number): (region: readonly VillageFeature[]) => readonly VillageFeature[] {
  const kept = new WeakMap<readonly VillageFeature[], readonly VillageFeature[]>();
  return (region) => {
    let snapped = kept.get(region);
    if (!snapped) {
      const reference = areaFeatures(layerFeatures).map((f) => f.geometry);
      const areas = region.filter((f): f is VillageFeature & { geometry: AreaGeometry } => isAreaGeometry(f.geometry));
      const moved = snapCoverage(areas, { reference, toleranceM, ontoReferenceEdges: true }).features;
      const byOriginal = new Map<VillageFeature, VillageFeature>(areas.map((f, i) => [f, moved[i] as VillageFeature]));
      snapped = region.map((f) => byOriginal.get(f) ?? f);
      kept.set(region, snapped);
    }
    return snapped;
  };
}

/**
 * The side's area features whose boxes meet any of `boxes`, each once, in layer order; an invalid outline
 * as its repair (`usableGeometry`), one with nothing left out.
 */
function near(side: Side, boxes: readonly BBox[], plane: GkPlane): AreaFeature[] {
  const found = [...new Set(boxes.flatMap((box) => side.index.search(box)))].map((key) => side.byKey.get(key) as VillageFeature);
  const order = new Map(found.map((f) => [f, Number(side.keys.get(f))]));
  found.sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
  return areaFeatures(found).flatMap((f) => {
    const geometry = usableGeometry(f.geometry, plane);
    return geometry === null ? [] : [geometry === f.geometry ? f : { ...f, geometry }];
  });
}

const repairs = new WeakMap<AreaGeometry, { readonly plane: GkPlane; readonly value: AreaGeometry | null }>();

/**
 * An outline as the coverage checks count it: a valid one as it is, an invalid one as its repair in the
 * village's plane (clip.ts `repaired`; `geometry-valid` reports the fault), kept per geometry. Left out, an
 * invalid parcel's land inside its cluster's box came back as a gap the size of the box.
 */
function usableGeometry(geometry: AreaGeometry, plane: GkPlane): AreaGeometry | null {
  if (isValidGeometry(geometry)) return geometry;
  const kept = repairs.get(geometry);
  if (kept?.plane === plane) return kept.value;
  const value = repaired(geometry, { plane, minWidthM: COVERAGE_NUMBERS.toleranceM, minAreaM2: COVERAGE_NUMBERS.reportM2 });
  repairs.set(geometry, { plane, value });
  return value;
}

/** Readies the kept balances for edits (CoverageBalance.prepareForEdits): for the editor, after a check is shown. */
export function prepareCoverageForEdits(): void {
  for (const state of tracked.values()) state.balance.prepareForEdits();
}

/** The clusters of a partition layer, or null when the database lacks the layer (`inputs-complete` says so). */
export function layerCoverage(db: VillageDatabase, partition: PartitionLayer): LayerCoverage | null {
  const gk = planeFor(db, partition.layer);
  if (!gk) return null;
  const state = trackedFor(db, partition);
  const boxCluster = (box: BBox): CoverageCluster => {
    const reach = expandBBox(box, 1e-7);
    return { box, name: `${partition.layer}:${box.join(',')}`, features: near(state.layer, [reach], gk), region: near(state.regionSide, [reach], gk), corridor: null, reach: [box], blocks: null };
  };
  const corridorLayer = corridorLayerOf(partition.layer, state, gk);
  // A CJDCQ from another survey disagrees with the parcels all round: its stretches make one cluster of the
  // whole layer, clipped as the corridor along them where that is proven to hold every problem, as in 2017.
  let corridors = 0;
  const clusters = state.balance.clusterGroups().flatMap((group: BoxGroup): CoverageCluster[] => {
    const split = state.region ? corridorsOf(corridorLayer, group) : null;
    if (!split) return [boxCluster(group.box)];
    return [
      ...split.corridors.map((c) => ({ box: c.box, name: `${partition.layer}:corridor:${c.key}`, features: c.features, region: near(state.regionSide, c.reach, gk), corridor: c.region, reach: c.reach, blocks: `${partition.layer}:corridor#${corridors++}` })),
      ...split.boxes.map(boxCluster),
    ];
  });
  return { region: state.region, plane: gk, clusters, ...state.tolerance };
}

/** Past this many remembered corridor values the memo starts again (a few checks' rings are a handful). */
const CORRIDOR_MEMO_SIZE = 1000;

/** The layer against its region as corridorsOf reads them. */
function corridorLayerOf(name: DatabaseLayerName, state: Tracked, plane: GkPlane): CorridorLayer<AreaFeature> {
  return {
    name,
    count: (box) => state.layer.index.count(box),
    near: (boxes) => near(state.layer, boxes, plane),
    geometryOf: (f) => f.geometry,
    regionNear: (box) => near(state.regionSide, [box], plane).map((f) => f.geometry),
    memo<T>(key: string, deps: readonly unknown[], compute: () => T): T {
      const hit = state.corridorMemo.get(key);
      if (hit && hit.deps.length === deps.length && hit.deps.every((d, i) => d === deps[i])) return hit.value as T;
      const value = compute();
      if (state.corridorMemo.size >= CORRIDOR_MEMO_SIZE) state.corridorMemo.clear();
      state.corridorMemo.set(key, { deps, value });
      return value;
    },
  };
}

/** What a cluster's overlays are clipped to, in the coverage's GK plane: its corridor, or its box grown by the tolerance. */
export function clusterOutline(coverage: LayerCoverage, cluster: CoverageCluster): FlatPolygon[] {
  return cluster.corridor ? coverage.plane.polygons(cluster.corridor) : [coverage.plane.boxOutline(cluster.box, coverage.toleranceM)];
}
