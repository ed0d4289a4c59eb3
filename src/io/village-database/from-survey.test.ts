import type { Geometry, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generateVillagePlan } from '../../../scripts/sample/generate.ts';
import { clipToSeparateBoundary, jitterVertices } from '../../../scripts/sample/real-looking.ts';
import { layerFeatures } from '../../domain/plan.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { checkDatabase } from '../../rules/ydyh/index.ts';
import { computeDatabaseTables } from '../../rules/ydyh/database-tables.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import type { ImportedLayer } from '../formats/types.ts';
import { importFiles } from '../formats/index.ts';
import { surveyLayerFromParcels } from '../survey/survey-layer.ts';
import { databaseFromSurvey, reviewSurvey } from './from-survey.ts';

const square = (i: number): Polygon => ({ type: 'Polygon', coordinates: [[[120.1 + i * 0.001, 30.2], [120.101 + i * 0.001, 30.2], [120.101 + i * 0.001, 30.201], [120.1 + i * 0.001, 30.201], [120.1 + i * 0.001, 30.2]]] });

type Row = Readonly<Record<string, string | number | null>>;

/** A layer as the editor's readers give it, from GeoJSON text. */
function layer(name: string, rows: readonly { geometry: Geometry | null; properties: Row }[]): ImportedLayer {
  const collection = { type: 'FeatureCollection', features: rows.map((row) => ({ type: 'Feature', ...row })) };
  const read = importFiles([{ name, bytes: new TextEncoder().encode(JSON.stringify(collection)) }]);
  if (!read.ok) throw new Error(read.error.key);
  return read.value[0] as ImportedLayer;
}

const VILLAGE = '3301060010010000000';
const parcel = (tbbh: string, dlbm: string, dlmc: string, extra: Row = {}): Row => ({ TBBH: tbbh, DLBM: dlbm, DLMC: dlmc, QSXZ: '30', QSDWDM: VILLAGE, QSDWMC: '示例村', ZLDWDM: VILLAGE, ZLDWMC: '示例村', TBMJ: 10_000, KCXS: 0, CZCSXM: '203', ...extra });

const ROWS: readonly Row[] = [
  parcel('1', '0101', '水田', { KCXS: 0.05 }),
  parcel('2', '1006', '农村道路'),
  parcel('3', '0702', '农村宅基地'),
  parcel('4', '0201K', '可调整果园'),
  parcel('5', '9999', '不明地类'),
  parcel('6', '0103', '水田'),
  parcel('7', '0204K', '可调整其他园地', { ZLDWDM: '3301060020010000000', ZLDWMC: '邻村' }),
  parcel('8', '1101', '河流水面', { BZ: '界河' }),
];
const dltb = () => layer('DLTB.geojson', [...ROWS.map((properties, i) => ({ geometry: square(i), properties })), { geometry: null, properties: parcel('9', '0101', '水田') }]);
const boundary = () => layer('XZQ.geojson', [{ geometry: { type: 'Polygon', coordinates: [[[120.1, 30.2], [120.108, 30.2], [120.108, 30.201], [120.1, 30.201], [120.1, 30.2]]] }, properties: {} }]);

function made(result: ReturnType<typeof databaseFromSurvey>): VillageDatabase {
  if (!result.ok) throw new Error(`${result.error.key} ${JSON.stringify(result.error.params)}`);
  return result.value;
}

const byTbbh = (db: VillageDatabase, field: string) => Object.fromEntries((db.layers.JQDLTB?.features ?? []).map((f) => [f.properties['TBBH'], f.properties[field]]));

describe('the review list of a 三调 DLTB', () => {
  const review = reviewSurvey(dltb());
  if (!review.ok) throw new Error(review.error.key);
  const { groups, notes, parcels } = review.value;

  it('groups the 待细分 codes (K codes with their class) and the 0702 trap, each with its candidates', () => {
    expect(parcels).toBe(8);
    expect(groups.map((g) => [g.key, g.fromZh, g.count, g.candidates, g.suggested])).toEqual([
      ['0204', '其他园地', 1, ['0204', '0205'], null],
      ['0702', '农村宅基地', 1, ['070301', '070302'], '070301'],
      ['1006', '农村道路', 1, ['060101', '060102'], null],
    ]);
    expect(groups[1]?.fromEn).not.toBe('农村宅基地');
    expect(groups[1]?.areaM2).toBeGreaterThan(10_000);
  });

  it('names the 0702 trap and the default on its group, and why the others need a choice', () => {
    const keys = (key: string) => groups.find((g) => g.key === key)?.notes.map((n) => n.key);
    expect(keys('0702')).toEqual(['villageDb.survey.collision', 'villageDb.survey.group.tooCoarse']);
    expect(groups[1]?.notes[0]?.params).toMatchObject({ from: '0702', collides: '0702 城镇社区服务设施用地', to: '0703 农村宅基地' });
    expect(keys('1006')).toEqual(['villageDb.survey.group.refine']);
    expect(keys('0204')).toEqual(['villageDb.survey.group.refine', 'villageDb.survey.group.unconfirmed']);
  });

  it('says what else to know: unknown codes (not a group), name mismatches, other collisions, K codes, records without a shape', () => {
    const note = (key: string) => notes.find((n) => n.key === key)?.params;
    expect(note('villageDb.survey.unknownCode')).toMatchObject({ code: '9999', count: 1, ids: '5' });
    expect(notes.filter((n) => n.key === 'villageDb.survey.nameMismatch').map((n) => n.params)).toEqual([{ from: '0103', expected: '旱地', given: '水田', count: 1 }]);
    expect(note('villageDb.survey.collisions')?.['codes']).toContain('1101 河流水面 → 1701 河流水面');
    expect(note('villageDb.survey.adjustable')).toEqual({ count: 2 });
    expect(note('villageDb.survey.withoutPolygon')).toMatchObject({ count: 1, records: '9' });
  });

  it('refuses a layer without DLBM, or without polygons, naming the file and its fields', () => {
    const noCode = reviewSurvey(layer('a.geojson', [{ geometry: square(0), properties: { JQDLBM: '0101' } }]));
    expect(noCode.ok ? null : noCode.error).toEqual({ key: 'villageDb.survey.noCodeField', params: { file: 'a.geojson', fields: 'JQDLBM' } });
    const noShape = reviewSurvey(layer('b.geojson', [{ geometry: { type: 'Point', coordinates: [120.1, 30.2] }, properties: { DLBM: '0101' } }]));
    expect(noShape.ok ? null : noShape.error).toEqual({ key: 'villageDb.survey.noPolygons', params: { file: 'b.geojson', fields: 'DLBM' } });
  });
});

describe('a 2026 village database from a 三调 DLTB', () => {
  const decided = { '1006': '060102', '0204': '0205' };

  it('is refused while a group without a default is undecided, or a choice is no candidate', () => {
    const open = databaseFromSurvey(dltb(), { '1006': '060101' });
    expect(open.ok ? null : open.error).toEqual({ key: 'villageDb.survey.undecided', params: { count: 1, groups: '0204 其他园地' } });
    const wrong = databaseFromSurvey(dltb(), { ...decided, '0702': '0702', '1101': '1701' });
    expect(wrong.ok ? null : wrong.error).toEqual({ key: 'villageDb.survey.invalidDecisions', params: { count: 2, decisions: '0702=0702, 1101=1701' } });
  });

  it('codes every base parcel in 用地用海 2023 (0702 never as 0702), and the plan starts as the base', () => {
    const db = made(databaseFromSurvey(dltb(), decided));
    expect(db.edition).toBe('ydyh-2023');
    expect(byTbbh(db, 'JQDLBM')).toEqual({ '1': '0101', '2': '060102', '3': '070301', '4': '0201', '5': null, '6': '0103', '7': '0205', '8': '1701' });
    expect(byTbbh(db, 'JQDLMC')).toMatchObject({ '2': '田间道', '3': '一类农村宅基地', '6': '旱地' });
    const ghdltb = db.layers.GHDLTB?.features ?? [];
    expect(ghdltb.map((f) => f.properties['GHDLBM'])).toEqual(Object.values(byTbbh(db, 'JQDLBM')));
    expect(ghdltb.map((f) => f.properties['YSDM'])).toEqual(Array(8).fill('2003020210'));
    expect(made(databaseFromSurvey(dltb(), { ...decided, '0702': '070302' })).layers.JQDLTB?.features[2]?.properties['JQDLBM']).toBe('070302');
  });

  it('gives a DLBM stored as a number its leading zero back, with a note, and codes it as the text would be', () => {
    const numeric = layer('DLTB.geojson', ROWS.map((properties, i) => ({ geometry: square(i), properties: /^\d+$/.test(String(properties['DLBM'])) ? { ...properties, DLBM: Number(properties['DLBM']) } : properties })));
    const db = made(databaseFromSurvey(numeric, decided));
    expect(byTbbh(db, 'JQDLBM')).toEqual(byTbbh(made(databaseFromSurvey(dltb(), decided)), 'JQDLBM'));
    const review = reviewSurvey(numeric);
    expect(review.ok && review.value.notes.find((n) => n.key === 'io.survey.codeZeroRestored')?.params).toMatchObject({ field: 'DLBM', count: 3 });
  });

  it('copies the survey fields, keeps the 三调 code in BZ and CZCSXM, and numbers BSM from the most common ZLDWDM', () => {
    const db = made(databaseFromSurvey(dltb(), decided));
    const jqdltb = db.layers.JQDLTB;
    expect(jqdltb?.fieldNames).toEqual(['BSM', 'YSDM', 'TBBH', 'JQDLBM', 'JQDLMC', 'QSXZ', 'QSDWDM', 'QSDWMC', 'ZLDWDM', 'ZLDWMC', 'TBMJ', 'KCDLBM', 'KCXS', 'KCMJ', 'TBDLMJ', 'GDLX', 'GDPDJB', 'SJNF', 'BZ', 'CZCSXM']);
    expect(jqdltb?.features[0]?.properties).toMatchObject({ TBBH: '1', QSXZ: '30', QSDWDM: VILLAGE, ZLDWMC: '示例村', TBMJ: 10_000, KCXS: 0.05, KCDLBM: null, CZCSXM: '203', YSDM: '2003010100', BZ: '三调 0101' });
    expect(byTbbh(db, 'BZ')).toMatchObject({ '4': '三调 0201K', '5': '三调 9999', '8': '三调 1101；界河' });
    for (const layerName of ['JQDLTB', 'GHDLTB'] as const) {
      const ids = (db.layers[layerName]?.features ?? []).map((f) => f.properties['BSM'] as string);
      expect(new Set(ids).size).toBe(8);
      for (const id of ids) expect(id).toMatch(/^330106001001\d{8}$/);
    }
  });

  it('leaves the unknown code to the checks: no other ydyh-code-valid finding', () => {
    const db = made(databaseFromSurvey(dltb(), decided));
    const found = checkDatabase(db).issues.filter((i) => i.rule === 'ydyh-code-valid');
    const unknownRefs = [db.layers.JQDLTB, db.layers.GHDLTB].map((l) => l?.features[4]?.ref);
    expect(found.map((i) => [i.message.key, i.features])).toEqual([
      ['rules.db.ydyh-code-valid.codeMissing', [unknownRefs[0]]],
      ['rules.db.ydyh-code-valid.codeMissing', [unknownRefs[1]]],
    ]);
  });

  it('writes CJDCQ from a boundary, else says the base parcels stand for the village', () => {
    const without = databaseFromSurvey(dltb(), decided);
    expect(without.ok && without.notes.map((n) => n.key)).toContain('villageDb.survey.noBoundary');
    const db = made(databaseFromSurvey(dltb(), decided, { boundary: boundary() }));
    expect(db.layers.CJDCQ?.features.map((f) => [f.properties['ZLDWDM'], f.properties['ZLDWMC'], f.properties['YSDM']])).toEqual([[VILLAGE, '示例村', '1000600400']]);
    expect(checkDatabase(db).issues.filter((i) => i.rule === 'totals-equal')).toEqual([]);
  });
});

describe('a 2026 village database from a real-looking DLTB', () => {
  /** The 2017 sample's base parcels clipped to a separately drawn boundary, every vertex off by up to ±0.3 mm, as a DLTB and its boundary. */
  function realLooking() {
    const clipped = clipToSeparateBoundary(generateVillagePlan({ seed: 2017, parcels: 500 }), { seed: 1 }).plan;
    const plan = jitterVertices(clipped, { seed: 1 }).plan;
    const survey = surveyLayerFromParcels(layerFeatures(plan, 'base'));
    const dltbLayer = layer('DLTB.geojson', survey.features.map((f) => ({ geometry: f.geometry, properties: f.properties as Row })));
    const boundaryLayer = layer('XZQ.geojson', layerFeatures(plan, 'boundary').map((f) => ({ geometry: f.geometry, properties: {} })));
    return { villageCode: plan.meta.villageCode, dltbLayer, boundaryLayer };
  }

  it('makes a database whose totals agree with its boundary, with no false errors', () => {
    const { villageCode, dltbLayer, boundaryLayer } = realLooking();
    const review = reviewSurvey(dltbLayer);
    if (!review.ok) throw new Error(review.error.key);
    const decisions = Object.fromEntries(review.value.groups.map((g) => [g.key, g.candidates[0] as string]));
    const db = made(databaseFromSurvey(dltbLayer, decisions, { boundary: boundaryLayer }));
    const base = db.layers.JQDLTB?.features ?? [];
    expect(base).toHaveLength(review.value.parcels);
    // Without ZLDWDM, the BSM take the owners' village code.
    expect(base[0]?.properties['BSM']).toMatch(new RegExp(`^${villageCode}\\d{8}$`));
    const issues = checkDatabase(db).issues.filter((i) => ['totals-equal', 'village-land-in-boundary', 'ydyh-code-valid'].includes(i.rule));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    // The whole village as its construction boundary: every parcel lies within it, T-junctions and jitter notwithstanding.
    const village = db.layers.CJDCQ?.features[0]?.geometry ?? null;
    const gkbj = { name: 'GKBJ', file: 'GKBJ.geojson', fieldNames: ['GKBJLXDM'], features: [{ ref: 'GKBJ#1', geometry: village, properties: { GKBJLXDM: '0301' } }] } as const;
    expect(checkDatabase({ ...db, layers: { ...db.layers, GKBJ: gkbj } }).issues.filter((i) => i.rule === 'village-land-in-boundary')).toEqual([]);
    const parcelsM2 = base.reduce((sum, f) => sum + ellipsoidalArea(f.geometry as Polygon), 0);
    const total = computeDatabaseTables(db).structure.rows.find((r) => r.row.kind === 'total')?.values.base ?? 0;
    expect(Math.abs(total * 10_000 - parcelsM2)).toBeLessThan(0.01);
  }, 60_000);
});
