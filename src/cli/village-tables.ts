/**
 * `village-plan tables --profile zhejiang-2026 <folder> [--edition 2020|2023] [--format csv|json]`: the three
 * tables of a 2026 村庄规划 from its database folder (io/village-database): the Zhejiang 规划用地结构调整表
 * (JQDLTB by JQDLBM against GHDLTB by GHDLBM, §4.1), the 规划指标一览表 (§4.2; population and heritage from the
 * village workbook, the red line and the PBF clipped to the village) and the 国土空间管控表 (GKBJ by type, §4.3).
 * Codes are counted in the 2023 edition, converted once from a declared 2020 edition as the checks count them
 * (`rules/ydyh/database-parcels.ts`). Areas are ellipsoidal on CGCS2000. A figure that cannot be computed is an empty cell with a footnote saying
 * why. Exit 0: the tables are printed (findings go to stderr); 2: the folder or the arguments are unusable.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Message } from '../domain/message.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { LAYER_FILE_NAMES } from '../io/village-database/layer-files.ts';
import { readVillageDatabase } from '../io/village-database/read-village-database.ts';
import { listSome } from '../io/result.ts';
import { YDYH_2023_INDEX } from '../profiles/ydyh/classes-2023.ts';
import { fillStructureTable, type FilledStructureTable, type ParcelArea, type Year } from '../profiles/ydyh/fill-structure-table.ts';
import { GKBJ_TYPES, type GkbjTypeCode } from '../profiles/zhejiang-2026/code-lists.ts';
import { CONTROL_TABLE, fillControlTable, type ControlTableRow } from '../profiles/zhejiang-2026/control-table.ts';
import { computeIndicators, INDICATOR_SECTIONS, type IndicatorFigure, type IndicatorResult, type IndicatorUnit } from '../profiles/zhejiang-2026/indicators.ts';
import type { VillageDatabase, VillageLayer, VillageLayerName } from '../profiles/zhejiang-2026/village-database.ts';
import { renderMessage, type Translate } from '../rules/render.ts';
import { codedParcels, PARCEL_LAYERS, referenceInsideVillage } from '../rules/ydyh/database-parcels.ts';
import type { CliArgs } from './args.ts';
import type { CliOutput } from './output.ts';
import { csvLines, fixed, label, structureCsv } from './structure-csv.ts';

const M2_PER_HA = 10_000;
const LISTED = 8;
const YEARS: readonly Year[] = ['base', 'target'];

type Language = CliArgs['language'];


export async function runVillageTables(t: Translate, args: CliArgs): Promise<CliOutput> {
  const render = (message: Message) => renderMessage(t, message);
  const read = await readVillageDatabase(args.input, args.edition === '2020' ? 'ydyh-2020' : 'ydyh-2023');
  if (!read.ok) return { code: 2, stdout: '', stderr: render(read.error) + '\n' };
  const database = read.value;
  const editionKey = args.edition === null ? 'cli.village.editionDefault' : args.edition === '2020' ? 'cli.village.edition2020' : 'cli.village.edition2023';
  const messages: Message[] = [{ key: editionKey }, ...read.notes];

  const base = countedParcels(database, 'base');
  const target = countedParcels(database, 'target');
  messages.push(...base.messages, ...target.messages);
  const structure = fillStructureTable(base.parcels, target.parcels);
  messages.push(...findingMessages(structure, args.language));

  const clipped = clippedReferences(database);
  messages.push(...clipped.messages);
  const indicators = indicatorRows(database, base.parcels, target.parcels, clipped);

  const control = database.layers.GKBJ ? controlAreas(database.layers.GKBJ) : null;
  if (control) messages.push(...control.messages);
  else messages.push({ key: 'cli.village.noGkbj', params: { files: LAYER_FILE_NAMES.GKBJ.join('/') } });
  const controlRows = control ? fillControlTable(control.areas) : null;

  const stdout =
    args.format === 'json'
      ? JSON.stringify({ edition: database.edition, structureTable: structureJson(structure, args.language), indicatorTable: indicatorJson(t, indicators, args.language), controlTable: controlRows && controlJson(t, controlRows, args.language) }, null, 2) + '\n'
      : [structureCsv(structure, args.language, ['base', 'baseShare', 'target', 'targetShare', 'change']), indicatorCsv(t, indicators, args.language), ...(controlRows ? [controlCsv(t, controlRows, args.language)] : [])].join('\n');
  return { code: 0, stdout, stderr: messages.map((m) => `${t('cli.note')}: ${render(m)}\n`).join('') };
}

// ——— Areas ———

const isArea = (geometry: unknown): geometry is Polygon | MultiPolygon => {
  const type = (geometry as { type?: unknown } | null)?.type;
  return type === 'Polygon' || type === 'MultiPolygon';
};

const textOf = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

interface Counted {
  readonly parcels: readonly ParcelArea[];
  readonly messages: readonly Message[];
}

/**
 * A year's parcels as the checks count them (codes in 2023, ellipsoidal areas), with what was converted and
 * what could not be counted: records without a polygon or without a code.
 */
function countedParcels(database: VillageDatabase, year: Year): Counted {
  const { layer: name, code: field } = PARCEL_LAYERS[year];
  const layer = database.layers[name];
  if (!layer) return { parcels: [], messages: [] };
  const coded = codedParcels(database, year);
  const parcels = coded.filter((p) => isArea(p.feature.geometry));
  const areaHa = parcels.reduce((sum, p) => sum + p.areaM2, 0) / M2_PER_HA;
  const messages: Message[] = [{ key: 'cli.village.parcelsRead', params: { layer: name, file: layer.file, count: parcels.length, areaHa } }];
  const withoutArea = layer.features.filter((f) => !isArea(f.geometry)).map((f) => f.ref);
  if (withoutArea.length) messages.push({ key: 'cli.village.withoutArea', params: { file: layer.file, count: withoutArea.length, refs: listSome(withoutArea, LISTED) } });
  const codedRefs = new Set(coded.map((p) => p.ref));
  const withoutCode = layer.features.filter((f) => isArea(f.geometry) && !codedRefs.has(f.ref)).map((f) => f.ref);
  if (withoutCode.length) messages.push({ key: 'cli.village.withoutCode', params: { file: layer.file, field, count: withoutCode.length, refs: listSome(withoutCode, LISTED) } });
  if (database.edition === 'ydyh-2020') {
    const changes = new Map<string, number>();
    for (const p of coded) if (p.code !== p.written) changes.set(`${p.written}→${p.code}`, (changes.get(`${p.written}→${p.code}`) ?? 0) + 1);
    const listed = [...changes].map(([change, count]) => `${change} ×${count}`).join(', ');
    messages.push({ key: listed ? 'cli.village.converted2020' : 'cli.village.nothingConverted2020', params: { layer: name, field, changes: listed } });
  }
  return { parcels: parcels.map((p) => ({ code: p.code, areaM2: p.areaM2 })), messages };
}


/** A reference layer's area inside the village (m²), or why there is none. */
type Clipped = { readonly m2: number } | { readonly missing: VillageLayerName } | { readonly failed: VillageLayerName; readonly detail: string };

interface ClippedReferences {
  readonly redLine: Clipped;
  readonly pbf: Clipped;
  readonly messages: readonly Message[];
}

/** The red line and the PBF inside the village, computed as the checks compute them (`referenceInsideVillage`). */
function clippedReferences(database: VillageDatabase): ClippedReferences {
  const { STBHHX, YJJBNT, CJDCQ } = database.layers;
  if (!STBHHX && !YJJBNT) return { redLine: { missing: 'STBHHX' }, pbf: { missing: 'YJJBNT' }, messages: [] };
  const clip = (name: VillageLayerName, layer: VillageLayer | undefined): Clipped => {
    if (!layer) return { missing: name };
    const inside = referenceInsideVillage(database, name);
    return inside.ok ? { m2: inside.m2 } : { failed: name, detail: inside.error };
  };
  const toSurveyArea = CJDCQ !== undefined && CJDCQ.features.some((f) => isArea(f.geometry));
  return { redLine: clip('STBHHX', STBHHX), pbf: clip('YJJBNT', YJJBNT), messages: [{ key: toSurveyArea ? 'cli.village.clippedToCjdcq' : 'cli.village.clippedToParcels' }] };
}

interface ControlAreas {
  readonly areas: Partial<Record<GkbjTypeCode, number>>;
  readonly messages: readonly Message[];
}

/** The GKBJ area of each type, by GKBJLXDM, or by GKBJLXMC where the code is empty (§4.3 names the rows by it). */
function controlAreas(layer: VillageLayer): ControlAreas {
  const areas: Partial<Record<GkbjTypeCode, number>> = {};
  const unknown = new Map<string, number>();
  for (const feature of layer.features) {
    if (!isArea(feature.geometry)) continue;
    const code = textOf(feature.properties.GKBJLXDM);
    const name = textOf(feature.properties.GKBJLXMC);
    const type = GKBJ_TYPES.find((entry) => (code ? entry.code === code : entry.zh === name))?.code;
    const m2 = ellipsoidalArea(feature.geometry);
    if (type) areas[type] = (areas[type] ?? 0) + m2;
    else unknown.set(code || name || '—', (unknown.get(code || name || '—') ?? 0) + m2);
  }
  const messages: Message[] = [...unknown].map(([type, m2]) => ({ key: 'cli.village.unknownControlType', params: { file: layer.file, type, areaHa: m2 / M2_PER_HA } }));
  return { areas, messages };
}

// ——— Indicators and their footnotes ———

interface Footnote {
  readonly number: number;
  readonly message: Message;
}

interface IndicatorRows {
  readonly results: readonly IndicatorResult[];
  /** Empty cells' footnotes, in the table's order. */
  readonly footnotes: readonly Footnote[];
}

const WORKBOOK_ITEMS: Readonly<Record<number, Readonly<Record<Year, string>>>> = {
  6: { base: '现状人口', target: '规划人口' },
  13: { base: '现状自然和文化遗产', target: '规划自然和文化遗产' },
};

function indicatorRows(database: VillageDatabase, base: readonly ParcelArea[], target: readonly ParcelArea[], clipped: ClippedReferences): IndicatorRows {
  const { info } = database;
  const areaOf = (c: Clipped) => ('m2' in c ? c.m2 : 0);
  const computed = computeIndicators({
    parcels: { base, target },
    population: { base: info.basePopulation, target: info.targetPopulation },
    redLineM2: areaOf(clipped.redLine),
    pbfM2: areaOf(clipped.pbf),
    heritageSites: { base: info.baseHeritage, target: info.targetHeritage },
  });
  const footnotes: Footnote[] = [];
  const results = computed.map((result): IndicatorResult => {
    const { number } = result.indicator;
    const reference = number === 7 ? clipped.redLine : number === 8 ? clipped.pbf : null;
    if (reference && !('m2' in reference)) {
      footnotes.push({ number, message: 'missing' in reference ? { key: 'cli.village.footnote.noLayer', params: { files: LAYER_FILE_NAMES[reference.missing].join('/') } } : { key: 'cli.village.footnote.overlayFailed', params: { layer: reference.failed, detail: reference.detail } } });
      const empty: IndicatorFigure = { value: null, reason: 'notComputed' };
      return { ...result, base: empty, target: empty };
    }
    const reasons = YEARS.flatMap((year) => {
      const figure = result[year];
      return figure.value === null ? [{ year, reason: figure.reason }] : [];
    });
    for (const { year, reason } of reasons) {
      const item = WORKBOOK_ITEMS[number]?.[year];
      if (reason !== 'notComputed' && item) footnotes.push({ number, message: { key: 'cli.village.footnote.notInWorkbook', params: { yearKey: `cli.village.year.${year}`, item } } });
    }
    if (reasons.some((r) => r.reason === 'notComputed')) footnotes.push({ number, message: { key: number === 12 ? 'cli.village.footnote.coastline' : 'cli.village.footnote.notComputed' } });
    return result;
  });
  return { results, footnotes };
}

const UNIT_KEYS: Readonly<Record<IndicatorUnit, string>> = { 公顷: 'cli.village.unit.ha', '平方米/人': 'cli.village.unit.m2PerPerson', '%': 'cli.village.unit.percent', 处: 'cli.village.unit.sites' };

const figureText = (figure: IndicatorFigure, unit: IndicatorUnit): string => (figure.value === null ? '' : fixed(figure.value, unit === '处' ? 0 : 2));

function footnoteText(t: Translate, footnote: Footnote, results: readonly IndicatorResult[], language: Language): string {
  const indicator = results.find((r) => r.indicator.number === footnote.number)?.indicator;
  return t('cli.village.footnote', { number: footnote.number, name: indicator ? label(indicator, language) : '', text: renderMessage(t, footnote.message) });
}

// ——— CSV ———

function indicatorCsv(t: Translate, rows: IndicatorRows, language: Language): string {
  const lines: string[][] = [[t('cli.village.indicators.title')], ['number', 'indicator', 'attribute', 'unit', 'base', 'target'].map((c) => t(`cli.village.indicators.${c}`))];
  for (const section of INDICATOR_SECTIONS) {
    lines.push([label(section, language)]);
    for (const { indicator, base, target } of rows.results.filter((r) => r.indicator.section === section.id)) {
      const attribute = t(indicator.attribute === '约束性' ? 'cli.village.binding' : 'cli.village.expected');
      lines.push([String(indicator.number), label(indicator, language), attribute, t(UNIT_KEYS[indicator.unit]), figureText(base, indicator.unit), figureText(target, indicator.unit)]);
    }
  }
  for (const footnote of rows.footnotes) lines.push([footnoteText(t, footnote, rows.results, language)]);
  return csvLines(lines);
}

function controlCsv(t: Translate, rows: readonly ControlTableRow[], language: Language): string {
  const name = (row: ControlTableRow) => (row.key === 'total' ? t('cli.village.control.total') : label(GKBJ_TYPES.find((g) => g.code === row.key) ?? { zh: row.name, en: row.name }, language));
  const lines: string[][] = [[t('cli.village.control.title')], ['name', 'area', 'share'].map((c) => t(`cli.village.control.${c}`))];
  for (const row of rows) lines.push([name(row), fixed(row.areaHa), row.sharePercent === null ? '' : fixed(row.sharePercent)]);
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

function indicatorJson(t: Translate, rows: IndicatorRows, language: Language): object {
  return {
    title: t('cli.village.indicators.title'),
    rows: rows.results.map(({ indicator, base, target }) => ({ number: indicator.number, section: indicator.section, zh: indicator.zh, en: indicator.en, attribute: indicator.attribute, unit: indicator.unit, base: base.value, target: target.value })),
    footnotes: rows.footnotes.map((f) => ({ number: f.number, text: footnoteText(t, f, rows.results, language) })),
  };
}

function controlJson(t: Translate, rows: readonly ControlTableRow[], language: Language): object {
  const name = (row: ControlTableRow) => (row.key === 'total' ? t('cli.village.control.total') : label(GKBJ_TYPES.find((g) => g.code === row.key) ?? { zh: row.name, en: row.name }, language));
  return { title: t('cli.village.control.title'), rows: rows.map((row) => ({ key: row.key, name: name(row), areaHa: row.areaHa, sharePercent: row.sharePercent })), unconfirmed: CONTROL_TABLE.unconfirmed };
}

// ——— Findings ———

const className = (code: string, language: Language): string => {
  const entry = YDYH_2023_INDEX.get(code);
  return entry ? label(entry, language) : '';
};

function findingMessages(table: FilledStructureTable, language: Language): Message[] {
  const subtotalName = (key: string) => table.rows.find((r) => r.row.kind === 'subtotal' && r.row.computes === key)?.row.names.at(-1) ?? key;
  return table.findings.flatMap((finding): Message[] => {
    switch (finding.kind) {
      case 'tooCoarse':
        return [{ key: 'cli.village.tooCoarse', params: { code: finding.code, name: className(finding.code, language), subtotal: subtotalName(finding.subtotal), baseHa: finding.base, targetHa: finding.target } }];
      case 'ungrouped':
        return [{ key: finding.listed ? 'cli.village.ungroupedListed' : 'cli.village.ungroupedUnknown', params: { code: finding.code || '—', name: className(finding.code, language), baseHa: finding.base, targetHa: finding.target } }];
      case 'partsDoNotSum':
        // Caused by the two above, which say why; the JSON keeps the figures.
        return [];
    }
  });
}
