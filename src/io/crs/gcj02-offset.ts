/**
 * GCJ-02 caught by its offset: a layer traced from (or downloaded off) a web map lands a few hundred
 * metres from the plan's base parcels, and after the GCJ-02 → CGCS2000 inverse it sits on them. Nothing
 * in a file's names or fields need say so (gcj02.ts), but the plan the layer goes into does.
 *
 * The layer's vertices near the plan are sampled (a few hundred, spread evenly over the layer), each
 * taken as read and converted, and measured to the nearest vertex of the plan's outlines (an R-tree of
 * runs of ring vertices, in local metres). The layer is at the offset when, converted, the median
 * distance is within what one survey's data has against itself (FITS_M) and, as read, it is not and at
 * least IMPROVEMENT times larger. A layer that already fits, or fits neither way, says nothing.
 * Vertices, not edges: the offset is locally a translation, and a translated parcel slides along its own
 * edges (20 m parcels on a grid, moved by the real offset, stay within 1.1 m of some edge; moved 5 m along
 * a row, within 1.5 m), while its corners leave the plan's corners. A layer made from the same survey
 * shares the corners; the few a clip adds on edges do not move a median.
 *
 * The plan's outlines travel to the io worker packed in two typed arrays (`PlanOutlines`): 20,000 parcels
 * are ~3 MB copied in one go, where the same rings as nested arrays would be a slow structured clone.
 */
import type { Geometry, Position } from 'geojson';
import RBush from 'rbush';
import { layerCount, layerFeatures, type Plan } from '../../domain/plan.ts';
import { metresPerDegree } from '../../geo/local-metric.ts';
import { polygonsOf } from '../../geo/rings.ts';
import { note, type Message } from '../result.ts';
import { forEachPosition } from './extent.ts';
import { cgcs2000ToGcj02Position, gcj02ToCgcs2000Position } from './gcj02.ts';

/** Median distance at or below which a layer sits on the plan: a 1:2000 survey's ±1 m, plus the inverse's ~0.1 m. */
export const FITS_M = 1.5;
/** How many times further from the plan the layer must be as read than converted. */
const IMPROVEMENT = 10;
/** Distances are looked for this far; anything further counts as this far (only medians are compared, against FITS_M). */
const SEARCH_M = 20;
/** GCJ-02 moves a point by at most ~700 m in China: layer vertices this far (degrees) around the plan may be at the offset from it. */
const MAX_SHIFT_DEG = 0.015;
/** Vertices compared: enough for a steady median, few enough for milliseconds. */
const SAMPLE_SIZE = 400;
/** Fewer converted vertices on the plan than this, and the comparison says nothing. */
const MIN_SAMPLES = 8;
/** Vertices per R-tree entry: a parcel's ring is one entry, a long boundary many short ones. */
const VERTICES_PER_ENTRY = 16;

export type OffsetAgainst = 'base' | 'boundary';

export interface PlanOutlines {
  /** What the outlines are: the base parcels, or the village boundary when the plan has no parcels yet. */
  readonly against: OffsetAgainst;
  /** Every ring's vertices as lon, lat pairs, one ring after another. */
  readonly coordinates: Float64Array;
  /** Where each ring ends, counted in vertices (exclusive). */
  readonly ringEnds: Uint32Array;
}

export interface Gcj02Comparison {
  /** Layer vertices compared. */
  readonly samples: number;
  /** Median distance from them to the nearest plan vertex, as read and after the GCJ-02 inverse (capped at SEARCH_M). */
  readonly asReadM: number;
  readonly convertedM: number;
  /** Median length of the conversion at the samples: the offset itself. */
  readonly shiftM: number;
}

/**
 * Packed outlines per layer record: records are shared between plan versions until a patch touches the
 * layer, so the dialog's re-reads (each option ticked is one) pack 20,000 parcels once.
 */
const packed = new WeakMap<object, PlanOutlines>();

/** The base parcels' outlines (the village boundary's when there are none), packed for a worker message; null when the plan has neither. */
export function planOutlines(plan: Plan): PlanOutlines | null {
  const against: OffsetAgainst = layerCount(plan.layers.base) > 0 ? 'base' : 'boundary';
  const record = plan.layers[against];
  const known = packed.get(record);
  if (known) return known;
  const ringLists = layerFeatures(plan, against).flatMap((f) => polygonsOf(f.geometry));
  let vertices = 0;
  let ringCount = 0;
  for (const polygon of ringLists) {
    for (const ring of polygon) {
      vertices += ring.length;
      ringCount++;
    }
  }
  if (ringCount === 0) return null;
  const coordinates = new Float64Array(vertices * 2);
  const ringEnds = new Uint32Array(ringCount);
  let at = 0;
  let r = 0;
  for (const polygon of ringLists) {
    for (const ring of polygon) {
      for (const p of ring) {
        coordinates[at++] = p[0] as number;
        coordinates[at++] = p[1] as number;
      }
      ringEnds[r++] = at / 2;
    }
  }
  const outlines = { against, coordinates, ringEnds };
  packed.set(record, outlines);
  return outlines;
}

interface VertexRun {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Indices of the run's first vertex and the one after its last. */
  readonly first: number;
  readonly end: number;
}

/** The plan's outline vertices on a local plane (metres east and north of their centre) with an R-tree of runs of them. */
class PlanVertices {
  private readonly tree = new RBush<VertexRun>();
  private readonly xy: Float64Array;
  private readonly origin: Position;
  private readonly scale: { readonly x: number; readonly y: number };
  readonly box: readonly [number, number, number, number];

  constructor(outlines: PlanOutlines) {
    const { coordinates, ringEnds } = outlines;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < coordinates.length; i += 2) {
      minX = Math.min(minX, coordinates[i] as number);
      maxX = Math.max(maxX, coordinates[i] as number);
      minY = Math.min(minY, coordinates[i + 1] as number);
      maxY = Math.max(maxY, coordinates[i + 1] as number);
    }
    this.box = [minX, minY, maxX, maxY];
    this.origin = [(minX + maxX) / 2, (minY + maxY) / 2];
    // One scale for the village: over a few kilometres it errs by centimetres in 50 m.
    this.scale = metresPerDegree(this.origin[1] as number);
    this.xy = new Float64Array(coordinates.length);
    const [lon0, lat0] = this.origin as [number, number];
    for (let i = 0; i < coordinates.length; i += 2) {
      this.xy[i] = ((coordinates[i] as number) - lon0) * this.scale.x;
      this.xy[i + 1] = ((coordinates[i + 1] as number) - lat0) * this.scale.y;
    }
    const runs: VertexRun[] = [];
    let start = 0;
    for (const ringEnd of ringEnds) {
      for (let first = start; first < ringEnd; first += VERTICES_PER_ENTRY) runs.push(this.run(first, Math.min(first + VERTICES_PER_ENTRY, ringEnd)));
      start = ringEnd;
    }
    this.tree.load(runs);
  }

  toPlane(p: Position): Position {
    return [((p[0] as number) - (this.origin[0] as number)) * this.scale.x, ((p[1] as number) - (this.origin[1] as number)) * this.scale.y];
  }

  contains(p: Position): boolean {
    const [minX, minY, maxX, maxY] = this.box;
    return (p[0] as number) >= minX && (p[0] as number) <= maxX && (p[1] as number) >= minY && (p[1] as number) <= maxY;
  }

  metresBetween(a: Position, b: Position): number {
    const [ax, ay] = this.toPlane(a) as [number, number];
    const [bx, by] = this.toPlane(b) as [number, number];
    return Math.hypot(ax - bx, ay - by);
  }

  /** Metres from a lon/lat position to the nearest plan vertex, or SEARCH_M when none is that close. */
  distance(p: Position): number {
    const [x, y] = this.toPlane(p) as [number, number];
    let best = SEARCH_M;
    for (const run of this.tree.search({ minX: x - SEARCH_M, minY: y - SEARCH_M, maxX: x + SEARCH_M, maxY: y + SEARCH_M })) {
      for (let i = run.first; i < run.end; i++) best = Math.min(best, Math.hypot((this.xy[2 * i] as number) - x, (this.xy[2 * i + 1] as number) - y));
    }
    return best;
  }

  private run(first: number, end: number): VertexRun {
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = first; i < end; i++) {
      const x = this.xy[2 * i] as number;
      const y = this.xy[2 * i + 1] as number;
      [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    }
    return { minX, minY, maxX, maxY, first, end };
  }
}

function median(values: readonly number[]): number {
  if (values.length === 0) return SEARCH_M;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Up to SAMPLE_SIZE of the layer's vertices within reach of the plan, spread evenly over the layer's order. */
function sampleNear(geometries: Iterable<Geometry | null>, plan: PlanVertices): Position[] {
  const [minX, minY, maxX, maxY] = plan.box;
  const near: Position[] = [];
  for (const g of geometries) {
    if (!g) continue;
    forEachPosition(g, (p) => {
      const x = p[0] as number;
      const y = p[1] as number;
      if (x >= minX - MAX_SHIFT_DEG && x <= maxX + MAX_SHIFT_DEG && y >= minY - MAX_SHIFT_DEG && y <= maxY + MAX_SHIFT_DEG) near.push(p);
    });
  }
  if (near.length <= SAMPLE_SIZE) return near;
  return Array.from({ length: SAMPLE_SIZE }, (_, i) => near[Math.floor((i * near.length) / SAMPLE_SIZE)] as Position);
}

/**
 * The layer measured against the plan as read and after the GCJ-02 inverse. `layerIs` says what the
 * geometries are: as read from the file, or already converted (the planner ticked the conversion; the
 * samples are then taken back by the forward formula). Null when too few converted vertices land on the
 * plan's extent to say anything.
 */
export function compareAtGcj02Offset(geometries: Iterable<Geometry | null>, outlines: PlanOutlines, layerIs: 'asRead' | 'converted'): Gcj02Comparison | null {
  const plan = new PlanVertices(outlines);
  const pairs = sampleNear(geometries, plan).map((p) =>
    layerIs === 'asRead' ? { asRead: p, converted: gcj02ToCgcs2000Position(p) } : { asRead: cgcs2000ToGcj02Position(p), converted: p },
  );
  const converted = pairs.filter((s) => plan.contains(s.converted));
  if (converted.length < MIN_SAMPLES) return null;
  return {
    samples: pairs.length,
    asReadM: median(pairs.filter((s) => plan.contains(s.asRead)).map((s) => plan.distance(s.asRead))),
    convertedM: median(converted.map((s) => plan.distance(s.converted))),
    shiftM: median(pairs.map((s) => plan.metresBetween(s.asRead, s.converted))),
  };
}

/** The layer sits on the plan once converted, and clearly not as read. */
export function sitsAtGcj02Offset(c: Gcj02Comparison | null): c is Gcj02Comparison {
  return c !== null && c.convertedM <= FITS_M && c.asReadM > FITS_M && c.asReadM >= IMPROVEMENT * c.convertedM;
}

/** The preview's explanation beside the conversion checkbox: how far apart, and that converted they agree. */
export function gcj02OffsetNote(c: Gcj02Comparison, against: OffsetAgainst, file: string): Message {
  return note('io.crs.gcj02Offset', {
    file,
    againstKey: `io.crs.gcj02Against.${against}`,
    // "about 480 m": the offset to ten metres, what is left after converting to ten centimetres.
    shiftM: Math.round(c.shiftM / 10) * 10,
    convertedM: Math.round(c.convertedM * 10) / 10,
  });
}
