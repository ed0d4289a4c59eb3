/**
 * The plan's own subtotals of the codes the Zhejiang structure table leaves out (plan-defaults.ts
 * `tableGroups`, domain-2026.md §1.3 ⚠): the table, the indicators that read its groups, `ydyh-table-level`
 * and the edit that sets them all follow the plan's choice.
 */
import { describe, expect, it } from 'vitest';
import { applyEdit, type PlanDefaultEntries } from '../../commands/village-database/database-edit.ts';
import { setPlanDefaults } from '../../commands/village-database/set-plan-defaults.command.ts';
import { fillStructureTable, type FilledStructureTable, type ParcelArea } from '../../profiles/ydyh/fill-structure-table.ts';
import { isPlanGroupableCode, tableGroupOf } from '../../profiles/ydyh/groupings-2023.ts';
import { ZJ_STRUCTURE_TABLE } from '../../profiles/ydyh/zj-structure-table.ts';
import { computeIndicators, type IndicatorInput } from '../../profiles/zhejiang-2026/indicators.ts';
import { PLAN_DEFAULTS } from '../../profiles/zhejiang-2026/plan-defaults.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { computeDatabaseTables } from './database-tables.ts';
import { database, parcels } from './test-support.ts';
import { ydyhTableLevelRule } from './ydyh-table-level.rule.ts';

const p = (code: string, areaM2: number): ParcelArea => ({ code, areaM2 });

/** A row's 基期 and 目标 areas (公顷). */
const areasOf = (table: FilledStructureTable, key: string): readonly [number | null, number | null] => {
  const row = table.rows.find((r) => r.row.key === key);
  if (!row) throw new Error(`no row ${key}`);
  return [row.values.base, row.values.target];
};

describe('which codes a plan may put in a subtotal', () => {
  it('takes exactly the land classes below the first level the template groups nowhere, and the table’s five subtotals', () => {
    for (const code of ['0802', '0804', '080401', '080402', '0902', '1203', '1502']) expect(PLAN_DEFAULTS.tableGroups.isKey(code), code).toBe(true);
    // 0101 and 080404 have rows, 07 is coded too coarsely, 1801 is sea, 9999 no class at all.
    for (const code of ['0101', '080404', '0703', '07', '1801', '9999']) expect(isPlanGroupableCode(code), code).toBe(false);
    expect(PLAN_DEFAULTS.tableGroups.isValue('village')).toBe(true);
    // 城乡建设用地 and 建设用地 are sums of subtotals, not groups a code falls in.
    expect(['urbanRural', 'construction', 'total', ''].map((v) => PLAN_DEFAULTS.tableGroups.isValue(v))).toEqual([false, false, false, false]);
  });

  it('reads the template’s group first, then the plan’s for the code or its nearest ancestor', () => {
    expect(tableGroupOf('0802')).toBeNull();
    expect(tableGroupOf('0802', { '0802': 'village' })).toBe('village');
    expect(tableGroupOf('080401', { '0804': 'urban' })).toBe('urban');
    expect(tableGroupOf('080401', { '0804': 'urban', '080401': 'regional' })).toBe('regional');
    // 080404 has a row in 村庄建设用地: a plan's value for 0804 does not move it.
    expect(tableGroupOf('080404', { '0804': 'urban' })).toBe('village');
  });
});

describe('the structure table with a plan’s subtotal', () => {
  // 0.2 ha of 070301 (村庄建设用地), 0.1 ha of 0802 (in no subtotal), 0.5 ha of 0101; the plan keeps them all.
  const parcelsBoth = [p('070301', 2000), p('0802', 1000), p('0101', 5000)];

  it('counts an ungrouped 0802 in the total only, flagged, until the plan puts it in 村庄建设用地', () => {
    const before = fillStructureTable(parcelsBoth, parcelsBoth);
    expect(areasOf(before, 'village')).toEqual([0.2, 0.2]);
    expect(areasOf(before, 'urbanRural')).toEqual([0.2, 0.2]);
    expect(areasOf(before, 'construction')).toEqual([0.2, 0.2]);
    expect(areasOf(before, 'total')).toEqual([0.8, 0.8]);
    expect(before.findings.map((f) => f.kind)).toEqual(['ungrouped', 'partsDoNotSum', 'partsDoNotSum']);

    const after = fillStructureTable(parcelsBoth, parcelsBoth, ZJ_STRUCTURE_TABLE, { '0802': 'village' });
    // 0.2 + 0.1 in 村庄建设用地, and so in 城乡建设用地 and 建设用地; 总计 is the same 0.8.
    expect(areasOf(after, 'village')).toEqual([0.3, 0.3]);
    expect(areasOf(after, 'urbanRural')).toEqual([0.3, 0.3]);
    expect(areasOf(after, 'construction')).toEqual([0.3, 0.3]);
    expect(areasOf(after, 'nonConstruction')).toEqual([0.5, 0.5]);
    expect(areasOf(after, 'total')).toEqual([0.8, 0.8]);
    // Still no row of its own: a note, and every sum adds up with it.
    expect(after.findings).toEqual([{ kind: 'planGrouped', code: '0802', subtotal: 'village', base: 0.1, target: 0.1 }]);
  });

  it('never moves a code the template has a row for', () => {
    const table = fillStructureTable([p('0101', 1000)], [], ZJ_STRUCTURE_TABLE, { '01': 'village' });
    expect(areasOf(table, 'village')).toEqual([0, 0]);
    expect(areasOf(table, 'nonConstruction')).toEqual([0.1, 0]);
    expect(table.findings).toEqual([]);
  });
});

describe('indicators #1–#3 with a plan’s subtotal', () => {
  const input: IndicatorInput = {
    parcels: { base: [p('070301', 2000), p('0902', 3000)], target: [p('070301', 2000), p('0902', 3000)] },
    population: { base: null, target: null },
    redLineM2: 0,
    pbfM2: 0,
    heritageSites: { base: null, target: null },
  };
  const targets = (results: ReturnType<typeof computeIndicators>) => [1, 2, 3].map((n) => results.find((r) => r.indicator.number === n)?.target);

  it('count 0902 in 村庄建设用地 (#3) and so in 城乡建设用地 (#2) and 建设用地 (#1) once the plan puts it there', () => {
    expect(targets(computeIndicators(input))).toEqual([{ value: 0.2 }, { value: 0.2 }, { value: 0.2 }]);
    expect(targets(computeIndicators({ ...input, tableGroups: { '0902': 'village' } }))).toEqual([{ value: 0.5 }, { value: 0.5 }, { value: 0.5 }]);
    // In 其他建设用地 it is construction land (#1) but neither 城乡 (#2) nor 村庄 (#3).
    expect(targets(computeIndicators({ ...input, tableGroups: { '0902': 'otherConstruction' } }))).toEqual([{ value: 0.5 }, { value: 0.2 }, { value: 0.2 }]);
  });
});

describe('a plan database with a subtotal of its own', () => {
  const bare = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0101', '0703']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['070301', '0802']) });
  const grouped: VillageDatabase = { ...bare, tableGroups: { '0802': 'village' } };

  it('is no longer flagged by ydyh-table-level for 0802 (0703, too coarse, still is)', () => {
    expect(ydyhTableLevelRule.check(bare).map((i) => [i.message.key.split('.').at(-1), i.message.params['code']])).toEqual([
      ['tooCoarse', '0703'],
      ['ungrouped', '0802'],
    ]);
    expect(ydyhTableLevelRule.check(grouped).map((i) => [i.message.key.split('.').at(-1), i.message.params['code']])).toEqual([['tooCoarse', '0703']]);
  });

  it('fills the tables with it: 0802’s area in 村庄建设用地 and indicator #3, with a note that it has no row', () => {
    const plain = computeDatabaseTables(bare);
    const tables = computeDatabaseTables(grouped);
    const [, villageBefore] = areasOf(plain.structure, 'village');
    const [, villageAfter] = areasOf(tables.structure, 'village');
    const [, total] = areasOf(tables.structure, 'total');
    // Two cells of (nearly) equal area: 0802 adds the second one to 村庄建设用地, which now holds the whole target year.
    expect(villageAfter).toBeCloseTo(total ?? NaN, 10);
    expect(villageAfter).toBeCloseTo(2 * (villageBefore ?? NaN), 3);
    const third = (t: typeof tables) => t.indicators.results.find((r) => r.indicator.number === 3)?.target;
    expect(third(plain)).toEqual({ value: villageBefore });
    expect(third(tables)).toEqual({ value: villageAfter });
    expect(tables.notes.filter((n) => n.key === 'database.defaults.tableGroups.note').map((n) => [n.params?.['code'], n.params?.['subtotal']])).toEqual([['0802', '村庄建设用地小计']]);
    expect(plain.notes.some((n) => n.key === 'database.defaults.tableGroups.note')).toBe(false);
  });

  it('is set by one undo step, and refused for a code the template has a row for', () => {
    const made = setPlanDefaults(bare, 'tableGroups', { '0802': 'village' });
    if (!made.ok) throw new Error(made.error.key);
    expect(made.value).toMatchObject({ labelKey: 'database.defaults.tableGroups.label', params: { count: 1 } });
    const forward = applyEdit(bare, made.value, 'forward');
    expect(forward.tableGroups).toEqual({ '0802': 'village' });
    expect(applyEdit(forward, made.value, 'back')).toEqual(bare);
    const refused = setPlanDefaults(bare, 'tableGroups', { '070301': 'urban' } as PlanDefaultEntries<'tableGroups'>);
    expect(refused).toMatchObject({ ok: false, error: { key: 'database.defaults.tableGroups.error.unknownKey', params: { code: '070301' } } });
  });
});
