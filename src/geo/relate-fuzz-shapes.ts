/**
 * Seeded random pairs of area geometries shaped like real data, for the differential test of `relate` and
 * `tolerantRelate` against GEOS (`relate.differential.test.ts`). Not used by the app.
 *
 * Each case is drawn in a local metre frame (east, north, rotated by a random angle) placed somewhere in
 * Zhejiang's Gauss-Krüger zone 40, and brought back to lon/lat through the GK plane, as survey data is.
 * A metre point maps to the same lon/lat numbers every time it is used in a case, so shared corners are
 * bit-identical; vertices inserted on an edge are interpolated either in lon/lat (collinear up to one
 * rounding) or in the GK plane (up to the lines' curvature off the lon/lat chord), both seen in real files.
 * One ring in eight repeats a vertex; in a third of the cases one geometry has every vertex moved ±0.3 mm.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { metresPerDegree } from './local-metric.ts';
import { fromGaussKruger, toGaussKruger } from './projection.ts';
import { mapPositions } from './rings.ts';
import { seededRandom } from './test-support.ts';

export interface FuzzCase {
  readonly shape: FuzzShape;
  readonly geometries: readonly AreaGeometry[];
}

export const FUZZ_SHAPES = ['t-junction', 'jittered-edge', 'collinear-partial', 'hole-island', 'multipolygon', 'touch-point', 'inside-sharing-boundary', 'spike', 'bump'] as const;
export type FuzzShape = (typeof FUZZ_SHAPES)[number];


type Metric = readonly [number, number];
type Ring = Position[];

const ZONE_40 = { zone: 40, zonePrefix: false } as const;
const MM = 0.001;

/** The case's frame: metre points to lon/lat, memoised so one metre point always gives the same numbers. */
class Frame {
  private readonly memo = new Map<string, Position>();
  private readonly cos: number;
  private readonly sin: number;

  constructor(
    private readonly east: number,
    private readonly north: number,
    angle: number,
  ) {
    this.cos = Math.cos(angle);
    this.sin = Math.sin(angle);
  }

  p(x: number, y: number): Position {
    const key = `${x},${y}`;
    let found = this.memo.get(key);
    if (!found) {
      found = fromGaussKruger([this.east + x * this.cos - y * this.sin, this.north + x * this.sin + y * this.cos], ZONE_40);
      this.memo.set(key, found);
    }
    return found;
  }
}

class Draw {
  constructor(
    readonly random: () => number,
    readonly frame: Frame,
  ) {}

  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.random();
  }

  int(lo: number, hi: number): number {
    return Math.floor(this.between(lo, hi + 1));
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  /** A vertex part way along a–b: in lon/lat (from the two ends' numbers) or in the GK plane. */
  along(a: Metric, b: Metric, t: number): Position {
    if (this.chance(0.5)) {
      const pa = this.frame.p(a[0], a[1]);
      const pb = this.frame.p(b[0], b[1]);
      return [(pa[0] as number) + ((pb[0] as number) - (pa[0] as number)) * t, (pa[1] as number) + ((pb[1] as number) - (pa[1] as number)) * t];
    }
    return this.frame.p(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t);
  }

  /** Sorted fractions in (0, 1) for `n` vertices inserted on an edge. */
  fractions(n: number): number[] {
    return Array.from({ length: n }, () => this.between(0.05, 0.95)).sort((x, y) => x - y);
  }

  /** The path a→b (a included, b not) with `extra` vertices on it. */
  edge(a: Metric, b: Metric, extra: number): Ring {
    return [this.frame.p(a[0], a[1]), ...this.fractions(extra).map((t) => this.along(a, b, t))];
  }

  /** A ring through metre corners, with `extra[i]` vertices inserted on the edge after corner i; one ring in eight repeats a vertex, as exports do. */
  ring(corners: readonly Metric[], extra: readonly number[] = []): Ring {
    const ring = corners.flatMap((c, i) => this.edge(c, corners[(i + 1) % corners.length] as Metric, extra[i] ?? 0));
    if (this.chance(0.125)) {
      const k = this.int(0, ring.length - 1);
      ring.splice(k, 0, ring[k] as Position);
    }
    return ring;
  }

  /** ±0.3 mm on each axis: what reprojection and coordinate rounding leave on a shared boundary. */
  jitter(c: Metric): Position {
    return this.frame.p(c[0] + this.between(-0.3, 0.3) * MM, c[1] + this.between(-0.3, 0.3) * MM);
  }
}

function polygon(...rings: Ring[]): Polygon {
  return { type: 'Polygon', coordinates: rings.map((ring) => [...ring, ring[0] as Position]) };
}

function multi(...polygons: Polygon[]): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: polygons.map((p) => p.coordinates) };
}

function rect(x0: number, y0: number, x1: number, y1: number): Metric[] {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}

const reversed = (ring: Ring): Ring => [...ring].reverse();

/** Two parcels sharing an edge, one with extra vertices on it; their union parcel with and without the seam's ends. */
function tJunction(d: Draw): AreaGeometry[] {
  const w = d.between(5, 120);
  const w2 = d.between(5, 120);
  const h = d.between(5, 120);
  const left = polygon(d.ring(rect(0, 0, w, h)));
  const right = polygon(d.ring(rect(w, 0, w + w2, h), [0, 0, 0, d.int(1, 4)]));
  const unionWithSeam = polygon(d.ring([[0, 0], [w, 0], [w + w2, 0], [w + w2, h], [w, h], [0, h]], [0, 0, 0, 0, 0, 0]));
  const unionPlain = polygon(d.ring(rect(0, 0, w + w2, h), [d.int(0, 2), 0, d.int(0, 2), 0]));
  return [left, right, unionWithSeam, unionPlain];
}

/** The same, the right parcel's seam vertices (its corners too) moved ±0.3 mm. */
function jitteredEdge(d: Draw): AreaGeometry[] {
  const w = d.between(5, 120);
  const w2 = d.between(5, 120);
  const h = d.between(5, 120);
  const left = polygon(d.ring(rect(0, 0, w, h), [0, d.int(0, 3), 0, 0]));
  const seam = d.fractions(d.int(0, 3)).map((t): Metric => [w, h * (1 - t)]);
  const right = polygon([d.jitter([w, 0]), d.frame.p(w + w2, 0), d.frame.p(w + w2, h), d.jitter([w, h]), ...seam.map((c) => d.jitter(c))]);
  const union = polygon(d.ring([[0, 0], [w, 0], [w + w2, 0], [w + w2, h], [w, h], [0, h]]));
  return [left, right, union];
}

/** Edges lying on one line for part of their length: side by side, and one parcel inside the other. */
function collinearPartial(d: Draw): AreaGeometry[] {
  const w = d.between(5, 100);
  const h = d.between(5, 100);
  const y0 = d.between(-h / 2, h / 2);
  const y1 = d.between(Math.max(y0, 0) + 1, h * 1.5);
  const w2 = d.between(1, w * 0.9);
  const a = polygon(d.ring(rect(0, 0, w, h), [d.int(0, 1), d.int(0, 1), 0, 0]));
  const beside = polygon(d.ring(rect(w, y0, w + w2, y1)));
  const y2 = d.between(0, h / 2);
  const y3 = d.chance(0.3) ? h : d.between(y2 + 0.5, h);
  const inner = polygon(d.ring(rect(w - w2, y2, w, y3)));
  return [a, beside, inner];
}

/** A parcel with a hole and the island parcel filling it exactly (bit-identical ring), or with T-junctions on it. */
function holeIsland(d: Draw): AreaGeometry[] {
  const W = d.between(20, 200);
  const H = d.between(20, 200);
  const n = d.int(3, 7);
  const cx = W / 2;
  const cy = H / 2;
  const r = Math.min(W, H) * d.between(0.1, 0.4);
  const hole: Metric[] = Array.from({ length: n }, (_, k) => {
    const angle = ((k + d.between(-0.3, 0.3)) * 2 * Math.PI) / n;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  });
  const holeRing = d.ring(hole);
  const outer = d.ring(rect(0, 0, W, H));
  const donut = polygon(outer, reversed(holeRing));
  const island = polygon(holeRing);
  const islandWithVertices = polygon(d.ring(hole, hole.map(() => d.int(0, 1))));
  const solid = polygon(outer);
  const far = polygon(d.ring(rect(W + 5, 0, W + 25, 20)));
  // The island with a second part in the donut's solid corner (the hole lies within r < 0.4 min(W, H) of the centre).
  const corner = polygon(d.ring(rect(1, 1, 3, 3)));
  return [donut, island, islandWithVertices, solid, multi(polygon(outer, reversed(holeRing)), far), multi(island, far), multi(island, corner)];
}

/** Multipolygons of parcels that share edges, vertices or nothing. */
function multipolygon(d: Draw): AreaGeometry[] {
  const s = d.between(5, 60);
  const cells = [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => polygon(d.ring(rect(i * s, j * s, (i + 1) * s, (j + 1) * s)))));
  const asMulti = (parts: Polygon[]): AreaGeometry | undefined => (parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : multi(...parts));
  // Cells touching only at corners (a checkerboard) are a valid multipolygon; edge-sharing ones are not.
  const checker = cells.filter((_, k) => k % 2 === 0);
  const others = cells.filter((_, k) => k % 2 === 1);
  const parts = [asMulti(checker.filter(() => d.chance(0.7))), asMulti(others.filter(() => d.chance(0.7))), ...cells.filter(() => d.chance(0.25)).slice(0, 3)];
  const whole = polygon(d.ring(rect(0, 0, 3 * s, 3 * s), [2, 2, 2, 2].map(() => d.int(0, 2))));
  // One cell of the grid with a part far away: shares that whole part with the checkerboards holding it.
  const sharing = multi(cells[4 - 3 * d.int(0, 1) - d.int(0, 1)] as Polygon, polygon(d.ring(rect(5 * s, 0, 6 * s, s))));
  return [...parts.filter((g): g is AreaGeometry => g !== undefined), whole, sharing];
}

/** Touching at one point: corner to corner, a corner on an edge, a corner at a vertex with the rest outside. */
function touchPoint(d: Draw): AreaGeometry[] {
  const w = d.between(5, 80);
  const h = d.between(5, 80);
  const a = polygon(d.ring(rect(0, 0, w, h)));
  const corner = polygon(d.ring(rect(w, h, w + d.between(1, 50), h + d.between(1, 50))));
  const t = d.between(0.1, 0.9);
  const apex = d.along([w, 0], [w, h], t);
  const onEdge = polygon([apex, d.frame.p(w + d.between(1, 40), h * t - d.between(1, 20)), d.frame.p(w + d.between(1, 40), h * t + d.between(1, 20))]);
  const atVertex = polygon([d.frame.p(w, 0), d.frame.p(w + d.between(1, 30), -d.between(1, 30)), d.frame.p(w + d.between(1, 30), d.between(-0.5, 0.5) * h)]);
  return [a, corner, onEdge, atVertex];
}

/** One parcel inside another sharing part of its boundary, with the seam's ends as vertices of both or of one only. */
function insideSharingBoundary(d: Draw): AreaGeometry[] {
  const w = d.between(10, 150);
  const h = d.between(10, 150);
  const f = d.between(0.2, 0.9);
  const g = d.between(0.2, 0.9);
  const outerPlain = polygon(d.ring(rect(0, 0, w, h)));
  const outerNoded = polygon(d.ring([[0, 0], [w * f, 0], [w, 0], [w, h], [0, h], [0, h * g]]));
  const inner = polygon(d.ring(rect(0, 0, w * f, h * g)));
  const notch = polygon(d.ring([[0, 0], [w * f, 0], [w * f * 0.5, h * g], [0, h * g]]));
  return [outerPlain, outerNoded, inner, notch];
}

/** Nearly degenerate spikes: into the neighbour, into the parcel itself, and along the shared edge. */
function spike(d: Draw): AreaGeometry[] {
  const w = d.between(5, 80);
  const h = d.between(5, 80);
  const h2 = d.between(5, 80);
  const width = 10 ** d.between(-7, -2);
  const sx = d.between(0.2, 0.8) * w;
  const length = d.between(0.001, 0.9) * Math.min(h, h2);
  const up: Metric[] = [[0, 0], [w, 0], [w, h], [sx + width, h], [sx, h + length], [sx - width, h], [0, h]];
  const down: Metric[] = [[0, 0], [w, 0], [w, h], [sx + width, h], [sx, h - length], [sx - width, h], [0, h]];
  // Along the top edge, off it by `width`: a sliver of the neighbour's boundary traced twice.
  const along: Metric[] = [[0, 0], [w, 0], [w, h], [sx + length / 2, h + width], [sx, h], [0, h]];
  const parcel = (corners: Metric[]) => polygon(d.ring(corners));
  // The neighbour above, with or without the spike's base corners on its edge.
  const above: Metric[] = [[0, h], [sx - width, h], [sx + width, h], [w, h], [w, h + h2], [0, h + h2]];
  const neighbour = polygon(d.ring(above.filter((_, k) => d.chance(0.5) || k === 0 || k > 2)));
  const thin = polygon(d.ring([[0, h], [w, h], [sx, h + width]]));
  return [parcel(up), parcel(down), parcel(along), neighbour, thin, parcel(rect(0, 0, w, h))];
}

/**
 * One vertex inserted on an edge and moved off it by 1.5–10 mm (beyond a 1 mm tolerance): a parcel filling
 * a hole, and a neighbour, each with such a bump on the common boundary; a ±0.3 mm copy beside them.
 */
function bump(d: Draw): AreaGeometry[] {
  const w = d.between(5, 100);
  const h = d.between(5, 100);
  const off = (d.chance(0.5) ? 1 : -1) * d.between(1.5, 10) * MM;
  const t = d.between(0.05, 0.95);
  const corners = rect(0, 0, w, h);
  const plain = polygon(d.ring(corners));
  const donut = polygon(d.ring(rect(-20, -20, w + 20, h + 20)), reversed(d.ring(corners)));
  // The bump on the top edge (w, h) → (0, h): up is out of the parcel.
  const island = polygon([...d.ring(corners).slice(0, 3), d.frame.p(w * (1 - t), h + off), d.frame.p(0, h)]);
  const neighbour = polygon([d.frame.p(0, h), d.frame.p(w * (1 - t), h + off), d.frame.p(w, h), d.frame.p(w, h + d.between(5, 50)), d.frame.p(0, h + d.between(5, 50))].reverse());
  const copy = polygon(corners.map((c) => d.jitter(c)));
  return [plain, donut, island, neighbour, copy];
}

const BUILDERS: Record<FuzzShape, (d: Draw) => AreaGeometry[]> = {
  't-junction': tJunction,
  'jittered-edge': jitteredEdge,
  'collinear-partial': collinearPartial,
  'hole-island': holeIsland,
  multipolygon,
  'touch-point': touchPoint,
  'inside-sharing-boundary': insideSharingBoundary,
  spike,
  bump,
};

/** Case `index` of the run seeded `seed`: a shape (in turn), placed and turned at random in zone 40. */
export function fuzzCase(seed: number, index: number): FuzzCase {
  const random = seededRandom(seed * 1_000_003 + index);
  const shape = FUZZ_SHAPES[index % FUZZ_SHAPES.length] as FuzzShape;
  // Zone 40 spans 118.5°–121.5° E; Zhejiang lies 27°–31.2° N. Axis-aligned in the GK plane a fifth of the time.
  const lon = 118.6 + 2.8 * random();
  const lat = 27.2 + 3.9 * random();
  const angle = random() < 0.2 ? 0 : 2 * Math.PI * random();
  const [east, north] = toGk([lon, lat]);
  const draw = new Draw(random, new Frame(east, north, angle));
  const geometries = BUILDERS[shape](draw);
  // In a third of the cases one geometry comes from another source: every vertex moved ±0.3 mm.
  if (random() < 1 / 3) {
    const k = Math.floor(random() * geometries.length);
    geometries[k] = jittered(geometries[k] as AreaGeometry, random);
  }
  return { shape, geometries };
}

/** Every vertex moved by up to ±0.3 mm east and north (a repeated vertex moved the same, so rings stay closed). */
function jittered(geometry: AreaGeometry, random: () => number): AreaGeometry {
  const moved = new Map<string, Position>();
  const perDegree = metresPerDegree(30);
  return mapPositions(geometry, (p) => {
    const key = `${p[0]},${p[1]}`;
    let found = moved.get(key);
    if (!found) {
      found = [(p[0] as number) + ((random() - 0.5) * 0.6 * MM) / perDegree.x, (p[1] as number) + ((random() - 0.5) * 0.6 * MM) / perDegree.y];
      moved.set(key, found);
    }
    return found;
  });
}

/** A GK point rounded to the centimetre like a survey's coordinate table, so a frame's origin is a plain number. */
function toGk(lonLat: Position): [number, number] {
  const [e, n] = toGaussKruger(lonLat, ZONE_40);
  return [Math.round(e * 100) / 100, Math.round(n * 100) / 100];
}
