/**
 * `relate`, `tolerantRelate` and `PreparedArea.locate` against GEOS on seeded random pairs shaped like real
 * data (`relate-fuzz-shapes.ts`: T-junctions, ±0.3 mm jitter, collinear partial overlaps, islands filling
 * holes, multipolygons, one-point touches, parcels inside others sharing boundary, near-degenerate spikes,
 * bumps beyond the tolerance): about 38,000 ordered pairs. It found relate calling two multipolygons sharing
 * a whole part disjoint, an island with a second part (or with one vertex rounded off the hole's edge)
 * within the parcel whose hole it fills, and tolerantRelate calling two copies of a parcel disjoint; the
 * small cases are in relate.test.ts and tolerant-relate.test.ts.
 *
 * Exact relate: GEOS's DE-9IM of the same lon/lat numbers (planar, as ours) gives the expected relation:
 * interiors apart (II = F) → disjoint; a covered by b (IE = BE = F) → within (equal included); b covered
 * by a → contains; else overlap. Our 'overlap' also means "unsure, clip to find out", so it is never wrong;
 * any other answer must equal GEOS's.
 *
 * Tolerant relate (1 mm): its contract is "never wrong by more than the tolerance", checked in the GK plane
 * (metres) with GEOS buffers, independently of how it decides: 'within' → a lies within the tolerance of b
 * (a minus b grown by the tolerance has no area); 'contains' the same the other way; 'disjoint' → neither
 * reaches deeper than the tolerance into the other (a ∩ (b shrunk by the tolerance) has no area, and the
 * same swapped). Shrinking and growing use 1.1 × the tolerance: tolerant relate measures on lon/lat with
 * one latitude's metres per degree (within 0.1 % of the GK plane's scale here), GEOS's buffer draws arcs as
 * chords, and a probe within the tolerance of two edges meeting at a narrow angle (a sliver's apex inside a
 * spike, seed 31 case 7414) hides an overlap up to about 1.1 mm deep.
 */
import type { Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
import { loadGeos } from './geos/geos-module.ts';
import { geosArea, toGeos, withScope, type FlatPolygon, type Scope } from './geos/planar-geometry.ts';
import { GkPlane } from './gk-plane.ts';
import { PreparedArea } from './prepared-area.ts';
import { relate, type Relation } from './relate.ts';
import { FUZZ_SHAPES, fuzzCase, type FuzzShape } from './relate-fuzz-shapes.ts';
import { polygonsOf } from './rings.ts';
import { tolerantRelate } from './tolerant-relate.ts';

const SEED = 20261207;
const CASES = 1800;
const TOLERANCE_M = 0.001;
/** Area (m²) below which a GEOS remainder is rounding, not a part: a 1 mm × 0.01 mm sliver. */
const NO_AREA_M2 = 1e-8;

beforeAll(() => loadGeos());

function lonLatPolygons(geometry: AreaGeometry): FlatPolygon[] {
  return polygonsOf(geometry).map((rings) => rings.map((ring) => Float64Array.from(ring.flatMap((p: Position) => [p[0] as number, p[1] as number]))));
}

/** GEOS's DE-9IM of a and b, as read. */
function geosMatrix(scope: Scope, a: number, b: number): string {
  const api = scope.api;
  const pointer = api.GEOSRelate(a, b);
  if (!pointer) throw new Error('GEOSRelate failed');
  try {
    return api.Module.UTF8ToString(pointer);
  } finally {
    api.GEOSFree(pointer);
  }
}

/** The relation `relate` would give if it were never unsure. */
function relationOfMatrix(im: string): Relation {
  if (im[0] === 'F') return 'disjoint';
  if (im[2] === 'F' && im[5] === 'F') return 'within';
  if (im[6] === 'F' && im[7] === 'F') return 'contains';
  return 'overlap';
}

interface Pair {
  readonly shape: FuzzShape;
  readonly index: number;
  readonly i: number;
  readonly j: number;
  readonly a: AreaGeometry;
  readonly b: AreaGeometry;
}

/** Every ordered pair of every case's geometries (a geometry with itself too: equal is 'within'). */
function* pairsOf(index: number, geometries: readonly AreaGeometry[], shape: FuzzShape): Generator<Pair> {
  for (let i = 0; i < geometries.length; i++) {
    for (let j = 0; j < geometries.length; j++) yield { shape, index, i, j, a: geometries[i] as AreaGeometry, b: geometries[j] as AreaGeometry };
  }
}

/**
 * Each case's pairs with its geometries made in GEOS once (by `toGeometry`, in one scope), those GEOS finds
 * invalid left out: relate's answers are defined for valid geometries, and the few drawn invalid (a spike
 * folding onto its parcel's edge) say nothing.
 */
function forEachPair(toGeometry: (g: AreaGeometry) => FlatPolygon[], body: (pair: Pair, scope: Scope, ga: number, gb: number) => void): void {
  for (let index = 0; index < CASES; index++) {
    const { shape, geometries } = fuzzCase(SEED, index);
    withScope((scope) => {
      const made = geometries.map((g) => toGeos(scope, toGeometry(g)));
      // GEOSisValidDetail with no reason asked: GEOSisValid would print each reason to stdout.
      const valid = made.map((g) => scope.api.GEOSisValidDetail(g, 0, 0, 0) === 1);
      for (const pair of pairsOf(index, geometries, shape)) {
        if (valid[pair.i] && valid[pair.j]) body(pair, scope, made[pair.i] as number, made[pair.j] as number);
      }
    });
  }
}

/** Pairs per shape, and how many of them got a definite answer. */
class Tally {
  private readonly counts = new Map<FuzzShape, { pairs: number; decided: number }>();

  add(shape: FuzzShape, decided: boolean): void {
    const count = this.counts.get(shape) ?? { pairs: 0, decided: 0 };
    this.counts.set(shape, count);
    count.pairs++;
    if (decided) count.decided++;
  }

  /** Shapes where fewer than `share` of the pairs were decided: a relate that always said 'overlap' would pass the rest. */
  undecided(share: number): string[] {
    return FUZZ_SHAPES.filter((shape) => {
      const count = this.counts.get(shape);
      return !count || count.decided < share * count.pairs;
    });
  }
}

describe('relate against GEOS on real-shaped pairs', () => {
  it('gives no definite answer GEOS disagrees with', { timeout: 60_000 }, () => {
    const wrong: string[] = [];
    const tally = new Tally();
    let compared = 0;
    forEachPair(lonLatPolygons, (pair, scope, ga, gb) => {
      compared++;
      const matrix = geosMatrix(scope, ga, gb);
      const ours = relate(pair.a, pair.b);
      tally.add(pair.shape, ours !== 'overlap');
      if (ours !== 'overlap' && ours !== relationOfMatrix(matrix)) wrong.push(`${pair.shape} #${pair.index} (${pair.i}, ${pair.j}): relate ${ours}, GEOS ${relationOfMatrix(matrix)} ${matrix}`);
    });
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(30_000);
    // Seed 20261207 decides 53–88 % of each shape's pairs (spikes, T-junctions and bumps least).
    expect(tally.undecided(0.45)).toEqual([]);
  });

  // PreparedArea.locate answers the same question as GEOS's relate of a point: on the exact numbers, every
  // vertex and lon/lat edge midpoint of the case's other geometries (on, next to, or off the outline).
  it('PreparedArea locates points as GEOS does', { timeout: 60_000 }, () => {
    const wrong: string[] = [];
    let located = 0;
    forEachPair(lonLatPolygons, (pair, scope, ga) => {
      if (pair.i === pair.j) return;
      const api = scope.api;
      const prepared = PreparedArea.of(pair.a);
      for (const ring of polygonsOf(pair.b).flat()) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const [p, q] = [ring[k] as Position, ring[k + 1] as Position];
          for (const point of [p, [((p[0] as number) + (q[0] as number)) / 2, ((p[1] as number) + (q[1] as number)) / 2]]) {
            const [x, y] = point as [number, number];
            const matrix = geosMatrix(scope, scope.own(api.GEOSGeom_createPointFromXY(x, y), 'point'), ga);
            const expected = matrix[0] !== 'F' ? 'inside' : matrix[1] !== 'F' ? 'boundary' : 'outside';
            located++;
            if (prepared.locate(point) !== expected) wrong.push(`${pair.shape} #${pair.index} (${pair.i}, ${pair.j}) [${x}, ${y}]: ${prepared.locate(point)}, GEOS ${expected}`);
          }
        }
      }
    });
    expect(wrong).toEqual([]);
    expect(located).toBeGreaterThan(100_000);
  });

  it('tolerantRelate: every definite answer holds within the tolerance (GEOS buffers in the GK plane)', { timeout: 60_000 }, () => {
    const wrong: string[] = [];
    const tally = new Tally();
    const plane = GkPlane.forLongitude(120);
    forEachPair((g) => [...plane.polygons(g)], (pair, scope, ga, gb) => {
      const ours = tolerantRelate(pair.a, pair.b, TOLERANCE_M);
      tally.add(pair.shape, ours !== 'overlap');
      // Exact relate's answers are checked exactly above.
      if (ours === 'overlap' || relate(pair.a, pair.b) === ours) return;
      const api = scope.api;
      const reach = 1.1 * TOLERANCE_M;
      const grown = (g: number) => scope.own(api.GEOSBuffer(g, reach, 8), 'buffer');
      const shrunk = (g: number) => scope.own(api.GEOSBuffer(g, -reach, 8), 'buffer');
      const outside = (g: number, h: number) => geosArea(api, scope.own(api.GEOSDifference(g, grown(h)), 'difference'));
      const deep = (g: number, h: number) => geosArea(api, scope.own(api.GEOSIntersection(g, shrunk(h)), 'intersection'));
      const excess = ours === 'within' ? outside(ga, gb) : ours === 'contains' ? outside(gb, ga) : Math.max(deep(ga, gb), deep(gb, ga));
      if (excess > NO_AREA_M2) wrong.push(`${pair.shape} #${pair.index} (${pair.i}, ${pair.j}): tolerantRelate ${ours}, ${excess.toExponential(2)} m² beyond the tolerance`);
    });
    expect(wrong).toEqual([]);
    // Seed 20261207 decides 72–100 % of each shape's pairs (bumps beyond the tolerance least).
    expect(tally.undecided(0.65)).toEqual([]);
  });
});
