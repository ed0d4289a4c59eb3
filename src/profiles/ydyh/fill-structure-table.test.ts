import { describe, expect, it } from 'vitest';
import { fillStructureTable, type FilledStructureTable, type ParcelArea } from './fill-structure-table.ts';
import { ZJ_STRUCTURE_TABLE, type ZjSubtotal } from './zj-structure-table.ts';

const p = (code: string, areaM2: number): ParcelArea => ({ code, areaM2 });

/** A row's figures in table order: 基期面积, 基期比重, 目标面积, 目标比重, 面积变化. */
type Figures = readonly [number, number | null, number, number | null, number];

function figures(table: FilledStructureTable, key: string): Figures {
  const row = table.rows.find((r) => r.row.key === key);
  if (!row) throw new Error(`no row ${key}`);
  const { base, baseShare, target, targetShare, change } = row.values;
  return [base as number, baseShare, target as number, targetShare, change as number];
}

function expectFigures(table: FilledStructureTable, key: string, expected: Figures) {
  const actual = figures(table, key);
  expected.forEach((value, i) => {
    if (value === null) expect(actual[i], `${key}[${i}]`).toBeNull();
    else expect(actual[i], `${key}[${i}]`).toBeCloseTo(value, 10);
  });
}

const nonEmptyKeys = (table: FilledStructureTable) => table.rows.filter((r) => !r.empty).map((r) => r.row.key);
const findingsOf = (table: FilledStructureTable, kind: string) => table.findings.filter((f) => f.kind === kind);

describe('the layout [cct:zj-tzb]', () => {
  const { rows, coarse } = ZJ_STRUCTURE_TABLE;

  it('has rows 6–88 of the template: 83 rows, six name levels each, unique keys, the total last', () => {
    expect(rows).toHaveLength(83);
    expect(rows.every((r) => r.names.length === 6)).toBe(true);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect(rows.at(-1)).toMatchObject({ kind: 'total', names: Array(6).fill('总计') });
    expect(rows.filter((r) => r.kind === 'subtotal').map((r) => r.names.at(-1))).toEqual(['非建设用地小计', '村庄建设用地小计', '城镇建设用地小计', '城乡建设用地小计', '区域基础设施用地小计', '其他建设用地小计', '建设用地小计']);
  });

  it('puts each detail within a subtotal the table computes, and no detail code under another', () => {
    const computed = new Set(rows.flatMap((r) => (r.kind === 'subtotal' ? [r.computes] : [])));
    const details = rows.flatMap((r) => (r.kind === 'detail' ? [r] : []));
    expect(details.every((d) => computed.has(d.within))).toBe(true);
    const nested = details.filter((a) => details.some((b) => a !== b && a.code.startsWith(b.code)));
    expect(nested).toEqual([]);
  });

  it('gives a coarse code (§1.3) the subtotal of every detail row below it, and no row of its own', () => {
    for (const [code, subtotal] of Object.entries(coarse)) {
      const below = rows.flatMap((r) => (r.kind === 'detail' && r.code.startsWith(code) ? [r] : []));
      expect(below.length, code).toBeGreaterThan(0);
      expect(below.every((r) => r.code !== code && r.within === subtotal), code).toBe(true);
    }
  });

  it('marks the ⚠ ungrouped codes of §1.3 and 0205 unconfirmed', () => {
    expect(ZJ_STRUCTURE_TABLE.unconfirmed).toEqual(expect.arrayContaining(['0802', '0804', '0902', '1203', '1502', '0205']));
  });
});

describe('fillStructureTable', () => {
  it('fills a small village, every number checked', () => {
    // Base 1 ha: 水田 0.4, 乔木林地 0.3, 一类宅基地 0.15, 农村社区服务 0.05, 村道路 0.1.
    // Target: 0.05 ha of 水田 becomes 宅基地 (two parcels).
    const base = [p('0101', 4000), p('0301', 3000), p('070301', 1500), p('0704', 500), p('1207', 1000)];
    const target = [p('0101', 3500), p('0301', 3000), p('070301', 1200), p('070301', 800), p('0704', 500), p('1207', 1000)];
    const table = fillStructureTable(base, target);

    expectFigures(table, '01', [0.4, 40, 0.35, 35, -0.05]);
    expectFigures(table, '03', [0.3, 30, 0.3, 30, 0]);
    expectFigures(table, 'nonConstruction', [0.7, 70, 0.65, 65, -0.05]);
    expectFigures(table, '070301', [0.15, 15, 0.2, 20, 0.05]);
    expectFigures(table, '0704', [0.05, 5, 0.05, 5, 0]);
    expectFigures(table, '1207', [0.1, 10, 0.1, 10, 0]);
    expectFigures(table, 'village', [0.3, 30, 0.35, 35, 0.05]);
    expectFigures(table, 'urbanRural', [0.3, 30, 0.35, 35, 0.05]);
    expectFigures(table, 'construction', [0.3, 30, 0.35, 35, 0.05]);
    expectFigures(table, 'total', [1, 100, 1, 100, 0]);
    expect(nonEmptyKeys(table)).toEqual(['01', '03', 'nonConstruction', '070301', '0704', '1207', 'village', 'urbanRural', 'construction', 'total']);
    expectFigures(table, 'urban', [0, 0, 0, 0, 0]);
    expect(table.findings).toEqual([]);
  });

  it('counts a parcel coded 0703 in 村庄建设用地小计 but in no detail row, and reports it', () => {
    const parcels = [p('0703', 1000), p('070301', 500), p('0101', 8500)];
    const table = fillStructureTable(parcels, parcels);
    expectFigures(table, '070301', [0.05, 5, 0.05, 5, 0]);
    expectFigures(table, 'village', [0.15, 15, 0.15, 15, 0]);
    expectFigures(table, 'construction', [0.15, 15, 0.15, 15, 0]);
    expect(nonEmptyKeys(table)).toEqual(['01', 'nonConstruction', '070301', 'village', 'urbanRural', 'construction', 'total']);
    expect(findingsOf(table, 'tooCoarse')).toEqual([{ kind: 'tooCoarse', code: '0703', subtotal: 'village', base: 0.1, target: 0.1 }]);
    const sums = findingsOf(table, 'partsDoNotSum');
    expect(sums.map((f) => f.kind === 'partsDoNotSum' && [f.row, f.year])).toEqual([['village', 'base'], ['village', 'target']]);
    expect(sums[0]).toMatchObject({ value: expect.closeTo(0.15, 10), parts: expect.closeTo(0.05, 10), difference: expect.closeTo(0.1, 10) });
  });

  it('counts 06 and 0601 in 非建设用地 but in none of its detail rows', () => {
    const table = fillStructureTable([p('06', 300), p('0601', 200), p('060102', 500)], []);
    expect(nonEmptyKeys(table)).toEqual(['060102', 'nonConstruction', 'total']);
    expect(figures(table, 'nonConstruction')[0]).toBeCloseTo(0.1, 10);
    const coarse = findingsOf(table, 'tooCoarse').map((f) => f.kind === 'tooCoarse' && [f.code, f.subtotal]);
    expect(coarse).toEqual([['06', 'nonConstruction'], ['0601', 'nonConstruction']]);
  });

  it('counts an ungrouped code (0802) in the total only, and reports it', () => {
    const table = fillStructureTable([p('0802', 1000), p('0801', 1000)], [p('0802', 1000), p('0801', 1000)]);
    expect(nonEmptyKeys(table)).toEqual(['0801', 'village', 'urbanRural', 'construction', 'total']);
    expectFigures(table, 'construction', [0.1, 50, 0.1, 50, 0]);
    expectFigures(table, 'total', [0.2, 100, 0.2, 100, 0]);
    expect(findingsOf(table, 'ungrouped')).toEqual([{ kind: 'ungrouped', code: '0802', listed: true, base: 0.1, target: 0.1 }]);
    expect(findingsOf(table, 'partsDoNotSum').map((f) => f.kind === 'partsDoNotSum' && [f.row, f.year])).toEqual([['total', 'base'], ['total', 'target']]);
  });

  it('reports the codes under a listed gap, sea codes, and codes the table does not know', () => {
    const table = fillStructureTable([p('080401', 100), p('18', 100), p('1801', 100), p('99', 100), p('07', 100)], []);
    expect(nonEmptyKeys(table)).toEqual(['total']);
    const ungrouped = findingsOf(table, 'ungrouped').map((f) => f.kind === 'ungrouped' && [f.code, f.listed]);
    // 用地用海 2023 keeps sea classes at the first level only: 1801 is no code of it, unknown like 99.
    expect(ungrouped).toEqual([['07', true], ['080401', true], ['18', true], ['1801', false], ['99', false]]);
  });

  it('places only codes of the classification: 010100, 0199, 0100 and 07030100 start like a row but are in none', () => {
    const invalid = ['010100', '0199', '0100', '07030100', '0101 '];
    const table = fillStructureTable(invalid.map((code) => p(code, 100)), [p('0101', 100)]);
    expect(nonEmptyKeys(table)).toEqual(['01', 'nonConstruction', 'total']);
    expectFigures(table, '01', [0, 0, 0.01, 100, 0.01]);
    const ungrouped = findingsOf(table, 'ungrouped').map((f) => f.kind === 'ungrouped' && [f.code, f.listed]);
    expect(ungrouped).toEqual([...invalid].sort().map((code) => [code, false]));
    expect(findingsOf(table, 'tooCoarse')).toEqual([]);
  });

  it('does not let a plan group take a code the classification does not have', () => {
    const table = fillStructureTable([p('0802', 100), p('080200', 100)], [], ZJ_STRUCTURE_TABLE, { '0802': 'village' });
    expectFigures(table, 'village', [0.01, 50, 0, null, -0.01]);
    expect(findingsOf(table, 'ungrouped')).toEqual([{ kind: 'ungrouped', code: '080200', listed: false, base: 0.01, target: 0 }]);
  });

  it('puts 080403 中小学用地 in 城镇建设用地, not 村庄', () => {
    const table = fillStructureTable([p('080403', 2000)], [p('080403', 2000)]);
    expect(nonEmptyKeys(table)).toEqual(['080403', 'urban', 'urbanRural', 'construction', 'total']);
    expect(table.rows.find((r) => r.row.key === '080403')?.row).toMatchObject({ within: 'urban' });
    expect(table.findings).toEqual([]);
  });

  it('puts 1311 水工设施用地 in 区域基础设施用地, not with the other 公用设施', () => {
    const table = fillStructureTable([p('1311', 500), p('1309', 500)], []);
    expect(nonEmptyKeys(table)).toEqual(['1309', 'village', 'urbanRural', '1311', 'regional', 'construction', 'total']);
    expectFigures(table, 'regional', [0.05, 50, 0, null, -0.05]);
  });

  it('takes codes below a detail row by prefix: 02 takes 0205, 060101 does not take 060102', () => {
    const table = fillStructureTable([p('0201', 100), p('0205', 100), p('060101', 100), p('060102', 300)], []);
    expect(figures(table, '02')[0]).toBeCloseTo(0.02, 10);
    expect(figures(table, '060101')[0]).toBeCloseTo(0.01, 10);
    expect(figures(table, '060102')[0]).toBeCloseTo(0.03, 10);
  });

  it('marks a row empty only when both years are 0, and gives the change where they differ', () => {
    const table = fillStructureTable([p('16', 1000)], [p('1401', 1000)]);
    const row = (key: string) => table.rows.find((r) => r.row.key === key);
    expect(row('16')?.empty).toBe(false);
    expect(row('1401')?.empty).toBe(false);
    expect(row('1402')?.empty).toBe(true);
    expectFigures(table, '16', [0.1, 100, 0, 0, -0.1]);
    expectFigures(table, '1401', [0, 0, 0.1, 100, 0.1]);
    expectFigures(table, 'village', [0.1, 100, 0.1, 100, 0]);
  });

  it('gives no share when a year has no parcels, and every row empty when neither has', () => {
    const table = fillStructureTable([], []);
    expect(table.rows.every((r) => r.empty && r.values.baseShare === null && r.values.targetShare === null)).toBe(true);
    expect(table.findings).toEqual([]);
  });

  it('keeps areas unrounded', () => {
    const table = fillStructureTable([p('0101', 1234.5678)], []);
    expect(figures(table, '01')[0]).toBeCloseTo(0.12345678, 14);
  });

  it('reports 1208 交通场站用地 as too coarse, in 村庄建设用地', () => {
    const subtotal: ZjSubtotal | undefined = fillStructureTable([p('1208', 1)], []).findings.flatMap((f) => (f.kind === 'tooCoarse' ? [f.subtotal] : []))[0];
    expect(subtotal).toBe('village');
  });
});

describe('printed figures (尾数平差)', () => {
  const third = 10_000 / 3;
  const printedOf = (table: FilledStructureTable, key: string) => table.rows.find((r) => r.row.key === key)!.printed;
  /** In hundredths, so sums compare as integers. */
  const hundredths = (value: number | null) => Math.round((value as number) * 100);

  /** Every subtotal's printed rows (details and inner subtotals) add up to its printed figure; the outermost subtotals to the total. */
  function expectRowsAddUp(table: FilledStructureTable, column: 'base' | 'target' | 'baseShare' | 'targetShare') {
    const sumOf = (sum: string) =>
      table.rows
        .filter((r) => (r.row.kind === 'detail' && r.row.within === sum) || (r.row.kind === 'subtotal' && (r.row.within ?? 'total') === sum))
        .reduce((s, r) => s + hundredths(r.printed[column]), 0);
    for (const row of table.rows) {
      if (row.row.kind === 'detail') continue;
      const key = row.row.kind === 'subtotal' ? row.row.computes : 'total';
      expect(sumOf(key), `${key} ${column}`).toBe(hundredths(row.printed[column]));
    }
  }

  it('prints three parcels of ⅓ ha so that they add up to their 1.00 ha subtotal, and their shares to 100.00', () => {
    // 园地, 草地, 陆地水域: none of them shown in the indicator table, so all three may take the hundredth.
    const parcels = [p('0201', third), p('0401', third), p('1701', third)];
    const table = fillStructureTable(parcels, parcels);
    expect(printedOf(table, 'nonConstruction').base).toBe(1);
    expect(['02', '04', '17'].map((k) => hundredths(printedOf(table, k).base)).sort()).toEqual([33, 33, 34]);
    expect(['02', '04', '17'].map((k) => hundredths(printedOf(table, k).baseShare)).sort()).toEqual([3333, 3333, 3334]);
    expect(printedOf(table, 'total').baseShare).toBe(100);
    for (const column of ['base', 'target', 'baseShare', 'targetShare'] as const) expectRowsAddUp(table, column);
    expect(table.rows.every((r) => r.printed.change === 0)).toBe(true);
    // The unrounded figures the checks read are untouched.
    expect(figures(table, '02')[0]).toBeCloseTo(1 / 3, 12);
  });

  it('keeps 耕地, 林地 and the 村庄建设用地 subtotal at their own rounding (the indicator table shows them), the other rows absorbing', () => {
    // 耕地 0.334 ha, 林地 0.333, 园地 0.333 (total 1.00); 宅基地 0.3333 + 0.3333 + 0.3334 = 村庄建设用地 1.00.
    const parcels = [p('0101', 3340), p('0301', 3330), p('0201', 3330), p('070301', 3333), p('0801', 3333), p('0704', 3334)];
    const table = fillStructureTable(parcels, []);
    expect(printedOf(table, '01').base).toBe(0.33);
    expect(printedOf(table, '03').base).toBe(0.33);
    expect(printedOf(table, '02').base).toBe(0.34);
    expect(printedOf(table, 'village').base).toBe(1);
    expectRowsAddUp(table, 'base');
  });

  it('prints a real-shaped village so that every subtotal and the total add up, in both years, areas and shares', () => {
    // Ellipsoidal areas as a county 三调 export gives them (m² to 0.0001), and a plan that moves some land.
    const base = [
      p('0101', 123_456.7891), p('0102', 8_765.4321), p('0201', 33_333.3333), p('0301', 210_987.6543), p('0302', 4_444.4449),
      p('0401', 1_234.5678), p('060102', 5_555.5555), p('1701', 12_121.2121), p('1705', 3_030.303), p('2302', 777.7777),
      p('070301', 44_444.4444), p('0704', 2_345.6789), p('0801', 1_111.1111), p('080404', 999.9999), p('0806', 666.6666),
      p('1207', 9_876.5432), p('1301', 333.3333), p('1402', 1_666.6667), p('070101', 500.005), p('1201', 7_777.7777), p('1501', 2_222.2222),
    ];
    const target = base.map((x) => (x.code === '0101' ? p('0101', x.areaM2 - 4_000.0004) : x.code === '070301' ? p('070301', x.areaM2 + 3_333.3337) : x)).concat(p('1403', 666.6667));
    const table = fillStructureTable(base, target);
    for (const column of ['base', 'target', 'baseShare', 'targetShare'] as const) expectRowsAddUp(table, column);
    for (const row of table.rows) {
      expect(hundredths(row.printed.change)).toBe(hundredths(row.printed.target) - hundredths(row.printed.base));
      // Never further from the unrounded figure than a hundredth.
      for (const column of ['base', 'target', 'baseShare', 'targetShare'] as const) expect(Math.abs((row.printed[column] as number) - (row.values[column] as number))).toBeLessThan(0.01 + 1e-9);
    }
    for (const key of ZJ_STRUCTURE_TABLE.sharedFigures ?? []) expect(printedOf(table, key).base, key).toBe(Math.round(((figures(table, key)[0] as number) * 100) + 1e-9) / 100);
  });

  it('balances a subtotal that holds a coarse code against what its rows can show, leaving that code out of them', () => {
    // 0703 counts in 村庄建设用地 but in no row: the rows print 村庄建设用地 less 0703 (the finding says so).
    const table = fillStructureTable([p('0703', 5000), p('070301', third), p('0801', third), p('0704', third)], []);
    expect(printedOf(table, 'village').base).toBe(1.5);
    expect(['070301', '0801', '0704'].reduce((s, k) => s + hundredths(printedOf(table, k).base), 0)).toBe(100);
  });
});
