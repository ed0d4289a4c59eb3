/**
 * The attribute table (属性表) of one layer, in a drawer across the bottom of the window: the map above
 * shrinks and stays usable. Rows follow the editor's selection both ways; the filter box, the code
 * pick-lists and "只显示所选" narrow the rows; 批量赋值 sets one field on many rows as one undo step.
 * Escape (with the focus in the drawer) or × closes it; its edge drags to change its height (ui/drawer).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setAttribute } from '../../commands/set-attributes.command.ts';
import type { PlanFeature } from '../../domain/features.ts';
import type { FieldValue } from '../../profiles/zhejiang-2017/fields.ts';
import type { FeatureId } from '../../domain/ids.ts';
import { LAYER_IDS, LAYERS, type LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { resolveProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { runCommand } from '../actions/action.ts';
import { codeText, formatNumber } from '../format.ts';
import { Drawer } from '../drawer/Drawer.tsx';
import { showFeature } from '../search/show-feature.ts';
import { usePlanState, useSelection, useServices, useUi } from '../services.tsx';
import { BulkEdit } from './BulkEdit.tsx';
import { selectByClick } from './row-selection.ts';
import { buildRows, type TableColumn, tableColumns } from './table-columns.ts';
import { type CellValue, filterRows, sortRows, type TableSort, valueCounts } from './table-model.ts';
import { type ColumnFilterChoice, TableGrid } from './TableGrid.tsx';

export function AttributeTableDrawer() {
  const { t } = useTranslation();
  const { editor } = useServices();
  const layer = useUi((s) => s.tableLayer);
  const close = () => editor.ui.setTableLayer(null);
  return (
    <Drawer
      open={layer !== null}
      label={layer === null ? '' : t('attributeTable.title', { layer: t(`layer.${layer}`) })}
      resizeLabel={t('attributeTable.resize')}
      onClose={close}
      data={{ 'data-testid': 'attribute-table', 'data-layer': layer ?? '' }}
    >
      {layer === null ? null : <AttributeTable key={layer} layer={layer} onClose={close} />}
    </Drawer>
  );
}

function AttributeTable({ layer, onClose }: { layer: LayerId; onClose: () => void }) {
  const { t } = useTranslation();
  const services = useServices();
  const { editor } = services;
  const language = useUi((s) => s.language);
  const record = usePlanState((s) => s.plan.layers[layer]);
  const meta = usePlanState((s) => s.plan.meta);
  const profile = useMemo(() => resolveProfile(meta.profileId, meta.profileOverrides), [meta]);
  const selection = useSelection((s) => s.ids);
  const selected = useMemo(() => new Set(selection), [selection]);

  const columns = useMemo(() => tableColumns(layer), [layer]);
  const codeNames = useMemo(
    () =>
      new Map(
        columns.map((c) => [c.key, new Map(c.source === 'field' && c.spec.kind === 'code' ? c.spec.options(profile).map((o) => [o.code, codeText(o, language)]) : [])]),
      ),
    [columns, profile, language],
  );
  const cellText = useCallback(
    (column: TableColumn, value: CellValue): string => {
      if (value === null) return '';
      if (typeof value === 'number') return column.source === 'area' || column.source === 'mu' ? formatNumber(value, 2) : String(value);
      return codeNames.get(column.key)?.get(value) ?? value;
    },
    [codeNames],
  );
  const columnTitle = useCallback(
    (column: TableColumn) => (column.source === 'field' ? t(`field.${column.key}`) : t(`attributeTable.column.${column.source}`)),
    [t],
  );
  const rows = useMemo(() => buildRows(Object.values(record) as PlanFeature[], columns, cellText), [record, columns, cellText]);

  const [text, setText] = useState('');
  const [kept, setKept] = useState<ReadonlyMap<number, CellValue>>(new Map());
  const [onlySelected, setOnlySelected] = useState(false);
  const [sort, setSort] = useState<TableSort | null>(null);
  const shown = useMemo(() => {
    const filtered = filterRows(rows, { text, values: kept, only: onlySelected ? selected : null });
    return sort ? sortRows(filtered, sort, (columns[sort.column] as TableColumn).kind) : filtered;
  }, [rows, text, kept, onlySelected, selected, sort, columns]);
  const choices = useMemo(
    () => new Map<number, readonly ColumnFilterChoice[]>(columns.flatMap((c, i) => (c.kind === 'code' ? [[i, valueCounts(rows, i, 'code')]] : []))),
    [columns, rows],
  );

  const rowIds = useMemo(() => new Set(rows.map((r) => r.id)), [rows]);
  const selectedHere = useMemo(() => selection.filter((id) => rowIds.has(id)), [selection, rowIds]);

  // Selection made on the map: bring its newest feature of this layer into view. A row click needs no scroll.
  const anchor = useRef<FeatureId | null>(null);
  const fromTable = useRef(false);
  const [reveal, setReveal] = useState<{ id: FeatureId; n: number } | null>(null);
  useEffect(
    () =>
      editor.selection.subscribe((next, previous) => {
        if (fromTable.current) {
          fromTable.current = false;
          return;
        }
        const before = new Set(previous.ids);
        const newest = [...next.ids].reverse().find((id) => !before.has(id) && rowIds.has(id));
        if (newest) setReveal((r) => ({ id: newest, n: (r?.n ?? 0) + 1 }));
      }),
    [editor, rowIds],
  );

  const onRowClick = (id: FeatureId, event: React.MouseEvent) => {
    const next = selectByClick(
      shown.map((r) => r.id),
      editor.selection.getState().ids,
      anchor.current,
      { id, shift: event.shiftKey, ctrl: event.ctrlKey || event.metaKey },
    );
    anchor.current = next.anchor;
    fromTable.current = true;
    editor.selection.set(next.ids);
  };
  const onEdit = (id: FeatureId, key: string, value: FieldValue) => runCommand(services, setAttribute(editor.plan.context(), [id], key, value));

  const editable = LAYERS[layer].attributesEditable;
  return (
    <div className="attribute-table">
      <header className="table-bar">
        <select
          className="table-layer"
          aria-label={t('attributeTable.layer')}
          value={layer}
          onChange={(e) => editor.ui.setTableLayer(e.target.value as LayerId)}
        >
          {LAYER_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`layer.${id}`)}
            </option>
          ))}
        </select>
        <input
          type="search"
          className="table-filter"
          aria-label={t('attributeTable.filter')}
          placeholder={t('attributeTable.filterPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <label className="toggle">
          <input type="checkbox" data-testid="only-selected" checked={onlySelected} onChange={(e) => setOnlySelected(e.target.checked)} />
          {t('attributeTable.onlySelected')}
        </label>
        <span className="table-count" data-testid="table-count" data-shown={shown.length} data-total={rows.length}>
          {t('attributeTable.count', { shown: shown.length.toLocaleString('en-US'), total: rows.length.toLocaleString('en-US') })}
          {selectedHere.length ? ` · ${t('attributeTable.selectedCount', { count: selectedHere.length })}` : ''}
        </span>
        <BulkEdit
          layer={layer}
          columns={columns}
          profile={profile}
          selectedIds={selectedHere}
          filteredIds={shown.map((r) => r.id)}
          cellText={cellText}
          disabled={!editable}
        />
        <button type="button" className="mini close" aria-label={t('attributeTable.close')} title={t('attributeTable.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {rows.length === 0 || shown.length === 0 ? (
        <p className="hint table-empty">{t(rows.length === 0 ? 'attributeTable.emptyLayer' : 'attributeTable.noRows')}</p>
      ) : null}
      <TableGrid
        columns={columns}
        rows={shown}
        selected={selected}
        profile={profile}
        sort={sort}
        onSort={(column) => setSort((s) => ({ column, descending: s?.column === column ? !s.descending : false }))}
        choices={choices}
        kept={kept}
        onKeep={(column, value) =>
          setKept((k) => {
            const next = new Map(k);
            if (value === undefined) next.delete(column);
            else next.set(column, value);
            return next;
          })
        }
        cellText={cellText}
        columnTitle={columnTitle}
        onRowClick={onRowClick}
        onShow={(id) => showFeature(services, layer, id)}
        onEdit={onEdit}
        reveal={reveal}
      />
      <p className="hint table-hint">
        {t('attributeTable.hint')}
        {editable ? '' : ` ${t('attributeTable.readOnlyLayer')}`}
      </p>
    </div>
  );
}
