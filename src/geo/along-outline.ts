/**
 * The features along an outline made by an overlay (a gap: the village less a layer's union): those that
 * the outline runs along, within the tolerance, for more than MIN_SHARED_TOLERANCES tolerances. The gap's
 * outline is made of pieces of the features' and the region's edges, each edge of it lying along the one it
 * came from, so an edge counts for a feature when both its ends and its middle lie within the tolerance of
 * that feature's outline. A neighbour touching the gap at a corner shares nothing, or millimetres where
 * its copy of the corner is jittered (8.6 mm on the planted 500-parcel package), and rounding the data moves
 * that: it is not named. Found by box instead, a gap along a village boundary 0.3 m off all round named every
 * parcel its box held (3,232 of them for one gap).
 *
 * The candidates are indexed once for all the outlines of a cluster: along a boundary off all round one
 * cluster holds ~2,000 parcels and ~300 gaps, and boxing every candidate again for every gap was a third of
 * an edit there (~40 ms).
 */
import type { Polygon, Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { geometryBBox } from './bbox.ts';
import { metresPerDegree, toleranceDegreesXY } from './local-metric.ts';
import { PreparedArea } from './prepared-area.ts';
import { FeatureIndex } from './spatial-index.ts';

/** How many tolerances of the outline a feature must share to be along it: 2 cm at the survey's 1 mm. */
const MIN_SHARED_TOLERANCES = 20;

export class OutlineNeighbours<T extends { readonly geometry: AreaGeometry }> {
  private index: FeatureIndex<string> | null = null;

  constructor(
    private readonly candidates: readonly T[],
    private readonly toleranceM: number,
  ) {}

  /** The candidates along the outline, in the candidates' order. */
  along(outline: Polygon): T[] {
    const index = (this.index ??= indexOf(this.candidates));
    const toleranceM = this.toleranceM;
    const reach = geometryBBox(outline);
    const m = metresPerDegree((reach[1] + reach[3]) / 2);
    const { x: dx, y: dy } = toleranceDegreesXY(toleranceM, Math.max(Math.abs(reach[1]), Math.abs(reach[3])));
    const onOutline = (f: T, [x, y]: Position) => PreparedArea.of(f.geometry).locateNear(x as number, y as number, m.x, m.y, toleranceM) === 'boundary';
    const shared = new Map<number, number>();
    for (const ring of outline.coordinates) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [ring[i] as Position, ring[i + 1] as Position];
        const length = Math.hypot(((b[0] as number) - (a[0] as number)) * m.x, ((b[1] as number) - (a[1] as number)) * m.y);
        if (length === 0) continue;
        const middle: Position = [((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2];
        const box = [Math.min(a[0] as number, b[0] as number) - dx, Math.min(a[1] as number, b[1] as number) - dy, Math.max(a[0] as number, b[0] as number) + dx, Math.max(a[1] as number, b[1] as number) + dy] as const;
        for (const key of index.search([...box])) {
          const k = Number(key);
          const f = this.candidates[k] as T;
          if (onOutline(f, a) && onOutline(f, middle) && onOutline(f, b)) shared.set(k, (shared.get(k) ?? 0) + length);
        }
      }
    }
    return [...shared]
      .filter(([, length]) => length > MIN_SHARED_TOLERANCES * toleranceM)
      .map(([k]) => k)
      .sort((a, b) => a - b)
      .map((k) => this.candidates[k] as T);
  }
}

function indexOf(candidates: readonly { readonly geometry: AreaGeometry }[]): FeatureIndex<string> {
  const index = new FeatureIndex<string>();
  index.load(candidates.map((f, i) => [String(i), f.geometry] as const));
  return index;
}
