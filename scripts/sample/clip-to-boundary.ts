/**
 * `clipToSeparateBoundary`: the plan as a 三调 DLTB export delivers it. The village boundary comes from
 * another layer (a few long straight edges, separate-boundary.ts), every area feature is clipped to it in
 * the Gauss-Krüger plane, and what falls outside is dropped. Parcel vertices then lie ON the boundary's
 * edges, which are not split where parcels meet them: T-junctions.
 *
 * Neighbours must still share their vertices exactly, so the cut cannot be left to each overlay call on
 * its own: polyclip computes a crossing once per call, and the two parcels on either side of an edge would
 * get crossings a few ulps apart. Every crossing is therefore computed once from the parcel edge in a fixed
 * endpoint order, and polyclip's output is snapped to it.
 */
import type { Polygon, Position } from 'geojson';
import type { AreaGeometry, PlanFeature } from '../../src/domain/features.ts';
import { LAYER_IDS } from '../../src/profiles/zhejiang-2017/layers.ts';
import { layerFeatures, type Plan } from '../../src/domain/plan.ts';
import { bboxIntersects, expandBBox, geometryBBox, positionsBBox, type BBox } from '../../src/geo/bbox.ts';
import { intersection } from '../../src/geo/overlay.ts';
import { pointInRing } from '../../src/geo/point-in-ring.ts';
import { mapPositions, rings } from '../../src/geo/rings.ts';
import { compareXY, segmentIntersection } from '../../src/geo/segments.ts';
import { GkPlane, pointKey, type PlanePoint } from './gk-plane.ts';
import { quotasForClippedVillage } from './clipped-quotas.ts';
import { rewriteFeatures, withGeometry } from './plan-edit.ts';
import { createRng } from './prng.ts';
import { restoreDroppedVertices } from './restore-vertices.ts';
import { drawSeparateBoundary } from './separate-boundary.ts';

export interface ClipToBoundaryOptions {
  readonly seed: number;
  /** Edges of the new boundary. */
  readonly edges?: number;
}

export interface ClipToBoundaryReport {
  /** Positions of the new boundary ring, the closing one included (edges + 1). */
  readonly boundaryPositions: number;
  readonly parcelsKept: number;
  readonly parcelsClipped: number;
  readonly parcelsDropped: number;
  /** Features of the other layers (zones, farmland, changes, places). */
  readonly otherClipped: number;
  readonly otherDropped: number;
  /** Distinct base-parcel vertices inside a boundary edge (not at its ends). */
  readonly tJunctions: number;
  /** Largest distance (m) from one of polyclip's crossings to the shared crossing it was snapped to. */
  readonly largestSnapMetres: number;
}

/**
 * Lon/lat boxes of the boundary's edges are widened by this much (degrees, ~1 m) before they pick the
 * features to clip: an edge straight in the plane bows in lon/lat (by 2 cm over 800 m at 30°N).
 */
const EDGE_BOX_MARGIN_DEGREES = 1e-5;
/** polyclip's crossings are exact, rounded once; the shared ones are within a few ulps (~1e-9 m) of them. */
const SNAP_TOLERANCE_METRES = 1e-6;

interface BoundaryEdge {
  readonly from: PlanePoint;
  readonly to: PlanePoint;
  /** Widened lon/lat box, to pick the features that may cross it. */
  readonly lonLatBox: BBox;
  /** Plane box, to skip the exact test for feature edges far from it. */
  readonly planeBox: BBox;
}

type Outcome = { readonly kind: 'inside' } | { readonly kind: 'outside' } | { readonly kind: 'clipped'; readonly geometry: AreaGeometry; readonly crossings: readonly string[] };

export function clipToSeparateBoundary(plan: Plan, options: ClipToBoundaryOptions): { plan: Plan; report: ClipToBoundaryReport } {
  const oldBoundary = layerFeatures(plan, 'boundary')[0];
  if (!oldBoundary || oldBoundary.geometry.type !== 'Polygon') throw new Error('the plan needs a one-polygon boundary to redraw');
  const plane = GkPlane.of(plan);
  const outline = (plane.geometryToPlane(oldBoundary.geometry) as Polygon).coordinates[0] as Position[];
  const ring = drawSeparateBoundary(outline, options.edges ?? 32, createRng(options.seed, 'separate-boundary'));
  const clipper = new BoundaryClipper(plane, ring);

  const counts = { parcelsKept: 0, parcelsClipped: 0, parcelsDropped: 0, otherClipped: 0, otherDropped: 0 };
  const tJunctions = new Set<string>();
  const clippedLayers = LAYER_IDS.filter((layer) => layer !== 'boundary');
  const clipped = rewriteFeatures(plan, clippedLayers, (feature) => {
    const isParcel = feature.layer === 'base';
    if (feature.geometry.type === 'Point') {
      if (clipper.locate(feature.geometry.coordinates) !== 'outside') return feature;
      counts.otherDropped++;
      return null;
    }
    const outcome = clipper.clip(feature.geometry);
    if (outcome.kind === 'inside') {
      if (isParcel) counts.parcelsKept++;
      return feature;
    }
    if (outcome.kind === 'outside') {
      counts[isParcel ? 'parcelsDropped' : 'otherDropped']++;
      return null;
    }
    counts[isParcel ? 'parcelsClipped' : 'otherClipped']++;
    if (isParcel) for (const key of outcome.crossings) tJunctions.add(key);
    return withGeometry(feature, outcome.geometry);
  });
  const boundary: PlanFeature = { ...oldBoundary, geometry: { type: 'Polygon', coordinates: [ring.map((p) => plane.toLonLat(p))] } };
  const result = { ...rewriteFeatures(clipped, ['boundary'], () => boundary), meta: quotasForClippedVillage(plan, clipped) };
  return {
    plan: result,
    report: { boundaryPositions: ring.length, ...counts, tJunctions: tJunctions.size, largestSnapMetres: clipper.largestSnapMetres },
  };
}

class BoundaryClipper {
  private readonly polygon: Polygon;
  private readonly edges: readonly BoundaryEdge[];
  private readonly cornerKeys: ReadonlySet<string>;
  largestSnapMetres = 0;

  constructor(
    private readonly plane: GkPlane,
    private readonly ring: readonly PlanePoint[],
  ) {
    this.polygon = { type: 'Polygon', coordinates: [ring.map((p) => [...p])] };
    this.cornerKeys = new Set(ring.map(pointKey));
    this.edges = ring.slice(1).map((to, k) => {
      const from = ring[k] as PlanePoint;
      const lonLatBox = expandBBox(positionsBBox([plane.toLonLat(from), plane.toLonLat(to)]), EDGE_BOX_MARGIN_DEGREES);
      return { from, to, lonLatBox, planeBox: positionsBBox([from, to]) };
    });
  }

  locate(lonLat: Position): ReturnType<typeof pointInRing> {
    return pointInRing(this.plane.toPlane(lonLat), this.ring);
  }

  clip(geometry: AreaGeometry): Outcome {
    const box = geometryBBox(geometry);
    const near = this.edges.filter((edge) => bboxIntersects(edge.lonLatBox, box));
    const first = geometry.type === 'Polygon' ? geometry.coordinates[0]![0]! : geometry.coordinates[0]![0]![0]!;
    const start = near.length === 0 ? this.locate(first) : 'boundary';
    if (start !== 'boundary') return start === 'inside' ? { kind: 'inside' } : { kind: 'outside' };

    const planar = this.plane.geometryToPlane(geometry);
    const crossings = new Map<string, PlanePoint>();
    let touches = false;
    for (const { ring } of rings(planar)) {
      for (let i = 0; i + 1 < ring.length; i++) {
        // The same endpoint order for both parcels that share this edge, so both get the same crossing.
        const [lo, hi] = compareXY(ring[i]!, ring[i + 1]!) <= 0 ? [ring[i]!, ring[i + 1]!] : [ring[i + 1]!, ring[i]!];
        for (const edge of near) {
          const [x0, y0, x1, y1] = edge.planeBox;
          if (Math.max(lo[0]!, hi[0]!) < x0 || Math.min(lo[0]!, hi[0]!) > x1 || Math.max(lo[1]!, hi[1]!) < y0 || Math.min(lo[1]!, hi[1]!) > y1) continue;
          const meeting = segmentIntersection(lo, hi, edge.from, edge.to);
          if (meeting.kind === 'cross') crossings.set(pointKey(meeting.point), meeting.point as PlanePoint);
          else if (meeting.kind !== 'none') touches = true;
        }
      }
    }
    if (crossings.size === 0 && !touches) {
      const where = this.locate(first);
      if (where !== 'boundary') return where === 'inside' ? { kind: 'inside' } : { kind: 'outside' };
    }
    const cut = intersection(planar, this.polygon);
    if (!cut.ok) throw new Error(`clipping to the new boundary failed: ${cut.error}`);
    if (!cut.value) return { kind: 'outside' };

    const inputPoints = new Map<string, Position>();
    for (const { ring } of rings(planar)) for (const p of ring) inputPoints.set(pointKey(p), p);
    const snapped = mapPositions(cut.value, (p) => (inputPoints.has(pointKey(p)) || this.cornerKeys.has(pointKey(p)) ? p : this.snapToCrossing(p, crossings)));
    // polyclip drops a vertex on a straight run; the neighbour still has it, so it goes back in.
    const insideVertices = [...inputPoints.values()].filter((p) => pointInRing(p, this.ring) === 'inside');
    const restored = restoreDroppedVertices(snapped, insideVertices);
    const used = new Set<string>();
    for (const { ring } of rings(restored)) for (const p of ring) if (crossings.has(pointKey(p))) used.add(pointKey(p));
    return { kind: 'clipped', geometry: this.plane.geometryToLonLat(restored), crossings: [...used] };
  }

  private snapToCrossing(p: Position, crossings: ReadonlyMap<string, PlanePoint>): Position {
    let best: PlanePoint | undefined;
    let distance = Infinity;
    for (const c of crossings.values()) {
      const d = Math.hypot((p[0] as number) - c[0], (p[1] as number) - c[1]);
      if (d < distance) [best, distance] = [c, d];
    }
    if (!best || distance > SNAP_TOLERANCE_METRES) throw new Error(`polyclip made a vertex at ${p[0]},${p[1]} that is no input vertex and no crossing`);
    this.largestSnapMetres = Math.max(this.largestSnapMetres, distance);
    return best;
  }
}
