/**
 * The indicator tables (domain.md §5), live from the worker: F1–F5, the demolition/new-build lists and
 * the linkage ledger, in 公顷 with m² and 亩 on hover. The same Table data the CSV and xlsx exports write.
 * 展开宽表 shows the chosen table across the window (IndicatorTablesDrawer.tsx).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { m2ToMu } from '../../domain/units.ts';
import type { Cell, Table, TableId } from '../../rules/tables/table.ts';
import { type Shortcut, shortcutLabel } from '../actions/action.ts';
import { indicatorTablesAction } from '../actions/table.action.ts';
import { formatNumber } from '../format.ts';
import { useServices } from '../services.tsx';
import { formatMessage } from '../format.ts';
import { TABLE_ORDER } from './wide-table.ts';

export function IndicatorsPanel() {
  const { t } = useTranslation();
  const { editor } = useServices();
  const tables = useStore(editor.issues.store, (s) => s.tables);
  const [chosen, setChosen] = useState<TableId>('F1');
  if (!tables) return <p className="panel hint">{t('issues.checking')}</p>;
  const table = tables[chosen];
  return (
    <section className="panel indicators-panel" aria-label={t('side.tab.indicators')}>
      <button
        type="button"
        className="expand-tables"
        data-testid="expand-tables"
        title={`${t('indicators.expandHint')} (${shortcutLabel(indicatorTablesAction.shortcuts[0] as Shortcut)})`}
        onClick={() => editor.ui.setIndicatorTable(chosen)}
      >
        <span aria-hidden="true">⤢</span> {t('indicators.expand')}
      </button>
      <div className="table-tabs" role="tablist">
        {TABLE_ORDER.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={chosen === id} className={`mini-button${chosen === id ? ' active' : ''}`} data-table={id} onClick={() => setChosen(id)}>
            {t(`indicators.short.${id}`)}
          </button>
        ))}
      </div>
      <TableView table={table} />
    </section>
  );
}

function TableView({ table }: { table: Table }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-view" data-table-view={table.id}>
      <h3>{t(table.titleKey)}</h3>
      <table>
        <thead>
          <tr>
            <th />
            {table.columns.map((c) => (
              <th key={c.key}>{t(c.labelKey)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className={`level-${row.level}`} data-row={row.key}>
              <th scope="row">{t(row.labelKey, row.labelParams ?? {})}</th>
              {table.columns.map((c) => (
                <td key={c.key} className={c.unit === 'text' ? 'text' : 'number'}>
                  <CellView cell={row.cells[c.key] ?? null} unit={c.unit} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.footnotes.map((note) => (
        <p key={note.key + JSON.stringify(note.params)} className="hint footnote">{formatMessage(t, (k) => i18n.exists(k), note)}</p>
      ))}
    </div>
  );
}

function CellView({ cell, unit }: { cell: Cell; unit: string }) {
  const { t } = useTranslation();
  if (!cell) return <span className="empty">—</span>;
  if ('text' in cell) return <span>{cell.textKey ? t(cell.text) : cell.text}</span>;
  const decimals = unit === 'count' ? 0 : 2;
  const hover = cell.m2 !== undefined ? t('indicators.hover', { m2: formatNumber(cell.m2, 2), mu: formatNumber(m2ToMu(cell.m2), 2) }) : undefined;
  return <span title={hover}>{formatNumber(cell.value, decimals)}</span>;
}
