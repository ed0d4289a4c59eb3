import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../formats/index.ts';
import type { ImportedLayer } from '../formats/types.ts';
import { emptyProperties, type JsonValue } from '../formats/properties.ts';
import { english } from '../test-support.ts';
import { importSurvey } from './survey-import.ts';
import { DEFAULT_SURVEY_MAPPING, withChoices, type MappingChoice } from '../../profiles/zhejiang-2017/survey-mapping-table.ts';

const square = (x: number, y: number, d = 0.001): Geometry => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
const bowTie: Geometry = { type: 'Polygon', coordinates: [[[120.7, 30.4], [120.701, 30.401], [120.701, 30.4], [120.7, 30.401], [120.7, 30.4]]] };

function layer(records: { geometry: Geometry | null; properties: Record<string, JsonValue> }[]): ImportedLayer {
  return {
    format: 'shapefile',
    file: 'DLTB.shp',
    name: 'DLTB',
    fields: ['DLBM', 'DLMC', 'TBBH', 'QSXZ', 'QSDWDM', 'QSDWMC', 'TBMJ', 'KCXS', 'CZCSXM', 'DLBZ', 'GDPDJB'].map((name) => ({ name, kind: 'text', width: null, decimals: null })),
    features: records.map((r, i) => ({ geometry: r.geometry, properties: Object.assign(emptyProperties(), r.properties), recordNo: i + 1 })),
    crs: { crs: { kind: 'geographic' }, how: 'prj', declaredName: null },
    encoding: null,
  };
}

const survey = layer([
  { geometry: square(120.70, 30.40), properties: { DLBM: '0101', DLMC: '水田', TBBH: '1', QSXZ: '30', TBMJ: 12345.6, KCXS: 0.08, GDPDJB: '2' } },
  { geometry: square(120.71, 30.40), properties: { DLBM: '0702', DLMC: '农村宅基地', TBBH: '2', QSXZ: '30', CZCSXM: '203' } },
  { geometry: square(120.72, 30.40), properties: { DLBM: '0702', DLMC: '农村宅基地', TBBH: '3', CZCSXM: '202' } },
  { geometry: square(120.73, 30.40), properties: { DLBM: '0301', DLMC: '乔木林地', TBBH: '4' } },
  { geometry: square(120.74, 30.40), properties: { DLBM: '203', DLMC: '村庄', TBBH: '5', KCXS: 8 } },
  { geometry: square(120.75, 30.40), properties: { DLBM: '9999', DLMC: '未知地类', TBBH: '6' } },
  { geometry: square(120.76, 30.40), properties: { DLBM: '1104K', DLMC: '可调整养殖坑塘', TBBH: '6', QSXZ: '99', DLBZ: '30' } },
  { geometry: bowTie, properties: { DLBM: '0103', DLMC: '旱地', TBBH: '8' } },
  { geometry: { type: 'LineString', coordinates: [[120.7, 30.4], [120.8, 30.5]] }, properties: { DLBM: '1006', TBBH: '9' } },
  { geometry: null, properties: { DLBM: '1006', TBBH: '10' } },
]);

describe('importSurvey', () => {
  const result = importSurvey(survey);
  if (!result.ok) throw new Error(english(result.error));
  const { parcels, preview, unmapped, withoutArea, invalid, duplicateParcelNos, badCodes } = result.value;
  const classOf = (parcelNo: string) => parcels.find((p) => p.feature.properties.parcelNo === parcelNo)?.feature.properties.classCode;

  it('maps 2017 and 2007 codes through the table, town/village attribute included', () => {
    expect(classOf('1')).toBe('111');
    expect(classOf('2')).toBe('2121');
    expect(classOf('3')).toBe('211');
    expect(classOf('4')).toBe('131');
    expect(classOf('5')).toBe('2121');
    expect(classOf('8')).toBe('113');
    expect(parcels.find((p) => p.recordNo === 7)?.feature.properties.classCode).toBe('153');
  });

  it('keeps the survey attributes on the parcel', () => {
    const first = parcels[0]!.feature.properties;
    expect(first).toMatchObject({ parcelNo: '1', surveyCode: '0101', tenure: '30', recordedArea: 12345.6, ridgeCoefficient: 0.08, slopeGrade: '2' });
    expect(parcels.find((p) => p.feature.properties.parcelNo === '5')?.feature.properties.ridgeCoefficient).toBe(0.08);
    expect(parcels[0]!.area).toBeGreaterThan(10_000);
  });

  it('previews what maps to what, with the choices the planner has', () => {
    const row = (code: string) => preview.find((r) => r.surveyCode === code);
    expect(row('0301')).toMatchObject({ classCode: '131', alternatives: ['132'], count: 1, surveyName: '乔木林地' });
    expect(row('203')?.alternatives).toEqual(['2122', '2123', '2124', '2125', '2126']);
    // The town row applies only in towns; elsewhere the general row does, so its group has no condition.
    expect(preview.filter((r) => r.surveyCode === '0702').map((r) => [r.where, r.classCode])).toEqual([[null, '2121'], ['town', '211']]);
  });

  it('lists unknown codes with their records, never dropping them silently', () => {
    expect(unmapped).toEqual([expect.objectContaining({ surveyCode: '9999', surveyName: '未知地类', classCode: null, records: [6] })]);
    expect(parcels.some((p) => p.recordNo === 6)).toBe(false);
    expect(result.ok && result.notes.map((n) => n.key)).toContain('io.survey.unmappedCodes');
    expect(result.ok && english(result.notes.find((n) => n.key === 'io.survey.unmappedCodes')!)).toContain('9999 未知地类');
  });

  it('lists records without an area geometry, invalid geometry, duplicate numbers and codes outside their lists', () => {
    expect(withoutArea).toEqual([9, 10]);
    expect(invalid).toEqual([{ recordNo: 8, parcelNo: '8', problems: ['selfIntersection'], repair: null }]);
    expect(duplicateParcelNos).toEqual([{ parcelNo: '6', records: [6, 7] }]);
    expect(badCodes).toEqual([{ field: 'QSXZ', value: '99', records: [7] }]);
    expect(parcels.find((p) => p.recordNo === 7)?.feature.properties).toMatchObject({ tenure: null, landNote: '30' });
  });

  it('repairs only on request, and reports the repair', () => {
    const repaired = importSurvey(survey, { repair: true });
    const entry = repaired.ok ? repaired.value.invalid[0] : undefined;
    expect(entry?.repair?.valid).toBe(true);
    expect(entry?.repair?.areaAfter).toBeGreaterThan(0);
    const parcel = repaired.ok ? repaired.value.parcels.find((p) => p.recordNo === 8) : undefined;
    expect(parcel?.feature.geometry.type).toBe('MultiPolygon');
    expect(repaired.ok && repaired.notes.map((n) => n.key)).toContain('io.survey.invalidRepaired');
  });

  it('takes an edited mapping table', () => {
    const edited = importSurvey(survey, { mapping: [...DEFAULT_SURVEY_MAPPING, { survey: '9999', classes: ['32'], standard: '2017', source: 'profile' }, { survey: '0301', classes: ['132'], standard: '2017', source: 'profile' }] });
    const parcelsNow = edited.ok ? edited.value.parcels : [];
    expect(edited.ok && edited.value.unmapped).toEqual([]);
    expect(parcelsNow.find((p) => p.recordNo === 6)?.feature.properties.classCode).toBe('32');
  });

  it('takes the planner’s choices over every default row, town/village rows included, and leaves out on request', () => {
    // Every preview row is sent with its current choice, as the import dialog does.
    const chosen: Record<string, MappingChoice['classCode']> = { '0301|': '132', '0702|': '2122', '0702|town': '211', '9999|': null };
    const choices = preview.map((r): MappingChoice => ({ surveyCode: r.surveyCode, where: r.where, classCode: `${r.surveyCode}|${r.where ?? ''}` in chosen ? (chosen[`${r.surveyCode}|${r.where ?? ''}`] ?? null) : r.classCode }));
    const edited = importSurvey(survey, { mapping: withChoices(DEFAULT_SURVEY_MAPPING, choices) });
    if (!edited.ok) throw new Error(english(edited.error));
    const classNow = (parcelNo: string) => edited.value.parcels.find((p) => p.feature.properties.parcelNo === parcelNo)?.feature.properties.classCode;
    expect(classNow('4')).toBe('132');
    expect(classNow('2')).toBe('2122');
    expect(classNow('3')).toBe('211');
    expect(classNow('1')).toBe('111');
    // 9999 was left out on purpose: no parcel, not unmapped, and a note says so.
    expect(edited.value.parcels.some((p) => p.recordNo === 6)).toBe(false);
    expect(edited.value.unmapped).toEqual([]);
    expect(edited.value.preview.find((r) => r.surveyCode === '9999')).toMatchObject({ leftOut: true, classCode: null, rowSource: 'planner' });
    expect(edited.notes.map((n) => n.key)).toContain('io.survey.leftOut');
    expect(edited.notes.map((n) => n.key)).not.toContain('io.survey.unmappedCodes');
  });

  it('refuses a layer without a code field, naming the fields it has', () => {
    const noCode = importSurvey({ ...survey, fields: [{ name: 'NAME', kind: 'text', width: null, decimals: null }] });
    expect(!noCode.ok && english(noCode.error)).toContain('NAME');
  });
});

describe('importSurvey of a DLTB exported with field aliases (GBK, no .cpg)', () => {
  const folder = 'tests/fixtures/io/survey-dltb/aliases-gbk';
  const read = importFiles(readdirSync(folder).filter((name) => name.startsWith('DLTB.')).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(folder, name))) })));
  if (!read.ok) throw new Error(english(read.error));
  const result = importSurvey(read.value[0] as ImportedLayer);
  if (!result.ok) throw new Error(english(result.error));
  const parcel = (parcelNo: string) => result.value.parcels.find((p) => p.feature.properties.parcelNo === parcelNo);

  it('reads codes, areas written 9,100.00 and percentages by the Chinese field names', () => {
    expect(result.value.parcels.map((p) => p.feature.properties.surveyCode)).toEqual(['0101', '0702', '0301', '1104', '0102', '1006']);
    expect(parcel('1')?.feature.properties).toMatchObject({ classCode: '111', recordedArea: 9100, ridgeCoefficient: 0.05 });
    expect(parcel('3')?.feature.properties.recordedArea).toBe(2800);
    // 1 beside 5 in the same layer is 1 %: as a fraction the 水浇地 would be all ridge.
    expect(parcel('5')?.feature.properties.ridgeCoefficient).toBe(0.01);
  });

  it('measures parcels with holes and parts as GDAL’s SpatiaLite does (README)', () => {
    const spatialite: Record<string, number> = { '1': 9099.97905583718, '2': 899.99793400625, '3': 2799.99347002093, '4': 399.999067581337, '5': 1599.99634546993, '6': 239.999446501403 };
    for (const [parcelNo, area] of Object.entries(spatialite)) expect(parcel(parcelNo)?.area).toBeCloseTo(area, 3);
  });
});

describe('importSurvey of a DLTB with the ridges as an area (KCMJ) and no coefficient', () => {
  const kcmj = layer([
    { geometry: square(120.7, 30.4), properties: { DLBM: '0101', TBBH: '1', TBMJ: '10,000.00', KCMJ: 800 } },
    { geometry: square(120.71, 30.4), properties: { DLBM: '0101', TBBH: '2', TBMJ: 5000, KCXS: 0.05, KCMJ: 999 } },
    { geometry: square(120.72, 30.4), properties: { DLBM: '0103', TBBH: '3', KCMJ: 100 } },
  ]);
  const read = importSurvey({ ...kcmj, fields: [...kcmj.fields, { name: 'KCMJ', kind: 'real', width: null, decimals: null }] });
  const ridge = (parcelNo: string) => (read.ok ? read.value.parcels.find((p) => p.feature.properties.parcelNo === parcelNo)?.feature.properties.ridgeCoefficient : undefined);

  it('takes the coefficient as KCMJ / TBMJ (800 / 10,000 = 0.08), the recorded coefficient where there is one', () => {
    expect(ridge('1')).toBe(0.08);
    expect(ridge('2')).toBe(0.05);
  });

  it('takes KCMJ as a share of the ellipsoidal area where TBMJ is missing, so the 100 m² of ridges are not counted as 耕地', () => {
    const third = read.ok ? read.value.parcels.find((p) => p.feature.properties.parcelNo === '3') : undefined;
    expect(third?.feature.properties.recordedArea).toBeNull();
    expect(ridge('3')).toBeCloseTo(100 / (third?.area ?? NaN), 12);
  });
});

describe('importSurvey of a DLBM field made numeric (an export through a spreadsheet)', () => {
  const numeric = (records: readonly [number, string | null][]) =>
    importSurvey(layer(records.map(([DLBM, DLMC], i) => ({ geometry: square(120.7 + i * 0.01, 30.4), properties: { DLBM, ...(DLMC === null ? {} : { DLMC }), TBBH: String(i + 1) } }))));
  const classes = (result: ReturnType<typeof importSurvey>) => (result.ok ? result.value.parcels.map((p) => [p.feature.properties.surveyCode, p.feature.properties.classCode]) : []);

  it('reads 三调 101 水田 as 0101, not the 二调 101 铁路用地, and 201 果园 as 0201, not 二调 201 城市, saying so', () => {
    // 1006 has no 二调 reading: the layer is 三调.
    const result = numeric([[101, '水田'], [201, '果园'], [702, '农村宅基地'], [1006, '农村道路']]);
    expect(classes(result)).toEqual([['0101', '111'], ['0201', '12'], ['0702', '2121'], ['1006', '152']]);
    expect(result.ok && english(result.notes.find((n) => n.key === 'io.survey.codeZeroRestored')!)).toContain('restored (101 → 0101 paddy field, not the 二调 101 railway land): 3 parcel(s) (records 1, 2, 3)');
  });

  it('tells 三调 by the names where every number could be 二调', () => {
    expect(classes(numeric([[101, '水田'], [102, '水浇地']]))).toEqual([['0101', '111'], ['0102', '112']]);
  });

  it('keeps a numeric 二调 layer as written', () => {
    const result = numeric([[101, '铁路用地'], [203, '村庄'], [102, '公路用地']]);
    expect(classes(result)).toEqual([['101', '221'], ['203', '2121'], ['102', '221']]);
    expect(result.ok && result.notes.map((n) => n.key)).not.toContain('io.survey.codeZeroRestored');
  });
});

describe('duplicate 图斑编号 in a township layer', () => {
  const village = (code: string) => `330106001${code}0000000`;
  const township = (fields: readonly string[], rows: readonly Record<string, JsonValue>[]): ImportedLayer => ({
    ...layer(rows.map((properties, i) => ({ geometry: square(120.70 + i * 0.01, 30.40), properties }))),
    fields: fields.map((name) => ({ name, kind: 'text', width: null, decimals: null })),
  });

  it('numbers parcels within each village (ZLDWDM), as the survey does: 1 in two villages is no duplicate', () => {
    const read = importSurvey(township(['DLBM', 'TBBH', 'ZLDWDM'], [
      { DLBM: '0101', TBBH: '1', ZLDWDM: village('001') },
      { DLBM: '0101', TBBH: '1', ZLDWDM: village('002') },
      { DLBM: '0101', TBBH: '2', ZLDWDM: village('002') },
      { DLBM: '0101', TBBH: '2', ZLDWDM: village('002') },
    ]));
    expect(read.ok && read.value.duplicateParcelNos).toEqual([{ parcelNo: '330106001002 2', records: [3, 4] }]);
  });

  it('names the number alone in a layer of one village', () => {
    const read = importSurvey(township(['DLBM', 'TBBH', 'ZLDWDM'], [
      { DLBM: '0101', TBBH: '7', ZLDWDM: village('001') },
      { DLBM: '0101', TBBH: '7', ZLDWDM: village('001') },
    ]));
    expect(read.ok && read.value.duplicateParcelNos).toEqual([{ parcelNo: '7', records: [1, 2] }]);
  });
});
