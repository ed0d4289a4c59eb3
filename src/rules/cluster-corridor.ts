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
 * Both profiles use it: the 2017 plan's partition layers against the village boundary (partition-clusters.ts)
 * and the 2026 database's against the CJDCQ or the layer they were made from (ydyh/database-coverage.ts),
 * each handing over its layer as a CorridorLayer (a 2026 CJDCQ 0.3 m off: 28 → 7.4 s of CPU at 19,102 parcels).
 * On data whose seams hold slits thinner than the tolerance (±0.3 mm jitter) a gap can differ from the
 * whole box's by those slits: a gap clipped whole keeps every slit joined to it, the corridor cuts them at
 * its edge (docs/performance.md, tenth session).
 */
import type { MultiPolygon, Position } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import type { BBox } from '../geo/bbox.ts';
import { hashEdge, mergeTouchingBoxGroups, type BoxGroup } from '../geo/edge-balance.ts';
import { linkedGroups } from '../geo/linked-groups.ts';
import { forEachOverlappingPair } from '../geo/segments.ts';
import { boxPolygon, clipParts, unionOf } from '../geo/geos/coverage-overlay.ts';
import type { FlatPolygon } from '../geo/geos/planar-geometry.ts';
import { interiorPoint } from '../geo/interior-point.ts';
import { metresPerDegree, toleranceDegreesXY } from '../geo/local-metric.ts';
import { PreparedArea } from '../geo/prepared-area.ts';

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
  // Outside every corridor and small box no stretch lies: found once, for whichever ring is not remembered.
  let clear: boolean | undefined;
  const piecesClear = () => (clear ??= outsideCountsZero(layer, group.box, [...rings.flatMap((r) => r.map(grow)), ...smalls.map((s) => s.box)]));
  const corridors: Corridor<F>[] = [];
  for (const ring of rings) {
    const grown = ring.map(grow);
    const features = layer.near(grown);
    const regions = new Set(grown.flatMap((g) => layer.regionNear(g)));
    const key = boxesKey(ring);
    // Remembered by the ring's own stretches: a small cluster appearing or going elsewhere in the box changes
    // the count only inside its own box, so the pieces stay counted 0 (module comment).
    // By geometry: a profile may hand out new feature objects for the same geometry at each call.
    const region = layer.memo(`${layer.name}:${key}`, [...regions, ...features.map((f) => layer.geometryOf(f))], () =>
      piecesClear() ? unionOf(grown.map((g) => [boxPolygon(g)])) : null,
    );
    if (!region) return null;
    corridors.push({ box: boxOf(grown), region: { type: 'MultiPolygon', coordinates: region.map(lonLatRings) }, reach: grown, features, key });
  }
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

/** Whether every piece of `box` outside `regions` is covered by the layer as often as by the region, at one point of each. */
function outsideCountsZero<F>(layer: CorridorLayer<F>, box: BBox, regions: readonly BBox[]): boolean {
  const taken = unionOf(regions.map((r) => [boxPolygon(r)]));
  return clipParts('difference', [boxPolygon(box)], [taken], 0).every((piece) => {
    const point = interiorPoint({ type: 'Polygon', coordinates: lonLatRings(piece.polygon) });
    return !point || countsZero(layer, point);
  });
}

function boxOf(boxes: readonly BBox[]): BBox {
  const out: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) [out[0], out[1], out[2], out[3]] = [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])];
  return out;
}

/** Whether the layer covers the point as often as the region does, clear of every edge of either. */
function countsZero<F>(layer: CorridorLayer<F>, point: Position): boolean {
  const [x, y] = point as [number, number];
  const m = metresPerDegree(y);
  const at: BBox = [x, y, x, y];
  let count = 0;
  for (const [sign, geometries] of [[-1, layer.regionNear(at)], [1, layer.near([at]).map((f) => layer.geometryOf(f))]] as const) {
    for (const geometry of geometries) {
      const where = PreparedArea.of(geometry).locateNear(x, y, m.x, m.y, CLEARANCE_M);
      if (where === 'boundary') return false;
      if (where === 'inside') count += sign;
    }
  }
  return count === 0;
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
