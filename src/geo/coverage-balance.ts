/**
 * The edge balance of a partition layer, tolerant of real data. The exact balance (edge-balance.ts) cancels
 * every edge that two neighbours share bit for bit; what it leaves open is either a real imbalance (a gap, an
 * overlap, an overhang) or harmless misalignment: T-junctions (a parcel's vertex on the inside of the
 * boundary's edge, as a survey export clipped to another layer's boundary has all along it), and vertices
 * moved off a neighbour's edge by fractions of a millimetre (reprojection, a 0.0001 m grid).
 *
 * Open edges are grouped by the line they lie on, within the tolerance (in ground metres, on either the
 * lon/lat chord or the Gauss-Krüger chord: chord-frame.ts), and their signed counts summed as intervals
 * along it (line-pieces.ts); only stretches longer than the tolerance where the sum is not zero remain. Their
 * boxes are the clusters that must be clipped; a clean coverage has none, however misaligned within the
 * tolerance. Groups are kept between patches: a patch re-resolves only the groups its edges belong to.
 */
import RBush from 'rbush';
import type { AreaGeometry } from '../domain/features.ts';
import { bboxIntersects, geometryBBox, type BBox } from './bbox.ts';
import { ChordFrame } from './chord-frame.ts';
import { linkedGroups } from './linked-groups.ts';
import { EdgeBalance, mergeTouchingBoxGroups, type BoxGroup, type OpenEdgeCount } from './edge-balance.ts';
import { unbalancedPieces, type Piece, type SignedInterval } from './line-pieces.ts';
import { polygonsOf } from './rings.ts';
import { forEachOverlappingPair } from './segments.ts';

/** An edge the exact balance leaves open, in the frame's metres, walked in its record's direction. */
interface OpenEdge {
  /** The exact balance's record of the edge: its identity while it stays open. */
  readonly record: OpenEdgeCount;
  readonly count: number;
  /** Ends in frame metres, in the record's direction. */
  readonly ax: number;
  readonly ay: number;
  readonly bx: number;
  readonly by: number;
  readonly length: number;
  /** Tolerance plus how far this edge's two chords (lon/lat, GK) lie apart. */
  readonly allowance: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  group: number;
}

interface Group {
  readonly members: readonly OpenEdge[];
  /** Unbalanced stretches as lon/lat boxes. */
  readonly boxes: readonly BBox[];
}

export class CoverageBalance {
  private readonly exact = new EdgeBalance();
  private frame: ChordFrame | undefined;
  /** Open edges by record, for following edits; after a rebuild only `unindexed` holds them until the first edit. */
  private readonly edges = new Map<OpenEdgeCount, OpenEdge>();
  private unindexed: OpenEdge[] | undefined;
  private readonly tree = new RBush<OpenEdge>();
  private readonly groups = new Map<number, Group>();
  /** Groups that keep an unbalanced stretch: a handful, where `groups` holds one per open line. */
  private readonly unbalanced = new Set<number>();
  private nextGroup = 1;
  private clusterBoxes: BoxGroup[] | undefined;

  constructor(private readonly toleranceM: number) {}

  /** Adds (sign +1) or removes (sign −1) a geometry's edges. */
  add(geometry: AreaGeometry, sign: 1 | -1): void {
    if (!this.frame) this.frame = frameFor(geometry);
    this.exact.add(geometry, sign);
  }

  /** True when no stretch longer than the tolerance is unbalanced. */
  get balanced(): boolean {
    return this.clusterGroups().length === 0;
  }

  /** Boxes (lon/lat) of the unbalanced stretches, merged where they meet: each holds whole problems. */
  clusters(): BBox[] {
    return this.clusterGroups().map((group) => group.box);
  }

  /** `clusters()` with the boxes of the stretches each was merged from. */
  clusterGroups(): readonly BoxGroup[] {
    this.resolve();
    if (!this.clusterBoxes) this.clusterBoxes = mergeTouchingBoxGroups([...this.unbalanced].flatMap((id) => (this.groups.get(id) as Group).boxes));
    return this.clusterBoxes;
  }

  /**
   * True when the geometry's box meets a cluster: elsewhere the geometry lies where the layer and the
   * boundary agree. Where they disagree (a gap, an overlap, a part outside) is a region bounded by
   * unbalanced stretches, and a closed run of stretches merges into one cluster holding what it bounds. The
   * geometry's own edges need not be among them: a parcel drawn over a hole of the boundary (another
   * village's enclave) has none of the hole's edges, and a parcel inside the hole may have none either.
   */
  meetsCluster(geometry: AreaGeometry): boolean {
    const box = geometryBBox(geometry);
    return this.clusterGroups().some((c) => bboxIntersects(c.box, box));
  }

  /**
   * Builds what following edits needs after a whole-layer build (the open edges by record, their tree):
   * done by the first edit otherwise, which on a misaligned 20,000-parcel layer then takes ~0.25 s. An
   * editor calls it once the first check is shown; a one-off check never does.
   */
  prepareForEdits(): void {
    this.resolve();
    this.index();
  }

  private index(): void {
    if (!this.unindexed) return;
    for (const edge of this.unindexed) this.edges.set(edge.record, edge);
    this.tree.load(this.unindexed.filter((e) => e.length > this.toleranceM));
    this.unindexed = undefined;
  }

  /** Brings the groups in step with the exact balance's changed edges. */
  private resolve(): void {
    const changed = this.exact.takeChanged();
    if (changed !== 'all' && changed.size === 0) return;
    this.clusterBoxes = undefined;
    if (changed === 'all') this.rebuild();
    else this.update(changed);
  }

  /**
   * Every group anew: twins paired by cell, the rest's boxes paired by one sweep and joined by union–find.
   * The record index and the tree for later edits are built on the first edit: a one-off check (the CLI)
   * never needs them.
   */
  private rebuild(): void {
    const frame = this.frame as ChordFrame;
    this.edges.clear();
    this.groups.clear();
    this.unbalanced.clear();
    this.tree.clear();
    const all: OpenEdge[] = [];
    for (const record of this.exact.openEdges()) all.push(openEdge(record, frame, this.toleranceM));
    this.unindexed = all;
    const lined = this.pairTwins(all.filter((e) => e.length > this.toleranceM));
    const boxes = new Float64Array(lined.length * 4);
    lined.forEach((e, i) => {
      boxes[4 * i] = e.minX;
      boxes[4 * i + 1] = e.minY;
      boxes[4 * i + 2] = e.maxX;
      boxes[4 * i + 3] = e.maxY;
    });
    const lines = linkedGroups(lined, (link) =>
      forEachOverlappingPair(boxes, (i, j) => {
        if (onOneLine(lined[i] as OpenEdge, lined[j] as OpenEdge, this.toleranceM)) link(i, j);
      }),
    );
    for (const list of lines) this.addGroup(list);
    for (const edge of all) if (edge.group === 0) this.addGroup([edge]);
  }

  /**
   * Pairs each edge with its twin, the neighbour's copy of the same edge walked the other way with ends
   * within the tolerance (a survey's shared edge after reprojection), by the cell of its midpoint; each pair
   * cancels to stretches shorter than the tolerance, so it becomes a group of two without a sweep. Returns
   * the edges left unpaired, which the sweep groups by line.
   */
  private pairTwins(edges: readonly OpenEdge[]): OpenEdge[] {
    const tolerance = this.toleranceM;
    // Twins' midpoints lie within the tolerance of each other, so a midpoint's twin is in the square of
    // side 2 × tolerance around it; with cells twice that side, the square meets one cell per axis half
    // the time, and most searches look in one or two cells.
    const cell = 4 * tolerance;
    // An edge alone in its cell is kept as itself, a list only where several wait: most cells hold one.
    const waiting = new Map<number, OpenEdge | OpenEdge[]>();
    for (const edge of edges) {
      const mx = (edge.ax + edge.bx) / 2;
      const my = (edge.ay + edge.by) / 2;
      const twin = this.takeTwin(edge, waiting, mx, my, cell);
      if (twin) {
        const id = this.nextGroup++;
        edge.group = twin.group = id;
        this.groups.set(id, { members: [edge, twin], boxes: NONE });
        continue;
      }
      const key = cellKey(Math.floor(mx / cell), Math.floor(my / cell));
      const there = waiting.get(key);
      if (there === undefined) waiting.set(key, edge);
      else if (Array.isArray(there)) there.push(edge);
      else waiting.set(key, [there, edge]);
    }
    return edges.filter((e) => e.group === 0);
  }

  /** The waiting twin of `edge` (taken out of its cell), if any. */
  private takeTwin(edge: OpenEdge, waiting: Map<number, OpenEdge | OpenEdge[]>, mx: number, my: number, cell: number): OpenEdge | undefined {
    const tolerance = this.toleranceM;
    const lastI = Math.floor((mx + tolerance) / cell);
    const lastJ = Math.floor((my + tolerance) / cell);
    for (let i = Math.floor((mx - tolerance) / cell); i <= lastI; i++) {
      for (let j = Math.floor((my - tolerance) / cell); j <= lastJ; j++) {
        const key = cellKey(i, j);
        const there = waiting.get(key);
        if (there === undefined) continue;
        if (!Array.isArray(there)) {
          if (!areTwins(edge, there, tolerance)) continue;
          waiting.delete(key);
          return there;
        }
        for (let k = 0; k < there.length; k++) {
          const other = there[k] as OpenEdge;
          if (!areTwins(edge, other, tolerance)) continue;
          there[k] = there[there.length - 1] as OpenEdge;
          there.pop();
          return other;
        }
      }
    }
    return undefined;
  }

  /** Only the groups the changed edges belonged to or now join. */
  private update(changed: ReadonlySet<OpenEdgeCount>): void {
    const frame = this.frame as ChordFrame;
    this.index();
    const seeds = new Set<OpenEdge>();
    for (const record of changed) {
      const old = this.edges.get(record);
      if (old) {
        this.dissolve(old.group, seeds);
        if (old.length > this.toleranceM) this.tree.remove(old);
        this.edges.delete(record);
        seeds.delete(old);
      }
      // Count 0: the edge has balanced since, and left the exact balance.
      if (record.count === 0) continue;
      const edge = openEdge(record, frame, this.toleranceM);
      this.edges.set(record, edge);
      seeds.add(edge);
      // Edges shorter than the tolerance point nowhere in particular; they join no line (and can hide no
      // stretch longer than the tolerance on their own).
      if (edge.length > this.toleranceM) this.tree.insert(edge);
    }
    for (const seed of seeds) if (seed.group === 0 && this.edges.get(seed.record) === seed) this.build(seed, seeds);
  }

  private dissolve(groupId: number, seeds: Set<OpenEdge>): void {
    const group = this.groups.get(groupId);
    if (!group) return;
    this.groups.delete(groupId);
    this.unbalanced.delete(groupId);
    for (const member of group.members) {
      member.group = 0;
      seeds.add(member);
    }
  }

  /** The line group of `seed`: every open edge collinear with it within the tolerance, transitively. */
  private build(seed: OpenEdge, seeds: Set<OpenEdge>): void {
    const id = this.nextGroup++;
    seed.group = id;
    const members = [seed];
    if (seed.length > this.toleranceM) {
      for (let i = 0; i < members.length; i++) {
        const edge = members[i] as OpenEdge;
        for (const other of this.tree.search(edge)) {
          if (other.group === id || !onOneLine(edge, other, this.toleranceM)) continue;
          if (other.group !== 0) this.dissolve(other.group, seeds);
          other.group = id;
          members.push(other);
        }
      }
    }
    this.setGroup(id, members);
  }

  private addGroup(members: OpenEdge[]): void {
    const id = this.nextGroup++;
    for (const member of members) member.group = id;
    this.setGroup(id, members);
  }

  private setGroup(id: number, members: OpenEdge[]): void {
    const group = resolveGroup(members, this.frame as ChordFrame, this.toleranceM);
    this.groups.set(id, group);
    if (group.boxes.length > 0) this.unbalanced.add(id);
  }
}

/** The boxes of a balanced group: one shared empty list, not one per group (a misaligned coverage has a group per shared edge). */
const NONE: readonly never[] = Object.freeze([]);

function frameFor(geometry: AreaGeometry): ChordFrame {
  const first = polygonsOf(geometry)[0]?.[0]?.[0];
  return new ChordFrame((first?.[0] as number | undefined) ?? 120, (first?.[1] as number | undefined) ?? 30);
}

function openEdge(record: OpenEdgeCount, frame: ChordFrame, toleranceM: number): OpenEdge {
  const { count, ax: lon1, ay: lat1, bx: lon2, by: lat2 } = record;
  const ax = frame.x(lon1);
  const ay = frame.y(lat1);
  const bx = frame.x(lon2);
  const by = frame.y(lat2);
  const allowance = toleranceM + frame.chordSagitta(lon2 - lon1, lat2 - lat1);
  return {
    record,
    count,
    ax,
    ay,
    bx,
    by,
    length: Math.hypot(bx - ax, by - ay),
    allowance,
    minX: Math.min(ax, bx) - allowance,
    minY: Math.min(ay, by) - allowance,
    maxX: Math.max(ax, bx) + allowance,
    maxY: Math.max(ay, by) + allowance,
    group: 0,
  };
}

/**
 * A small integer for the cell (i, j), so the cell map hashes numbers, not text. Distinct cells may share
 * one; that only puts another candidate in a list, which the twin test sorts out.
 */
function cellKey(i: number, j: number): number {
  return (Math.imul(i, 73_856_093) ^ Math.imul(j, 19_349_663)) | 0;
}

/** The same edge seen by two features: ends within the tolerance, counts cancelling along it. */
function areTwins(e: OpenEdge, f: OpenEdge, tolerance: number): boolean {
  const near = (x1: number, y1: number, x2: number, y2: number) => Math.abs(x1 - x2) <= tolerance && Math.abs(y1 - y2) <= tolerance && Math.hypot(x1 - x2, y1 - y2) <= tolerance;
  if (near(e.ax, e.ay, f.ax, f.ay) && near(e.bx, e.by, f.bx, f.by)) return e.count + f.count === 0;
  if (near(e.ax, e.ay, f.bx, f.by) && near(e.bx, e.by, f.ax, f.ay)) return e.count - f.count === 0;
  return false;
}

/**
 * Both ends of the shorter edge lie within the tolerance of the longer one's line, or of its other chord,
 * and the two overlap along it: the shorter is (part of) the same stretch of boundary, seen by another
 * feature. The two chords (lon/lat, GK) of an edge meet at its ends and lie `sagitta` apart at its middle,
 * 4·sagitta·t·(1 − t) apart a fraction t along it (the bend is quadratic), so a vertex on either chord is
 * within the tolerance plus that of the line. A flat band of tolerance + sagitta all along (as before)
 * grouped the two sides of a gap 1.1 mm wide and 200 m long, whose ends lie 1.1 mm apart: the gap was never
 * clipped whole, and came out as two 0.002 m² crumbs at its ends, under the report area.
 */
function onOneLine(e: OpenEdge, f: OpenEdge, toleranceM: number): boolean {
  const [long, short] = e.length >= f.length ? [e, f] : [f, e];
  if (short.length === 0) return false;
  const ux = (long.bx - long.ax) / long.length;
  const uy = (long.by - long.ay) / long.length;
  const ta = (short.ax - long.ax) * ux + (short.ay - long.ay) * uy;
  const tb = (short.bx - long.ax) * ux + (short.by - long.ay) * uy;
  if (Math.max(ta, tb) <= 0 || Math.min(ta, tb) >= long.length) return false;
  const sagitta = long.allowance - toleranceM;
  const bend = (t: number) => (4 * sagitta * Math.abs(t * (long.length - t))) / (long.length * long.length);
  const offA = Math.abs((short.ax - long.ax) * uy - (short.ay - long.ay) * ux);
  const offB = Math.abs((short.bx - long.ax) * uy - (short.by - long.ay) * ux);
  return offA <= toleranceM + bend(ta) && offB <= toleranceM + bend(tb);
}

/** Sums the group's counts along its longest member and turns what stays unbalanced into lon/lat boxes. */
function resolveGroup(members: readonly OpenEdge[], frame: ChordFrame, toleranceM: number): Group {
  const reference = members.reduce((a, b) => (b.length > a.length ? b : a));
  if (reference.length <= toleranceM) return { members, boxes: NONE };
  const ux = (reference.bx - reference.ax) / reference.length;
  const uy = (reference.by - reference.ay) / reference.length;
  const spans: SignedInterval[] = members.map((m) => ({ from: (m.ax - reference.ax) * ux + (m.ay - reference.ay) * uy, to: (m.bx - reference.ax) * ux + (m.by - reference.ay) * uy, count: m.count }));
  // Offsets and bends only where the members can lie further apart across the line than the tolerance: most
  // groups, an edge alone or a shared edge's copies a fraction of a millimetre apart, are told by their counts.
  if (members.length > 1) withOffsets(members, spans, reference, frame, toleranceM);
  const pieces = unbalancedPieces(spans, toleranceM);
  if (pieces.length === 0) return { members, boxes: NONE };
  const margin = reference.allowance;
  return { members, boxes: pieces.map((piece) => pieceBox(piece, members, spans, margin, frame)) };
}

/**
 * Gives the spans how far their members lie across the line from the reference edge, and their GK chords'
 * bends, when the members may lie further apart than the tolerance: their ends' range, each GK chord at most
 * its sagitta (allowance − tolerance) off its lon/lat chord.
 */
function withOffsets(members: readonly OpenEdge[], spans: SignedInterval[], reference: OpenEdge, frame: ChordFrame, toleranceM: number): void {
  const ux = (reference.bx - reference.ax) / reference.length;
  const uy = (reference.by - reference.ay) / reference.length;
  const offsets = new Float64Array(2 * members.length);
  let low = Infinity;
  let high = -Infinity;
  members.forEach((m, k) => {
    const from = (m.ay - reference.ay) * ux - (m.ax - reference.ax) * uy;
    const to = (m.by - reference.ay) * ux - (m.bx - reference.ax) * uy;
    const sagitta = m.allowance - toleranceM;
    offsets[2 * k] = from;
    offsets[2 * k + 1] = to;
    low = Math.min(low, from - sagitta, to - sagitta);
    high = Math.max(high, from + sagitta, to + sagitta);
  });
  if (high - low <= toleranceM) return;
  members.forEach((m, k) => {
    spans[k] = { ...(spans[k] as SignedInterval), offsetFrom: offsets[2 * k] as number, offsetTo: offsets[2 * k + 1] as number, bend: bendAcross(m, frame, ux, uy) };
  });
}

/** Where the member's GK chord lies at its middle across the line (unit direction ux, uy) from its lon/lat chord (m). */
function bendAcross(member: OpenEdge, frame: ChordFrame, ux: number, uy: number): number {
  const { ax, ay, bx, by } = member.record;
  const [east, north] = frame.chordBend(bx - ax, by - ay);
  return north * ux - east * uy;
}

/**
 * The box of a stretch: around the members' own segments over it, not around the reference edge's line.
 * A group can run along a whole row of parcels, each edge jittered by a fraction of a millimetre, and the
 * reference's line drifts millimetres away from edges tens of metres along it: a box on that line would
 * miss the stretch it stands for and not meet the boxes of the same gap's other sides.
 */
function pieceBox(piece: Piece, members: readonly OpenEdge[], spans: readonly Piece[], margin: number, frame: ChordFrame): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  members.forEach((m, i) => {
    const span = spans[i] as Piece;
    const lo = Math.max(Math.min(span.from, span.to), piece.from);
    const hi = Math.min(Math.max(span.from, span.to), piece.to);
    if (lo > hi) return;
    for (const along of [lo, hi]) {
      const f = span.to === span.from ? 0 : (along - span.from) / (span.to - span.from);
      const x = m.ax + f * (m.bx - m.ax);
      const y = m.ay + f * (m.by - m.ay);
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  });
  return [frame.lon(minX - margin), frame.lat(minY - margin), frame.lon(maxX + margin), frame.lat(maxY + margin)];
}
