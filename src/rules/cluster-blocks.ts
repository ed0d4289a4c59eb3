/**
 * The union of a corridor's features made block by block (cluster-corridor.ts), so an edit re-unions only
 * the blocks its feature reaches.
 *
 * A corridor along a village boundary from another survey holds ~2,000 parcels; made whole, its union (and
 * each feature cut to the corridor first) cost ~0.3–0.4 s an edit, though the edit changed one parcel. Here
 * the corridor's outline is cut by a fixed grid of BLOCK_M squares in the GK plane (anchored at the plane's
 * origin, so the blocks of a corridor are the same whatever was edited before: a check after edits gives
 * what a fresh check gives). Each block keeps its piece of the outline, each feature reaching into it cut to
 * that piece, and their union; a block is made again only when its piece or the geometries reaching into it
 * change (by object: an edit replaces only the features it touches).
 *
 * The blocks' unions are handed on apart, not merged: each is disjoint inside its block, and two meet only
 * along a grid line. Findings are not cut at the grid: a gap is what the region inside the outline leaves
 * of the union of every block's union (geos/coverage-overlay.ts gapsIn unions its covers first), so a gap
 * or strip crossing a grid line is one polygon with its whole area, as before. The area covered twice is the
 * sum of the blocks': the blocks' pieces tile the outline, so each feature's cut pieces sum to its cut whole.
 */
import type { AreaGeometry } from '../domain/features.ts';
import { bboxIntersects, type BBox } from '../geo/bbox.ts';
import { boxPolygon, clipParts, coveredTwice, intersectEach, unionOf, widerOf, type PlanarPart } from '../geo/geos/coverage-overlay.ts';
import { samePolygons, type FlatPolygon, type FlatRing } from '../geo/geos/planar-geometry.ts';
import { pointInPolygonRings } from '../geo/point-in-ring.ts';
import type { Position } from 'geojson';

/**
 * Side of a block (GK m): the corridor of the misaligned 24,000-parcel village falls into 70 blocks of ~35
 * parcels (2,445 parcel-blocks for 2,015 parcels). 200 m blocks (185 of them) re-checked an edit no faster
 * and made the full check's pieces and merges more; a block's union is a few milliseconds either way.
 */
export const BLOCK_M = 400;

/**
 * From this many features on a corridor is unioned in blocks (the 500-parcel village of the tests has ~130
 * along its boundary; the 24,000-parcel one ~2,000). Blocks pay where the features are many and
 * small, each in a block or two (a corridor of ~2,000 parcels); a few large zones along the same boundary
 * reach into dozens of blocks each and were cut dozens of times (22 zones: 10 ms whole, 90 ms in blocks),
 * while their union whole is cheap enough to make again after each edit.
 */
export const BLOCKS_FROM = 100;

/** A feature as the blocks take it: its geometry (what tells it from another) and its GK polygons. */
export interface BlockFeature {
  readonly geometry: AreaGeometry;
  readonly polygons: readonly FlatPolygon[];
}

interface Block {
  /** The block's square of the grid (GK). */
  readonly square: BBox;
  /** The outline's part inside the block's square. */
  readonly piece: readonly FlatPolygon[];
  readonly geometries: readonly AreaGeometry[];
  /** Each geometry's part inside the piece. */
  readonly clipped: ReadonlyMap<AreaGeometry, readonly FlatPolygon[]>;
  readonly union: readonly FlatPolygon[];
  twice?: number;
  /** The block's share of the overlays asked of it (BlockedUnion.overlay), each kept while its region is the same. */
  overlays?: BlockOverlay[];
}

/** What an overlay of the blocks is of: the region less the features' union (gaps), or the union less the region (parts outside). */
export type BlockOp = 'gaps' | 'outside';

/**
 * A region as the blocks overlay it: covers (each a set of disjoint GK polygons: a CJDCQ, the parcels a layer
 * was made from, a village boundary), dissolved inside each block. Compared by object, cover by cover.
 */
export type BlockRegion = readonly (readonly FlatPolygon[])[];

interface BlockOverlay {
  readonly op: BlockOp;
  readonly region: BlockRegion;
  readonly minWidth: number;
  /** Parts inside the square, wider than minWidth: findings as they are. */
  readonly inside: readonly PlanarPart[];
  /** Parts reaching the square's edge, whatever their width: joined to their neighbours' across it first. */
  readonly onEdge: readonly FlatPolygon[];
}

/** The blocks of one corridor, kept between checks: each unionOf keeps the blocks it used and drops the rest. */
export class CorridorBlocks {
  private blocks = new Map<string, Block>();
  /** The outline last cut into pieces, and its pieces by block. */
  private cut: { readonly outline: readonly FlatPolygon[]; readonly pieces: ReadonlyMap<string, readonly FlatPolygon[]> } | null = null;

  /**
   * The union of `features` inside `outline`, as the blocks' unions (throws where GEOS cannot union a block):
   * blocks whose piece and features are as at the last call are kept.
   */
  unionOf(outline: readonly FlatPolygon[], features: readonly BlockFeature[]): BlockedUnion {
    const pieces = this.piecesOf(outline);
    const reaching = new Map<string, BlockFeature[]>();
    for (const feature of features) {
      for (const key of blocksMet(boxOfFeature(feature.polygons))) {
        if (!pieces.has(key)) continue;
        let list = reaching.get(key);
        if (!list) reaching.set(key, (list = []));
        list.push(feature);
      }
    }
    const next = new Map<string, Block>();
    const changed: { key: string; piece: readonly FlatPolygon[]; inside: readonly BlockFeature[]; reuse: ReadonlyMap<AreaGeometry, readonly FlatPolygon[]> | null }[] = [];
    for (const [key, piece] of pieces) {
      const inside = reaching.get(key) ?? [];
      const before = this.blocks.get(key);
      if (before && sameBlock(before, piece, inside)) next.set(key, before);
      // A feature's cut is kept while the piece is the same: an edit in the block cuts only what it changed.
      else changed.push({ key, piece, inside, reuse: before && samePolygons(before.piece, piece) ? before.clipped : null });
    }
    // The cuts still to make, by feature: each feature is handed to GEOS once for all its blocks.
    const toCut = new Map<AreaGeometry, { feature: BlockFeature; blocks: number[] }>();
    changed.forEach((block, k) => {
      for (const f of block.inside) {
        if (block.reuse?.has(f.geometry)) continue;
        const entry = toCut.get(f.geometry) ?? { feature: f, blocks: [] };
        entry.blocks.push(k);
        toCut.set(f.geometry, entry);
      }
    });
    const cuts = changed.map(() => new Map<AreaGeometry, readonly FlatPolygon[]>());
    for (const { feature, blocks } of toCut.values()) {
      intersectEach(feature.polygons, blocks.map((k) => changed[k]!.piece)).forEach((parts, i) => cuts[blocks[i]!]!.set(feature.geometry, parts));
    }
    changed.forEach((block, k) => next.set(block.key, makeBlock(block.key, block.piece, block.inside, (g) => block.reuse?.get(g) ?? (cuts[k]!.get(g) as readonly FlatPolygon[]))));
    this.blocks = next;
    return new BlockedUnion([...next.keys()].sort().map((key) => next.get(key) as Block));
  }

  /** The outline cut by the grid, block by block; kept while the outline's coordinates stay the same. */
  private piecesOf(outline: readonly FlatPolygon[]): ReadonlyMap<string, readonly FlatPolygon[]> {
    if (this.cut && (this.cut.outline === outline || samePolygons(this.cut.outline, outline))) return this.cut.pieces;
    const pieces = new Map<string, readonly FlatPolygon[]>();
    // Squares an edge of the outline crosses are cut with GEOS; any other lies inside it whole or not at all.
    const crossed = new Set<string>();
    for (const polygon of outline) {
      for (const ring of polygon) {
        for (let k = 0; k + 3 < ring.length; k += 2) {
          const [ax, ay, bx, by] = [ring[k] as number, ring[k + 1] as number, ring[k + 2] as number, ring[k + 3] as number];
          for (const key of blocksMet([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)])) crossed.add(key);
        }
      }
    }
    const rings = outline.map((polygon) => polygon.map(positions));
    const [x0, y0, x1, y1] = boxOfPolygons(outline);
    const cut: [string, BBox][] = [];
    for (let i = Math.floor(x0 / BLOCK_M); i * BLOCK_M < x1; i++) {
      for (let j = Math.floor(y0 / BLOCK_M); j * BLOCK_M < y1; j++) {
        const key = `${i},${j}`;
        const square = squareOf(key);
        if (crossed.has(key)) cut.push([key, square]);
        else if (rings.some((polygon) => pointInPolygonRings([(i + 0.5) * BLOCK_M, (j + 0.5) * BLOCK_M], polygon) === 'inside')) pieces.set(key, [boxPolygon(square)]);
      }
    }
    // In one order whatever vertex GEOS starts a ring at: a piece the edit did not reach is then the same
    // piece, and its block is kept, though the outline around it was made again.
    intersectEach(outline, cut.map(([, square]) => [boxPolygon(square)])).forEach((piece, k) => {
      if (piece.length > 0) pieces.set(cut[k]![0], canonical(piece));
    });
    this.cut = { outline, pieces };
    return pieces;
  }
}

/** The blocks' unions of one check: what ClusterCover.union and coveredTwice give. */
export class BlockedUnion {
  constructor(private readonly blocks: readonly Block[]) {}

  /** Each block's union, apart: disjoint within a block, meeting others along grid lines (their union is the features'). */
  get union(): readonly FlatPolygon[] {
    return this.blocks.flatMap((b) => b.union);
  }

  /** The area the features cover twice or more inside the outline (m², planar; Infinity when one is invalid): the blocks' sum. */
  coveredTwice(): number {
    let sum = 0;
    for (const block of this.blocks) sum += block.twice ??= block.geometries.length < 2 ? 0 : coveredTwice(block.geometries.map((g) => block.clipped.get(g) as readonly FlatPolygon[]), block.union);
    return sum;
  }

  /**
   * The gaps (the region less the features' union) or the parts outside (the union less the region) inside
   * the outline, wider than `minWidth`: made block by block, each block's kept while it and the region stay
   * the same, and the parts that reach a block's edge unioned with their neighbours' across it, so a strip
   * crossing grid lines is one part with its whole area, as one overlay of the whole would give. Merging the
   * blocks' unions first cost ~185 ms at every edit along a CJDCQ 0.3 m off a jittered 19,000-parcel village
   * (the seams' sub-millimetre slits make the unions large); the parts that cross an edge are few.
   */
  overlay(op: BlockOp, region: BlockRegion, minWidth: number): PlanarPart[] {
    const inside: PlanarPart[] = [];
    const onEdge: FlatPolygon[] = [];
    for (const block of this.blocks) {
      const share = overlayOf(block, op, region, minWidth);
      inside.push(...share.inside);
      onEdge.push(...share.onEdge);
    }
    return onEdge.length === 0 ? inside : [...inside, ...widerOf(unionOf(onEdge.map((p) => [p])).map(withoutSeams), minWidth)];
  }
}

function overlayOf(block: Block, op: BlockOp, region: BlockRegion, minWidth: number): BlockOverlay {
  const near = region.filter((cover) => bboxIntersects(boxOfFeature(cover), block.square));
  const kept = block.overlays?.find((o) => o.op === op && o.minWidth === minWidth && o.region.length === near.length && o.region.every((cover, i) => cover === near[i]));
  if (kept) return kept;
  const there = near.length === 0 ? [] : clipParts('intersection', block.piece, near, 0).map((part) => part.polygon);
  const parts = op === 'gaps' ? clipParts('difference', there, [block.union], 0) : clipParts('difference', block.union, [there], 0);
  const [x0, y0, x1, y1] = block.square;
  const reachesEdge = (polygon: FlatPolygon) => {
    const [a, b, c, d] = boxOfPolygons([polygon]);
    return a <= x0 + EDGE_M || b <= y0 + EDGE_M || c >= x1 - EDGE_M || d >= y1 - EDGE_M;
  };
  const within: FlatPolygon[] = [];
  const onEdge: FlatPolygon[] = [];
  for (const part of parts) (reachesEdge(part.polygon) ? onEdge : within).push(part.polygon);
  const share: BlockOverlay = { op, region: near, minWidth, inside: widerOf(within, minWidth), onEdge };
  block.overlays = [...(block.overlays ?? []).filter((o) => o.op !== op), share];
  return share;
}

/** A part this near a block's edge (m) is joined across it: farther than any rounding of where a line crosses the edge. */
const EDGE_M = 1e-6;
/** A vertex this near the line through its neighbours (m) adds nothing to the outline's shape. */
const STRAIGHT_M = 1e-7;

/**
 * The polygon without the vertices the blocks' edges left in it: where a part was cut at an edge and joined
 * again, its outline keeps a vertex on the grid line in the middle of a straight edge. It adds no planar area,
 * but the finding is measured on the ellipsoid after the outline is taken back to lon/lat, where a vertex more
 * on a long straight edge bends it: 30 such vertices on the 9 km strip along a boundary 0.3 m off took
 * 0.2 m² off its 2,913 m².
 */
function withoutSeams(polygon: FlatPolygon): FlatPolygon {
  return polygon.map((ring) => {
    const n = ring.length / 2 - 1; // the last vertex closes the ring
    if (n < 4) return ring;
    const keep: number[] = [];
    for (let k = 0; k < n; k++) {
      const [px, py] = [ring[2 * ((k + n - 1) % n)] as number, ring[2 * ((k + n - 1) % n) + 1] as number];
      const [x, y] = [ring[2 * k] as number, ring[2 * k + 1] as number];
      const [qx, qy] = [ring[2 * ((k + 1) % n)] as number, ring[2 * ((k + 1) % n) + 1] as number];
      const onGrid = Math.abs(x - Math.round(x / BLOCK_M) * BLOCK_M) <= EDGE_M || Math.abs(y - Math.round(y / BLOCK_M) * BLOCK_M) <= EDGE_M;
      const length = Math.hypot(qx - px, qy - py);
      const between = (x - px) * (qx - px) + (y - py) * (qy - py) > 0 && (qx - x) * (qx - px) + (qy - y) * (qy - py) > 0;
      if (!(onGrid && length > 0 && between && Math.abs((qx - px) * (y - py) - (qy - py) * (x - px)) / length <= STRAIGHT_M)) keep.push(k);
    }
    if (keep.length === n || keep.length < 3) return ring;
    const out = new Float64Array(2 * keep.length + 2);
    keep.forEach((k, i) => out.set([ring[2 * k] as number, ring[2 * k + 1] as number], 2 * i));
    out.set([out[0] as number, out[1] as number], 2 * keep.length);
    return out;
  });
}

function makeBlock(key: string, piece: readonly FlatPolygon[], inside: readonly BlockFeature[], cutOf: (geometry: AreaGeometry) => readonly FlatPolygon[]): Block {
  const clipped = new Map(inside.map((f) => [f.geometry, cutOf(f.geometry)]));
  const geometries = inside.map((f) => f.geometry);
  return { square: squareOf(key), piece, geometries, clipped, union: unionOf(geometries.map((g) => clipped.get(g) as readonly FlatPolygon[])) };
}

function squareOf(key: string): BBox {
  const [i, j] = key.split(',').map(Number) as [number, number];
  return [i * BLOCK_M, j * BLOCK_M, (i + 1) * BLOCK_M, (j + 1) * BLOCK_M];
}

function sameBlock(block: Block, piece: readonly FlatPolygon[], inside: readonly BlockFeature[]): boolean {
  return block.geometries.length === inside.length && block.geometries.every((g, i) => g === inside[i]?.geometry) && (block.piece === piece || samePolygons(block.piece, piece));
}

/** The keys of the grid squares a GK box meets. */
function blocksMet([x0, y0, x1, y1]: readonly [number, number, number, number]): string[] {
  const keys: string[] = [];
  for (let i = Math.floor(x0 / BLOCK_M); i <= Math.floor(x1 / BLOCK_M); i++) for (let j = Math.floor(y0 / BLOCK_M); j <= Math.floor(y1 / BLOCK_M); j++) keys.push(`${i},${j}`);
  return keys;
}

/** Remembered per polygons object (a feature's GK polygons are made once per geometry: gk-plane.ts): an edit boxes the one it changed. */
const polygonBoxes = new WeakMap<readonly FlatPolygon[], readonly [number, number, number, number]>();

function boxOfFeature(polygons: readonly FlatPolygon[]): readonly [number, number, number, number] {
  let box = polygonBoxes.get(polygons);
  if (!box) polygonBoxes.set(polygons, (box = boxOfPolygons(polygons)));
  return box;
}

function boxOfPolygons(polygons: readonly FlatPolygon[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    const shell = polygon[0];
    if (!shell) continue;
    for (let k = 0; k + 1 < shell.length; k += 2) {
      const [x, y] = [shell[k] as number, shell[k + 1] as number];
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

function positions(ring: FlatRing): Position[] {
  const points: Position[] = [];
  for (let k = 0; k + 1 < ring.length; k += 2) points.push([ring[k] as number, ring[k + 1] as number]);
  return points;
}

/** The polygons with each ring started at its least vertex (by x, then y), and in the order of those vertices. */
function canonical(polygons: readonly FlatPolygon[]): FlatPolygon[] {
  const least = (ring: FlatRing): number => {
    let best = 0;
    for (let k = 2; k + 1 < ring.length - 2; k += 2) if (ring[k]! < ring[best]! || (ring[k] === ring[best] && ring[k + 1]! < ring[best + 1]!)) best = k;
    return best;
  };
  const rotated = (ring: FlatRing): FlatRing => {
    const start = least(ring);
    if (start === 0) return ring;
    // A closed ring: its vertices from `start` round to `start` again.
    const open = ring.length - 2;
    const out = new Float64Array(ring.length);
    for (let k = 0; k < open; k++) out[k] = ring[(start + k) % open]!;
    out[open] = out[0]!;
    out[open + 1] = out[1]!;
    return out;
  };
  const first = (polygon: FlatPolygon): [number, number] => [polygon[0]![0]!, polygon[0]![1]!];
  const order = (a: FlatPolygon, b: FlatPolygon) => first(a)[0] - first(b)[0] || first(a)[1] - first(b)[1];
  return polygons.map((polygon) => [rotated(polygon[0]!), ...polygon.slice(1).map(rotated).sort((a, b) => order([a], [b]))]).sort(order);
}
