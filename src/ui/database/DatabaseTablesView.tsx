/**
 * The three tables of the open database, as the tables' data lays them out (rules/ydyh/database-tables.ts):
 * the Zhejiang 规划用地结构调整表 (rows without land left out, as the template deletes them), the 规划指标一览表
 * (an empty cell says why in its footnote) and the 国土空间管控表 (默认值: Fujian's layout ⚠), then the 三大类 areas. Figures in 公顷
 * to two decimals, as the templates print them; the structure table's are its `printed` figures (尾数平差), as the xlsx has them.
 */
import { useTranslation } from 'react-i18next';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import type { FilledRow } from '../../profiles/ydyh/fill-structure-table.ts';
import type { HeaderColumn, HeaderGroup } from '../../profiles/ydyh/zj-structure-table.ts';
import { BINDING_SYMBOLS, type IndicatorFigure } from '../../profiles/zhejiang-2026/indicators.ts';
import type { DatabaseTables } from '../../rules/ydyh/database-tables.ts';
import { formatNumber } from '../format.ts';
import { renderMessage } from '../../rules/render.ts';
import { ThreeCategoryTotals } from './ThreeCategoryTotals.tsx';

const isGroup = (h: HeaderColumn | HeaderGroup): h is HeaderGroup => 'columns' in h;

/** A row's own name and depth: the template repeats a name over the levels it spans, so the last distinct one is the row's. */
function rowLabel(row: FilledRow, english: boolean): { text: string; level: number } {
  const distinct = row.row.names.filter((name, i, all) => name !== '' && name !== all[i - 1]);
  const own = distinct.at(-1) ?? '';
  const entry = english && row.row.code ? YDYH_2023_INDEX.get(row.row.code) : undefined;
  return { text: entry ? entry.en : own, level: Math.max(0, distinct.length - 1) };
}

const figure = (value: number | null) => (value === null ? '' : formatNumber(value, 2));

function StructureTable({ tables, english }: { tables: DatabaseTables; english: boolean }) {
  const { layout, rows } = tables.structure;
  const columns = layout.header
    .flatMap((h): { group: HeaderGroup | null; column: HeaderColumn }[] => (isGroup(h) ? h.columns.map((column) => ({ group: h, column })) : [{ group: null, column: h }]))
    .filter((c) => c.column.content.kind !== 'names');
  const label = (text: { zh: string; en: string }) => (english ? text.en : text.zh);
  return (
    <section className="table-view" data-table="structure">
      <h4>{label(layout.title)}</h4>
      <p className="hint">{label(layout.unitLine)}</p>
      <table>
        <thead>
          <tr>
            <th />
            {columns.map(({ group, column }, i) => (
              <th key={i}>{group ? `${label(group)} ${label(column)}` : label(column)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows
            .filter((row) => !row.empty)
            .map((row) => {
              const { text, level } = rowLabel(row, english);
              return (
                <tr key={row.row.key} className={`level-${Math.min(level, 2)} ${row.row.kind}`} data-row={row.row.key}>
                  <th>{text}</th>
                  {columns.map(({ column }, i) => {
                    const content = column.content;
                    if (content.kind === 'code') return <td key={i}>{row.row.code ?? ''}</td>;
                    return (
                      <td key={i} className="number" data-value={content.kind === 'value' ? content.key : undefined}>
                        {content.kind === 'value' ? figure(row.printed[content.key]) : ''}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
        </tbody>
      </table>
    </section>
  );
}

function IndicatorTable({ tables, english }: { tables: DatabaseTables; english: boolean }) {
  const { t } = useTranslation();
  const cell = (f: IndicatorFigure, number: number) => (f.value === null ? <sup title={t(`database.tables.reason.${f.reason}`)}>*{number}</sup> : formatNumber(f.value, 2));
  return (
    <section className="table-view" data-table="indicators">
      <h4>{t('database.tables.indicators')}</h4>
      <table>
        <thead>
          <tr>
            <th>{t('database.tables.number')}</th>
            <th>{t('database.tables.indicator')}</th>
            <th>{t('database.tables.attribute')}</th>
            <th>{t('database.tables.unit')}</th>
            <th>{t('database.tables.base')}</th>
            <th>{t('database.tables.target')}</th>
          </tr>
        </thead>
        <tbody>
          {tables.indicators.results.map(({ indicator, binding, base, target }) => (
            <tr key={indicator.number} data-row={indicator.number}>
              <td>{indicator.number}</td>
              <th>{english ? indicator.en : indicator.zh}</th>
              <td data-binding={binding ?? 'none'}>
                {t(`database.tables.attribute.${indicator.attribute === '约束性' ? 'binding' : 'expected'}`)}
                {binding ? ` ${BINDING_SYMBOLS[binding]}` : indicator.binding ? t('database.defaults.bindings.notBound') : ''}
              </td>
              <td>{indicator.unit}</td>
              <td className="number" data-value="base">{cell(base, indicator.number)}</td>
              <td className="number" data-value="target">{cell(target, indicator.number)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {tables.indicators.footnotes.length > 0 ? (
        <ol className="footnotes">
          {tables.indicators.footnotes.map((note) => (
            <li key={note.number} value={note.number}>
              {renderMessage(t, note.message)}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function ControlTable({ tables }: { tables: DatabaseTables }) {
  const { t } = useTranslation();
  if (!tables.control) return null;
  return (
    <section className="table-view" data-table="control">
      <h4>
        {t('database.tables.control')} <span className="muted">{t('database.tables.defaultLayout')}</span>
      </h4>
      <table>
        <thead>
          <tr>
            <th>{t('database.tables.controlType')}</th>
            <th>{t('database.tables.areaHa')}</th>
            <th>{t('database.tables.share')}</th>
          </tr>
        </thead>
        <tbody>
          {tables.control.map((row) => (
            <tr key={row.key} data-row={row.key} className={row.key === 'total' ? 'level-0' : ''}>
              <th>{row.key === 'total' ? t('database.tables.total') : t(`database.gkbj.${row.key}`)}</th>
              <td className="number" data-value="area">{formatNumber(row.printed.areaHa, 2)}</td>
              <td className="number" data-value="share">{row.printed.sharePercent === null ? '—' : formatNumber(row.printed.sharePercent, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function DatabaseTablesView({ tables }: { tables: DatabaseTables | null }) {
  const { t, i18n } = useTranslation();
  if (!tables) return <p className="hint" role="status">{t('database.tables.computing')}</p>;
  const english = i18n.language === 'en';
  return (
    <div className="panel database-tables" data-testid="database-tables">
      <StructureTable tables={tables} english={english} />
      <IndicatorTable tables={tables} english={english} />
      <ControlTable tables={tables} />
      <section className="table-view" data-table="categories">
        <ThreeCategoryTotals categories={tables.categories} />
      </section>
      {tables.notes.length > 0 ? (
        <details className="table-notes">
          <summary>{t('database.tables.notes', { count: tables.notes.length })}</summary>
          <ul>{tables.notes.map((note, i) => <li key={i}>{renderMessage(t, note)}</li>)}</ul>
        </details>
      ) : null}
    </div>
  );
}
