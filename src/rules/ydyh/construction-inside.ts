/**
 * The planned construction land (GHDLTB parcels of a construction group of the Zhejiang table: 村庄, 城镇,
 * 区域基础设施, 其他建设用地) that lies inside a fixed reference layer, for `pbf-kept` and `redline-kept`. Each
 * parcel is related to the reference polygons near it first (outlines within 1 mm count as one line, so a
 * parcel drawn along the PBF's edge is beside it, not in it); only a real crossing is clipped, with GEOS in
 * the village's GK plane, keeping parts wider than the seam width. Kept per parcel geometry while the
 * reference (and the base) layers are the same objects: after an edit only the parcels it changed are cut.
 */
import type { AreaGeometry } from '../../domain/features.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { bboxIntersects, geometryBBox } from '../../geo/bbox.ts';
import { clipParts } from '../../geo/geos/coverage-overlay.ts';
import type { GkPlane } from '../../geo/gk-plane.ts';
import { rewindRfc7946 } from '../../geo/rings.ts';
import { tolerantRelate } from '../../geo/tolerant-relate.ts';
import { tableGroupOf, type PlanTableGroups } from '../../profiles/ydyh/groupings-2023.ts';
import { COVERAGE_NUMBERS } from '../../profiles/zhejiang-2026/coverage.ts';
import type { VillageDatabase, VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { planeFor } from './database-coverage.ts';
import { codedParcels, isAreaGeometry, type CodedParcel } from './database-parcels.ts';

export interface ConstructionInside {
  readonly parcel: CodedParcel;
  /** The part inside the reference (minus what `except` covers), lon/lat. */
  readonly geometry: AreaGeometry;
  readonly areaM2: number;
}

export type InsideResult = { readonly ok: true; readonly found: readonly ConstructionInside[] } | { readonly ok: false; readonly error: string };

/** A plan without subtotals of its own, one object so that the memo's key stays the same between checks. */
const NO_PLAN_GROUPS: PlanTableGroups = {};

const isConstruction = (code: string, planGroups: PlanTableGroups): boolean => {
  const group = tableGroupOf(code, planGroups);
  return group !== null && group !== 'nonConstruction';
};

interface Shape {
  readonly geometry: AreaGeometry;
  readonly box: ReturnType<typeof geometryBBox>;
}

const shapes = (features: readonly VillageFeature[]): Shape[] => features.flatMap((f) => (isAreaGeometry(f.geometry) ? [{ geometry: f.geometry, box: geometryBBox(f.geometry) }] : []));

/** The reference layer's shapes, boxed once per layer (a PBF of thousands of polygons), not at every check. */
const referenceShapesKept = new WeakMap<readonly VillageFeature[], readonly Shape[]>();
function referenceShapesOf(references: readonly VillageFeature[]): readonly Shape[] {
  let kept = referenceShapesKept.get(references);
  if (!kept) referenceShapesKept.set(references, (kept = shapes(references)));
  return kept;
}

/** No base subtracted: one object, so that the memo's key stays the same between checks. */
const NO_BASE: readonly CodedParcel[] = [];

/** The base year's construction land, boxed once per base layer (and edition, and plan subtotals), not at every edit of the plan. */
const baseShapesKept = new WeakMap<readonly CodedParcel[], { readonly planGroups: PlanTableGroups; readonly shapes: readonly Shape[] }>();
function baseConstructionShapes(base: readonly CodedParcel[], planGroups: PlanTableGroups): readonly Shape[] {
  const kept = baseShapesKept.get(base);
  if (kept?.planGroups === planGroups) return kept.shapes;
  const made = shapes(base.filter((p) => isConstruction(p.code, planGroups)).map((p) => p.feature));
  baseShapesKept.set(base, { planGroups, shapes: made });
  return made;
}

type Part = { readonly geometry: AreaGeometry; readonly areaM2: number } | null;
type Kept = WeakMap<AreaGeometry, { readonly key: readonly object[]; readonly part: Part | { readonly error: string } }>;
/** One memo per reference layer: the two rules ask about the same parcels. */
const keptByReference = new Map<VillageLayerName, Kept>();

function partInside(plane: GkPlane, geometry: AreaGeometry, references: readonly Shape[], except: readonly Shape[]): Part {
  const box = geometryBBox(geometry);
  const near = references.filter((r) => bboxIntersects(r.box, box));
  const relations = near.map((r) => tolerantRelate(geometry, r.geometry, COVERAGE_NUMBERS.toleranceM));
  if (relations.every((r) => r === 'disjoint')) return null;
  const inside = relations.includes('within')
    ? plane.polygons(geometry)
    : clipParts('intersection', plane.polygons(geometry), near.map((r) => plane.polygons(r.geometry)), COVERAGE_NUMBERS.seamWidthM).map((p) => p.polygon);
  if (inside.length === 0) return null;
  const around = except.filter((e) => bboxIntersects(e.box, box)).map((e) => plane.polygons(e.geometry));
  const left = around.length === 0 ? inside : clipParts('difference', inside, around, COVERAGE_NUMBERS.seamWidthM).map((p) => p.polygon);
  const lonLat = left.length > 0 ? plane.toLonLat(left) : null;
  if (!lonLat) return null;
  const shaped = rewindRfc7946(lonLat);
  const areaM2 = ellipsoidalArea(shaped);
  return areaM2 >= COVERAGE_NUMBERS.reportM2 ? { geometry: shaped, areaM2 } : null;
}

/**
 * The planned construction parcels inside `reference`, each with its part there; with `exceptBase`, minus the
 * base year's construction land (what was already built there is not new).
 */
export function constructionInside(db: VillageDatabase, reference: VillageLayerName, exceptBase: boolean): InsideResult {
  const references = db.layers[reference]?.features ?? [];
  // Read per edition, so the codes that say what was construction land are part of the memo's key.
  const base = exceptBase ? codedParcels(db, 'base') : NO_BASE;
  const plane = planeFor(db, 'GHDLTB');
  if (!plane || references.length === 0) return { ok: true, found: [] };
  const referenceShapes = referenceShapesOf(references);
  let kept = keptByReference.get(reference);
  if (!kept) {
    kept = new WeakMap();
    keptByReference.set(reference, kept);
  }
  const planGroups = db.tableGroups ?? NO_PLAN_GROUPS;
  // The plan's subtotals decide which base parcels are construction land, so they are part of the key.
  const key = [references, base, planGroups];
  let baseShapes: readonly Shape[] | null = null;
  const found: ConstructionInside[] = [];
  for (const parcel of codedParcels(db, 'target')) {
    const geometry = parcel.feature.geometry;
    if (!isAreaGeometry(geometry) || !isConstruction(parcel.code, planGroups)) continue;
    let entry = kept.get(geometry);
    if (!entry || entry.key.length !== key.length || entry.key.some((k, i) => k !== key[i])) {
      baseShapes ??= baseConstructionShapes(base, planGroups);
      let part: Part | { readonly error: string };
      try {
        part = partInside(plane, geometry, referenceShapes, baseShapes);
      } catch (error) {
        part = { error: String(error) };
      }
      entry = { key, part };
      kept.set(geometry, entry);
    }
    const part = entry.part;
    if (part === null) continue;
    if ('error' in part) return { ok: false, error: part.error };
    found.push({ parcel, ...part });
  }
  return { ok: true, found };
}
