/**
 * The table itself: a frozen header (name, sort, a code column's pick-list filter) and a frozen 编号
 * column; only the rows in view are in the DOM (26 px each, spacer rows above and below), so 20,000
 * parcels scroll like 20. Editing a cell reuses the attribute panel's FieldInput.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldValue } from '../../profiles/zhejiang-2017/fields.ts';
import type { FeatureId } from '../../domain/ids.ts';
import type { RuleProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { FieldInput } from '../attributes/FieldInput.tsx';
import type { TableColumn } from './table-columns.ts';
import type { CellValue, TableRow, TableSort } from './table-model.ts';
import { rowWindow, scrollToRow } from './virtual-window.ts';

export const ROW_HEIGHT = 26;

const WIDTH: Record<TableColumn['kind'], number> = { code: 170, text: 140, number: 100 };

export interface ColumnFilterChoice {
  readonly value: CellValue;
  readonly count: number;
}

interface Props {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  readonly selected: ReadonlySet<FeatureId>;
  readonly profile: RuleProfile;
  readonly sort: TableSort | null;
  readonly onSort: (column: number) => void;
  /** Per code column: the values to pick from, and the one kept (undefined: all). */
  readonly choices: ReadonlyMap<number, readonly ColumnFilterChoice[]>;
  readonly kept: ReadonlyMap<number, CellValue>;
  readonly onKeep: (column: number, value: CellValue | undefined) => void;
  readonly cellText: (column: TableColumn, value: CellValue) => string;
  readonly columnTitle: (column: TableColumn) => string;
  readonly onRowClick: (id: FeatureId, event: React.MouseEvent) => void;
  readonly onShow: (id: FeatureId) => void;
  readonly onEdit: (id: FeatureId, key: string, value: FieldValue) => void;
  /** A row to bring into view (a feature selected on the map), with a counter so the same row can be asked again. */
  readonly reveal: { readonly id: FeatureId; readonly n: number } | null;
}

export function TableGrid(props: Props) {
  const { columns, rows, selected, sort, choices, kept, cellText, columnTitle, reveal } = props;
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [editing, setEditing] = useState<{ id: FeatureId; key: string } | null>(null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = scroller.current;
    const index = reveal ? rows.findIndex((r) => r.id === reveal.id) : -1;
    if (!element || index < 0) return;
    const headerHeight = head.current?.offsetHeight ?? 0;
    element.scrollTop = scrollToRow(index, element.scrollTop, element.clientHeight, ROW_HEIGHT, headerHeight);
    // Only when asked (`reveal` changed): a new list of rows (sorted, filtered) keeps its scroll.
  }, [reveal]);

  const { start, end } = rowWindow(view.top, view.height, ROW_HEIGHT, rows.length);
  const width = columns.reduce((sum, c) => sum + WIDTH[c.kind], 0);

  return (
    <div
      ref={scroller}
      className="table-scroll"
      tabIndex={0}
      data-testid="attribute-table-scroll"
      onScroll={(e) => {
        const top = e.currentTarget.scrollTop;
        setView((v) => (v.top === top ? v : { ...v, top }));
      }}
    >
      <table className="attribute-grid" style={{ width }} aria-rowcount={rows.length + 1} role="grid" aria-multiselectable="true">
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: WIDTH[c.kind] }} />
          ))}
        </colgroup>
        <thead ref={head}>
          <tr aria-rowindex={1}>
            {columns.map((column, i) => {
              const sorted = sort?.column === i ? (sort.descending ? 'descending' : 'ascending') : 'none';
              const values = choices.get(i);
              return (
                <th key={column.key} scope="col" aria-sort={sorted} data-column={column.key}>
                  <button type="button" className="sort" title={t('attributeTable.sortHint')} onClick={() => props.onSort(i)}>
                    {columnTitle(column)}
                    <span className="sort-mark" aria-hidden="true">{sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span>
                  </button>
                  {values ? (
                    <select
                      className="column-filter"
                      aria-label={t('attributeTable.filterColumn', { field: columnTitle(column) })}
                      data-filter={column.key}
                      value={kept.has(i) ? keyOf(kept.get(i) ?? null) : ''}
                      onChange={(e) => props.onKeep(i, e.target.value === '' ? undefined : values.find((v) => keyOf(v.value) === e.target.value)?.value)}
                    >
                      <option value="">{t('attributeTable.allValues')}</option>
                      {values.map((v) => (
                        <option key={keyOf(v.value)} value={keyOf(v.value)}>
                          {t('attributeTable.valueCount', { value: v.value === null ? t('attributes.empty') : cellText(column, v.value), count: v.count })}
                        </option>
                      ))}
                    </select>
                  ) : null}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {start > 0 ? <tr className="spacer" aria-hidden="true" style={{ height: start * ROW_HEIGHT }} /> : null}
          {rows.slice(start, end).map((row, offset) => {
            const isSelected = selected.has(row.id);
            return (
              <tr
                key={row.id}
                aria-rowindex={start + offset + 2}
                aria-selected={isSelected}
                className={isSelected ? 'selected' : undefined}
                data-feature={row.id}
                onClick={(e) => props.onRowClick(row.id, e)}
              >
                {columns.map((column, i) => {
                  const value = row.values[i] ?? null;
                  const editable = column.source === 'field' && column.editable;
                  if (editable && editing?.id === row.id && editing.key === column.key) {
                    return (
                      <td key={column.key} className="editing">
                        <CellEditor
                          column={column}
                          value={value}
                          profile={props.profile}
                          onCommit={(next) => props.onEdit(row.id, column.key, next)}
                          onClose={() => setEditing(null)}
                        />
                      </td>
                    );
                  }
                  const text = cellText(column, value);
                  return (
                    <td
                      key={column.key}
                      className={column.kind === 'number' ? 'number' : undefined}
                      title={text}
                      onDoubleClick={() => (editable ? setEditing({ id: row.id, key: column.key }) : props.onShow(row.id))}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {end < rows.length ? <tr className="spacer" aria-hidden="true" style={{ height: (rows.length - end) * ROW_HEIGHT }} /> : null}
        </tbody>
      </table>
    </div>
  );
}

/** A pick-list option's value: null (empty cells) cannot be an option's value. */
function keyOf(value: CellValue): string {
  return value === null ? '\u0000null' : String(value);
}

/**
 * One cell being changed: the attribute panel's own field (same checks, same pick-lists). Enter, a pick or
 * leaving the cell applies it; Escape leaves the value as it was. A refused value keeps the cell open with
 * its reason.
 */
function CellEditor({ column, value, profile, onCommit, onClose }: {
  column: Extract<TableColumn, { source: 'field' }>;
  value: CellValue;
  profile: RuleProfile;
  onCommit: (value: FieldValue) => void;
  onClose: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  // Escape must win over the blur that removing the field causes, which would apply the typed text.
  const cancelled = useRef(false);
  useEffect(() => box.current?.querySelector<HTMLElement>('input, select')?.focus(), []);
  const refused = () => box.current?.querySelector('[aria-invalid="true"]') !== null;
  return (
    <div
      ref={box}
      className="cell-editor"
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          cancelled.current = true;
          onClose();
        } else if (e.key === 'Enter' && !refused()) onClose();
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null) && !refused()) onClose();
      }}
    >
      <FieldInput
        spec={column.spec}
        value={value}
        profile={profile}
        disabled={false}
        idPrefix="table-cell"
        onCommit={(next) => {
          if (cancelled.current) return;
          onCommit(next);
          onClose();
        }}
      />
    </div>
  );
}
