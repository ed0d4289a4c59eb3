import { describe, expect, it } from 'vitest';
import { fillStructureTable, type ParcelArea } from '../profiles/ydyh/fill-structure-table.ts';
import { structureCsv } from './structure-csv.ts';

const p = (code: string, areaM2: number): ParcelArea => ({ code, areaM2 });
const ALL = ['base', 'baseShare', 'target', 'targetShare', 'change'] as const;

/** The CSV's data rows (after title, unit and the two header rows) as code → its five figures. */
function figuresByRow(csv: string): Map<string, string[]> {
  const lines = csv.trimEnd().split('\n').slice(4).map((l) => l.split(','));
  // Names over six columns, then the code (empty for a subtotal: keyed by its last name), then the figures.
  return new Map(lines.map((cells) => [cells[6] || (cells[5] as string), cells.slice(7)]));
}

describe('structureCsv: 尾数平差', () => {
  it('prints three parcels of ⅓ ha as 0.33 + 0.33 + 0.34 = 1.00, their shares 33.33 + 33.33 + 33.34 = 100.00', () => {
    const third = 10_000 / 3;
    const parcels = [p('0201', third), p('0401', third), p('1701', third)];
    const rows = figuresByRow(structureCsv(fillStructureTable(parcels, parcels), 'zh-CN', ALL));
    const areas = ['02', '04', '17'].map((code) => rows.get(code)?.[0]);
    const shares = ['02', '04', '17'].map((code) => rows.get(code)?.[1]);
    expect(areas.sort()).toEqual(['0.33', '0.33', '0.34']);
    expect(shares.sort()).toEqual(['33.33', '33.33', '33.34']);
    expect(rows.get('非建设用地小计')?.slice(0, 2)).toEqual(['1.00', '100.00']);
    expect(rows.get('总计')).toEqual(['1.00', '100.00', '1.00', '100.00', '0.00']);
  });

  it('a real-shaped village: 非建设用地 rows add up to their subtotal and the subtotals to 总计, in each column', () => {
    // Areas as a county export gives them, chosen so that rounding each row alone leaves the shares 0.01 short.
    const base = [p('0101', 25_555.5555), p('0201', 12_345.6789), p('0301', 30_864.1975), p('0401', 1_234.5678), p('1701', 3_333.3333), p('070301', 6_666.6667), p('0801', 1_111.1111)];
    const target = [p('0101', 24_444.4444), p('0201', 12_345.6789), p('0301', 30_864.1975), p('0401', 1_234.5678), p('1701', 3_333.3333), p('070301', 7_777.7778), p('0801', 1_111.1111)];
    const rows = figuresByRow(structureCsv(fillStructureTable(base, target), 'zh-CN', ALL));
    const hundredths = (code: string, column: number) => Math.round(Number(rows.get(code)?.[column]) * 100);
    for (const column of [0, 1, 2, 3]) {
      expect(['01', '02', '03', '04', '17'].reduce((s, c) => s + hundredths(c, column), 0), `column ${column}`).toBe(hundredths('非建设用地小计', column));
      expect(hundredths('非建设用地小计', column) + hundredths('建设用地小计', column), `column ${column}`).toBe(hundredths('总计', column));
    }
    for (const column of [1, 3]) expect(rows.get('总计')?.[column]).toBe('100.00');
  });
});
