/**
 * Small hand-made plans for rule tests: a village of w × h square cells (0.001° ≈ 96 m × 111 m at 30°N by
 * default), each a base parcel of a chosen class, with a boundary and zones that share the cells' vertices
 * exactly, as survey data does. Not used by the app.
 */
import type { Position } from 'geojson';
import type { AreaGeometry, PlanFeature } from '../domain/features.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { LandClassCode } from '../profiles/zhejiang-2017/land-classes.ts';
import { applyPatch, putFeature } from '../domain/patch.ts';
import type { Plan, PlanMeta } from '../domain/plan.ts';
import { feature, planWith } from '../domain/test-support.ts';
import { fullCheck } from './engine.ts';
import type { Issue } from './issue.ts';
import { RULES } from './index.ts';

export const ORIGIN: Position = [120, 30];

export interface Grid {
  readonly size: number;
  /** Corner (i, j) of the lattice, exact and shared by every feature that uses it. */
  at(i: number, j: number): Position;
  /** The outline of cells [i0, i1) × [j0, j1) with every lattice vertex along it, counter-clockwise. */
  block(i0: number, j0: number, i1: number, j1: number): AreaGeometry;
}

export function grid(size = 0.001): Grid {
  const at = (i: number, j: number): Position => [(ORIGIN[0] as number) + i * size, (ORIGIN[1] as number) + j * size];
  return {
    size,
    at,
    block(i0, j0, i1, j1) {
      const ring: Position[] = [];
      for (let i = i0; i < i1; i++) ring.push(at(i, j0));
      for (let j = j0; j < j1; j++) ring.push(at(i1, j));
      for (let i = i1; i > i0; i--) ring.push(at(i, j1));
      for (let j = j1; j > j0; j--) ring.push(at(i0, j));
      ring.push(at(i0, j0));
      return { type: 'Polygon', coordinates: [ring] };
    },
  };
}

export interface VillageOptions {
  readonly w?: number;
  readonly h?: number;
  readonly size?: number;
  readonly classOf?: (i: number, j: number) => LandClassCode;
  readonly baseProps?: (i: number, j: number) => Record<string, unknown>;
  /** Control zones: the whole village 030 unless given. */
  readonly zones?: readonly { code: string; block: [number, number, number, number] }[];
  readonly meta?: Partial<PlanMeta>;
}

/** A w × h village of cells, a boundary, one functional zone and control zones, all on shared vertices. */
export function village(options: VillageOptions = {}): { plan: Plan; g: Grid } {
  const { w = 4, h = 3, classOf = () => '111' } = options;
  const g = grid(options.size);
  const features: PlanFeature[] = [feature('boundary', 'village', g.block(0, 0, w, h), { villageCode: '330421101210', villageName: '测试村' })];
  for (let i = 0; i < w; i++) for (let j = 0; j < h; j++) features.push(feature('base', `p${i}-${j}`, g.block(i, j, i + 1, j + 1), { parcelNo: `${i}-${j}`, classCode: classOf(i, j), ...options.baseProps?.(i, j) }));
  features.push(feature('functionalZone', 'fz', g.block(0, 0, w, h), { zoneType: 'agriculture' }));
  const zones = options.zones ?? [{ code: '030', block: [0, 0, w, h] as [number, number, number, number] }];
  zones.forEach((z, k) => features.push(feature('controlZone', `cz${k}`, g.block(...z.block), { zoneCode: z.code })));
  const plan = planWith(features);
  return { plan: options.meta ? { ...plan, meta: { ...plan.meta, ...options.meta } } : plan, g };
}

export function withFeatures(plan: Plan, ...features: PlanFeature[]): Plan {
  return applyPatch(plan, { features: features.map(putFeature) }).plan;
}

export { feature };

/** The issues one rule finds in a plan. */
export function issuesOf(plan: Plan, ruleId: string): Issue[] {
  const rule = RULES.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return [...fullCheck(plan, [rule]).issues];
}

export function layerIds(issues: readonly Issue[]): string[] {
  return issues.map((i) => `${i.layer ?? ''}:${i.features.join('+')}`);
}

export type { LayerId };
