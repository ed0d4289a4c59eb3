/**
 * What rules read besides the plan, kept between checks: the spatial index, per-geometry caches (area,
 * validity), the derived plan, the edge balance of each partition layer, and per-rule memos. Everything
 * is a cache of the plan, brought in step by `apply(patch)`; geometries are immutable, so a cache keyed
 * by a geometry object is right for exactly as long as that object is in the plan.
 *
 * The state holds its own copy of the plan's layer records and changes them in place: copying a record of
 * 20,000 parcels for every edit (what the pure `applyPatch` does) would cost more than the re-check itself.
 * Each layer has a version number that a patch touching it bumps; memos depend on those, not on records.
 */
import type { AreaGeometry, PlanFeature } from '../domain/features.ts';
import { isAreaFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { LAYER_IDS, LAYERS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { Patch } from '../domain/patch.ts';
import { getFeature, layerFeatures, layerRecordChanged, type Plan } from '../domain/plan.ts';
import { resolveProfile, type RuleProfile } from '../profiles/zhejiang-2017/rule-profile.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { geometryBBox, type BBox } from '../geo/bbox.ts';
import { CoverageBalance } from '../geo/coverage-balance.ts';
import { GkPlane } from '../geo/gk-plane.ts';
import { union } from '../geo/overlay.ts';
import { PlanIndex } from '../geo/plan-index.ts';
import type { ValidityProblem } from '../geo/validity-problem.ts';
import { validateAreaGeometry } from '../geo/validity.ts';
import { repaired, type ClipLimits } from './clip.ts';
import { DerivedPlan } from './derive/derived-plan.ts';

export interface FeatureChangeSeen {
  readonly layer: LayerId;
  readonly id: FeatureId;
  readonly before: PlanFeature | null;
  readonly after: PlanFeature | null;
}

export type Boundary = { readonly ok: true; readonly geometry: AreaGeometry | null } | { readonly ok: false; readonly error: string };

const areas = new WeakMap<object, number>();
const validities = new WeakMap<object, readonly ValidityProblem[]>();

type MutableLayers = { [L in LayerId]: Record<FeatureId, PlanFeature> };

export class CheckState {
  private repairs = new WeakMap<AreaGeometry, AreaGeometry | null>();
  plan: Plan;
  profile: RuleProfile;
  /** Bumped when a patch changes the plan's rule profile (its overrides): every rule's answer may change. */
  profileVersion = 0;
  /** Base parcels the last patch re-derived (derive/derived-plan.ts): the engine re-judges what reads their pieces. */
  rederived: ReadonlySet<FeatureId> = new Set();
  private readonly layers: MutableLayers;
  private readonly versions = new Map<LayerId, number>();
  private readonly counts = new Map<LayerId, number>();
  readonly index: PlanIndex;
  readonly derived: DerivedPlan;
  private readonly balances = new Map<LayerId, CoverageBalance>();
  private readonly memos = new Map<string, WeakMap<object, Memo>>();
  private readonly namedMemos = new Map<string, Map<string, Memo>>();
  private boundaryMemo: { version: number; value: Boundary } | undefined;
  private gkPlane: GkPlane | undefined;

  private constructor(plan: Plan) {
    this.layers = Object.fromEntries(LAYER_IDS.map((layer) => [layer, { ...(plan.layers[layer] as Record<FeatureId, PlanFeature>) }])) as MutableLayers;
    for (const layer of LAYER_IDS) this.counts.set(layer, Object.keys(this.layers[layer]).length);
    this.plan = { ...plan, layers: this.layers as unknown as Plan['layers'] };
    this.profile = resolveProfile(plan.meta.profileId, plan.meta.profileOverrides);
    this.index = PlanIndex.build(plan);
    this.derived = DerivedPlan.build(this.deriveSource());
  }

  static build(plan: Plan): CheckState {
    return new CheckState(plan);
  }

  private deriveSource() {
    return {
      plan: this.plan,
      index: this.index,
      area: (f: PlanFeature) => this.area(f),
      usable: (g: PlanFeature['geometry']) => (g.type === 'Point' ? g : this.usable(g)),
      limits: this.clipLimits(this.profile.overlapReportM2),
    };
  }

  /** Applies a patch to the state's plan and brings every cache in step; returns what changed. */
  apply(patch: Patch): FeatureChangeSeen[] {
    const changed: FeatureChangeSeen[] = [];
    for (const c of patch.features) {
      if (c.after && (c.after.id !== c.id || c.after.layer !== c.layer)) throw new Error(`patch change for ${c.layer}/${c.id} carries feature ${c.after.layer}/${c.after.id}`);
      const record = this.layers[c.layer];
      const before = record[c.id] ?? null;
      changed.push({ layer: c.layer, id: c.id, before, after: c.after });
      if (c.after) record[c.id] = c.after;
      else delete record[c.id];
      layerRecordChanged(record);
      this.counts.set(c.layer, (this.counts.get(c.layer) ?? 0) + (c.after ? 1 : 0) - (before ? 1 : 0));
      this.versions.set(c.layer, this.version(c.layer) + 1);
    }
    this.plan = patch.meta && Object.keys(patch.meta).length > 0 ? { ...this.plan, meta: { ...this.plan.meta, ...patch.meta } } : this.plan;
    const profileChanged = patch.meta !== undefined && this.changeProfile();
    this.index.update(patch);
    for (const [layer, balance] of this.balances) {
      for (const c of changed) {
        // The boundary counts against the layer, so its edges go in with the opposite sign.
        const sign = c.layer === layer ? 1 : c.layer === 'boundary' ? -1 : 0;
        if (sign === 0) continue;
        if (c.before && isAreaFeature(c.before)) balance.add(c.before.geometry, sign === 1 ? -1 : 1);
        if (c.after && isAreaFeature(c.after)) balance.add(c.after.geometry, sign === 1 ? 1 : -1);
      }
    }
    const dirty = DerivedPlan.dirtyBases(this, changed);
    // A new profile re-derives every parcel; the dirty ones still go in, for a parcel the patch deleted.
    if (profileChanged) for (const id of Object.keys(this.layers.base)) dirty.add(id as FeatureId);
    this.derived.update(this.deriveSource(), dirty);
    this.rederived = dirty;
    return changed;
  }

  /**
   * Takes the plan's profile after a meta patch. When the plan's own rule numbers changed (a county's
   * overrides), everything computed with the old ones goes: balances (built for one tolerance), repairs and
   * derived pieces (clipped with its report area and tolerance), rule memos; `profileVersion` tells the
   * engine to re-judge every feature. Other meta edits (population, quotas) keep them all.
   */
  private changeProfile(): boolean {
    const next = resolveProfile(this.plan.meta.profileId, this.plan.meta.profileOverrides);
    if (JSON.stringify(next) === JSON.stringify(this.profile)) return false;
    this.profile = next;
    this.profileVersion++;
    this.balances.clear();
    this.repairs = new WeakMap();
    this.memos.clear();
    this.namedMemos.clear();
    return true;
  }

  features<L extends LayerId>(layer: L) {
    return layerFeatures(this.plan, layer);
  }

  /** Number of features in a layer, kept as patches come (counting 20,000 keys per edit is not free). */
  count(layer: LayerId): number {
    return this.counts.get(layer) ?? 0;
  }

  /** Bumped by every patch that touches the layer: what memos depend on. */
  version(layer: LayerId): number {
    return this.versions.get(layer) ?? 0;
  }

  /** Features of these layers whose boxes meet `box`. */
  near(layers: LayerId | readonly LayerId[], box: BBox): PlanFeature[] {
    return this.index.search(layers, box).map((hit) => getFeature(this.plan, hit.layer, hit.id)).filter((f): f is PlanFeature => f !== undefined);
  }

  /** Ellipsoidal area in m², cached per geometry. */
  area(feature: { readonly geometry: AreaGeometry } | PlanFeature): number {
    const geometry = feature.geometry;
    if (geometry.type === 'Point') return 0;
    let value = areas.get(geometry);
    if (value === undefined) {
      value = ellipsoidalArea(geometry);
      if (!Number.isFinite(value)) value = 0;
      areas.set(geometry, value);
    }
    return value;
  }

  validity(geometry: AreaGeometry): readonly ValidityProblem[] {
    let value = validities.get(geometry);
    if (!value) {
      value = validateAreaGeometry(geometry);
      validities.set(geometry, value);
    }
    return value;
  }

  isValid(geometry: AreaGeometry): boolean {
    return this.validity(geometry).every((p) => p.severity !== 'error');
  }

  /**
   * The outline a rule clips: the geometry itself, or an invalid one's repair (null when nothing with an
   * area is left). geometry-valid reports the fault; clipping the raw outline instead would fail in GEOS
   * ("TopologyException") and leave the place unchecked.
   */
  usable(geometry: AreaGeometry): AreaGeometry | null {
    return this.isValid(geometry) ? geometry : this.repaired(geometry);
  }

  /** The usable outlines of these features (`usable`), those with nothing left dropped. */
  outlines(features: readonly { readonly geometry: AreaGeometry }[]): AreaGeometry[] {
    return features.map((f) => this.usable(f.geometry)).filter((g): g is AreaGeometry => g !== null);
  }

  /** An invalid outline's repair (clip.ts `repaired`), kept per geometry (in this state: it depends on the village's plane). */
  private repaired(geometry: AreaGeometry): AreaGeometry | null {
    if (!this.repairs.has(geometry)) this.repairs.set(geometry, repaired(geometry, this.clipLimits(this.profile.overlapReportM2)));
    return this.repairs.get(geometry) ?? null;
  }

  /** The village boundary: its one feature, or the union of several; null when the plan has none. */
  boundary(): Boundary {
    const version = this.version('boundary');
    if (this.boundaryMemo?.version === version) return this.boundaryMemo.value;
    const geometries = layerFeatures(this.plan, 'boundary').map((f) => f.geometry);
    let value: Boundary;
    if (geometries.length <= 1) value = { ok: true, geometry: geometries[0] ?? null };
    else {
      const merged = union(geometries);
      value = merged.ok ? { ok: true, geometry: merged.value } : { ok: false, error: merged.error };
    }
    this.boundaryMemo = { version, value };
    return value;
  }

  /**
   * The Gauss-Krüger plane coverage overlays run in: the zone of the village (its boundary, else its first
   * base parcel), fixed for the state's life so cached projections stay valid.
   */
  plane(): GkPlane {
    if (!this.gkPlane) {
      const first = layerFeatures(this.plan, 'boundary')[0] ?? layerFeatures(this.plan, 'base')[0];
      const box = first ? geometryBBox(first.geometry) : undefined;
      this.gkPlane = GkPlane.forLongitude(box ? (box[0] + box[2]) / 2 : 120);
    }
    return this.gkPlane;
  }

  /** What a clip in a rule keeps (rules/clip.ts): the GK plane, the coverage tolerance as width, `minAreaM2`. */
  clipLimits(minAreaM2: number): ClipLimits {
    return { plane: this.plane(), minWidthM: this.profile.coverageToleranceM, minAreaM2 };
  }

  /** Readies the balances built so far for edits (CoverageBalance.prepareForEdits): for an editor, after its first check. */
  prepareForEdits(): void {
    for (const balance of this.balances.values()) balance.prepareForEdits();
  }

  /** The tolerant edge balance of a partition layer against the boundary (built on first use, then kept in step). */
  balance(layer: LayerId): CoverageBalance {
    if (!LAYERS[layer].partition) throw new Error(`${layer} is not a partition layer`);
    let balance = this.balances.get(layer);
    if (!balance) {
      balance = new CoverageBalance(this.profile.coverageToleranceM);
      for (const b of layerFeatures(this.plan, 'boundary')) balance.add(b.geometry, -1);
      for (const f of layerFeatures(this.plan, layer) as readonly PlanFeature[]) if (isAreaFeature(f)) balance.add(f.geometry, 1);
      this.balances.set(layer, balance);
    }
    return balance;
  }

  /**
   * A value computed for `key` (a feature, a layer record) and remembered while `deps` stay the same
   * objects: rules over small layers recompute only what a patch replaced.
   */
  memo<T>(ruleId: string, key: object | string, deps: readonly unknown[], compute: () => T): T {
    const table = typeof key === 'string' ? this.namedTable(ruleId) : this.objectTable(ruleId);
    const hit = (table as Map<object | string, Memo>).get(key);
    if (hit && hit.deps.length === deps.length && hit.deps.every((d, i) => d === deps[i])) return hit.value as T;
    const value = compute();
    (table as Map<object | string, Memo>).set(key, { deps, value });
    return value;
  }

  private objectTable(ruleId: string): WeakMap<object, Memo> {
    let table = this.memos.get(ruleId);
    if (!table) {
      table = new WeakMap();
      this.memos.set(ruleId, table);
    }
    return table;
  }

  /** String keys (a cluster's box) are few and short-lived: a plain map, emptied when it grows past use. */
  private namedTable(ruleId: string): Map<string, Memo> {
    let table = this.namedMemos.get(ruleId);
    if (!table || table.size > 10_000) {
      table = new Map();
      this.namedMemos.set(ruleId, table);
    }
    return table;
  }
}

interface Memo {
  readonly deps: readonly unknown[];
  readonly value: unknown;
}

export function boxOf(feature: PlanFeature): BBox {
  return geometryBBox(feature.geometry);
}
