/**
 * Reading a village database's features the way every check needs them: field values as text, parcel
 * areas ellipsoidal (CGCS2000, as the survey computes them, `geo/area.ts`), and land codes in the 2023
 * edition whatever edition the file declares, so tables and totals read one classification.
 */
import type { Geometry } from 'geojson';
import type { AreaGeometry } from '../../domain/features.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { bboxIntersects, geometryBBox } from '../../geo/bbox.ts';
import { clipParts } from '../../geo/geos/coverage-overlay.ts';
import { GkPlane } from '../../geo/gk-plane.ts';
import { rewindRfc7946 } from '../../geo/rings.ts';
import { tolerantRelate } from '../../geo/tolerant-relate.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { convert2020To2023 } from '../../profiles/ydyh/edition-2020.ts';
import { GKBJ_TYPES } from '../../profiles/zhejiang-2026/code-lists.ts';
import { COVERAGE_NUMBERS } from '../../profiles/zhejiang-2026/coverage.ts';
import type { FieldValue, VillageDatabase, VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { onlyInOtherEdition } from './editions.ts';

export const M2_PER_HA = 10_000;

/** A field value as text, trimmed; null when absent or blank. Numbers keep their digits (a code read as a number loses its leading zero, which the code check then reports). */
export function textOf(value: FieldValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

/**
 * A GKBJ feature's 管控边界 type: its GKBJLXDM where that is a type, the type it was before a number field
 * dropped its leading zero (301), else the type its GKBJLXMC names (the reader takes a GKBJ classified by
 * either, and §4.3 names the 管控表's rows by the name), else the code as written; null when neither says.
 * The 管控表 and every check that looks for a type read it here, so they agree on each zone.
 */
export function controlTypeOfFeature(feature: VillageFeature): string | null {
  const code = textOf(feature.properties.GKBJLXDM);
  if (code !== null && GKBJ_TYPES.some((type) => type.code === code)) return code;
  // A code stored as a number lost its leading zero (301 for 0301, a DBF N field): read as the type it was.
  const padded = code !== null && /^\d{3}$/.test(code) ? `0${code}` : null;
  if (padded !== null && GKBJ_TYPES.some((type) => type.code === padded)) return padded;
  const name = textOf(feature.properties.GKBJLXMC);
  const named = name === null ? undefined : GKBJ_TYPES.find((type) => type.zh === name)?.code;
  // An unknown code stays what it is (`codes-in-lists` reports it) unless the name says the type.
  return named ?? code;
}

export function isAreaGeometry(geometry: Geometry | null): geometry is AreaGeometry {
  return geometry !== null && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon');
}

const areas = new WeakMap<AreaGeometry, number>();

/** A feature's area in m²; 0 for a record without a polygon. Kept per geometry: after an edit the checks and tables measure only what it changed. */
export function areaM2(feature: VillageFeature): number {
  if (!isAreaGeometry(feature.geometry)) return 0;
  let area = areas.get(feature.geometry);
  if (area === undefined) {
    area = ellipsoidalArea(feature.geometry);
    areas.set(feature.geometry, area);
  }
  return area;
}

/** Whether the layer has a polygon: an empty template layer has no area or outline to compare with, as an absent one. */
export function hasPolygons(db: VillageDatabase, layer: VillageLayerName): boolean {
  return db.layers[layer]?.features.some((f) => isAreaGeometry(f.geometry)) ?? false;
}

/** The sum of a layer's areas in m², or null when the layer is absent. */
export function layerAreaM2(db: VillageDatabase, layer: VillageLayerName): number | null {
  const features = db.layers[layer]?.features;
  return features === undefined ? null : features.reduce((sum, f) => sum + areaM2(f), 0);
}

export interface CodedParcel {
  readonly ref: string;
  /** The code as the file writes it. */
  readonly written: string;
  /** The same code in the 2023 edition (converted when the database declares 2020). */
  readonly code: string;
  /**
   * The written code is a code of the declared edition (`isCodeOfEdition`): false for what `check` reports as
   * BM错误 or as a code of the other edition. Such a parcel counts in no class and in no total of the tables.
   */
  readonly known: boolean;
  readonly areaM2: number;
  readonly feature: VillageFeature;
}

/**
 * Whether a written code is a 用地用海 code of the edition the database declares, taken exactly as written:
 * no normalisation (010100 is not 0101, as `ydyh-code-valid` reads it), a 2020 code through its conversion,
 * a code that only the other edition has (`ydyh-edition-declared`) not. The tables classify only such codes.
 */
export function isCodeOfEdition(edition: VillageDatabase['edition'], written: string): boolean {
  if (onlyInOtherEdition(edition).has(written)) return false;
  const code = edition === 'ydyh-2020' ? convert2020To2023(written).code : written;
  return YDYH_2023_INDEX.get(code) !== undefined;
}

/** The land parcels of the base (JQDLTB, JQDLBM) or the target (GHDLTB, GHDLBM); a parcel without a code is left out (`ydyh-code-valid` reports it). */
export const PARCEL_LAYERS = {
  base: { layer: 'JQDLTB', code: 'JQDLBM', name: 'JQDLMC' },
  target: { layer: 'GHDLTB', code: 'GHDLBM', name: 'GHDLMC' },
} as const satisfies Record<string, { layer: VillageLayerName; code: string; name: string }>;

export function codedParcels(db: VillageDatabase, year: keyof typeof PARCEL_LAYERS): readonly CodedParcel[] {
  const { layer, code: field } = PARCEL_LAYERS[year];
  const features = db.layers[layer]?.features;
  if (!features) return NO_PARCELS;
  // A check asks for them in a dozen rules and tables: read once per layer (an edit gives the layer a new
  // features array, so only the edited year is read again) and edition.
  const kept = codedKept.get(features);
  if (kept && kept.edition === db.edition && kept.field === field) return kept.parcels;
  const parcels: CodedParcel[] = [];
  for (const feature of features) {
    const written = textOf(feature.properties[field]);
    if (written === null) continue;
    const code = db.edition === 'ydyh-2020' ? convert2020To2023(written).code : written;
    parcels.push({ ref: feature.ref, written, code, known: isCodeOfEdition(db.edition, written), areaM2: areaM2(feature), feature });
  }
  codedKept.set(features, { edition: db.edition, field, parcels });
  return parcels;
}

const NO_PARCELS: readonly CodedParcel[] = [];
const codedKept = new WeakMap<readonly VillageFeature[], { readonly edition: VillageDatabase['edition']; readonly field: string; readonly parcels: readonly CodedParcel[] }>();

/** A layer's polygons. */
const shapesOf = (db: VillageDatabase, layer: VillageLayerName): AreaGeometry[] =>
  (db.layers[layer]?.features ?? []).flatMap((f) => (isAreaGeometry(f.geometry) ? [f.geometry] : []));

export type InsideVillage = { readonly ok: true; readonly m2: number; readonly clippedTo: 'CJDCQ' | 'JQDLTB' } | { readonly ok: false; readonly error: string };

/**
 * The area (m²) of a reference layer (red line, PBF) inside the village: inside its survey area (CJDCQ)
 * when the database has one, else inside the base parcels, which partition the village. Each clipping
 * piece is cut only by the reference polygons near it, dissolved there (overlapping pieces count once):
 * the union of a whole layer, or a cut against it, costs minutes at 20,000 parcels with polyclip.
 */
export function referenceInsideVillage(db: VillageDatabase, reference: VillageLayerName): InsideVillage {
  const clippedTo = hasPolygons(db, 'CJDCQ') ? 'CJDCQ' : 'JQDLTB';
  // Edits change the plan, not the reference layers: the answer is kept while both layers are the same.
  const references = db.layers[reference]?.features;
  const pieces = db.layers[clippedTo]?.features;
  const kept = references ? insideVillageKept.get(references) : undefined;
  if (kept && kept.pieces === pieces) return kept.result;
  const result = clipReference(db, reference, clippedTo);
  if (references) insideVillageKept.set(references, { pieces, result });
  return result;
}

const insideVillageKept = new WeakMap<readonly VillageFeature[], { readonly pieces: readonly VillageFeature[] | undefined; readonly result: InsideVillage }>();

function clipReference(db: VillageDatabase, reference: VillageLayerName, clippedTo: 'CJDCQ' | 'JQDLTB'): InsideVillage {
  const references = shapesOf(db, reference).map((geometry) => ({ geometry, box: geometryBBox(geometry) }));
  let plane: GkPlane | undefined;
  let m2 = 0;
  for (const piece of shapesOf(db, clippedTo)) {
    const box = geometryBBox(piece);
    const near = references.filter((r) => bboxIntersects(r.box, box)).map((r) => r.geometry);
    if (near.length === 0) continue;
    // Most base parcels lie wholly in one reference polygon or beside them all: no cut needed.
    const relations = near.map((r) => tolerantRelate(piece, r, COVERAGE_NUMBERS.toleranceM));
    if (relations.includes('within')) {
      m2 += ellipsoidalArea(piece);
      continue;
    }
    if (relations.every((r) => r === 'disjoint')) continue;
    // One union of the reference polygons near the piece and one intersection, by GEOS in the village's GK
    // plane (polyclip took seconds to dissolve a village's PBF): the parts back in lon/lat for their area.
    plane ??= GkPlane.forLongitude(box[0]);
    const gk = plane;
    let parts;
    try {
      parts = clipParts('intersection', gk.polygons(piece), near.map((r) => gk.polygons(r)), 0);
    } catch (error) {
      return { ok: false, error: String(error) };
    }
    const inside = parts.length > 0 ? gk.toLonLat(parts.map((part) => part.polygon)) : null;
    if (inside) m2 += ellipsoidalArea(rewindRfc7946(inside));
  }
  return { ok: true, m2, clippedTo };
}
