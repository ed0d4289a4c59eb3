import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../domain/plan-file.ts';
import { createI18n } from '../../i18n/index.ts';
import { fullCheck } from '../engine.ts';
import { tablesToCsv, tablesToJson } from './serialise.ts';
import type { Row, Table } from './table.ts';

function tablesOf(path: string) {
  const parsed = parsePlanText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(path);
  return fullCheck(parsed.value).tables;
}

const value = (row: Row | undefined, column: string) => {
  const cell = row?.cells[column];
  return cell && 'value' in cell ? Math.round(cell.value * 100) : NaN;
};
const row = (table: Table, key: string) => table.rows.find((r) => r.key === key);

describe('tables of the sample village', () => {
  const tables = tablesOf('samples/sample-village.plan.json');

  it('F2: every group is the sum of its rows and the groups add up to the total, after rounding', () => {
    for (const column of ['base', 'target']) {
      const groups = tables.F2.rows.filter((r) => r.level === 0 && r.key !== 'total');
      expect(groups.reduce((s, g) => s + value(g, column), 0)).toBe(value(row(tables.F2, 'total'), column));
      let i = 0;
      while (i < tables.F2.rows.length) {
        const parent = tables.F2.rows[i]!;
        const children: Row[] = [];
        for (let j = i + 1; j < tables.F2.rows.length && tables.F2.rows[j]!.level > parent.level; j++) if (tables.F2.rows[j]!.level === parent.level + 1) children.push(tables.F2.rows[j]!);
        if (children.length) expect(children.reduce((s, c) => s + value(c, column), 0), parent.key).toBe(value(parent, column));
        i++;
      }
    }
    expect(value(row(tables.F2, 'total'), 'base')).toBe(22235);
  });

  it('F3 and F4: base − decrease + increase = target, and the ledger balances', () => {
    for (const column of ['construction', 'village']) {
      const f3 = (k: string) => value(row(tables.F3, k), column);
      expect(f3('base') - f3('demolition') + f3('newBuild') + f3('other')).toBe(f3('target'));
    }
    const f4 = (k: string) => value(row(tables.F4, k), 'area');
    expect(f4('base') - f4('decrease') + f4('increase')).toBe(f4('target'));
    const ledger = (k: string) => (row(tables.linkage, k)!.cells.areaM2 as { m2: number }).m2;
    expect(ledger('earned') - ledger('kept') - ledger('used')).toBeCloseTo(ledger('balance'), 6);
    expect(tables.demolitionList.rows).toHaveLength(6);
  });

  it('serialise to CSV and JSON in either language', async () => {
    const i18n = createI18n();
    const t = (key: string, params?: Record<string, unknown>) => i18n.t(key, params ?? {});
    const csv = tablesToCsv(t, tables);
    expect(csv).toContain('F2 土地利用结构调整表\n项目,基期面积（公顷）');
    await i18n.changeLanguage('en');
    const json = tablesToJson(t, tables);
    expect(json.F1!.rows[0]).toMatchObject({ label: 'Cultivated land', cells: { task: { value: 171.28 } } });
  });
});
