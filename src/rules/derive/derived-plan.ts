/**
 * The derived plan (规划用途 / 土地规划地类 pieces) of a whole plan, kept per base parcel so that a patch
 * re-derives only the parcels it can reach, plus running totals of piece areas by kind, from which every
 * table and quota rule reads (summing 20,000 parcels on each edit would make an edit cost the plan).
 */
import type { FeatureOf, PlanFeature } from '../../domain/features.ts';
import type { FeatureId } from '../../domain/ids.ts';
import type { ChangeLayerId, LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { getFeature, layerFeatures, type Plan } from '../../domain/plan.ts';
import { geometryBBox } from '../../geo/bbox.ts';
import type { PlanIndex } from '../../geo/plan-index.ts';
import type { ClipLimits } from '../clip.ts';
import { deriveParcel, type ChangeFeature, type DerivationProblem, type ParcelDerivation, type Piece } from './pieces.ts';

/** The piece attributes totals are kept by. */
export interface PieceKind {
  readonly baseClass: Piece['baseClass'];
  readonly targetClass: Piece['targetClass'];
  readonly change: ChangeLayerId | null;
  readonly cjjx: Piece['cjjx'];
  readonly quotaSource: Piece['quotaSource'];
  readonly pbf: Piece['pbf'];
  readonly reserve: boolean;
  readonly illegal: boolean;
}

export interface KindTotal {
  readonly kind: PieceKind;
  areaM2: number;
  /** Σ area × the base parcel's 田坎系数 (Piece.ridgeCoefficient): the survey's 田坎 inside these pieces. */
  ridgeM2: number;
}

export const OVERLAY_LAYERS: readonly LayerId[] = ['demolition', 'newBuild', 'useChange', 'pbf', 'reserve'];

export interface DeriveSource {
  readonly plan: Plan;
  readonly index: PlanIndex;
  area(feature: PlanFeature): number;
  /**
   * The outline a parcel or an overlay is derived with: its own when valid; else its repair (clip.ts
   * `repaired`), so a basic-farmland patch whose ring touches itself still counts and an invalid parcel
   * still splits; null leaves it out. geometry-valid reports the invalid outline either way.
   */
  usable(geometry: PlanFeature['geometry']): PlanFeature['geometry'] | null;
  readonly limits: ClipLimits;
}

export class DerivedPlan {
  private readonly byBase = new Map<FeatureId, ParcelDerivation>();
  /** Parcels whose derivation had problems (few): listing them must not walk every parcel. */
  private readonly withProblems = new Set<FeatureId>();
  private readonly totals = new Map<string, KindTotal>();
  /** Base parcels each change feature produced pieces in. */
  private readonly basesOfChange = new Map<FeatureId, Set<FeatureId>>();

  static build(source: DeriveSource): DerivedPlan {
    const derived = new DerivedPlan();
    derived.update(source, layerFeatures(source.plan, 'base').map((b) => b.id));
    return derived;
  }

  /** Re-derives these base parcels (deleted ones are dropped). */
  update(source: DeriveSource, baseIds: Iterable<FeatureId>): void {
    for (const id of baseIds) {
      this.remove(id);
      const found = getFeature(source.plan, 'base', id) as FeatureOf<'base'> | undefined;
      if (!found) continue;
      // An invalid parcel is derived as its repair too (GEOS cannot overlay it as it is); one that cannot be
      // repaired stays as it is, so its area is never dropped from the tables.
      const outline = source.usable(found.geometry) ?? found.geometry;
      const base = outline === found.geometry ? found : ({ ...found, geometry: outline } as FeatureOf<'base'>);
      const box = geometryBBox(base.geometry);
      const near = (layer: LayerId) =>
        source.index.search(layer, box).flatMap((hit): PlanFeature[] => {
          const feature = getFeature(source.plan, layer, hit.id);
          const geometry = feature && source.usable(feature.geometry);
          if (!feature || !geometry) return [];
          return [geometry === feature.geometry ? feature : ({ ...feature, geometry } as PlanFeature)];
        });
      const derivation = deriveParcel(
        base,
        {
          changes: [...near('demolition'), ...near('newBuild'), ...near('useChange')] as ChangeFeature[],
          pbf: near('pbf') as FeatureOf<'pbf'>[],
          reserve: near('reserve') as FeatureOf<'reserve'>[],
        },
        source.limits,
        source.area(base),
      );
      this.add(id, derivation);
    }
  }

  /** Base parcels a patch can change the derivation of: changed parcels and those under changed overlays. */
  static dirtyBases(source: { readonly index: PlanIndex }, changed: readonly { layer: LayerId; id: FeatureId; before: PlanFeature | null; after: PlanFeature | null }[]): Set<FeatureId> {
    const dirty = new Set<FeatureId>();
    for (const c of changed) {
      if (c.layer === 'base') dirty.add(c.id);
      else if (OVERLAY_LAYERS.includes(c.layer)) {
        for (const f of [c.before, c.after]) if (f) for (const hit of source.index.search('base', geometryBBox(f.geometry))) dirty.add(hit.id);
      }
    }
    return dirty;
  }

  private add(id: FeatureId, derivation: ParcelDerivation): void {
    this.byBase.set(id, derivation);
    if (derivation.problems.length > 0) this.withProblems.add(id);
    for (const piece of derivation.pieces) {
      const key = kindKey(piece);
      const total = this.totals.get(key);
      const ridge = piece.areaM2 * piece.ridgeCoefficient;
      if (total) {
        total.areaM2 += piece.areaM2;
        total.ridgeM2 += ridge;
      } else this.totals.set(key, { kind: kindOf(piece), areaM2: piece.areaM2, ridgeM2: ridge });
      if (piece.change) {
        const set = this.basesOfChange.get(piece.change.id) ?? new Set<FeatureId>();
        set.add(id);
        this.basesOfChange.set(piece.change.id, set);
      }
    }
  }

  private remove(id: FeatureId): void {
    const old = this.byBase.get(id);
    if (!old) return;
    this.byBase.delete(id);
    this.withProblems.delete(id);
    for (const piece of old.pieces) {
      const key = kindKey(piece);
      const total = this.totals.get(key);
      if (total) {
        total.areaM2 -= piece.areaM2;
        total.ridgeM2 -= piece.areaM2 * piece.ridgeCoefficient;
        if (Math.abs(total.areaM2) < 1e-6) this.totals.delete(key);
      }
      if (piece.change) {
        const set = this.basesOfChange.get(piece.change.id);
        set?.delete(id);
        if (set?.size === 0) this.basesOfChange.delete(piece.change.id);
      }
    }
  }

  piecesOf(baseId: FeatureId): readonly Piece[] {
    return this.byBase.get(baseId)?.pieces ?? [];
  }

  /**
   * Pieces a change feature won (where a later change covers it, that part belongs to the later one), in
   * the order of their parcels' ids: the set of parcels fills in the order edits re-derived them, and rules
   * add and overlay these pieces, so any other order makes an area differ in the last bit, and flip at
   * its rounding to 0.01 m², between an editor's engine and a full check of the same plan.
   */
  piecesOfChange(changeId: FeatureId): Piece[] {
    const bases = this.basesOfChange.get(changeId);
    if (!bases) return [];
    return [...bases].sort().flatMap((b) => this.piecesOf(b).filter((p) => p.change?.id === changeId));
  }

  *allPieces(): Generator<Piece> {
    for (const d of this.byBase.values()) yield* d.pieces;
  }

  problems(): DerivationProblem[] {
    return [...this.withProblems].flatMap((id) => this.byBase.get(id)?.problems ?? []);
  }

  /** Area totals by piece kind. */
  kindTotals(): readonly KindTotal[] {
    return [...this.totals.values()];
  }

  /** Σ area of pieces matching `keep`. */
  sum(keep: (kind: PieceKind) => boolean): number {
    let total = 0;
    for (const t of this.totals.values()) if (keep(t.kind)) total += t.areaM2;
    return total;
  }
}

function kindOf(p: Piece): PieceKind {
  return { baseClass: p.baseClass, targetClass: p.targetClass, change: p.change?.layer ?? null, cjjx: p.cjjx, quotaSource: p.quotaSource, pbf: p.pbf, reserve: p.reserve, illegal: p.illegal };
}

function kindKey(p: Piece): string {
  return `${p.baseClass}|${p.targetClass}|${p.change?.layer ?? ''}|${p.cjjx ?? ''}|${p.quotaSource ?? ''}|${p.pbf ?? ''}|${p.reserve ? 1 : 0}|${p.illegal ? 1 : 0}`;
}
