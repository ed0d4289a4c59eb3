/**
 * Derivation of one base parcel (domain.md §2: base + changes = plan): the parcel overlaid with the change
 * features over it, later layers winning (demolition < new-build < other use change), then flagged where
 * permanent basic farmland (G111/G112) and farmland reserve areas (JBNTZBQ) lie. Each piece carries its
 * planning codes, its target class (TDGHDL; a demolition's restoration use) and its ellipsoidal area.
 * Computed per base parcel, so an edit re-derives only the parcels it touches. A failed overlay is a
 * problem in the result, never an exception; the part it concerned stays as it was, so areas still add up.
 */
import type { DemolitionProps, FeatureOf, NewBuildProps, UseChangeProps } from '../../domain/features.ts';
import type { AreaGeometry } from '../../domain/features.ts';
import type { PbfType, QuotaSource } from '../../profiles/zhejiang-2017/codes.ts';
import type { FeatureId } from '../../domain/ids.ts';
import { isCultivatedLand, type LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { ChangeLayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { split, type ClipLimits } from '../clip.ts';
import { ghytbmCode, ghytCode } from '../../profiles/zhejiang-2017/ghyt-codes.ts';

export type ChangeFeature = FeatureOf<'demolition'> | FeatureOf<'newBuild'> | FeatureOf<'useChange'>;

export interface Piece {
  readonly base: FeatureId;
  readonly geometry: AreaGeometry;
  readonly areaM2: number;
  readonly baseClass: LandClassCode;
  /** TDGHDL 规划地类 at the target year. */
  readonly targetClass: LandClassCode;
  readonly ghytdm: string;
  readonly ghytbm: string | null;
  readonly cjjx: 'C1' | 'C2' | 'E1' | 'E2' | null;
  readonly change: { readonly layer: ChangeLayerId; readonly id: FeatureId } | null;
  readonly quotaSource: QuotaSource | null;
  readonly pbf: PbfType | null;
  readonly reserve: boolean;
  /** The base parcel is 违法用地 (DLBZ 20). */
  readonly illegal: boolean;
  /**
   * 田坎系数 of the base parcel where it is 耕地 (TKXS, 0..1): the share of the piece the survey counts as
   * 田坎, not 耕地. 0 on other land and where the survey gives none (rules/farmland-area.ts).
   */
  readonly ridgeCoefficient: number;
}

export interface DerivationProblem {
  readonly base: FeatureId;
  readonly other: FeatureId;
  readonly error: string;
}

export interface ParcelDerivation {
  readonly pieces: readonly Piece[];
  readonly problems: readonly DerivationProblem[];
}

export interface Overlays {
  /** Change features whose boxes meet the parcel, any layer. */
  readonly changes: readonly ChangeFeature[];
  readonly pbf: readonly FeatureOf<'pbf'>[];
  readonly reserve: readonly FeatureOf<'reserve'>[];
}

/** Highest priority first: where changes overlap, the later layer of CHANGE_LAYER_ORDER wins. */
const PRIORITY: readonly ChangeLayerId[] = ['useChange', 'newBuild', 'demolition'];

/**
 * The order in which changes take land, first wins: by layer (PRIORITY), then, within a layer, by id, an
 * order the planner never chose; tables-consistent names such overlaps.
 */
export function byPriority(a: ChangeFeature, b: ChangeFeature): number {
  return PRIORITY.indexOf(a.layer) - PRIORITY.indexOf(b.layer) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

interface Region {
  readonly geometry: AreaGeometry;
  readonly change: ChangeFeature | null;
}

export function deriveParcel(base: FeatureOf<'base'>, overlays: Overlays, limits: ClipLimits, wholeArea: number): ParcelDerivation {
  const problems: DerivationProblem[] = [];
  let regions: Region[] = [{ geometry: base.geometry, change: null }];
  const ordered = [...overlays.changes].sort(byPriority);
  for (const change of ordered) regions = splitBy(regions, change.geometry, change.id, (r) => (r.change ? null : { ...r, change }));

  const pieces: Piece[] = [];
  for (const region of regions) {
    let flagged: { geometry: AreaGeometry; pbf: PbfType | null; reserve: boolean }[] = [{ geometry: region.geometry, pbf: null, reserve: false }];
    for (const pbf of overlays.pbf) {
      flagged = splitBy(flagged, pbf.geometry, pbf.id, (f) => (f.pbf ? null : { ...f, pbf: pbf.properties.pbfType }));
    }
    for (const reserve of overlays.reserve) {
      flagged = splitBy(flagged, reserve.geometry, reserve.id, (f) => (f.reserve ? null : { ...f, reserve: true }));
    }
    for (const f of flagged) pieces.push(makePiece(base, region.change, f, f.geometry === base.geometry ? wholeArea : ellipsoidalArea(f.geometry)));
  }
  return { pieces: withWholeArea(pieces, wholeArea), problems };

  /** Items under `over` that `assign` takes are split into the taken part and the rest. */
  function splitBy<T extends { geometry: AreaGeometry }>(items: readonly T[], over: AreaGeometry, otherId: FeatureId, assign: (t: T) => T | null): T[] {
    const out: T[] = [];
    for (const item of items) {
      const taken = assign(item);
      if (!taken) {
        out.push(item);
        continue;
      }
      const { inside, outside } = split(item.geometry, over, limits);
      if (!inside.ok || !outside.ok) {
        problems.push({ base: base.id, other: otherId, error: inside.ok ? (outside as { error: string }).error : inside.error });
        out.push(item);
        continue;
      }
      // The overlay drops parts thinner than the tolerance or smaller than minAreaM2 (clip.ts). An item it
      // leaves nothing of on either side (a survey's 0.001 m² sliver that a change's edge crosses) is itself
      // below those limits: it stays as it was, a piece of its own, as it does where the overlay cannot run
      // (no GEOS, or a failure), rather than vanish from GHYT and TDGHDL with its parcel.
      if (!inside.value && !outside.value) {
        out.push(item);
        continue;
      }
      if (inside.value) out.push({ ...taken, geometry: inside.value });
      if (outside.value) out.push({ ...item, geometry: outside.value });
    }
    return out;
  }
}

/** What the slivers dropped along a parcel's cuts can add up to [ours]: 0.05 m², or 10 ppm of a large parcel. */
const SLIVERS_M2 = 0.05;
const SLIVERS_RELATIVE = 1e-5;

/**
 * The pieces with their areas adding up to the parcel's: the overlay drops sub-tolerance slivers along
 * every cut (a change drawn on jittered corners meets the parcel's outline ±0.3 mm off it), so measured
 * pieces can miss or exceed the parcel by a few hundredths of a m² on a long edge, and GHYT would no
 * longer cover the village to the 0.01 m² the tables print. Each piece is scaled by the same factor
 * (within ~1e-6 of 1): shared in proportion, a piece's figure moves continuously with the geometry, so a
 * package reopened (its changes rebuilt from these pieces, cut again) gives the same figures, where
 * handing the difference to the largest piece would flip between two near-equal halves. Pieces are what
 * every table and list sums (one figure per piece, written as GHYT MJ), so they agree with each other.
 */
export function withWholeArea(pieces: Piece[], wholeArea: number): Piece[] {
  const sum = pieces.reduce((s, p) => s + p.areaM2, 0);
  // Only the slivers' hundredths: a larger difference is land an overlay lost, which must show, not be spread.
  if (sum <= 0 || sum === wholeArea || Math.abs(sum - wholeArea) > Math.max(SLIVERS_M2, SLIVERS_RELATIVE * wholeArea)) return pieces;
  const scale = wholeArea / sum;
  return pieces.map((p) => ({ ...p, areaM2: p.areaM2 * scale }));
}

function makePiece(base: FeatureOf<'base'>, change: ChangeFeature | null, flags: { geometry: AreaGeometry; pbf: PbfType | null; reserve: boolean }, areaM2: number): Piece {
  const baseClass = base.properties.classCode;
  const targetClass = change ? changeTarget(change) : baseClass;
  const layer = change?.layer ?? null;
  const codes = { baseClass, targetClass, change: layer, pbf: flags.pbf };
  return {
    base: base.id,
    geometry: flags.geometry,
    areaM2,
    baseClass,
    targetClass,
    ghytdm: ghytCode(codes),
    ghytbm: ghytbmCode(codes),
    cjjx: change && change.layer !== 'useChange' ? (change.properties as DemolitionProps | NewBuildProps).linkage : null,
    change: change ? { layer: change.layer, id: change.id } : null,
    quotaSource: change?.layer === 'newBuild' ? change.properties.quotaSource : null,
    pbf: flags.pbf,
    reserve: flags.reserve,
    illegal: base.properties.landNote === '20',
    ridgeCoefficient: isCultivatedLand(baseClass) ? clampRidge(base.properties.ridgeCoefficient) : 0,
  };
}

/** A coefficient as a share 0..1 (a missing or unreadable one deducts nothing). */
export function clampRidge(coefficient: number | null | undefined): number {
  return typeof coefficient === 'number' && Number.isFinite(coefficient) ? Math.min(Math.max(coefficient, 0), 1) : 0;
}

/** The class a change gives its land at the target year (a demolition's restoration use). */
export function changeTarget(change: ChangeFeature): LandClassCode {
  switch (change.layer) {
    case 'demolition':
      return (change.properties as DemolitionProps).restorationUse;
    case 'newBuild':
      return (change.properties as NewBuildProps).useCode;
    case 'useChange':
      return (change.properties as UseChangeProps).targetCode;
  }
}
