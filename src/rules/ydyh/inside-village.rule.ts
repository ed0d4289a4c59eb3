/**
 * `inside-village` (domain-2026.md §5, carried over from domain.md §6): the base parcels, the planned parcels
 * and the 管控边界 stay inside their region (the 村级调查区, or the layer they were made from:
 * profiles/zhejiang-2026/coverage.ts). `no-gap` finds land of the region no feature covers; this is the other
 * side, a feature's land outside the region, which neither it nor `no-overlap` sees and which `totals-equal`
 * misses under its 0.01 公顷. Only clusters where the edges do not balance within the survey's 1 mm are
 * overlaid (database-coverage.ts), once each, in the GK plane with GEOS: the layer's features in the cluster's
 * box (or its corridor), dissolved, minus the region there, joined across slits thinner than the tolerance.
 * The finding outlines the part outside.
 */
import type { Polygon } from 'geojson';
import type { AreaGeometry } from '../../domain/features.ts';
import { bboxIntersects, expandBBox, geometryBBox, rememberedBBox } from '../../geo/bbox.ts';
import { polygonKey, type FlatPolygon } from '../../geo/geos/planar-geometry.ts';
import { joinedAcross, overlapOf, type PlanarPart } from '../../geo/geos/coverage-overlay.ts';
import type { DatabaseLayerName } from '../../profiles/zhejiang-2026/layers.ts';
import type { VillageDatabase, VillageFeature } from '../../profiles/zhejiang-2026/village-database.ts';
import { m2, metres } from '../issue.ts';
import type { GkPlane } from '../../geo/gk-plane.ts';
import { BoundaryEdges, misalignedAlong, type StripOutside } from '../misaligned-boundary.ts';
import { isAreaGeometry } from './database-parcels.ts';
import { ClusterMemo, findInClusters, regionPartIssue } from './cluster-memo.ts';
import { clusterOutside } from './cluster-union.ts';
import type { CoverageCluster, LayerCoverage } from './database-coverage.ts';
import { databaseIssue, layerKey, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';

const memo = new ClusterMemo();

function outsideOf(layer: DatabaseLayerName, coverage: LayerCoverage, cluster: CoverageCluster): DatabaseIssue[] {
  const { plane, toleranceM } = coverage;
  let outside;
  try {
    // The layer's features dissolved, so GEOS gets one valid area to take the region from: the union no-gap
    // and no-overlap use too (cluster-union.ts).
    const parts = clusterOutside(coverage, cluster);
    // Neighbours less than the tolerance apart (misalignment) cut a strip outside into as many parts as
    // reach its edge: a boundary 2 m off made 85 findings of one strip. Joined across such slits, it is one.
    outside = joinedAcross(parts, toleranceM);
  } catch (error) {
    return [databaseIssue('inside-village', 'error', { layer, key: 'overlayFailed', params: { layerKey: layerKey(layer), detail: String(error) } })];
  }
  // The features the part is of, not every neighbour whose box meets it.
  const of = (geometry: Polygon, part: PlanarPart) => {
    const reach = expandBBox(geometryBBox(geometry), 1e-7);
    const key = `${toleranceM}:${polygonKey(part.polygon)}`;
    return cluster.features.filter((f) => bboxIntersects(rememberedBBox(f.geometry), reach) && isPartOf(plane, f.geometry, part.polygon, key, toleranceM)).map((f) => f.feature.ref);
  };
  const issues = outside.flatMap((part) => regionPartIssue('inside-village', layer, coverage, part, of) ?? []);
  if (coverage.region) for (const issue of issues) regionOfIssue.set(issue, { region: coverage.region, plane });
  return issues;
}

/**
 * Answers of whether a part outside is of a feature (they overlap wider than the tolerance), per plane,
 * feature geometry and part (by coordinates): a strip along a CJDCQ 0.3 m off is of ~1,000 parcels, and an
 * edit anywhere along it overlaid each again (~85 ms of every edit on a 19,000-parcel database), though the
 * strip and all but one parcel were as before.
 */
const partOfAnswers = new WeakMap<GkPlane, WeakMap<AreaGeometry, Map<string, boolean>>>();

function isPartOf(plane: GkPlane, geometry: AreaGeometry, part: FlatPolygon, key: string, toleranceM: number): boolean {
  let byGeometry = partOfAnswers.get(plane);
  if (!byGeometry) partOfAnswers.set(plane, (byGeometry = new WeakMap()));
  let answers = byGeometry.get(geometry);
  if (!answers) byGeometry.set(geometry, (answers = new Map()));
  let answer = answers.get(key);
  if (answer === undefined) {
    answers.set(key, (answer = overlapOf(plane.polygons(geometry), [part], toleranceM).length > 0));
    // The parts of a few checks: each edit that reaches a strip makes it anew for every parcel along it.
    if (answers.size > PARTS_KEPT) answers.delete(answers.keys().next().value as string);
  }
  return answer;
}

/** How many parts' answers each parcel keeps (the parts near it in the last few checks). */
const PARTS_KEPT = 8;

/** The region each part outside was found against, and the plane it was clipped in, for the summary: kept with the finding, which the cluster memo keeps. */
const regionOfIssue = new WeakMap<DatabaseIssue, { region: DatabaseLayerName; plane: GkPlane }>();
/** A region layer's edges, per features array (an edit replaces the array) and plane. */
const regionEdges = new WeakMap<readonly VillageFeature[], { plane: GkPlane; edges: BoundaryEdges }>();

/**
 * One warning per layer whose parts outside are thin strips along much of its region (misaligned-boundary.ts):
 * the CJDCQ (or the layer it was made from) is off, not each parcel. Drawn from the findings of this check;
 * its geometry is the stretches of the region's edge the strips lie along, so the map can show it.
 */
function misalignedRegionIssues(db: VillageDatabase, found: readonly DatabaseIssue[]): DatabaseIssue[] {
  const byLayer = new Map<DatabaseLayerName, { region: DatabaseLayerName; plane: GkPlane; strips: StripOutside[] }>();
  for (const issue of found) {
    const of = regionOfIssue.get(issue);
    const { areaM2, widthM } = issue.message.params;
    const geometry = issue.geometry ?? null;
    if (!of || !issue.layer || typeof areaM2 !== 'number' || typeof widthM !== 'number' || !isAreaGeometry(geometry)) continue;
    const layer = issue.layer as DatabaseLayerName;
    let entry = byLayer.get(layer);
    if (!entry) byLayer.set(layer, (entry = { ...of, strips: [] }));
    entry.strips.push({ areaM2, widthM, features: issue.features, geometry });
  }
  const issues: DatabaseIssue[] = [];
  for (const [layer, { region, plane, strips }] of byLayer) {
    const features = db.layers[region]?.features ?? [];
    let kept = regionEdges.get(features);
    if (kept?.plane !== plane) {
      kept = { plane, edges: BoundaryEdges.of(plane, features.flatMap((f) => (isAreaGeometry(f.geometry) ? [f.geometry] : []))) };
      regionEdges.set(features, kept);
    }
    const off = misalignedAlong(strips, kept.edges);
    if (!off) continue;
    const params = { layerKey: layerKey(layer), regionKey: layerKey(region), count: off.features, areaM2: m2(off.areaM2), minWidthM: metres(off.minWidthM), maxWidthM: metres(off.maxWidthM), alongM: Math.round(off.alongM) };
    issues.push(databaseIssue('inside-village', 'warning', { layer, key: 'misaligned', params, geometry: off.along, summarises: off.features }));
  }
  return issues;
}

export const insideVillageRule: DatabaseRule = {
  id: 'inside-village',
  severity: 'error',
  source: 'domain.md §6 inside-village',
  summary: 'JQDLTB, GHDLTB and GKBJ stay inside their region (CJDCQ, else the layer they were made from): no part outside wider than 1 mm and over 0.01 m²; only where edges do not balance within 1 mm is anything clipped (GEOS, GK plane). When the parts outside a layer are thin strips (≤ 5 m) of 5 or more features along a fifth or more of the region’s edge, one warning more says the region is off, not each feature.',
  check(db) {
    const found = findInClusters('inside-village', db, memo, outsideOf, 'regionOutside');
    return [...found, ...misalignedRegionIssues(db, found)];
  },
};
