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
    expect(fillControlTable({}).every((r) => r.areaHa === 0 && r.sharePercent === null)).toBe(true);
  });
});
