/**
 * The first half of a survey import: what each record of the layer is, whatever the mapping table says
 * (its code, town/village attribute, parcel number, the geometry checked and, when asked, repaired, its
 * ellipsoidal area), and what is wrong with the records themselves (no area geometry, invalid geometry,
 * a parcel number used twice). The second half, `mapSurvey` (survey-import.ts), applies a mapping table
 * to these records; the import dialog applies the planner's mapping that way to the records the io worker
 * holds, without reading the file again.
 */
import type { AreaGeometry } from '../../domain/features.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { repairGeometry } from '../../geo/repair.ts';
import type { ValidityKind } from '../../geo/validity-problem.ts';
import { validateAreaGeometry } from '../../geo/validity.ts';
import type { Properties } from '../formats/properties.ts';
import type { ImportedLayer } from '../formats/types.ts';
import { failure, listSome, success, type Result } from '../result.ts';
import { townVillageOf, type TownVillage } from './match-mapping.ts';
import { villageCodeOf } from './survey-villages.ts';
import { numberOf, numericCodesAreSandiao, resolveFields, ridgeFractions, sandiaoCodeOf, textOf, type SurveyField } from './survey-fields.ts';

export interface SurveyRecordOptions {
  /** Repair invalid geometries (only with the planner's consent). */
  readonly repair?: boolean;
  /** Field names that differ from the survey's standard ones. */
  readonly fields?: Partial<Record<SurveyField, string>>;
}

/** One record with an area geometry. */
export interface SurveyRecord {
  readonly recordNo: number;
  /** As read, or repaired when a repair was asked for and succeeded. */
  readonly geometry: AreaGeometry;
  /** Ellipsoidal area (m²) of `geometry`; 0 when it cannot be computed. */
  readonly area: number;
  readonly code: string;
  readonly townVillage: TownVillage;
  readonly parcelNo: string;
  /** The survey's own name of the code (DLMC). */
  readonly name: string;
  /** The rest of what a base parcel takes from the record, read once whatever the mapping. */
  readonly attributes: SurveyAttributes;
}

export interface SurveyAttributes {
  /** DLBZ, QSXZ, PDJB as written: checked against their code lists when the record becomes a parcel. */
  readonly landNote: string | null;
  readonly tenure: string | null;
  readonly slopeGrade: string | null;
  readonly ownerCode: string | null;
  readonly ownerName: string | null;
  /** 扣除系数 / 田坎系数 as a fraction (some 二调 data give it in percent: 8 for 0.08). */
  readonly ridgeCoefficient: number | null;
  readonly recordedArea: number | null;
  readonly approvalNo: string | null;
}

export interface InvalidGeometry {
  readonly recordNo: number;
  readonly parcelNo: string;
  readonly problems: readonly ValidityKind[];
  /** Set when a repair was asked for: what it did. */
  readonly repair: { readonly valid: boolean; readonly areaBefore: number; readonly areaAfter: number } | null;
}

export interface SurveyRecords {
  readonly file: string;
  /** The layer's field serving each survey field. */
  readonly fields: Partial<Record<SurveyField, string>>;
  readonly records: readonly SurveyRecord[];
  /** Records whose geometry is missing or not an area. */
  readonly withoutArea: readonly number[];
  readonly invalid: readonly InvalidGeometry[];
  readonly duplicateParcelNos: readonly { readonly parcelNo: string; readonly records: readonly number[] }[];
  /** Records whose numeric DLBM was a 三调 code without its leading zero (101 for 0101), given it back. */
  readonly zeroRestored: readonly number[];
}

export function surveyRecords(layer: ImportedLayer, options: SurveyRecordOptions = {}): Result<SurveyRecords> {
  // A Shapefile without its .dbf has no fields at all: say which file is missing, not which field.
  if (layer.missingDbf) return failure('io.survey.noAttributeTable', { file: layer.file, dbf: layer.missingDbf });
  const fields = resolveFields(layer.fields.map((f) => f.name), options.fields);
  if (!fields.code) return failure('io.survey.noCodeField', { file: layer.file, fields: listSome(layer.fields.map((f) => f.name), 20) });

  const ridges = ridgeFractions(layer.features.map((f) => numberOf(f.properties, fields.ridgeCoefficient)));
  const code = fields.code;
  const sandiaoNumbers = numericCodesAreSandiao(layer.features.map((f) => ({ value: f.properties[code], name: textOf(f.properties, fields.name) })));
  const zeroRestored: number[] = [];
  const records: SurveyRecord[] = [];
  const withoutArea: number[] = [];
  const invalid: InvalidGeometry[] = [];
  const byParcelNo = new Map<string, { parcelNo: string; records: number[] }>();
  const villages = new Set(layer.features.map((f) => villageCodeOf(textOf(f.properties, fields.locationCode) ?? '')).filter((code) => code !== ''));
  for (const [index, record] of layer.features.entries()) {
    const p = record.properties;
    const geometryType = record.geometry?.type;
    if (geometryType !== 'Polygon' && geometryType !== 'MultiPolygon') {
      withoutArea.push(record.recordNo);
      continue;
    }
    const parcelNo = textOf(p, fields.parcelNo) ?? '';
    // 图斑编号 are numbered within each 村级调查区: a township's layer holds 1, 2, 3 … once per village.
    const village = villageCodeOf(textOf(p, fields.locationCode) ?? '');
    if (parcelNo) {
      const key = `${village}\u0000${parcelNo}`;
      const numbered = byParcelNo.get(key) ?? { parcelNo: village && villages.size > 1 ? `${village} ${parcelNo}` : parcelNo, records: [] };
      numbered.records.push(record.recordNo);
      byParcelNo.set(key, numbered);
    }

    const checked = checkedGeometry(record.geometry as AreaGeometry, options.repair ?? false);
    const geometry = checked.geometry;
    if (checked.problems.length) invalid.push({ recordNo: record.recordNo, parcelNo, problems: checked.problems, repair: checked.repair });
    const area = safeArea(geometry);
    const read = sandiaoNumbers ? sandiaoCodeOf(p, code) : { code: textOf(p, code) ?? '', zeroRestored: false };
    if (read.zeroRestored) zeroRestored.push(record.recordNo);
    records.push({
      recordNo: record.recordNo,
      geometry,
      area,
      code: read.code,
      townVillage: townVillageOf(textOf(p, fields.townVillage)),
      parcelNo,
      name: textOf(p, fields.name) ?? '',
      attributes: attributesOf(p, fields, ridges[index] ?? null, area),
    });
  }
  const duplicateParcelNos = [...byParcelNo.values()].filter((numbered) => numbered.records.length > 1);
  return success({ file: layer.file, fields, records, withoutArea, invalid, duplicateParcelNos, zeroRestored });
}

/**
 * A record's geometry checked (OGC validity errors only) and, when asked, repaired: the repaired geometry
 * where the repair gives a valid one, else the geometry as read. A self-crossing ring's area as read is
 * wrong (a bow-tie's two lobes cancel to 0; a part stored twice counts twice).
 */
export function checkedGeometry(read: AreaGeometry, repair: boolean): { readonly geometry: AreaGeometry; readonly problems: readonly ValidityKind[]; readonly repair: InvalidGeometry['repair'] } {
  const problems = [...new Set(validateAreaGeometry(read).filter((v) => v.severity === 'error').map((v) => v.kind))];
  if (!problems.length || !repair) return { geometry: read, problems, repair: null };
  const repaired = repairGeometry(read);
  const geometry = repaired.geometry && repaired.valid ? repaired.geometry : read;
  return { geometry, problems, repair: { valid: repaired.valid, areaBefore: repaired.areaBefore, areaAfter: repaired.areaAfter } };
}

function attributesOf(p: Properties, fields: Partial<Record<SurveyField, string>>, ridgeCoefficient: number | null, area: number): SurveyAttributes {
  const recordedArea = numberOf(p, fields.recordedArea);
  const ridgeArea = numberOf(p, fields.ridgeArea);
  return {
    landNote: textOf(p, fields.landNote),
    tenure: textOf(p, fields.tenure),
    slopeGrade: textOf(p, fields.slopeGrade),
    ownerCode: textOf(p, fields.ownerCode),
    ownerName: textOf(p, fields.ownerName),
    // Without KCXS, the ridges' share of the recorded area (KCMJ = TBMJ × KCXS): the parcel's 耕地 stays net of them.
    // Without TBMJ too (an export that dropped it), of the ellipsoidal area, which is what the survey records as TBMJ:
    // the KCMJ recorded is still ridge, not 耕地.
    ridgeCoefficient: ridgeCoefficient ?? ridgeShare(ridgeArea, recordedArea !== null && recordedArea > 0 ? recordedArea : area),
    recordedArea,
    approvalNo: textOf(p, fields.approvalNo),
  };
}

/** KCMJ as a share of the parcel's area; null without KCMJ or an area to divide it by. */
function ridgeShare(ridgeArea: number | null, parcelArea: number): number | null {
  return ridgeArea === null || !(parcelArea > 0) ? null : ridgeArea / parcelArea;
}

function safeArea(geometry: AreaGeometry): number {
  const area = ellipsoidalArea(geometry);
  return Number.isFinite(area) ? area : 0;
}
