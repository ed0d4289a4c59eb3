/** F5 规划保障措施表: the planner's free-text measures from the plan's meta. */
import type { Plan } from '../../domain/plan.ts';
import { textCell, type Column, type Table } from './table.ts';

const COLUMNS: readonly Column[] = [
  { key: 'content', labelKey: 'tables.F5.col.content', unit: 'text' },
  { key: 'responsible', labelKey: 'tables.F5.col.responsible', unit: 'text' },
];

export function f5Safeguards(plan: Plan): Table {
  return {
    id: 'F5',
    titleKey: 'tables.F5.title',
    columns: COLUMNS,
    rows: plan.meta.safeguards.map((s, i) => ({ key: String(i + 1), labelKey: 'tables.F5.row', labelParams: { measure: s.measure }, level: 0, cells: { content: textCell(s.content), responsible: textCell(s.responsible) } })),
    footnotes: plan.meta.safeguards.length === 0 ? [{ key: 'tables.F5.empty', params: {} }] : [],
  };
}
