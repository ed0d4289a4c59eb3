/**
 * From an imported survey layer (三调/二调 DLTB, Shapefile or GeoJSON) to base parcels of the plan
 * (features.ts BaseParcelProps), through an editable mapping table. Nothing is dropped silently: the
 * result carries a preview of what maps to what, every unknown code with its records (for the mapping
 * table), every record without an area geometry, every invalid geometry (repaired only when asked, and
 * the repair shown), and every parcel number used twice. In two halves: the records as they are
 * (`surveyRecords`, survey-records.ts), then the mapping table applied to them (`mapSurvey`).
 */
import type { FeatureOf } from '../../domain/features.ts';
import { LAND_NOTE_CODES, SLOPE_GRADES, TENURE_CODES } from '../../profiles/zhejiang-2017/codes.ts';
import { codesOf } from '../../domain/code-entry.ts';
import { newFeatureId } from '../../domain/ids.ts';
import type { LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { ImportedLayer } from '../formats/types.ts';
import { listSome, note, success, type Message, type Result } from '../result.ts';
import { matchRow, type TownVillage } from './match-mapping.ts';
import type { SurveyField } from './survey-fields.ts';
import { DEFAULT_SURVEY_MAPPING, type MappingRow } from '../../profiles/zhejiang-2017/survey-mapping-table.ts';
import { surveyRecords, type InvalidGeometry, type SurveyRecordOptions, type SurveyRecords } from './survey-records.ts';

export interface SurveyImportOptions extends SurveyRecordOptions {
  readonly mapping?: readonly MappingRow[];
}

export interface SurveyParcel {
  readonly feature: FeatureOf<'base'>;
  readonly recordNo: number;
  /** Ellipsoidal area (m²), computed; compare with `recordedArea`. */
  readonly area: number;
}

export interface MappingPreviewRow {
  readonly surveyCode: string;
  /** The survey's own name of the code (DLMC), as most records give it. */
  readonly surveyName: string;
  readonly where: TownVillage;
  /** The class parcels get; null when no row matches (unmapped). */
  readonly classCode: LandClassCode | null;
  /** Classes the planner may choose instead (the row's further classes). */
  readonly alternatives: readonly LandClassCode[];
  readonly rowSource: MappingRow['source'] | null;
  readonly count: number;
  readonly area: number;
  /** Records with this code (1-based), for the unmapped list. */
  readonly records: readonly number[];
  /** The planner chose to leave these parcels out (a choice of no class); they are not unmapped. */
  readonly leftOut: boolean;
}

export interface SurveyImport {
  readonly parcels: readonly SurveyParcel[];
  readonly preview: readonly MappingPreviewRow[];
  readonly unmapped: readonly MappingPreviewRow[];
  /** Records whose geometry is missing or not an area. */
  readonly withoutArea: readonly number[];
  readonly invalid: readonly InvalidGeometry[];
  readonly duplicateParcelNos: SurveyRecords['duplicateParcelNos'];
  /** Values outside their code list (QSXZ, DLBZ, PDJB): kept out of the parcel, listed here. */
  readonly badCodes: readonly { readonly field: string; readonly value: string; readonly records: readonly number[] }[];
}

const TENURES = new Set<string>(codesOf(TENURE_CODES));
const LAND_NOTES = new Set<string>(codesOf(LAND_NOTE_CODES));
const SLOPES = new Set<string>(codesOf(SLOPE_GRADES));

export function importSurvey(layer: ImportedLayer, options: SurveyImportOptions = {}): Result<SurveyImport> {
  const records = surveyRecords(layer, options);
  return records.ok ? mapSurvey(records.value, options.mapping ?? DEFAULT_SURVEY_MAPPING) : records;
}

/** The records as base parcels through a mapping table, with the preview of what maps to what. */
export function mapSurvey(read: SurveyRecords, table: readonly MappingRow[]): Result<SurveyImport> {
  const { fields } = read;
  const parcels: SurveyParcel[] = [];
  const groups = new Map<string, { code: string; where: TownVillage; row: MappingRow | undefined; names: Map<string, number>; records: number[]; area: number }>();
  const badCodes = new Map<string, { field: string; value: string; records: number[] }>();
  const checked = (field: SurveyField, known: ReadonlySet<string>, value: string | null, recordNo: number) => {
    if (value === null || known.has(value)) return value;
    const key = `${field}|${value}`;
    const entry = badCodes.get(key) ?? { field: fields[field] ?? field, value, records: [] };
    entry.records.push(recordNo);
    badCodes.set(key, entry);
    return null;
  };

  // A survey has a few dozen codes for thousands of records: each code is looked up in the table once.
  const rows = new Map<string, MappingRow | undefined>();
  for (const record of read.records) {
    const { code, recordNo, attributes: a } = record;
    const rowKey = `${code}|${record.townVillage ?? ''}`;
    if (!rows.has(rowKey)) rows.set(rowKey, matchRow(table, code, record.townVillage));
    const row = rows.get(rowKey);
    const groupKey = `${code}|${row?.where ? record.townVillage : ''}`;
    const group = groups.get(groupKey) ?? { code, where: row?.where ? record.townVillage : null, row, names: new Map<string, number>(), records: [], area: 0 };
    group.names.set(record.name, (group.names.get(record.name) ?? 0) + 1);
    group.records.push(recordNo);
    group.area += record.area;
    groups.set(groupKey, group);
    if (!row || row.classes.length === 0) continue;

    parcels.push({
      recordNo,
      area: record.area,
      feature: {
        id: newFeatureId(),
        layer: 'base',
        geometry: record.geometry,
        properties: {
          parcelNo: record.parcelNo,
          classCode: row.classes[0] as LandClassCode,
          surveyCode: code || null,
          landNote: checked('landNote', LAND_NOTES, a.landNote, recordNo),
          tenure: checked('tenure', TENURES, a.tenure, recordNo),
          ownerCode: a.ownerCode,
          ownerName: a.ownerName,
          slopeGrade: checked('slopeGrade', SLOPES, a.slopeGrade, recordNo),
          ridgeCoefficient: a.ridgeCoefficient,
          recordedArea: a.recordedArea,
          approvalNo: a.approvalNo,
        },
      },
    });
  }

  const preview: MappingPreviewRow[] = [...groups.values()]
    .map((g) => ({
      surveyCode: g.code,
      surveyName: [...g.names].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '',
      where: g.where,
      classCode: (g.row?.classes[0] as LandClassCode | undefined) ?? null,
      alternatives: g.row?.classes.slice(1) ?? [],
      rowSource: g.row?.source ?? null,
      count: g.records.length,
      area: g.area,
      records: g.records,
      leftOut: g.row !== undefined && g.row.classes.length === 0,
    }))
    .sort((a, b) => a.surveyCode.localeCompare(b.surveyCode));
  const { withoutArea, invalid, duplicateParcelNos } = read;
  const zeroRestored = read.zeroRestored.length ? [note('io.survey.codeZeroRestored', { file: read.file, field: fields.code ?? '', count: read.zeroRestored.length, records: listSome(read.zeroRestored) })] : [];
  return success(
    { parcels, preview, unmapped: preview.filter((r) => r.classCode === null && !r.leftOut), withoutArea, invalid, duplicateParcelNos, badCodes: [...badCodes.values()] },
    [...zeroRestored, ...summaryNotes(read.file, preview, withoutArea, invalid, duplicateParcelNos, [...badCodes.values()])],
  );
}

function summaryNotes(
  file: string,
  preview: readonly MappingPreviewRow[],
  withoutArea: readonly number[],
  invalid: readonly InvalidGeometry[],
  duplicates: SurveyImport['duplicateParcelNos'],
  badCodes: SurveyImport['badCodes'],
): Message[] {
  const notes: Message[] = [];
  const unmapped = preview.filter((r) => r.classCode === null && !r.leftOut);
  const leftOut = preview.filter((r) => r.leftOut);
  if (leftOut.length) notes.push(note('io.survey.leftOut', { file, count: leftOut.reduce((n, r) => n + r.count, 0), codes: listSome(leftOut.map((r) => `${r.surveyCode || '∅'} ${r.surveyName}`.trim())) }));
  if (unmapped.length) {
    notes.push(note('io.survey.unmappedCodes', { file, count: unmapped.reduce((n, r) => n + r.count, 0), codes: listSome(unmapped.map((r) => `${r.surveyCode || '∅'} ${r.surveyName}`.trim())) }));
  }
  const choices = preview.filter((r) => r.alternatives.length > 0);
  if (choices.length) notes.push(note('io.survey.classChoices', { file, codes: listSome(choices.map((r) => `${r.surveyCode}→${[r.classCode, ...r.alternatives].join('/')}`)) }));
  if (withoutArea.length) notes.push(note('io.survey.withoutArea', { file, count: withoutArea.length, records: listSome(withoutArea) }));
  if (invalid.length) {
    const repaired = invalid.filter((i) => i.repair?.valid).length;
    notes.push(note(repaired ? 'io.survey.invalidRepaired' : 'io.survey.invalidGeometry', { file, count: invalid.length, repaired, records: listSome(invalid.map((i) => i.parcelNo || `#${i.recordNo}`)) }));
  }
  if (duplicates.length) notes.push(note('io.survey.duplicateParcelNos', { file, count: duplicates.length, parcelNos: listSome(duplicates.map((d) => d.parcelNo)) }));
  for (const bad of badCodes) notes.push(note('io.survey.badCode', { file, field: bad.field, value: bad.value, count: bad.records.length }));
  return notes;
}
