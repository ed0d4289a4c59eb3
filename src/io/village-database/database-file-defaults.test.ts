import { describe, expect, it } from 'vitest';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { parseVillageDatabaseText, serialiseVillageDatabase } from './database-file.ts';

const FILE = '下村.database.json';

const PLAN: VillageDatabase = {
  edition: 'ydyh-2023',
  info: { villageName: '下村', villageType: null, planPeriod: null, basePopulation: null, targetPopulation: null, baseHeritage: null, targetHeritage: null },
  allocations: { 9: 12 },
  layers: {},
  controlTypes: { '0103': '0301' },
  bindings: { '9': 'none', '1': 'atLeast' },
  threeCategories: { '1703': 'unused', '06': 'construction' },
  classColours: { '0703': '#112233' },
  tableGroups: { '0902': 'otherConstruction', '0802': 'village' },
};

const read = (text: string) => {
  const result = parseVillageDatabaseText(text, FILE);
  if (!result.ok) throw new Error(result.error.key);
  return result;
};

describe('village database file: the plan’s own defaults', () => {
  it('round trips every table, one line each after the allocations, keys in order, the same bytes whatever order they were set in', () => {
    const text = serialiseVillageDatabase(PLAN);
    expect(text).toContain(
      [
        '  "controlTypes": {"0103":"0301"},',
        '  "bindings": {"1":"atLeast","9":"none"},',
        // Codes in code order, 06 before 1703, though an object would put 1703 first.
        '  "threeCategories": {"06":"construction","1703":"unused"},',
        '  "classColours": {"0703":"#112233"},',
        '  "tableGroups": {"0802":"village","0902":"otherConstruction"},',
      ].join('\n'),
    );
    const back = read(text);
    expect(back.notes).toEqual([]);
    expect(back.value).toEqual(PLAN);
    expect(serialiseVillageDatabase({ ...PLAN, threeCategories: { '1703': 'unused', '06': 'construction' } })).toBe(text);
  });

  it('writes no line for a table without entries', () => {
    const typesOnly: VillageDatabase = { edition: PLAN.edition, info: PLAN.info, allocations: PLAN.allocations, layers: PLAN.layers, controlTypes: { '0103': '0301' } };
    expect(serialiseVillageDatabase({ ...typesOnly, bindings: {}, classColours: {} })).toBe(serialiseVillageDatabase(typesOnly));
    expect(serialiseVillageDatabase({ ...typesOnly, tableGroups: {} })).toBe(serialiseVillageDatabase(typesOnly));
    expect(serialiseVillageDatabase(typesOnly)).not.toMatch(/bindings|threeCategories|classColours|tableGroups/);
  });

  it('drops the entries a table does not take, each table with its own note, and keeps the rest', () => {
    const root = JSON.parse(serialiseVillageDatabase(PLAN)) as Record<string, unknown>;
    root.bindings = { '9': 'none', '3': 'atMost', '1': 'below' };
    root.threeCategories = { '1703': 'water' };
    root.classColours = 'red';
    // 0101 has a row of its own; 'construction' is a sum, not a subtotal a code falls in.
    root.tableGroups = { '0802': 'village', '0101': 'village', '0902': 'construction' };
    const back = read(JSON.stringify(root));
    expect(back.value.bindings).toEqual({ '9': 'none' });
    expect('threeCategories' in back.value).toBe(false);
    expect('classColours' in back.value).toBe(false);
    expect(back.value.tableGroups).toEqual({ '0802': 'village' });
    expect(back.notes.map((n) => [n.key, n.params?.['count'] ?? n.params?.['found']])).toEqual([
      ['database.defaults.bindings.file.dropped', 2],
      ['database.defaults.threeCategories.file.dropped', 1],
      ['database.defaults.classColours.file.notATable', 'string'],
      ['database.defaults.tableGroups.file.dropped', 2],
    ]);
  });
});
