import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import type { Message, Result } from '../result.ts';
import { looksLikeVillageDatabase, parseVillageDatabaseText, serialiseVillageDatabase } from './database-file.ts';

const FILE = '上村.database.json';
const square = (lon: number) => ({ type: 'Polygon' as const, coordinates: [[[lon, 30.2], [lon + 0.001, 30.2], [lon + 0.001, 30.201], [lon, 30.201], [lon, 30.2]]] });

const DATABASE: VillageDatabase = {
  edition: 'ydyh-2023',
  info: { villageName: '上村', villageType: '集聚提升类', planPeriod: '2021-2035', basePopulation: 1234, targetPopulation: 1300, baseHeritage: 2, targetHeritage: null },
  allocations: { 1: 28.25, 8: 100 },
  layers: {
    GHDLTB: {
      name: 'GHDLTB',
      file: FILE,
      fieldNames: ['BSM', 'GHDLBM', 'GHDLMJ'],
      features: [
        { ref: 'GHDLTB#330421101210000000001', geometry: square(120.1), properties: { BSM: '330421101210000000001', GHDLBM: '0101', GHDLMJ: 10.5 } },
        { ref: 'GHDLTB#2', geometry: null, properties: { BSM: '', GHDLBM: '0703', GHDLMJ: null } },
      ],
    },
    YJJBNT: { name: 'YJJBNT', file: FILE, fieldNames: [], features: [{ ref: 'YJJBNT#1', geometry: square(120.2), properties: {} }] },
  },
};

/** The file as a hand editor would change it: the serialised database with `edit` applied to its JSON. */
function edited(edit: (root: Record<string, unknown>) => void): string {
  const root = JSON.parse(serialiseVillageDatabase(DATABASE)) as Record<string, unknown>;
  edit(root);
  return JSON.stringify(root);
}

const layersOf = (root: Record<string, unknown>) => root.layers as Record<string, { features: Record<string, unknown>[] }>;

function parsed(text: string): { value: VillageDatabase; notes: readonly Message[] } {
  const result = parseVillageDatabaseText(text, FILE);
  if (!result.ok) throw new Error(`refused: ${result.error.key}`);
  return result;
}

const errorOf = (result: Result<VillageDatabase>): Message | null => (result.ok ? null : result.error);

describe('village database file', () => {
  it('round trips: serialise then parse gives the same database, and the same bytes again', () => {
    const text = serialiseVillageDatabase(DATABASE);
    const read = parsed(text);
    expect(read.notes).toEqual([]);
    expect(read.value).toEqual(DATABASE);
    expect(serialiseVillageDatabase(read.value)).toBe(text);
    // One feature per line, so a changed database diffs by feature.
    expect(text.split('\n').filter((line) => line.includes('"type":"Feature"'))).toHaveLength(3);
  });

  it('refuses text that is not JSON, naming the file', () => {
    expect(errorOf(parseVillageDatabaseText('{"format": ', FILE))).toMatchObject({ key: 'villageDb.file.notJson', params: { file: FILE } });
  });

  it('refuses JSON of another format', () => {
    expect(errorOf(parseVillageDatabaseText(JSON.stringify({ format: 'village-map', schemaVersion: 1 }), FILE))).toEqual({ key: 'villageDb.file.notADatabase', params: { file: FILE } });
    expect(errorOf(parseVillageDatabaseText(JSON.stringify({ type: 'FeatureCollection', features: [] }), FILE))).toEqual({ key: 'villageDb.file.notADatabase', params: { file: FILE } });
  });

  it('refuses another profile, naming it', () => {
    const text = edited((root) => (root.profile = 'zhejiang-2017'));
    expect(errorOf(parseVillageDatabaseText(text, FILE))).toEqual({ key: 'villageDb.file.wrongProfile', params: { file: FILE, profile: '"zhejiang-2017"', expected: 'zhejiang-2026' } });
  });

  it('refuses a file from a newer version as such, and a version that is no version', () => {
    expect(errorOf(parseVillageDatabaseText(edited((root) => (root.schemaVersion = 2)), FILE))).toEqual({ key: 'villageDb.file.tooNew', params: { file: FILE, version: 2, supported: 1 } });
    expect(errorOf(parseVillageDatabaseText(edited((root) => (root.schemaVersion = '1')), FILE))).toEqual({ key: 'villageDb.file.badSchemaVersion', params: { file: FILE, version: '"1"' } });
  });

  it('refuses an edition it cannot know and a file without layers', () => {
    expect(errorOf(parseVillageDatabaseText(edited((root) => delete root.edition), FILE))).toEqual({ key: 'villageDb.file.badEdition', params: { file: FILE, edition: 'undefined', editions: 'ydyh-2023, ydyh-2020' } });
    expect(errorOf(parseVillageDatabaseText(edited((root) => (root.layers = [])), FILE))).toEqual({ key: 'villageDb.file.noLayers', params: { file: FILE, found: 'array' } });
  });

  it('skips an unknown layer with a note and keeps the others', () => {
    const read = parsed(edited((root) => (layersOf(root).DLTB = { features: [] })));
    expect(Object.keys(read.value.layers).sort()).toEqual(['GHDLTB', 'YJJBNT']);
    expect(read.notes).toEqual([{ key: 'villageDb.file.unknownLayers', params: { file: FILE, layers: 'DLTB', known: expect.stringContaining('GHDLTB') } }]);
  });

  it('keeps a feature whose geometry is missing, broken or not lon/lat without a shape, and the other features whole', () => {
    const read = parsed(
      edited((root) => {
        const features = layersOf(root).GHDLTB!.features;
        delete features[0]!.geometry;
        features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: 'none' }, properties: { GHDLBM: '0702' } });
        features.push({ type: 'Feature', geometry: square(40_500_000), properties: { GHDLBM: '0702' } });
        layersOf(root).YJJBNT!.features.push({ type: 'Feature', geometry: square(120.3), properties: {} });
      }),
    );
    const ghdltb = read.value.layers.GHDLTB!.features;
    expect(ghdltb.map((f) => [f.ref, f.geometry])).toEqual([['GHDLTB#330421101210000000001', null], ['GHDLTB#2', null], ['GHDLTB#3', null], ['GHDLTB#4', null]]);
    expect(ghdltb[0]!.properties.GHDLBM).toBe('0101');
    expect(read.value.layers.YJJBNT!.features.map((f) => f.geometry)).toEqual([square(120.2), square(120.3)]);
    expect(read.notes).toEqual([{ key: 'villageDb.file.badGeometry', params: { file: FILE, layer: 'GHDLTB', count: 3, refs: 'GHDLTB#330421101210000000001, GHDLTB#3, GHDLTB#4' } }]);
  });

  it('skips records that are not features, naming them', () => {
    const read = parsed(edited((root) => layersOf(root).GHDLTB!.features.push({ type: 'Polygon' })));
    expect(read.value.layers.GHDLTB!.features).toHaveLength(2);
    expect(read.notes).toEqual([{ key: 'villageDb.file.notFeatures', params: { file: FILE, layer: 'GHDLTB', count: 1, records: '3' } }]);
  });

  it('reads values that are not text or numbers as text, and declared fields in any case under their declared name', () => {
    const read = parsed(edited((root) => layersOf(root).GHDLTB!.features.push({ type: 'Feature', geometry: null, properties: { ghdlbm: '0703', BZ: true, MSSM: { a: [1] } } })));
    const added = read.value.layers.GHDLTB!.features[2]!;
    expect(added.properties).toEqual({ GHDLBM: '0703', BZ: 'true', MSSM: '{"a":[1]}' });
    expect(read.value.layers.GHDLTB!.fieldNames).toEqual(['BSM', 'GHDLBM', 'GHDLMJ', 'BZ', 'MSSM']);
    expect(read.notes).toEqual([{ key: 'villageDb.file.valuesAsText', params: { file: FILE, layer: 'GHDLTB', fields: 'BZ, MSSM' } }]);
  });

  it('treats village info of the wrong type as not entered, naming the field', () => {
    const read = parsed(edited((root) => Object.assign(root.info as object, { basePopulation: '1,234', villageName: 7, mayor: 'x' })));
    expect(read.value.info).toMatchObject({ basePopulation: null, villageName: null, targetPopulation: 1300 });
    expect(read.notes).toEqual([
      { key: 'villageDb.file.unknownInfoFields', params: { file: FILE, fields: 'mayor', known: expect.stringContaining('basePopulation') } },
      { key: 'villageDb.file.badInfoField', params: { file: FILE, field: 'villageName', found: '7', expectedKey: 'villageDb.file.expected.text' } },
      { key: 'villageDb.file.badInfoField', params: { file: FILE, field: 'basePopulation', found: '"1,234"', expectedKey: 'villageDb.file.expected.number' } },
    ]);
  });

  it('treats allocations that are not numbers, or name no indicator, as not entered', () => {
    const read = parsed(edited((root) => (root.allocations = { 1: '28', 8: 100, 99: 5 })));
    expect(read.value.allocations).toEqual({ 8: 100 });
    expect(read.notes).toEqual([
      { key: 'villageDb.file.badAllocation', params: { file: FILE, indicator: '1', name: '村域建设用地总面积', found: '"28"' } },
      { key: 'villageDb.file.unknownIndicator', params: { file: FILE, indicator: '99' } },
    ]);
  });

  it('opens a database without info or allocations as one with none entered', () => {
    const read = parsed(edited((root) => (delete root.info, delete root.allocations)));
    expect(read.value.info.villageName).toBeNull();
    expect(read.value.allocations).toEqual({});
    expect(read.notes).toEqual([]);
  });
});

describe('village database file: the planner’s own 管控边界 types of classes', () => {
  const overridden: VillageDatabase = { ...DATABASE, controlTypes: { '0703': '0201', '0103': '0301' } };

  it('round trips them in code order, the same bytes whatever order they were set in', () => {
    const text = serialiseVillageDatabase(overridden);
    expect(text).toContain('  "controlTypes": {"0103":"0301","0703":"0201"},\n');
    const read = parsed(text);
    expect(read.notes).toEqual([]);
    expect(read.value).toEqual(overridden);
    expect(serialiseVillageDatabase({ ...DATABASE, controlTypes: { '0103': '0301', '0703': '0201' } })).toBe(text);
  });

  it('writes no line for a plan without any, so its bytes stay as they were', () => {
    expect(serialiseVillageDatabase(DATABASE)).not.toContain('controlTypes');
    expect(serialiseVillageDatabase({ ...DATABASE, controlTypes: {} })).toBe(serialiseVillageDatabase(DATABASE));
  });

  it('drops an entry whose code is no 2023 class or whose type is no 管控边界 type, with a note; the others are kept', () => {
    const read = parsed(edited((root) => (root.controlTypes = { '0103': '0301', '9999': '0201', '0703': '0500', '0101': 7 })));
    expect(read.value.controlTypes).toEqual({ '0103': '0301' });
    expect(read.notes).toEqual([expect.objectContaining({ key: 'database.controlTypes.file.dropped', params: expect.objectContaining({ file: FILE, count: 3, entries: expect.stringContaining('9999 → "0201"') }) })]);
  });

  it('ignores a table that is no table, with a note, and opens the plan with the defaults', () => {
    const read = parsed(edited((root) => (root.controlTypes = ['0103'])));
    expect(read.value.controlTypes).toBeUndefined();
    expect(read.notes).toEqual([expect.objectContaining({ key: 'database.controlTypes.file.notATable', params: { file: FILE, found: 'array' } })]);
  });
});

describe('telling a village database file from a 2017 plan file', () => {
  it('knows the written file and a compact one by their format, and not a 2017 plan file or other JSON', () => {
    const written = serialiseVillageDatabase(DATABASE);
    expect(looksLikeVillageDatabase(written)).toBe(true);
    expect(looksLikeVillageDatabase('{"format":"village-database","profile":"zhejiang-2026"}')).toBe(true);
    expect(looksLikeVillageDatabase('{"format":"village-plan","profileId":"zhejiang-2017","layers":{}}')).toBe(false);
    expect(looksLikeVillageDatabase('{"type":"FeatureCollection","features":[]}')).toBe(false);
    expect(looksLikeVillageDatabase('')).toBe(false);
  });

  it('refuses a 2017 plan file saying where it opens and how it becomes a 2026 plan', () => {
    const read = parseVillageDatabaseText(readFileSync('samples/sample-village.plan.json', 'utf8'), 'sample-village.plan.json');
    expect(errorOf(read)).toEqual({ key: 'villageDb.file.plan2017', params: { file: 'sample-village.plan.json' } });
  });

  it('tells the two samples apart', () => {
    expect(looksLikeVillageDatabase(readFileSync('samples/sample-village-2026.database.json', 'utf8'))).toBe(true);
    expect(looksLikeVillageDatabase(readFileSync('samples/sample-village.plan.json', 'utf8'))).toBe(false);
  });
});
