/**
 * Coverage snapping, as QGIS's topology repair and ArcGIS's Integrate do it, for a polygon layer meant to
 * be a partition (survey parcels, zones) that is almost but not exactly a coverage: parcels clipped to a
 * boundary from another layer (T-junctions), vertices moved off a neighbour's straight edge by fractions of
 * a millimetre in reprojection. The editor's shared-boundary tools and exact checks want shared vertices to
 * be bit-identical, so within a tolerance (1 mm by default, ArcGIS's default for a 0.1 mm grid):
 *  (a) vertices closer than the tolerance become one (the reference's vertex if one is there, else the
 *      first seen), taking its exact numbers;
 *  (b) a vertex of a neighbour (or of the reference) within the tolerance of an edge is inserted into it;
 *  (c) repeated vertices, spikes and rings that collapse are removed.
 * The reference (the village boundary) is never changed: parcel vertices on its edges stay where they are
 * and nothing is inserted into it. A feature that snapping would make invalid is left as it was.
 * Distances are measured in a local metric plane (metres per degree at the data's centre: over a few
 * kilometres its error is far below a millimetre's worth of tolerance); results keep lon/lat numbers that
 * were already in the data, never recomputed ones (except, when asked, vertices put onto the reference's
 * edges: coverage-snap-reference.ts).
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { NodeTable } from './coverage-snap-nodes.ts';
import { ontoReferenceEdges } from './coverage-snap-reference.ts';
import { PointGrid } from './coverage-snap-grid.ts';
import { snapFeature, type IdPolygons, type SnapContext, type SnappedFeature } from './coverage-snap-rings.ts';
import { countSlivers } from './coverage-snap-slivers.ts';
import { bboxIntersects, expandBBox, geometryBBox, unionBBox, type BBox } from './bbox.ts';
import { toleranceDegrees } from './local-metric.ts';
import { polygonsOf } from './rings.ts';
import { validateAreaGeometry } from './validity.ts';

export interface SnapFeature {
  readonly geometry: AreaGeometry;
}

export interface CoverageSnapOptions {
  /** Metres; 0.001 (1 mm) unless given. */
  readonly toleranceM?: number;
  /** Geometries the layer is snapped to but that are never changed (the village boundary). */
  readonly reference?: readonly AreaGeometry[];
  /**
   * Also put layer vertices within the tolerance of a reference edge onto it (new numbers: for rounded
   * data, whose vertices on the boundary moved off it by more than a check tolerates; coverage-snap-reference.ts).
   */
  readonly ontoReferenceEdges?: boolean;
}

export interface CoverageSnapReport {
  /** Distinct positions moved onto a neighbour's vertex. */
  readonly verticesSnapped: number;
  /** Vertices inserted into an edge that passed within the tolerance of them (T-junctions closed). */
  readonly vertexInsertions: number;
  /** Gaps and overlaps between neighbours (runs of edges now shared), holes and members that collapsed. */
  readonly sliversClosed: number;
  readonly featuresChanged: number;
  /** Features left as they were because snapping would have made them invalid or empty. */
  readonly featuresKept: number;
  /** The longest move of any vertex (m); an inserted vertex counts its distance to the edge as it was before snapping. */
  readonly maxShiftM: number;
}

export interface CoverageSnapResult<F extends SnapFeature> {
  /** The features in their order: changed ones as new objects with a new geometry, the others as they were. */
  readonly features: F[];
  readonly report: CoverageSnapReport;
}

const NO_CHANGE: CoverageSnapReport = { verticesSnapped: 0, vertexInsertions: 0, sliversClosed: 0, featuresChanged: 0, featuresKept: 0, maxShiftM: 0 };

export function snapCoverage<F extends SnapFeature>(features: readonly F[], options: CoverageSnapOptions = {}): CoverageSnapResult<F> {
  const tolerance = options.toleranceM ?? 0.001;
  const eligible = features.map((f) => isWellFormed(f.geometry));
  const layer = extent(features.filter((_, i) => eligible[i]).map((f) => f.geometry));
  if (!(tolerance > 0) || !layer || !plausibleExtent(layer.box)) return { features: [...features], report: NO_CHANGE };
  // Only reference geometry that reaches the layer takes part (a boundary of another village adds nothing).
  const reach = expandBBox(layer.box, 2 * toleranceDegrees(tolerance, (layer.box[1] + layer.box[3]) / 2));
  const reference = (options.reference ?? []).filter((g) => isWellFormed(g) && bboxIntersects(geometryBBox(g), reach));
  const box = extent(reference);
  const all = box ? { box: unionBBox(box.box, layer.box), positions: box.positions + layer.positions } : layer;

  const nodes = new NodeTable(tolerance, all.box, all.positions);
  const referenceIds = reference.map((g) => toIds(g, (p) => nodes.add(p, true)));
  const ids = features.map((f, i) => (eligible[i] ? toIds(f.geometry, (p) => nodes.add(p, false)) : null));
  if (options.ontoReferenceEdges && referenceIds.length > 0) {
    const fixed = new Set(referenceIds.flat(3));
    ontoReferenceEdges(nodes, referenceIds, (id) => fixed.has(id));
  }
  const representatives: number[] = [];
  for (let id = 0; id < nodes.size; id++) if (nodes.rep[id] === id) representatives.push(id);
  const context: SnapContext = {
    nodes,
    grid: new PointGrid(nodes.x, nodes.y, representatives),
    owner: new Int32Array(nodes.size),
    movedStamp: new Int32Array(nodes.size),
    moved: new Float64Array(nodes.size),
  };

  const out: F[] = [...features];
  const accepted: (SnappedFeature | null)[] = features.map(() => null);
  let featuresKept = 0;
  features.forEach((feature, i) => {
    const before = ids[i];
    if (!before) return;
    const snapped = snapFeature(before, i, context);
    if (!snapped.changed) return;
    const geometry = snapped.polygons.length > 0 ? toGeometry(snapped.polygons, nodes.position.bind(nodes), feature.geometry.type) : null;
    if (!geometry || (hasErrors(geometry) && !hasErrors(feature.geometry))) {
      featuresKept++;
      return;
    }
    accepted[i] = snapped;
    out[i] = { ...feature, geometry };
  });

  let vertexInsertions = 0;
  let collapsed = 0;
  let maxShiftM = 0;
  const movedNodes = new Set<number>();
  accepted.forEach((snapped, i) => {
    if (!snapped) return;
    vertexInsertions += snapped.insertions;
    collapsed += snapped.collapsed;
    maxShiftM = Math.max(maxShiftM, snapped.maxShift);
    for (const rings of ids[i] as IdPolygons) for (const ring of rings) for (const id of ring) if (nodes.rep[id] !== id || (nodes.shift[id] as number) > 0) movedNodes.add(id);
  });
  const verticesSnapped = movedNodes.size;
  const finalIds = ids.map((before, i) => accepted[i]?.polygons ?? before);
  const sliversClosed = collapsed + countSlivers(accepted, finalIds, referenceIds);
  const featuresChanged = accepted.filter((a) => a !== null).length;
  return { features: out, report: { verticesSnapped, vertexInsertions, sliversClosed, featuresChanged, featuresKept, maxShiftM } };
}

/** Lon/lat within a few degrees: a village or a county, not coordinates read in the wrong system (left to the CRS checks). */
function plausibleExtent(box: BBox): boolean {
  return box[2] - box[0] < 5 && box[3] - box[1] < 5 && Math.abs(box[1]) < 89 && Math.abs(box[3]) < 89;
}

function hasErrors(geometry: AreaGeometry): boolean {
  return validateAreaGeometry(geometry).some((p) => p.severity === 'error');
}

/** Closed rings of at least four finite positions: anything else is left to validation and repair. */
function isWellFormed(geometry: AreaGeometry): boolean {
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') || !Array.isArray(geometry.coordinates)) return false;
  return polygonsOf(geometry).every(
    (rings) =>
      Array.isArray(rings) &&
      rings.length > 0 &&
      rings.every((ring) => {
        if (!Array.isArray(ring) || ring.length < 4) return false;
        const first = ring[0] as Position;
        const last = ring[ring.length - 1] as Position;
        return ring.every((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1])) && first[0] === last[0] && first[1] === last[1];
      }),
  );
}

/** The box of every position and how many positions there are (the node table's capacity). */
function extent(geometries: readonly AreaGeometry[]): { box: BBox; positions: number } | null {
  let positions = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const g of geometries) {
    for (const rings of polygonsOf(g)) {
      for (const ring of rings) {
        positions += ring.length;
        for (const p of ring) {
          const px = p[0] as number;
          const py = p[1] as number;
          if (px < minX) minX = px;
          if (px > maxX) maxX = px;
          if (py < minY) minY = py;
          if (py > maxY) maxY = py;
        }
      }
    }
  }
  return minX <= maxX ? { box: [minX, minY, maxX, maxY], positions } : null;
}

function toIds(geometry: AreaGeometry, add: (p: Position) => number): IdPolygons {
  return polygonsOf(geometry).map((rings) => rings.map((ring) => ring.map(add)));
}

/** Back to lon/lat; a MultiPolygon stays one even with a single member left (the source's type is kept). */
function toGeometry(polygons: IdPolygons, position: (id: number) => Position, type: AreaGeometry['type']): AreaGeometry {
  const coordinates = polygons.map((rings) => rings.map((ring) => ring.map(position)));
  return coordinates.length === 1 && type === 'Polygon' ? { type: 'Polygon', coordinates: coordinates[0] as Position[][] } : { type: 'MultiPolygon', coordinates };
}
