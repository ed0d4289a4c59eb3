/**
 * A large cluster of unbalanced stretches clipped as the corridor along its stretches, not as its whole box.
 *
 * A village boundary from another survey, or moved by a datum shift, disagrees with the parcels all round:
 * its stretches chain into one ring, their merged box is the whole village, and the cluster held every
 * feature of the layer. Each edit then re-made the union of all of them (3.5 s an edit on 22,684 parcels
 * with the boundary 0.3 m off), though only the parcels along the boundary can be wrong.
 *
 * Away from the stretches every edge of the layer and of the boundary balances, so how many features cover
 * a point less whether the village does (0 where the layer covers the village once) changes only across a
 * stretch: it is the same all over each piece of the box outside the corridor (the stretches' boxes grown by
 * CORRIDOR_MARGIN_M). One point inside each piece tells it. Where every piece counts 0, every gap, overlap
 * and part outside lies inside the corridor, and its features are all the overlays need; where one does
 * not (a gap wider than the corridor, a point too near an edge to be sure), the cluster is clipped whole, as
 * before. An edit away from the corridor then changes none of its features and its overlays stay remembered.
 * The merged box is split first: its long runs of touching stretches are the corridors, and its other
 * stretches (a gap an edit opens in the middle of the village) stay clusters of their own, clipped by their
 * boxes, unless a box meets a corridor; otherwise the ring's box took them in and every such edit clipped
 * the ring again.
 *
 * An edit along the corridor must not re-make it whole (~2,000 parcels; 0.3–0.4 s an edit in the 2017 worker).
 * So the corridor is made of what an edit there changes least: its region is its stretch boxes grown by the
 * margin and then out to a fixed SNAP_DEG grid (a stretch moved by decimetres seldom crosses a grid line, and
 * the region, its outline and everything cut by it stay the same objects), unioned block by block
 * (regionOf); the pieces outside it are found once per region, and each piece's count asked again at every
 * check (a few point lookups, so the answer after any edits is a fresh check's); and the features' union
 * inside it is made block by block too (cluster-blocks.ts: fixed squares of the GK plane, each block
 * re-unioned only when its features or its piece of the outline change). Blocks are not cut where the
 * coverage balances (along a boundary off all round nothing does): findings are never made per block. The
 * gaps are cut from the union of all blocks' unions, so a strip crossing a block's line is one gap with its
 * whole area, and the pair overlaps and the parts outside are per feature, as before.
 *
 * Both profiles use it: the 2017 plan's partition layers against the village boundary (partition-clusters.ts)
 * and the 2026 database's against the CJDCQ or the layer they were made from (ydyh/database-coverage.ts),
 * each handing over its layer as a CorridorLayer (a 2026 CJDCQ 0.3 m off: 28 → 7.4 s of CPU at 19,102 parcels).
 * On data whose seams hold slits thinner than the tolerance (±0.3 mm jitter) a gap can differ from the
 * whole box's by those slits: a gap clipped whole keeps every slit joined to it, the corridor cuts them at
 * its edge (docs/performance.md, tenth session).
 */
import type { MultiPolygon, Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { bboxIntersects, rememberedBBox, type BBox } from '../geo/bbox.ts';
import { hashEdge, mergeTouchingBoxGroups, type BoxGroup } from '../geo/edge-balance.ts';
import { linkedGroups } from '../geo/linked-groups.ts';
import { forEachOverlappingPair } from '../geo/segments.ts';
import { boxPolygon, clipParts, unionOf } from '../geo/geos/coverage-overlay.ts';
import type { FlatPolygon } from '../geo/geos/planar-geometry.ts';
import { interiorPoint } from '../geo/interior-point.ts';
import { metresPerDegree, toleranceDegreesXY } from '../geo/local-metric.ts';
import { PreparedArea } from '../geo/prepared-area.ts';
import { pointInPolygonRings } from '../geo/point-in-ring.ts';
import { addToList } from '../domain/lists.ts';

/** From this many stretches on a cluster is tried as a corridor; a few stretches' box holds few features anyway. */
const CORRIDOR_FROM = 16;
/**
 * How far the corridor reaches beyond the stretches' boxes (m): wider than the misalignments stretches
 * bound in practice (a boundary 2 m off leaves a 2 m strip between two runs of stretches), so their slivers
 * lie inside it; a wider problem is found by the pieces' count and clipped whole.
 */
const CORRIDOR_MARGIN_M = 10;
/**
 * A cluster of few features is tried as corridors where they hold this many vertices per stretch: zones
 * traced on the parcels, whose vertices lie all over the box, not only along the stretches (the 2026 GKBJ:
 * 166 on a CJDCQ 0.3 m off).
 */
const VERTICES_PER_STRETCH = 64;
/**
 * The grid a corridor's grown boxes are widened to (degrees, ~10 m): coarse enough that an edit moving a
 * stretch by a fraction of a metre seldom changes the region, fine enough to add little to the margin.
 */
const SNAP_DEG = 1e-4;
/** Where a piece's other points lie from its interior point (m east, m north): off any one grid's lines. */
const ASIDE_M: readonly (readonly [number, number])[] = [[0.73, 0.31], [-1.37, 0.59], [0.41, -1.93], [-2.9, -2.3]];
/** The squares a corridor's region is unioned in (degrees, ~200 m: regionOf). */
const REGION_BLOCK_DEG = 20 * SNAP_DEG;
/** A piece's point this near an edge of a feature or of the village does not decide its count. */
const CLEARANCE_M = 0.05;

/**
 * What the corridors of one partition layer are found from, in whichever profile checks it (the 2017 plan's
 * layers against the village boundary, partition-clusters.ts; the 2026 database's against the CJDCQ or the
 * layer they were made from, ydyh/database-coverage.ts): `F` is that profile's feature.
 */
export interface CorridorLayer<F> {
  /** Names the layer in memo keys. */
  readonly name: string;
  /** How many of the layer's features reach into the box: what tells whether a corridor is worth it. */
  count(box: BBox): number;
  /** The layer's valid area features reaching into any of the boxes, each once, in the order the profile's clusters list them. */
  near(boxes: readonly BBox[]): readonly F[];
  geometryOf(feature: F): AreaGeometry;
  /** The region's polygons reaching into the box (the village): where the layer must cover once. */
  regionNear(box: BBox): readonly AreaGeometry[];
  /** A value remembered under `key` while `deps` stay the same objects. */
  memo<T>(key: string, deps: readonly unknown[], compute: () => T): T;
}

export interface Corridor<F> {
  /** The box of the grown stretch boxes. */
  readonly box: BBox;
  /** The stretches' boxes grown by the margin, merged: a lon/lat multipolygon. */
  readonly region: MultiPolygon;
  /** Those boxes, apart: what reaches into the corridor reaches into one of them. */
  readonly reach: readonly BBox[];
  /** The layer's area features reaching into it (CorridorLayer.near). */
  readonly features: readonly F[];
  /** Tells this corridor from another (other stretches). */
  readonly key: string;
}

/** A merged cluster split into corridors and the small clusters beside them, each clipped by its own box. */
export interface CorridorSplit<F> {
  readonly corridors: readonly Corridor<F>[];
  readonly boxes: readonly BBox[];
}

/**
 * The merged cluster `group` as corridors along its long runs of touching stretches (CORRIDOR_FROM or more)
 * and, apart, the clusters of its other stretches (merged box by box as everywhere, and joined to a corridor
 * their box meets): a gap an edit opens in the middle of the village stays its own small cluster instead of
 * joining the ring's box. Null where the group must be clipped whole: no long run, or a piece outside every
 * corridor and box counted otherwise than 0 (see the module comment).
 */
export function corridorsOf<F>(layer: CorridorLayer<F>, group: BoxGroup): CorridorSplit<F> | null {
  if (group.members.length < CORRIDOR_FROM) return null;
  const { x: dx, y: dy } = toleranceDegreesXY(CORRIDOR_MARGIN_M, Math.max(Math.abs(group.box[1]), Math.abs(group.box[3])));
  const grow = (m: BBox): BBox => [m[0] - dx, m[1] - dy, m[2] + dx, m[3] + dy];
  // The runs depend on the stretches only: remembered by them, across edits that leave them as they were.
  const split = layer.memo(`${layer.name}:runs:${boxesKey(group.members)}`, [dx, dy], () => {
    // Worth it only where the box holds many more features than there are stretches (a whole village
    // inside a ring), or many more vertices (a few zones traced on those parcels: the 2026 GKBJ's 7 of
    // 85,280 vertices in 514 stretches, whose union whole was 2 s): a layer not drawn yet, or a few large
    // features along a detailed coast, are cheaper clipped by the box than the union of thousands of
    // stretch boxes the pieces' count needs (8 s for the 90 districts' coast).
    if (!worthACorridor(group.members.length, layer.count(group.box), () => verticesNear(layer, group.box))) return null;
    const runs = touchingRuns(group.members);
    return joinRuns(
      runs.filter((r) => r.length >= CORRIDOR_FROM),
      runs.filter((r) => r.length < CORRIDOR_FROM).flat(),
      grow,
    );
  });
  if (!split || split.rings.length === 0) return null;
  const { rings, smalls } = split;
  // Each ring's region: its stretch boxes grown by the margin, then out to the SNAP_DEG grid, so an edit that
  // moves a stretch by less than a grid step leaves the region, and the blocks its union is made of
  // (cluster-blocks.ts), as they were.
  const regions = rings.map((ring) => regionOf(layer, snappedBoxes(ring.map(grow))));
  // Outside every corridor and small box no stretch lies: the pieces there depend on the regions and boxes
  // only, and are found once for them; each piece's count is asked again at every check (a few point
  // lookups), so the answer after edits is a fresh check's.
  // Kept by the regions and boxes, not by the stretches, which an edit along the corridor changes.
  const boxText = boxesText([group.box, ...smalls.map((s) => s.box)]);
  const points = layer.memo(`${layer.name}:pieces:${textHash(boxText)}`, [...regions, boxText], () =>
    piecePoints(group.box, [...regions.flatMap((r) => r.polygons.map((p) => [p])), ...smalls.map((s) => [boxPolygon(s.box)])]),
  );
  if (!points.every((candidates) => pieceCountsZero(layer, candidates))) return null;
  const corridors = regions.map(({ boxes, region, key, queries }): Corridor<F> => ({ box: boxOf(boxes), region, reach: boxes, features: reaching(layer, queries), key }));
  return { corridors, boxes: smalls.map((s) => s.box) };
}

/**
 * Whether a merged cluster of `stretches` whose box holds `features` (of `vertices()`, asked only when the
 * features are few) is worth trying as corridors (corridorsOf).
 */
export function worthACorridor(stretches: number, features: number, vertices: () => number = () => 0): boolean {
  return stretches >= CORRIDOR_FROM && features > 0 && (2 * stretches < features || VERTICES_PER_STRETCH * stretches < vertices());
}

/** The vertices of the layer's features reaching into the box. */
function verticesNear<F>(layer: CorridorLayer<F>, box: BBox): number {
  let count = 0;
  for (const feature of layer.near([box])) {
    const geometry = layer.geometryOf(feature);
    for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) for (const ring of polygon) count += ring.length;
  }
  return count;
}

/** The boxes in runs that touch one another (no box grown: a run is what one line of stretches makes). */
function touchingRuns(boxes: readonly BBox[]): BBox[][] {
  const packed = new Float64Array(boxes.length * 4);
  boxes.forEach((b, i) => packed.set(b, 4 * i));
  return linkedGroups(boxes, (link) => forEachOverlappingPair(packed, link));
}

/**
 * Long runs joined where their grown boxes meet, and the other stretches merged box by box (as
 * mergeTouchingBoxGroups) and joined to a long run their box meets, until nothing more meets: the corridors
 * and the small boxes are then apart, so nothing is clipped, and reported, twice.
 */
function joinRuns(long: BBox[][], loose: BBox[], grow: (b: BBox) => BBox): { rings: BBox[][]; smalls: BoxGroup[] } {
  let rings = long;
  let rest = loose;
  for (;;) {
    const smalls = mergeTouchingBoxGroups(rest);
    const nodes = rings.length + smalls.length;
    const parent = Array.from({ length: nodes }, (_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
      return i;
    };
    const owner: number[] = [];
    const boxes: BBox[] = [];
    rings.forEach((ring, k) => ring.forEach((b) => (boxes.push(grow(b)), owner.push(k))));
    smalls.forEach((s, k) => (boxes.push(s.box), owner.push(rings.length + k)));
    const packed = new Float64Array(boxes.length * 4);
    boxes.forEach((b, i) => packed.set(b, 4 * i));
    let joined = false;
    forEachOverlappingPair(packed, (i, j) => {
      const [a, b] = [find(owner[i] as number), find(owner[j] as number)];
      if (a === b) return;
      parent[a] = b;
      joined = true;
    });
    if (!joined) return { rings, smalls };
    const members = new Map<number, { ring: boolean; boxes: BBox[] }>();
    for (let k = 0; k < nodes; k++) {
      const root = find(k);
      const into = members.get(root) ?? { ring: false, boxes: [] };
      into.ring ||= k < rings.length;
      into.boxes.push(...(k < rings.length ? (rings[k] as BBox[]) : (smalls[k - rings.length] as BoxGroup).members));
      members.set(root, into);
    }
    rings = [...members.values()].filter((m) => m.ring).map((m) => m.boxes);
    rest = [...members.values()].filter((m) => !m.ring).flatMap((m) => m.boxes);
  }
}

/**
 * Points inside each piece of `box` outside `taken` (lon/lat polygons), where countsZero tells whether that
 * piece is counted 0 (module comment): its interior point, then a few beside it inside the piece, for when
 * the first lies on an edge (a grid of parcels, a region snapped to a grid: the middle of a piece can fall
 * on a parcel's edge, and one point there would have the whole cluster clipped).
 */
function piecePoints(box: BBox, taken: readonly (readonly FlatPolygon[])[]): Position[][] {
  return clipParts('difference', [boxPolygon(box)], [unionOf(taken)], 0).flatMap((piece) => {
    const rings = lonLatRings(piece.polygon);
    const point = interiorPoint({ type: 'Polygon', coordinates: rings });
    if (!point) return [];
    const [x, y] = point as [number, number];
    const { x: dx, y: dy } = toleranceDegreesXY(1, Math.abs(y));
    const beside = ASIDE_M.map(([ex, ey]): Position => [x + ex * dx, y + ey * dy]).filter((p) => pointInPolygonRings(p, rings) === 'inside');
    return [[point, ...beside]];
  });
}

interface Region {
  /** The boxes, grown and snapped (snappedBoxes). */
  readonly boxes: readonly BBox[];
  /** Their union (lon/lat), as a geometry and as polygons. */
  readonly region: MultiPolygon;
  readonly polygons: readonly FlatPolygon[];
  /** Tells this region from another. */
  readonly key: string;
  /** Per block, the box of the boxes' parts in it and those parts: what the layer is asked for features by (reaching). */
  readonly queries: readonly Query[];
}

interface Query {
  readonly box: BBox;
  readonly parts: readonly BBox[];
}

/**
 * The layer's features reaching into any box of the region (its parts tile each box, so a feature meets a box
 * where it meets one of its parts), as CorridorLayer.near lists them: asked once per block and sifted by
 * the parts, not once per box (~600 index searches at every check of the 24,000-parcel village).
 */
function reaching<F>(layer: CorridorLayer<F>, queries: readonly Query[]): readonly F[] {
  return layer.near(queries.map((q) => q.box)).filter((f) => {
    const b = rememberedBBox(layer.geometryOf(f));
    return queries.some((q) => bboxIntersects(b, q.box) && q.parts.some((p) => bboxIntersects(b, p)));
  });
}

/**
 * The union of a ring's boxes, the same object while they are the same. Made block by block (REGION_BLOCK_DEG
 * squares, each box cut to them: a rectangle still), each block's union kept by its rectangles: an edit that
 * moves one stretch across the snapping grid re-unions a block or two and joins the blocks' unions, where the
 * union of ~600 boxes at once took ~55 ms.
 */
function regionOf<F>(layer: CorridorLayer<F>, boxes: readonly BBox[]): Region {
  const text = boxesText(boxes);
  const key = `${boxes.length}:${textHash(text)}`;
  return layer.memo(`${layer.name}:region:${key}`, [text], () => {
    const byBlock = new Map<string, BBox[]>();
    for (const b of boxes) {
      for (let i = Math.floor(b[0] / REGION_BLOCK_DEG); i * REGION_BLOCK_DEG < b[2]; i++) {
        for (let j = Math.floor(b[1] / REGION_BLOCK_DEG); j * REGION_BLOCK_DEG < b[3]; j++) {
          const part: BBox = [Math.max(b[0], i * REGION_BLOCK_DEG), Math.max(b[1], j * REGION_BLOCK_DEG), Math.min(b[2], (i + 1) * REGION_BLOCK_DEG), Math.min(b[3], (j + 1) * REGION_BLOCK_DEG)];
          if (part[0] >= part[2] || part[1] >= part[3]) continue;
          const cell = `${i},${j}`;
          addToList(byBlock, cell, part);
        }
      }
    }
    const queries: Query[] = [];
    const blocks = [...byBlock.keys()].sort().map((cell) => {
      const parts = outermost(byBlock.get(cell) as BBox[]);
      queries.push({ box: boxOf(parts), parts });
      const partsText = boxesText(parts);
      return layer.memo(`${layer.name}:region-block:${cell}`, [partsText], () => unionOf(parts.map((p) => [boxPolygon(p)])));
    });
    const polygons = unionOf(blocks);
    return { boxes, region: { type: 'MultiPolygon', coordinates: polygons.map(lonLatRings) }, polygons, key, queries };
  });
}

function boxOf(boxes: readonly BBox[]): BBox {
  const out: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) [out[0], out[1], out[2], out[3]] = [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])];
  return out;
}

/** Whether a piece is counted 0 at the first of its points clear of every edge (none clear: not). */
function pieceCountsZero<F>(layer: CorridorLayer<F>, candidates: readonly Position[]): boolean {
  for (const point of candidates) {
    const count = countAt(layer, point);
    if (count !== null) return count === 0;
  }
  return false;
}

/** How many more times the layer covers the point than the region does; null when it lies near an edge of either. */
function countAt<F>(layer: CorridorLayer<F>, point: Position): number | null {
  const [x, y] = point as [number, number];
  const m = metresPerDegree(y);
  const at: BBox = [x, y, x, y];
  let count = 0;
  for (const [sign, geometries] of [[-1, layer.regionNear(at)], [1, layer.near([at]).map((f) => layer.geometryOf(f))]] as const) {
    for (const geometry of geometries) {
      const where = PreparedArea.of(geometry).locateNear(x, y, m.x, m.y, CLEARANCE_M);
      if (where === 'boundary') return null;
      if (where === 'inside') count += sign;
    }
  }
  return count;
}

function lonLatRings(polygon: FlatPolygon): Position[][] {
  return polygon.map((ring) => {
    const points: Position[] = [];
    for (let i = 0; i + 1 < ring.length; i += 2) points.push([ring[i] as number, ring[i + 1] as number]);
    return points;
  });
}

/** A short key of the stretches' boxes (a hash: equal keys with other features are told apart by the memo's inputs). */
function boxesKey(boxes: readonly BBox[]): string {
  let h = 0x811c9dc5;
  for (const b of boxes) h = Math.imul(h ^ hashEdge(b[0], b[1], b[2], b[3]), 0x01000193);
  return `${boxes.length}:${(h >>> 0).toString(36)}`;
}

/** The boxes grown out to the SNAP_DEG grid, each once, in a fixed order. */
function snappedBoxes(boxes: readonly BBox[]): BBox[] {
  const snapped = new Map<string, BBox>();
  for (const b of boxes) {
    const out: BBox = [Math.floor(b[0] / SNAP_DEG) * SNAP_DEG, Math.floor(b[1] / SNAP_DEG) * SNAP_DEG, Math.ceil(b[2] / SNAP_DEG) * SNAP_DEG, Math.ceil(b[3] / SNAP_DEG) * SNAP_DEG];
    snapped.set(out.join(','), out);
  }
  return [...snapped.keys()].sort().map((k) => snapped.get(k) as BBox);
}

/** The boxes that lie inside no other (the first of equal ones): their union is all of theirs. */
function outermost(boxes: readonly BBox[]): BBox[] {
  const inside = (a: BBox, b: BBox) => a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3];
  return boxes.filter((a, i) => !boxes.some((b, k) => k !== i && inside(a, b) && (!inside(b, a) || k < i)));
}

/** The boxes' coordinates as text: what a memo compares them by. */
function boxesText(boxes: readonly BBox[]): string {
  return boxes.map((b) => b.join(',')).join(';');
}

function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
