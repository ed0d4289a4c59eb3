/**
 * Test support for engine-differential.test.ts (not used by the app): a seeded walk of the editor's real
 * commands over a plan, as a planner's session would make them. Each step picks a command and its
 * arguments from the plan as it stands (a vertex of a zone, a neighbour's edge, the village boundary),
 * runs it, and gives back the patch the editor would send to the validation worker: the command's own,
 * or an undo/redo of the history. Refused commands are steps too (they change nothing and are skipped).
 */
import type { Position } from 'geojson';
import type { AreaFeature, AreaGeometry, PlanFeature } from '../domain/features.ts';
import { applyPatch, type Patch } from '../domain/patch.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { PlanIndex } from '../geo/plan-index.ts';
import { polygonsOf, rings } from '../geo/rings.ts';
import { insertVertex, moveVertex } from '../geo/topology.ts';
import { LAYER_FIELDS } from '../profiles/zhejiang-2017/fields.ts';
import { LAYERS, type DrawnLayerId, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { resolveProfile, ZHEJIANG_2017, type ProfileOverrides } from '../profiles/zhejiang-2017/rule-profile.ts';
import type { Rng } from '../../scripts/sample/prng.ts';
import { addFeature } from './add-feature.command.ts';
import { clipToNeighbours } from './clip-to-neighbours.command.ts';
import type { CommandContext, CommandResult } from './command.ts';
import { copyToLayer } from './copy-to-layer.command.ts';
import { cutHole } from './cut-hole.command.ts';
import { deleteFeatures } from './delete-features.command.ts';
import { drawOverPartition } from './draw-over-partition.command.ts';
import { explodeFeatures } from './explode.command.ts';
import { EMPTY_HISTORY, record, redo, undo, type History } from './history.ts';
import { mergeFeatures } from './merge.command.ts';
import { setJustification, setProfileOverrides, setVillageFigures } from './plan-meta.command.ts';
import { deleteSharedVertex, insertSharedVertex, moveSharedVertex, replaceGeometry } from './reshape.command.ts';
import { setAttribute } from './set-attributes.command.ts';
import { splitFeatures } from './split.command.ts';

const EDITABLE: readonly DrawnLayerId[] = ['functionalZone', 'controlZone', 'demolition', 'newBuild', 'useChange', 'reserve', 'facility', 'consolidationZone'];
/** Degrees of one metre, near enough at 30°N for choosing where to draw. */
const M = 1 / 100_000;

export interface Step {
  readonly op: string;
  readonly patch: Patch;
}

/** A session: the plan as the editor holds it, its history and index, moved on by `step`. */
export class EditWalk {
  plan: Plan;
  private history: History = EMPTY_HISTORY;
  private index: PlanIndex;

  constructor(
    plan: Plan,
    private readonly rng: Rng,
  ) {
    this.plan = plan;
    this.index = PlanIndex.build(plan);
  }

  /** One command chosen at random; its patch (already applied to `plan`), or null if it was refused. */
  step(): Step | null {
    const op = pickWeighted(this.rng, OPS);
    const ctx: CommandContext = { plan: this.plan, index: this.index, profile: resolveProfile(this.plan.meta.profileId, this.plan.meta.profileOverrides) };
    if (op === 'undo' || op === 'redo') {
      const stepped = op === 'undo' ? undo(this.history, this.plan) : redo(this.history, this.plan);
      if (!stepped) return null;
      this.history = stepped.history;
      this.moveTo(stepped.plan, stepped.applied);
      return { op, patch: stepped.applied };
    }
    const result = this.run(op, ctx);
    if (!result?.ok || (result.patch.features.length === 0 && !result.patch.meta)) return null;
    const { plan, inverse } = applyPatch(this.plan, result.patch);
    this.history = record(this.history, result.label, inverse);
    this.moveTo(plan, result.patch);
    return { op, patch: result.patch };
  }

  private moveTo(plan: Plan, patch: Patch): void {
    this.plan = plan;
    this.index.update(patch);
  }

  private run(op: Op, ctx: CommandContext): CommandResult | undefined {
    const rng = this.rng;
    const f = this.pickEditable();
    switch (op) {
      case 'moveVertex': {
        const from = f && this.pickVertex(f.geometry);
        return from ? moveSharedVertex(ctx, from, this.targetFor(from)) : undefined;
      }
      case 'moveOwnVertex': {
        // One feature's copy alone (a reshape finished without snapping): slivers from a hair to metres wide.
        const from = f && this.pickVertex(f.geometry);
        if (!f || !from) return undefined;
        const reach = rng.pick([0.0005, 0.0015, 0.01, 0.5, 5]) * M;
        const moved = moveVertex(f.geometry, from, [(from[0] as number) + rng.float(-reach, reach), (from[1] as number) + rng.float(-reach, reach)]);
        return moved ? replaceGeometry(ctx, f.id, moved) : undefined;
      }
      case 'insertVertex': {
        if (!f) return undefined;
        const [polygonIndex, ringIndex, ring] = this.pickRing(f.geometry);
        const i = rng.int(0, ring.length - 2);
        const [a, b] = [ring[i] as Position, ring[i + 1] as Position];
        const point = lerp(a, b, rng.float(0.1, 0.9));
        const to: Position = rng.chance(0.5) ? point : [(point[0] as number) + rng.float(-3, 3) * M, (point[1] as number) + rng.float(-3, 3) * M];
        return insertSharedVertex(ctx, f.id, a, b, to, insertVertex(f.geometry, polygonIndex, ringIndex, i, to));
      }
      case 'deleteVertex': {
        const at = f && this.pickVertex(f.geometry);
        return at ? deleteSharedVertex(ctx, at) : undefined;
      }
      case 'split': {
        if (!f) return undefined;
        const [x0, y0, x1, y1] = geometryBBox(f.geometry);
        const centre: Position = [rng.float(x0, x1), rng.float(y0, y1)];
        const angle = rng.float(0, Math.PI);
        const reach = Math.hypot(x1 - x0, y1 - y0);
        return splitFeatures(ctx, [f.id], [[(centre[0] as number) - Math.cos(angle) * reach, (centre[1] as number) - Math.sin(angle) * reach], [(centre[0] as number) + Math.cos(angle) * reach, (centre[1] as number) + Math.sin(angle) * reach]]);
      }
      case 'merge': {
        if (!f) return undefined;
        const other = this.index.search(f.layer, geometryBBox(f.geometry)).filter((hit) => hit.id !== f.id);
        return other.length > 0 ? mergeFeatures(ctx, [f.id, rng.pick(other).id]) : undefined;
      }
      case 'delete':
        return f ? deleteFeatures(ctx, [f.id]) : undefined;
      case 'drawOver':
        return drawOverPartition(ctx, { layer: rng.pick(['functionalZone', 'controlZone'] as const), geometry: this.drawnShape() });
      case 'add':
        return addFeature(ctx, { layer: rng.pick(EDITABLE), geometry: this.drawnShape(), clipToNeighbours: rng.chance(0.5) });
      case 'reshape': {
        if (!f) return undefined;
        const [x0, y0, x1, y1] = geometryBBox(f.geometry);
        const grow = rng.float(-0.2, 0.3);
        const [dx, dy] = [(x1 - x0) * grow, (y1 - y0) * grow];
        return replaceGeometry(ctx, f.id, rectangle(x0 - dx, y0 - dy, x1 + dx, y1 + dy));
      }
      case 'makeMultipart': {
        if (!f) return undefined;
        const [, y0, x1] = geometryBBox(f.geometry);
        const size = rng.float(5, 40) * M;
        const island = rectangle(x1 + size, y0, x1 + 2 * size, y0 + size);
        return replaceGeometry(ctx, f.id, { type: 'MultiPolygon', coordinates: [...polygonsOf(f.geometry), ...polygonsOf(island)] as Position[][][] });
      }
      case 'explode': {
        const multi = EDITABLE.flatMap((layer) => layerFeatures(this.plan, layer) as AreaFeature[]).filter((g) => g.geometry.type === 'MultiPolygon');
        return multi.length > 0 ? explodeFeatures(ctx, [rng.pick(multi).id]) : undefined;
      }
      case 'hole': {
        if (!f) return undefined;
        const [x0, y0, x1, y1] = geometryBBox(f.geometry);
        const [cx, cy] = [rng.float(x0, x1), rng.float(y0, y1)];
        const r = rng.float(1, 10) * M;
        return cutHole(ctx, f.id, rectangle(cx - r, cy - r, cx + r, cy + r) as never);
      }
      case 'copyParcel': {
        const parcels = layerFeatures(this.plan, 'base');
        return parcels.length > 0 ? copyToLayer(ctx, [rng.pick(parcels).id], rng.pick(['demolition', 'useChange', 'newBuild'] as const)) : undefined;
      }
      case 'clip':
        return f ? clipToNeighbours(ctx, [f.id]) : undefined;
      case 'attribute':
        return this.attributeEdit(ctx);
      case 'profile':
        return setProfileOverrides(ctx, this.rng.pick(PROFILE_CHANGES));
      case 'justify': {
        // A planner's reason for a sliver warning (min-parcel-area) on a parcel, or its withdrawal.
        const parcels = layerFeatures(this.plan, 'base');
        if (parcels.length === 0) return undefined;
        return setJustification(ctx, `min-parcel-area::${rng.pick(parcels).id}`, rng.chance(0.7) ? '测绘原状' : null, '2026-12-07');
      }
      case 'figures':
        return setVillageFigures(ctx, { population: rng.chance(0.2) ? null : rng.int(100, 3000), households: this.plan.meta.households, reserveQuotaKeptM2: this.plan.meta.reserveQuotaKeptM2, quotas: this.plan.meta.quotas });
    }
  }

  /** A code field of a feature set to another of its codes: reclassify a parcel, retype a zone. */
  private attributeEdit(ctx: CommandContext): CommandResult | undefined {
    const layer = this.rng.pick([...EDITABLE, 'base', 'base', 'base'] as LayerId[]);
    const features = layerFeatures(this.plan, layer) as PlanFeature[];
    const codes = LAYER_FIELDS[layer].filter((s) => s.kind === 'code');
    if (features.length === 0 || codes.length === 0) return undefined;
    const spec = this.rng.pick(codes);
    const options = spec.kind === 'code' ? spec.options(ctx.profile) : [];
    if (options.length === 0) return undefined;
    return setAttribute(ctx, [this.rng.pick(features).id], spec.key, this.rng.pick(options).code);
  }

  private pickEditable(): AreaFeature | undefined {
    const layer = this.rng.chance(0.7) ? this.rng.pick(['functionalZone', 'controlZone'] as const) : this.rng.pick(EDITABLE);
    const features = (layerFeatures(this.plan, layer) as PlanFeature[]).filter((g): g is AreaFeature => g.geometry.type !== 'Point' && LAYERS[g.layer].geometryEditable);
    return features.length > 0 ? this.rng.pick(features) : undefined;
  }

  private pickRing(geometry: AreaGeometry): [number, number, readonly Position[]] {
    const all = [...rings(geometry)];
    const { polygonIndex, ringIndex, ring } = this.rng.pick(all);
    return [polygonIndex, ringIndex, ring];
  }

  private pickVertex(geometry: AreaGeometry): Position | undefined {
    const [, , ring] = this.pickRing(geometry);
    return ring[this.rng.int(0, ring.length - 2)];
  }

  /**
   * Where a dragged vertex lands: a step of metres, a hair (around the 1 mm tolerance), a point on a
   * neighbour's edge (any layer: a parcel, another zone), or a point on the village boundary.
   */
  private targetFor(from: Position): Position {
    const rng = this.rng;
    const kind = rng.pick(['metres', 'hair', 'edge', 'edge', 'boundary'] as const);
    const [x, y] = from as [number, number];
    if (kind === 'metres') return [x + rng.float(-20, 20) * M, y + rng.float(-20, 20) * M];
    if (kind === 'hair') return [x + rng.float(-0.002, 0.002) * M, y + rng.float(-0.002, 0.002) * M];
    const near = kind === 'boundary' ? layerFeatures(this.plan, 'boundary') : this.index.search(['base', 'functionalZone', 'controlZone'], [x - 30 * M, y - 30 * M, x + 30 * M, y + 30 * M]).map((hit) => this.plan.layers[hit.layer][hit.id] as PlanFeature);
    const edges = near.flatMap((g) => (g && g.geometry.type !== 'Point' ? [...rings(g.geometry)].flatMap(({ ring }) => ring.slice(1).map((b, i): [Position, Position] => [ring[i] as Position, b])) : []));
    if (edges.length === 0) return [x, y];
    // The nearest of a few edges, and the point of it nearest the vertex: a drag that snaps.
    let best: Position = [x, y];
    let bestDistance = Infinity;
    for (let k = 0; k < 12; k++) {
      const [a, b] = rng.pick(edges);
      const p = closestOnSegment(from, a, b);
      const d = Math.hypot((p[0] as number) - x, (p[1] as number) - y);
      if (d < bestDistance) [best, bestDistance] = [p, d];
    }
    return bestDistance < 50 * M ? best : lerp(...rng.pick(edges), rng.next());
  }

  /** A shape a planner draws: a quadrilateral of 10–150 m around a point of the village. */
  private drawnShape(): AreaGeometry {
    const rng = this.rng;
    const [x0, y0, x1, y1] = geometryBBox((layerFeatures(this.plan, 'boundary')[0] as AreaFeature).geometry);
    const [cx, cy] = [rng.float(x0, x1), rng.float(y0, y1)];
    const r = () => rng.float(5, 75) * M;
    return { type: 'Polygon', coordinates: [[[cx - r(), cy - r()], [cx + r(), cy - r()], [cx + r(), cy + r()], [cx - r(), cy + r()], [cx - r(), cy - r()]].map((p, i, all) => (i === all.length - 1 ? all[0] as Position : p))] };
  }
}

/** A county's own rule numbers, as its planners enter them (none of these is the default). */
const PROFILE_CHANGES: readonly ProfileOverrides[] = [
  {},
  { coverageToleranceM: 0.002 },
  { overlapReportM2: 1, gapReportM2: 1 },
  { insideVillageToleranceM: 0.5 },
  { minParcelAreaM2: { ...ZHEJIANG_2017.minParcelAreaM2, farmland: 2000, controlZone: 40_000 } },
  { surroundingsMajorityShare: 0.3, steepSlopeGrade: 3 },
];

const OPS = {
  moveVertex: 14,
  moveOwnVertex: 5,
  insertVertex: 4,
  deleteVertex: 3,
  split: 5,
  merge: 4,
  delete: 2,
  drawOver: 5,
  add: 4,
  reshape: 3,
  makeMultipart: 1,
  explode: 2,
  hole: 2,
  copyParcel: 2,
  clip: 2,
  attribute: 6,
  figures: 1,
  profile: 1,
  justify: 2,
  undo: 5,
  redo: 3,
} as const;
type Op = keyof typeof OPS;

function pickWeighted(rng: Rng, weights: Readonly<Record<Op, number>>): Op {
  const entries = Object.entries(weights) as [Op, number][];
  let roll = rng.next() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [op, w] of entries) if ((roll -= w) < 0) return op;
  return entries[0]![0];
}

function lerp(a: Position, b: Position, t: number): Position {
  return [(a[0] as number) + ((b[0] as number) - (a[0] as number)) * t, (a[1] as number) + ((b[1] as number) - (a[1] as number)) * t];
}

function closestOnSegment(p: Position, a: Position, b: Position): Position {
  const [dx, dy] = [(b[0] as number) - (a[0] as number), (b[1] as number) - (a[1] as number)];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, (((p[0] as number) - (a[0] as number)) * dx + ((p[1] as number) - (a[1] as number)) * dy) / length2));
  return lerp(a, b, t);
}

function rectangle(x0: number, y0: number, x1: number, y1: number): AreaGeometry {
  return { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
}
