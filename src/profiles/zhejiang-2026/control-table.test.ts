import { describe, expect, it } from 'vitest';
import { CONTROL_TABLE, fillControlTable } from './control-table.ts';

describe('the 国土空间管控表 [cct:gkb]', () => {
  it('has the template\'s rows in order, then 合计', () => {
    expect(fillControlTable({}).map((r) => r.name)).toEqual(['城镇空间', '村庄集中建设区', '村庄弹性发展区', '一般农业空间', '一般生态空间', '永久基本农田', '生态保护红线', '其他', '合计']);
    expect(CONTROL_TABLE.unconfirmed).toEqual(['rows']);
  });

  it('gives 面积 in 公顷, 合计 as their sum and 占比 summing to 100', () => {
    const rows = fillControlTable({ '0301': 30_000, '0302': 5_000, '0201': 40_000, '0101': 15_000, '0202': 7_000, '0900': 3_000 });
    const total = rows.at(-1);
    const types = rows.slice(0, -1);
    expect(total).toMatchObject({ key: 'total', areaHa: 10, sharePercent: 100 });
    expect(types.reduce((sum, r) => sum + r.areaHa, 0)).toBeCloseTo(10, 10);
    expect(types.reduce((sum, r) => sum + (r.sharePercent ?? 0), 0)).toBeCloseTo(100, 10);
    expect(rows.find((r) => r.key === '0201')).toMatchObject({ areaHa: 4, sharePercent: 40 });
    expect(rows.find((r) => r.key === '0400')).toMatchObject({ areaHa: 0, sharePercent: 0 });
  });

  it('gives no 占比 when 合计 is 0 (the template shows #DIV/0!)', () => {
    expect(fillControlTable({}).every((r) => r.areaHa === 0 && r.sharePercent === null && r.printed.sharePercent === null)).toBe(true);
  });

  it('prints three types of ⅓ ha as 0.33 + 0.33 + 0.34 under a 合计 of 1.00, their 占比 as 33.33 + 33.33 + 33.34 = 100.00', () => {
    const third = 10_000 / 3;
    const rows = fillControlTable({ '0301': third, '0201': third, '0101': third });
    const types = rows.filter((r) => r.key !== 'total' && r.areaHa > 0);
    expect(types.map((r) => r.printed.areaHa).sort()).toEqual([0.33, 0.33, 0.34]);
    expect(types.map((r) => r.printed.sharePercent).sort()).toEqual([33.33, 33.33, 33.34]);
    expect(rows.at(-1)?.printed).toEqual({ areaHa: 1, sharePercent: 100 });
    expect(rows.filter((r) => r.areaHa === 0).every((r) => r.printed.areaHa === 0 && r.printed.sharePercent === 0)).toBe(true);
    // The unrounded figures stay as they were.
    expect(types[0]?.areaHa).toBeCloseTo(1 / 3, 12);
  });

  it('a real-shaped GKBJ: the printed type rows add up to 合计 and the 占比 to 100.00', () => {
    // Rounded alone these print 51.27 ha under a 合计 of 51.29, and 占比 summing to 99.99.
    const rows = fillControlTable({ '0301': 23_445.6791, '0302': 4_321.0987, '0201': 171_245.1234, '0101': 201_987.6543, '0202': 98_745.3329, '0102': 12_346.4785, '0900': 777.7777 });
    const hundredths = (v: number | null) => Math.round((v as number) * 100);
    const types = rows.slice(0, -1);
    expect(types.reduce((s, r) => s + hundredths(r.printed.areaHa), 0)).toBe(hundredths(rows.at(-1)!.printed.areaHa));
    expect(types.reduce((s, r) => s + hundredths(r.printed.sharePercent), 0)).toBe(10_000);
    for (const r of rows) expect(Math.abs(r.printed.areaHa - r.areaHa)).toBeLessThan(0.01 + 1e-9);
  });
});
