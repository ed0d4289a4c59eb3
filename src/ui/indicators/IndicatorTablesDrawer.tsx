/**
 * The indicator tables in a wide view (issue 14): the drawer under the map (ui/drawer) across the whole
 * window, the same tables as the side panel's 指标 tab with their header row and row labels fixed while the
 * table scrolls, in m², 公顷 or 亩 (wide-table.ts: the figures the package's workbook has). Opened by the
 * panel's 展开宽表 or Shift+T; Escape (with the focus inside) or × closes it.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { AREA_UNITS, type AreaUnit } from '../../domain/units.ts';
import type { Table, TableId } from '../../rules/tables/table.ts';
import { Drawer } from '../drawer/Drawer.tsx';
import { formatMessage } from '../format.ts';
import { useServices, useUi } from '../services.tsx';
import { TABLE_ORDER, wideCell, wideColumns, wideFootnotes, wideHeader } from './wide-table.ts';

export function IndicatorTablesDrawer() {
  const { t } = useTranslation();
  const { editor } = useServices();
  const chosen = useUi((s) => s.indicatorTable);
  return (
    <Drawer
      open={chosen !== null}
      label={chosen === null ? '' : t('indicators.wide.title', { table: t(`indicators.short.${chosen}`) })}
      resizeLabel={t('indicators.wide.resize')}
      onClose={() => editor.ui.setIndicatorTable(null)}
      data={{ 'data-testid': 'indicator-tables', 'data-table': chosen ?? '' }}
    >
      {chosen === null ? null : <WideTables chosen={chosen} />}
    </Drawer>
  );
}

function WideTables({ chosen }: { chosen: TableId }) {
  const { t } = useTranslation();
  const { editor } = useServices();
  const tables = useStore(editor.issues.store, (s) => s.tables);
  const unit = useUi((s) => s.tablesUnit);
  const chosenTab = useRef<HTMLButtonElement>(null);
  // Into the drawer on opening, so that Escape closes it and the arrow keys scroll it.
  useEffect(() => chosenTab.current?.focus(), []);
  return (
    <div className="wide-tables">
      <header className="table-bar">
        <div className="table-tabs" role="tablist" aria-label={t('indicators.wide.tables')}>
          {TABLE_ORDER.map((id) => (
            <button
              key={id}
              ref={id === chosen ? chosenTab : undefined}
              type="button"
              role="tab"
              aria-selected={chosen === id}
              className={`mini-button${chosen === id ? ' active' : ''}`}
              data-table={id}
              onClick={() => editor.ui.setIndicatorTable(id)}
            >
              {t(`indicators.short.${id}`)}
            </button>
          ))}
        </div>
        <h3 className="wide-title">{tables ? t(tables[chosen].titleKey) : null}</h3>
        <fieldset className="unit-switch">
          <legend>{t('indicators.wide.unit')}</legend>
          {AREA_UNITS.map((u) => (
            <label key={u} className={unit === u ? 'active' : ''}>
              <input type="radio" name="tables-unit" value={u} data-unit={u} checked={unit === u} onChange={() => editor.ui.setTablesUnit(u)} />
              {t(`tables.unit.${u}`)}
            </label>
          ))}
        </fieldset>
        <button type="button" className="mini close" aria-label={t('indicators.wide.close')} title={t('indicators.wide.close')} onClick={() => editor.ui.setIndicatorTable(null)}>
          ×
        </button>
      </header>
      {tables ? <WideTable table={tables[chosen]} unit={unit} /> : <p className="hint table-empty">{t('issues.checking')}</p>}
    </div>
  );
}

function WideTable({ table, unit }: { table: Table; unit: AreaUnit }) {
  const { t, i18n } = useTranslation();
  const translate = (key: string, params?: Record<string, unknown>) => t(key, params ?? {});
  const columns = wideColumns(table);
  return (
    <div className="wide-table-scroll" data-table-view={table.id} data-unit={unit}>
      <table className="wide-table">
        <thead>
          <tr>
            <th scope="col">{t('tables.col.item')}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" data-column={c.key}>
                {wideHeader(translate, c, unit)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className={`level-${row.level}`} data-row={row.key}>
              <th scope="row">{t(row.labelKey, row.labelParams ?? {})}</th>
              {columns.map((c) => {
                const cell = wideCell(translate, table, row, c, unit);
                return (
                  <td key={c.key} className={cell.kind === 'text' ? 'text' : 'number'} data-column={c.key} data-kind={cell.kind}>
                    {cell.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {wideFootnotes(table, unit).map((note) => (
        <p key={note.key + JSON.stringify(note.params)} className="hint footnote">
          {formatMessage(t, (k) => i18n.exists(k), note)}
        </p>
      ))}
    </div>
  );
}
