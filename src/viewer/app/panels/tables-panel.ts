/** The summary tables as computed at publishing: a 2017 plan's F1–F4 and lists, a 2026 plan's three tables. */
import { renderMessage } from '../../../rules/render.ts';
import type { Cell, Column, Table } from '../../../rules/tables/table.ts';
import type { Translate } from '../../../rules/render.ts';
import type { Bilingual, NoticeTable2026, NoticeTableRow2026 } from '../../payload/payload-2026.ts';
import { NOTICE_TABLE_IDS } from '../../payload/payload.ts';
import { el } from '../dom.ts';
import type { ViewerContext } from '../viewer-state.ts';

function cellText(t: Translate, column: Column, cell: Cell | undefined): string {
  if (!cell) return '';
  if ('text' in cell) return cell.textKey ? t(cell.text) : cell.text;
  return cell.value.toLocaleString('en-US', { minimumFractionDigits: column.unit === 'count' ? 0 : 2, maximumFractionDigits: column.unit === 'count' ? 0 : 2 });
}

function tableView(t: Translate, table: Table, open: boolean): HTMLElement {
  const head = el('tr', {}, el('th', { attrs: { scope: 'col' } }, t('tables.col.item')), ...table.columns.map((c) => el('th', { attrs: { scope: 'col' } }, t(c.labelKey))));
  const rows = table.rows.map((row) =>
    el(
      'tr',
      { className: `level-${row.level}` },
      el('th', { attrs: { scope: 'row' } }, renderMessage(t, { key: row.labelKey, params: row.labelParams ?? {} })),
      ...table.columns.map((c) => el('td', { className: c.unit === 'text' ? '' : 'number' }, cellText(t, c, row.cells[c.key]))),
    ),
  );
  const details = el(
    'details',
    { attrs: { 'data-table': table.id } },
    el('summary', {}, t(table.titleKey)),
    el('div', { className: 'table-scroll' }, el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows))),
    ...table.footnotes.map((n) => el('p', { className: 'hint' }, renderMessage(t, n))),
  );
  details.open = open;
  return details;
}

export function tablesPanel(ctx: ViewerContext): HTMLElement {
  const t = ctx.t();
  const { model } = ctx;
  if (model.profile === 'zhejiang-2026') {
    const pick = (text: Bilingual) => (ctx.state().language === 'en' ? text.en : text.zh);
    return el('div', { className: 'panel-body tables' }, ...model.payload.tables.map((table, i) => tableView2026(t, pick, table, i === 0)));
  }
  return el('div', { className: 'panel-body tables' }, ...NOTICE_TABLE_IDS.map((id, i) => tableView(t, model.payload.tables[id], i === 0)));
}

/** A 2026 plan's table: its texts already in both languages, figures to two decimals as the templates print them. */
function tableView2026(t: Translate, pick: (text: Bilingual) => string, table: NoticeTable2026, open: boolean): HTMLElement {
  const cell = (value: NoticeTableRow2026['cells'][number]) =>
    value === null ? el('td', {}) : typeof value === 'number' ? el('td', { className: 'number' }, value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })) : el('td', {}, pick(value));
  const head = el('tr', {}, el('th', { attrs: { scope: 'col' } }, t('tables.col.item')), ...table.columns.map((c) => el('th', { attrs: { scope: 'col' } }, pick(c))));
  const rows = table.rows.map((row) => el('tr', { className: `level-${row.level}` }, el('th', { attrs: { scope: 'row' } }, pick(row.label)), ...row.cells.map(cell)));
  const details = el(
    'details',
    { attrs: { 'data-table': table.id } },
    el('summary', {}, pick(table.title)),
    el('div', { className: 'table-scroll' }, el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows))),
    ...table.footnotes.map((n) => el('p', { className: 'hint' }, pick(n))),
  );
  details.open = open;
  return details;
}
