/** The summary tables (F1–F4 and the lists of demolition and new-build parcels), as computed at publishing. */
import { renderMessage } from '../../../rules/render.ts';
import type { Cell, Column, Table } from '../../../rules/tables/table.ts';
import type { Translate } from '../../../rules/render.ts';
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
  return el('div', { className: 'panel-body tables' }, ...NOTICE_TABLE_IDS.map((id, i) => tableView(t, ctx.model.payload.tables[id], i === 0)));
}
