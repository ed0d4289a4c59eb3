/**
 * `village-plan tables --profile zhejiang-2026 <folder> [--edition 2020|2023] [--format csv|json]`: the three
 * tables of a 2026 村庄规划 from its database folder (io/village-database), computed by
 * `rules/ydyh/database-tables.ts` (the 规划用地结构调整表, the 规划指标一览表 and the 国土空间管控表) and printed
 * here as CSV or JSON. A figure that cannot be computed is an empty cell with a footnote saying why; a GKBJ
 * without a polygon (the empty template) gives no 管控表, as a missing GKBJ does. Exit 0:
 * the tables are printed (findings go to stderr); 1: they are printed, but some parcels are in neither table
 * (no code, or a code the edition does not have: the notes say how many, their area and which; or a file
 * named after JQDLTB or GHDLTB, `GHDLTB_2.shp`, left unread; or parcels of a layer the tables read overlap,
 * counted twice, or leave gaps, counted nowhere: the check's no-overlap and no-gap, summed in a note), as
 * `survey-table` exits for its unknown codes; 2: the folder or the arguments are unusable, JQDLTB or GHDLTB
 * included: missing, without its code field, or without a single parcel (an empty template layer gives no
 * year's figures, never zeros).
 */
import type { Message } from '../domain/message.ts';
import { readVillageDatabase } from '../io/village-database/read-village-database.ts';
import { declaredEdition, editionNote } from './village-edition.ts';
import { LAYER_PART_NOT_READ } from '../io/village-database/read-listed-database.ts';
import { GKBJ_TYPES } from '../profiles/zhejiang-2026/code-lists.ts';
import type { FilledStructureTable } from '../profiles/ydyh/fill-structure-table.ts';
import { CONTROL_TABLE, type ControlTableRow } from '../profiles/zhejiang-2026/control-table.ts';
import { BINDING_SYMBOLS, INDICATOR_SECTIONS, type IndicatorFigure, type IndicatorResult, type IndicatorUnit } from '../profiles/zhejiang-2026/indicators.ts';
import { renderMessage, type Translate } from '../rules/render.ts';
import { computeDatabaseTables, type IndicatorFootnote, type IndicatorTable } from '../rules/ydyh/database-tables.ts';
import { loadGeos } from '../geo/geos/geos-module.ts';
import type { Year } from '../profiles/ydyh/fill-structure-table.ts';
import type { VillageDatabase, VillageLayerName } from '../profiles/zhejiang-2026/village-database.ts';
import { m2 } from '../rules/issue.ts';
import { noGapRule } from '../rules/ydyh/no-gap.rule.ts';
import { noOverlapRule } from '../rules/ydyh/no-overlap.rule.ts';
import { hasPolygons, isAreaGeometry, PARCEL_LAYERS } from '../rules/ydyh/database-parcels.ts';
import type { CliArgs } from './args.ts';
import type { CliOutput } from './output.ts';
import { csvLines, fixed, label, structureCsv } from './structure-csv.ts';

type Language = CliArgs['language'];

export async function runVillageTables(t: Translate, args: CliArgs): Promise<CliOutput> {
  const render = (message: Message) => renderMessage(t, message);
  const read = await readVillageDatabase(args.input, declaredEdition(args), args.crs ?? undefined);
  if (!read.ok) return { code: 2, stdout: '', stderr: render(read.error) + '\n' };
  const empty = emptyParcelLayers(read.value);
  if (empty.length) return { code: 2, stdout: '', stderr: empty.map((m) => render(m) + '\n').join('') };
  const editionNotes = editionNote(args, read.notes);
  // The red line and the PBF are clipped to the village with GEOS.
  await loadGeos();
  const { structure, indicators, control: computed, notes, notCounted } = computeDatabaseTables(read.value);
  // A GKBJ delivered as the empty template: no 管控表 of zeros, as for an empty JQDLTB or GHDLTB.
  const gkbj = read.value.layers.GKBJ;
  const emptyGkbj = gkbj !== undefined && !hasPolygons(read.value, 'GKBJ');
  const control = emptyGkbj ? null : computed;
  const misfits = coverageMisfits(read.value, control ? ['JQDLTB', 'GHDLTB', 'GKBJ'] : ['JQDLTB', 'GHDLTB']);
  const messages: Message[] = [...editionNotes, ...read.notes, ...notes, ...(emptyGkbj ? [{ key: 'cli.village.emptyGkbj', params: { file: gkbj.file } }] : []), ...misfits];
  const stdout =
    args.format === 'json'
      ? JSON.stringify({ edition: read.value.edition, structureTable: structureJson(structure, args.language), indicatorTable: indicatorJson(t, indicators, args.language), controlTable: control && controlJson(t, control, args.language) }, null, 2) + '\n'
      : [structureCsv(structure, args.language, ['base', 'baseShare', 'target', 'targetShare', 'change']), indicatorCsv(t, indicators, args.language), ...(control ? [controlCsv(t, control, args.language)] : [])].join('\n');
  // A file named after a parcel layer but not read (GHDLTB_2.shp) may hold parcels the tables lack.
  const partsNotRead = read.notes.some((m) => m.key === LAYER_PART_NOT_READ && Object.values(PARCEL_LAYERS).some((p) => p.layer === m.params?.layer));
  return { code: notCounted > 0 || partsNotRead || misfits.length > 0 ? 1 : 0, stdout, stderr: messages.map((m) => `${t('cli.note')}: ${render(m)}\n`).join('') };
}

/**
 * The parcel layers without a single parcel with a polygon: like a missing layer (the reader's refusal), the
 * year they hold cannot be computed, and a table of zeros would read as a plan that removes everything.
 */
function emptyParcelLayers(database: VillageDatabase): Message[] {
  return (Object.entries(PARCEL_LAYERS) as [Year, (typeof PARCEL_LAYERS)[Year]][]).flatMap(([year, { layer: name }]) => {
    const layer = database.layers[name];
    if (!layer || layer.features.some((f) => isAreaGeometry(f.geometry))) return [];
    return [{ key: 'cli.village.emptyLayer', params: { layer: name, file: layer.file, yearKey: `cli.village.year.${year}` } }];
  });
}

const MISFIT_KEYS: Readonly<Record<string, string>> = { 'no-overlap': 'cli.village.overlapsCountedTwice', 'no-gap': 'cli.village.gapsCountedNowhere' };

/**
 * The tables sum areas by code, so overlapping features are counted twice, and a gap in the parcels is land
 * in no class (a gap in GKBJ is no error of the 管控表, which need not cover the village). The check's
 * no-overlap and no-gap (the same tolerance: misalignment within 1 mm is no finding) are summed per layer,
 * one note each, so a figure that is off never goes out without a word.
 */
function coverageMisfits(database: VillageDatabase, overlapLayers: readonly VillageLayerName[]): Message[] {
  const sums = new Map<string, { rule: string; layer: VillageLayerName; count: number; areaM2: number }>();
  const gapLayers: readonly VillageLayerName[] = ['JQDLTB', 'GHDLTB'];
  for (const issue of [...noOverlapRule.check(database), ...noGapRule.check(database)]) {
    const areaM2 = issue.message.params?.areaM2;
    const layers = issue.rule === 'no-gap' ? gapLayers : overlapLayers;
    if (issue.severity !== 'error' || !issue.layer || !layers.includes(issue.layer) || typeof areaM2 !== 'number') continue;
    const key = `${issue.rule}|${issue.layer}`;
    const sum = sums.get(key) ?? { rule: issue.rule, layer: issue.layer, count: 0, areaM2: 0 };
    sum.count++;
    sum.areaM2 += areaM2;
    sums.set(key, sum);
  }
  return [...sums.values()].map((sum) => ({ key: MISFIT_KEYS[sum.rule] as string, params: { layer: sum.layer, count: sum.count, areaM2: m2(sum.areaM2) } }));
}

// ——— Footnotes ———

const UNIT_KEYS: Readonly<Record<IndicatorUnit, string>> = { 公顷: 'cli.village.unit.ha', '平方米/人': 'cli.village.unit.m2PerPerson', '%': 'cli.village.unit.percent', 处: 'cli.village.unit.sites' };

const figureText = (figure: IndicatorFigure, unit: IndicatorUnit): string => (figure.value === null ? '' : fixed(figure.value, unit === '处' ? 0 : 2));

function footnoteText(t: Translate, footnote: IndicatorFootnote, results: readonly IndicatorResult[], language: Language): string {
  const indicator = results.find((r) => r.indicator.number === footnote.number)?.indicator;
  return t('cli.village.footnote', { number: footnote.number, name: indicator ? label(indicator, language) : '', text: renderMessage(t, footnote.message) });
}

// ——— CSV ———

function indicatorCsv(t: Translate, rows: IndicatorTable, language: Language): string {
  const lines: string[][] = [[t('cli.village.indicators.title')], ['number', 'indicator', 'attribute', 'unit', 'base', 'target'].map((c) => t(`cli.village.indicators.${c}`))];
  for (const section of INDICATOR_SECTIONS) {
    lines.push([label(section, language)]);
    for (const { indicator, binding, base, target } of rows.results.filter((r) => r.indicator.section === section.id)) {
      const attribute = `${t(indicator.attribute === '约束性' ? 'cli.village.binding' : 'cli.village.expected')}${binding ? ` ${BINDING_SYMBOLS[binding]}` : ''}`;
      lines.push([String(indicator.number), label(indicator, language), attribute, t(UNIT_KEYS[indicator.unit]), figureText(base, indicator.unit), figureText(target, indicator.unit)]);
    }
  }
  for (const footnote of rows.footnotes) lines.push([footnoteText(t, footnote, rows.results, language)]);
  return csvLines(lines);
}

function controlCsv(t: Translate, rows: readonly ControlTableRow[], language: Language): string {
  const name = (row: ControlTableRow) => (row.key === 'total' ? t('cli.village.control.total') : label(GKBJ_TYPES.find((g) => g.code === row.key) ?? { zh: row.name, en: row.name }, language));
  const lines: string[][] = [[t('cli.village.control.title')], ['name', 'area', 'share'].map((c) => t(`cli.village.control.${c}`))];
  // The printed figures (尾数平差): the type rows add up to 合计, the shares to 100.00.
  for (const row of rows) lines.push([name(row), fixed(row.printed.areaHa), row.printed.sharePercent === null ? '' : fixed(row.printed.sharePercent)]);
  return csvLines(lines);
}

// ——— JSON ———

function structureJson(table: FilledStructureTable, language: Language): object {
  const rows = table.rows.flatMap((r) => {
    if (r.empty) return [];
    const { base, baseShare, target, targetShare, change } = r.values;
    return [{ key: r.row.key, kind: r.row.kind, names: r.row.names, code: r.row.code, baseHa: base, baseShare, targetHa: target, targetShare, changeHa: change }];
  });
  return { title: label(table.layout.title, language), unit: label(table.layout.unitLine, language), rows, findings: table.findings };
}

function indicatorJson(t: Translate, rows: IndicatorTable, language: Language): object {
  return {
    title: t('cli.village.indicators.title'),
    rows: rows.results.map(({ indicator, binding, base, target }) => ({ number: indicator.number, section: indicator.section, zh: indicator.zh, en: indicator.en, attribute: indicator.attribute, binding, unit: indicator.unit, base: base.value, target: target.value })),
    footnotes: rows.footnotes.map((f) => ({ number: f.number, text: footnoteText(t, f, rows.results, language) })),
  };
}

function controlJson(t: Translate, rows: readonly ControlTableRow[], language: Language): object {
  const name = (row: ControlTableRow) => (row.key === 'total' ? t('cli.village.control.total') : label(GKBJ_TYPES.find((g) => g.code === row.key) ?? { zh: row.name, en: row.name }, language));
  return { title: t('cli.village.control.title'), rows: rows.map((row) => ({ key: row.key, name: name(row), areaHa: row.areaHa, sharePercent: row.sharePercent })), unconfirmed: CONTROL_TABLE.unconfirmed };
}
