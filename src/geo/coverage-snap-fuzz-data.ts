/**
 * Seeded survey-shaped layers for the coverage snap's property tests (coverage-snap-fuzz.test.ts), not used
 * by the app. Built in a metre plane — a local one at a Zhejiang village, or the Gauss-Krüger plane of zone
 * 40 a few metres from its eastern edge (121.5°E), as a file in GK coordinates is read — then turned into
 * lon/lat as an import would see them. What is in it is what other tools' data has:
 *  - columns of parcels between straight section lines, rows bent at random; some parcels split in two, so
 *    the neighbour's edge carries a T-junction it does not have;
 *  - a parcel with a hole and an island parcel filling it; a parcel of two parts (MultiPolygon);
 *  - a 0.5 m ditch and a 2 mm strip 50 m long, each one feature along the whole column: legitimately
 *    narrow, wider than the 1 mm tolerance, never to be closed;
 *  - planted slivers: a parcel's side bent 0.3 mm into or away from its neighbour (an overlap or a gap);
 *  - a village boundary from another layer with its own vertices along the border (T-junctions both ways);
 *  - every feature's copy of every vertex moved on its own by up to `jitterM` (radially), as reprojection does.
 * With a jitter of at most 0.3 mm every misalignment is below the tolerance by construction: copies of a
 * vertex lie within 0.6 mm of each other, a planted sliver's vertex within 0.9 mm of the edge it belongs on,
 * and vertices that must stay apart (the strip's sides, a feature's own vertices) at least 1.4 mm apart.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { metresPerDegree } from './local-metric.ts';
import { seededRandom } from './test-support.ts';
import { fromGaussKruger } from './projection.ts';

export type FuzzPlane = 'local' | 'gk-zone-edge';

export interface FuzzOptions {
  readonly seed: number;
  /** Largest move of a vertex copy (m); 0.0003 unless given. */
  readonly jitterM?: number;
  readonly plane?: FuzzPlane;
}

export interface FuzzFeature {
  readonly id: string;
  readonly geometry: AreaGeometry;
}

export interface FuzzLayer {
  readonly features: FuzzFeature[];
  readonly reference: AreaGeometry[];
  /** Slivers planted on purpose (a side bent off its neighbour's edge), one per neighbour along the side. */
  readonly plantedSlivers: number;
  /** Ids of the legitimately narrow features, which must come out with their width. */
  readonly narrow: readonly string[];
}

type Xy = readonly [number, number];


/** Metres → lon/lat in the chosen plane. */
export function planeOf(plane: FuzzPlane): (p: Xy) => Position {
  if (plane === 'local') {
    const lon0 = 120.5;
    const lat0 = 30.2;
    const scale = metresPerDegree(lat0);
    return ([x, y]) => [lon0 + x / scale.x, lat0 + y / scale.y];
  }
  // Zone 40 (central meridian 120°E) ends at 121.5°E: at 30°N that is about 644.4 km of false easting.
  return ([x, y]) => fromGaussKruger([644_250 + x, 3_320_000 + y], { zone: 40, zonePrefix: false });
}

const NARROW = { ditch: 0.5, strip: 0.002 } as const;

export function fuzzLayer(options: FuzzOptions): FuzzLayer {
  const random = seededRandom(options.seed);
  const jitterM = options.jitterM ?? 0.0003;
  const toLonLat = planeOf(options.plane ?? 'local');
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);

  // Column widths: wide parcels, with the ditch and the strip somewhere inside (never at the border).
  const widths = Array.from({ length: 5 }, () => between(12, 25));
  const kinds: ('parcel' | keyof typeof NARROW)[] = widths.map(() => 'parcel');
  const insertAt = (k: number, kind: keyof typeof NARROW) => {
    widths.splice(k, 0, NARROW[kind]);
    kinds.splice(k, 0, kind);
  };
  insertAt(1 + Math.floor(random() * 4), 'ditch');
  insertAt(1 + Math.floor(random() * 5), 'strip');
  if (kinds.some((k, i) => k !== 'parcel' && kinds[i + 1] !== undefined && kinds[i + 1] !== 'parcel')) {
    // Two narrow columns side by side would make the strip's side a T-junction of the ditch's: keep them apart.
    widths.splice(kinds.indexOf('strip'), 0, between(12, 25));
    kinds.splice(kinds.indexOf('strip'), 0, 'parcel');
  }
  const xs = [0];
  for (const w of widths) xs.push((xs[xs.length - 1] as number) + w);
  const rows = 5;
  const ys = Array.from({ length: rows + 1 }, (_, j) => j * 10);
  const height = ys[rows] as number;
  // Rows bent: each node at its own height, the border kept straight.
  const bent = new Map<string, Xy>();
  for (let i = 0; i <= widths.length; i++) for (let j = 0; j <= rows; j++) bent.set(`${i},${j}`, [xs[i] as number, (ys[j] as number) + (j > 0 && j < rows ? between(-2, 2) : 0)]);
  const at = (i: number, j: number) => bent.get(`${i},${j}`) as Xy;
  const lerp = (a: Xy, b: Xy, t: number): Xy => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

  // Every feature's own copy of a position, moved on its own.
  const copy = ([x, y]: Xy): Position => {
    const r = jitterM * Math.sqrt(random());
    const angle = random() * 2 * Math.PI;
    return toLonLat([x + r * Math.cos(angle), y + r * Math.sin(angle)]);
  };
  const ring = (points: readonly Xy[]): Position[] => {
    const out = points.map(copy);
    return [...out, out[0] as Position];
  };

  const features: FuzzFeature[] = [];
  const narrow: string[] = [];
  let plantedSlivers = 0;
  /** Where a cell is split across (the fraction up its sides): its neighbours' sides carry the T-junctions. */
  const splits = new Map<string, number>();
  const pending: { i: number; j: number; outline: Xy[]; hole?: Xy[] }[] = [];
  kinds.forEach((kind, i) => {
    if (kind !== 'parcel') {
      // One feature the whole column long: up the left side through every row's node, down the right side.
      const rightUp = Array.from({ length: rows + 1 }, (_, j) => at(i + 1, j));
      const leftDown = Array.from({ length: rows }, (_, j) => at(i, rows - j));
      features.push({ id: `${kind}-${i}`, geometry: { type: 'Polygon', coordinates: [ring([at(i, 0), ...rightUp, ...leftDown])] } });
      narrow.push(`${kind}-${i}`);
      return;
    }
    for (let j = 0; j < rows; j++) {
      const [a, b, c, d] = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
      const roll = random();
      if (roll < 0.25) {
        // Split across at t: the neighbours' sides keep their two ends only (a T-junction on each side).
        const t = between(0.3, 0.7);
        const l = lerp(a, d, t);
        const r = lerp(b, c, t);
        splits.set(`${i},${j}`, t);
        pending.push({ i, j, outline: [a, b, r, l] }, { i, j, outline: [l, r, c, d] });
      } else if (roll < 0.35) {
        // A hole with an island parcel in it.
        const cx = (a[0] + b[0]) / 2;
        const cy = (a[1] + b[1] + c[1] + d[1]) / 4;
        const hole: Xy[] = [[cx - 2, cy - 2], [cx + 2, cy - 2], [cx + 2, cy + 2], [cx - 2, cy + 2]];
        pending.push({ i, j, outline: [a, b, c, d], hole });
      } else pending.push({ i, j, outline: [a, b, c, d] });
    }
  });

  // A planted sliver bends a right side (facing a parcel) by 0.3 mm at two points, into or away from it.
  let multipartDone = false;
  pending.forEach((cell, k) => {
    let outline = cell.outline;
    if (outline.length === 0) return; // taken as another parcel's far part
    const rightKind = kinds[cell.i + 1];
    if (rightKind === 'parcel' && random() < 0.2) {
      const [a, b, c, d] = outline as [Xy, Xy, Xy, Xy];
      const towards = random() < 0.5 ? 1 : -1;
      const bend = (t: number): Xy => [b[0] + (c[0] - b[0]) * t + towards * 0.0003, b[1] + (c[1] - b[1]) * t];
      outline = [a, b, bend(0.33), bend(0.66), c, d];
      // The gap or overlap runs the whole side: one sliver per neighbour along it (the report's count).
      const t = splits.get(`${cell.i + 1},${cell.j}`);
      const [low, high] = [at(cell.i + 1, cell.j)[1], at(cell.i + 1, cell.j + 1)[1]];
      const cuts = t === undefined ? [low, high] : [low, low + (high - low) * t, high];
      for (let k = 0; k + 1 < cuts.length; k++) if (Math.min(cuts[k + 1] as number, c[1]) - Math.max(cuts[k] as number, b[1]) > 1e-6) plantedSlivers++;
    }
    const polygon = [ring(outline), ...(cell.hole ? [ring(cell.hole.slice().reverse())] : [])];
    const id = `p${k}`;
    if (cell.hole) features.push({ id: `${id}-island`, geometry: { type: 'Polygon', coordinates: [ring(cell.hole)] } });
    // The first plain parcel of the bottom row past the first column takes a far part too (a MultiPolygon):
    // the top cell of the last parcel column.
    if (!multipartDone && !cell.hole && cell.i > 0 && cell.j === 0 && !splits.has(`${cell.i},${cell.j}`)) {
      const lastParcel = kinds.lastIndexOf('parcel');
      const far = pending.findIndex((p) => p.i === lastParcel && p.j === rows - 1 && !p.hole && !splits.has(`${p.i},${p.j}`));
      if (far >= 0 && lastParcel > cell.i + 1) {
        multipartDone = true;
        const farCell = pending[far] as (typeof pending)[number];
        pending[far] = { ...farCell, outline: [] };
        features.push({ id, geometry: { type: 'MultiPolygon', coordinates: [polygon, [ring(farCell.outline)]] } });
        return;
      }
    }
    features.push({ id, geometry: { type: 'Polygon', coordinates: polygon } });
  });

  // The boundary, drawn on its own: the border's corners and a few points of its own along it.
  const border: Xy[] = [[0, 0]];
  const far = (x: number) => xs.every((x0) => Math.abs(x0 - x) > 0.05);
  for (const x of [between(1, xs[widths.length] as number), between(1, xs[widths.length] as number)].sort((p, q) => p - q)) if (far(x)) border.push([x, 0]);
  border.push([xs[widths.length] as number, 0], [xs[widths.length] as number, between(1, height - 1)], [xs[widths.length] as number, height]);
  const topX = between(1, xs[widths.length] as number);
  if (far(topX)) border.push([topX, height]);
  border.push([0, height]);
  return { features, reference: [{ type: 'Polygon', coordinates: [ring(border)] }], plantedSlivers, narrow };
}

/**
 * Wedges meeting at one point, some as thin as 1° (roads and ditches converging): near the point they are
 * narrower than the tolerance, and T-junctions sit a few millimetres out on their sides. Every copy of a
 * vertex jittered by up to 0.3 mm. Hostile on purpose: snapping may have to leave some wedges as they were.
 */
export function fanLayer(seed: number): FuzzLayer {
  const random = seededRandom(seed);
  const toLonLat = planeOf('local');
  const copy = ([x, y]: Xy): Position => {
    const r = 0.0003 * Math.sqrt(random());
    const angle = random() * 2 * Math.PI;
    return toLonLat([x + r * Math.cos(angle), y + r * Math.sin(angle)]);
  };
  const angles = [0];
  while ((angles[angles.length - 1] as number) < 2 * Math.PI - 0.8) angles.push((angles[angles.length - 1] as number) + (random() < 0.5 ? 0.02 + random() * 0.06 : 0.1 + random() * 0.6));
  const ray = (a: number, r: number): Xy => [r * Math.cos(a), r * Math.sin(a)];
  // A vertex a few millimetres out on a wedge's first side, which the wedge before it does not have.
  const extra = angles.map(() => (random() < 0.5 ? [0.005 + random() * 0.05] : []));
  const features = angles.map((a0, k) => {
    const a1 = k + 1 < angles.length ? (angles[k + 1] as number) : 2 * Math.PI;
    const ring = [[0, 0] as Xy, ...(extra[k] as number[]).map((r) => ray(a0, r)), ray(a0, 30), ray(a1, 30)].map(copy);
    return { id: `w${k}`, geometry: { type: 'Polygon' as const, coordinates: [[...ring, ring[0] as Position]] } };
  });
  return { features, reference: [], plantedSlivers: 0, narrow: [] };
}
