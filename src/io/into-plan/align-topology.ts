/**
 * Topology alignment of an imported polygon layer, with the planner's consent: the layer is snapped as a
 * coverage within the plan's coverage tolerance (the profile's `coverageToleranceM`, 1 mm by default: what
 * the checks treat as one line; geo/coverage-snap.ts) to find out whether that would change anything, and the
 * figures go to the dialog, which offers the option only then. With the option ticked the snapped
 * geometries replace the read ones before anything else uses them (survey mapping, areas, validity), so
 * what the plan gets is what the figures describe. The plan's village boundary is the reference: its
 * vertices win, and it is never changed.
 *
 * A layer whose coordinates were rounded (GDAL's RFC 7946 GeoJSON keeps 7 decimals of a degree, ~1 cm;
 * Gauss-Krüger kept to the millimetre) has its T-junctions parted by up to twice the rounding, which can be
 * more than the plan's tolerance: aligned at that they stay apart and the checks report gaps and overlaps
 * that are only the rounding. Such a layer is aligned within the round tolerance its rounding needs
 * (geo/coordinate-grid.ts), which the dialog's option names, and a note says how the file was rounded and
 * what that does against the plan's tolerance, as the package reader does (io/package/reconstruct.ts): a plan
 * whose tolerance is already wider than the parting is told nothing, one whose tolerance is finer than 1 mm
 * is told of partings a 1 mm tolerance would have hidden.
 */
import type { AreaGeometry } from '../../domain/features.ts';
import type { Message } from '../../domain/message.ts';
import { coordinateGrid, gridPartingM, toleranceForGrid, type CoordinateGrid } from '../../geo/coordinate-grid.ts';
import { ZHEJIANG_2017 } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { snapCoverage, type CoverageSnapReport } from '../../geo/coverage-snap.ts';
import type { ImportedFeature, ImportedLayer } from '../formats/types.ts';
import { note } from '../result.ts';

/** Without a plan's profile (a test, a caller that has none): the default profile's, ArcGIS's 1 mm XY tolerance. */
const DEFAULT_TOLERANCE_M = ZHEJIANG_2017.coverageToleranceM;

export interface TopologyPreview {
  /** What aligning does (or did, when `applied`). */
  readonly report: CoverageSnapReport;
  readonly applied: boolean;
  /** A reference boundary took part (its vertices won where parcels met them). */
  readonly withReference: boolean;
  /** The tolerance aligned within (m): the plan's, or more for a layer with rounded coordinates. */
  readonly toleranceM: number;
  /** The plan's coverage tolerance (m), what the checks treat as one line. */
  readonly planToleranceM: number;
  /** The grid the layer's coordinates were rounded to, when that parts polygons by more than the plan's tolerance. */
  readonly coarse: CoordinateGrid | null;
}

/** The layer's polygons snapped as a coverage, and what that did. */
export interface SnappedLayer {
  readonly layer: ImportedLayer;
  readonly report: CoverageSnapReport;
  /** A reference boundary took part. */
  readonly withReference: boolean;
  readonly toleranceM: number;
  readonly planToleranceM: number;
  readonly coarse: CoordinateGrid | null;
}

function isArea(f: ImportedFeature): f is ImportedFeature & { readonly geometry: AreaGeometry } {
  return f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';
}

/**
 * The layer snapped within the tolerance, or null when nothing is that close (the dialog then offers
 * nothing). `planToleranceM`: the plan profile's `coverageToleranceM`.
 */
export function snapLayer(layer: ImportedLayer, reference: readonly AreaGeometry[], planToleranceM = DEFAULT_TOLERANCE_M): SnappedLayer | null {
  const areas = layer.features.filter(isArea);
  if (areas.length === 0) return null;
  const grid = coordinateGrid(areas.map((f) => f.geometry));
  const coarse = grid && gridPartingM(grid) > planToleranceM ? grid : null;
  const toleranceM = coarse ? Math.max(toleranceForGrid(coarse), planToleranceM) : planToleranceM;
  // Rounding moved the parcels' vertices on the boundary's edges off them too: put them back on (coarse data only).
  const snapped = snapCoverage(areas, { toleranceM, reference, ontoReferenceEdges: coarse !== null });
  if (snapped.report.featuresChanged === 0) return null;
  const replaced = new Map<ImportedFeature, ImportedFeature>(areas.map((f, i) => [f, snapped.features[i] ?? f]));
  return { layer: { ...layer, features: layer.features.map((f) => replaced.get(f) ?? f) }, report: snapped.report, withReference: reference.length > 0, toleranceM, planToleranceM, coarse };
}

/**
 * The layer as it will be imported and what aligning does to it, from what `snapLayer` found: the layer
 * as read and the figures when `apply` is off, the snapped layer and the same figures when on; null
 * figures when nothing was within the tolerance. One snap serves both answers, so ticking the option
 * costs nothing more.
 */
export function alignedLayer(layer: ImportedLayer, snapped: SnappedLayer | null, apply: boolean): { readonly layer: ImportedLayer; readonly topology: TopologyPreview | null } {
  if (!snapped) return { layer, topology: null };
  const { report, withReference, toleranceM, planToleranceM, coarse } = snapped;
  return { layer: apply ? snapped.layer : layer, topology: { report, applied: apply, withReference, toleranceM, planToleranceM, coarse } };
}

/** "1,234": counts as the dialog shows them, the same in both languages. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** "0.8", "0.05", "< 0.01": a reprojection's nanometres are not worth digits, but they are worth aligning. */
function millimetres(m: number): string {
  const mm = m * 1000;
  return mm < 0.01 ? '< 0.01' : mm.toFixed(mm < 0.1 ? 2 : 1);
}

/** Metres as whole millimetres or to a tenth ("20", "1.4"). */
function tenthsOfMm(m: number): string {
  return String(Math.round(m * 10_000) / 10);
}

/** Figures of a report as message parameters (text, so no formatter adds decimals to a count). */
export function topologyParams(report: CoverageSnapReport, toleranceM = DEFAULT_TOLERANCE_M): Record<string, string> {
  return {
    tolerance: tenthsOfMm(toleranceM),
    vertices: count(report.verticesSnapped),
    insertions: count(report.vertexInsertions),
    slivers: count(report.sliversClosed),
    features: count(report.featuresChanged),
    kept: count(report.featuresKept),
    shift: millimetres(report.maxShiftM),
  };
}

/** What the import did to the geometry, for the import's notes. */
export function topologyNotes(topology: TopologyPreview | null, file: string): Message[] {
  if (!topology?.applied) return [];
  const params = { file, ...topologyParams(topology.report, topology.toleranceM) };
  return [note('io.ui.topologyAligned', params), ...(topology.report.featuresKept > 0 ? [note('io.ui.topologyKept', params)] : [])];
}

/**
 * What the rounding of the layer's coordinates does, when aligning is offered at the tolerance it needs:
 * for the dialog's notes, beside the option.
 */
export function coarseCoordinatesNote(topology: TopologyPreview | null, file: string): Message | null {
  const grid = topology?.coarse;
  if (!topology || !grid) return null;
  const params = { file, roundingMm: tenthsOfMm(grid.roundingM), partingMm: tenthsOfMm(gridPartingM(grid)), tolerance: tenthsOfMm(topology.toleranceM), planTolerance: tenthsOfMm(topology.planToleranceM) };
  return grid.kind === 'lonLat'
    ? note('io.ui.coarseCoordinates.lonLat', { ...params, decimals: String(Math.round(-Math.log10(grid.step))) })
    : note('io.ui.coarseCoordinates.gk', { ...params, stepM: String(grid.step) });
}
