/**
 * The three tables of a 2026 plan (rules/ydyh/database-tables.ts) as the notice shows them: written out in
 * Chinese and English when publishing, with the editor's own table texts, so the viewer needs none of
 * them. Rows without land are left out of the structure table, as the template deletes them; the reviewer's
 * notes on the counting stay in the editor.
 */
import type { Message } from '../../domain/message.ts';
import { strings } from '../../i18n/texts.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import type { FilledRow } from '../../profiles/ydyh/fill-structure-table.ts';
import type { HeaderColumn, HeaderGroup } from '../../profiles/ydyh/zj-structure-table.ts';
import { GKBJ_TYPES } from '../../profiles/zhejiang-2026/code-lists.ts';
import type { IndicatorFigure } from '../../profiles/zhejiang-2026/indicators.ts';
import { renderMessage, type Translate } from '../../rules/render.ts';
import type { DatabaseTables } from '../../rules/ydyh/database-tables.ts';
import { translatorOf } from '../app/i18n.ts';
import type { Bilingual, NoticeTable2026 } from '../payload/payload-2026.ts';

const same = (text: string): Bilingual => ({ zh: text, en: text });

/** Renders messages in both languages; the string tables are made once per publish. */
function bilingualRenderer(): (message: Message) => Bilingual {
  const zh: Translate = translatorOf(strings('zh'));
  const en: Translate = translatorOf(strings('en'));
  return (message) => ({ zh: renderMessage(zh, message), en: renderMessage(en, message) });
}

const isGroup = (h: HeaderColumn | HeaderGroup): h is HeaderGroup => 'columns' in h;

/** A row's own name (the template repeats a name over the levels it spans) and its depth; English from the classification where the row has a code. */
function structureLabel(row: FilledRow): { label: Bilingual; level: number } {
  const distinct = row.row.names.filter((name, i, all) => name !== '' && name !== all[i - 1]);
  const own = distinct.at(-1) ?? '';
  const entry = row.row.code ? YDYH_2023_INDEX.get(row.row.code) : undefined;
  return { label: { zh: own, en: entry?.en ?? own }, level: Math.min(2, Math.max(0, distinct.length - 1)) };
}

function structureTable(tables: DatabaseTables): NoticeTable2026 {
  const { layout, rows } = tables.structure;
  const columns = layout.header
    .flatMap((h) => (isGroup(h) ? h.columns.map((column) => ({ group: h as HeaderGroup | null, column })) : [{ group: null, column: h }]))
    .filter((c) => c.column.content.kind !== 'names');
  return {
    id: 'structure',
    title: layout.title,
    columns: columns.map(({ group, column }) => (group ? { zh: `${group.zh} ${column.zh}`, en: `${group.en} ${column.en}` } : { zh: column.zh, en: column.en })),
    rows: rows
      .filter((row) => !row.empty)
      .map((row) => ({
        ...structureLabel(row),
        cells: columns.map(({ column }) => (column.content.kind === 'code' ? (row.row.code ? same(row.row.code) : null) : column.content.kind === 'value' ? row.printed[column.content.key] : null)),
      })),
    footnotes: [layout.unitLine],
  };
}

function indicatorTable(tables: DatabaseTables, both: (message: Message) => Bilingual): NoticeTable2026 {
  const key = (k: string) => both({ key: `database.tables.${k}` });
  const figure = (f: IndicatorFigure) => f.value;
  return {
    id: 'indicators',
    title: key('indicators'),
    columns: [key('attribute'), key('unit'), key('base'), key('target')],
    rows: tables.indicators.results.map(({ indicator, base, target }) => ({
      label: { zh: `${indicator.number} ${indicator.zh}`, en: `${indicator.number} ${indicator.en}` },
      level: 0,
      cells: [key(`attribute.${indicator.attribute === '约束性' ? 'binding' : 'expected'}`), same(indicator.unit), figure(base), figure(target)],
    })),
    footnotes: tables.indicators.footnotes.map((note) => {
      const text = both(note.message);
      return { zh: `${note.number}：${text.zh}`, en: `${note.number}: ${text.en}` };
    }),
  };
}

function controlTable(tables: DatabaseTables, both: (message: Message) => Bilingual): NoticeTable2026 | null {
  if (!tables.control) return null;
  return {
    id: 'control',
    title: both({ key: 'database.tables.control' }),
    columns: [both({ key: 'database.tables.areaHa' }), both({ key: 'database.tables.share' })],
    rows: tables.control.map((row) => {
      const type = GKBJ_TYPES.find((entry) => entry.code === row.key);
      return { label: type ? { zh: type.zh, en: type.en } : both({ key: 'database.tables.total' }), level: row.key === 'total' ? 0 : 1, cells: [row.printed.areaHa, row.printed.sharePercent] };
    }),
    footnotes: [],
  };
}

export function noticeTables2026(tables: DatabaseTables): NoticeTable2026[] {
  const both = bilingualRenderer();
  const control = controlTable(tables, both);
  return [structureTable(tables), indicatorTable(tables, both), ...(control ? [control] : [])];
}
