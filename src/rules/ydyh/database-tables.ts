/**
 * The three tables of a 2026 村庄规划 from its village database, as data for whoever shows them (the CLI's
 * CSV and JSON, the browser's tables): the Zhejiang 规划用地结构调整表 (JQDLTB by JQDLBM against GHDLTB by
 * GHDLBM, §4.1), the 规划指标一览表 (§4.2; population and heritage from the village workbook, the red line
 * and the PBF clipped to the village) and the 国土空间管控表 (GKBJ by type, §4.3), with each year's area in the
 * 三大类 as the plan assigns them (§1.1, a column of its own beside the tables' groups). Codes are counted in the
 * 2023 edition, converted once from a declared 2020 edition as the checks count them (`database-parcels.ts`).
 * Both tables classify a parcel by its exact code (`isCodeOfEdition`): a code the declared edition does not
 * have (010100, 0199, a 三调 code such as 0702 where 用地用海 means another class) counts in no class and in
 * no total of either table; the notes say how many parcels and how much area, and `notCounted` counts them.
 * Areas are ellipsoidal on CGCS2000. A figure that cannot be computed is empty, with a footnote saying why;
 * what the reader should know about the counting (parcels read, codes converted, records not counted, codes
 * outside the template) is in the notes, as language-neutral messages.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { listSome, type Message } from '../../domain/message.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { fillStructureTable, type FilledStructureTable, type ParcelArea, type Year } from '../../profiles/ydyh/fill-structure-table.ts';
import { ZJ_STRUCTURE_TABLE } from '../../profiles/ydyh/zj-structure-table.ts';
import { GKBJ_TYPES, type GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';
import { fillControlTable, type ControlTableRow } from '../../profiles/zhejiang-2026/control-table.ts';
import { computeIndicators, planIndicatorChoices, type IndicatorFigure, type IndicatorResult } from '../../profiles/zhejiang-2026/indicators.ts';
import { layerFileNames } from '../../profiles/zhejiang-2026/layer-file-names.ts';
import { threeCategoryAreas } from '../../profiles/zhejiang-2026/plan-defaults.ts';
import type { VillageDatabase, VillageLayer, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { codedParcels, controlTypeOfFeature, hasPolygons, PARCEL_LAYERS, referenceInsideVillage, type CodedParcel } from './database-parcels.ts';

/** Why an indicator's cell is empty, by its 序号. */
export interface IndicatorFootnote {
  readonly number: number;
  readonly message: Message;
}

export interface IndicatorTable {
  readonly results: readonly IndicatorResult[];
  /** The empty cells' footnotes, in the table's order. */
  readonly footnotes: readonly IndicatorFootnote[];
}

/** Each year's area (m²) in each 三大类 as the plan assigns them (plan-defaults.ts `threeCategories`), and in none. */
export type CategoryAreas = Readonly<Record<Year, ReturnType<typeof threeCategoryAreas>>>;

export interface DatabaseTables {
  readonly structure: FilledStructureTable;
  readonly indicators: IndicatorTable;
  readonly categories: CategoryAreas;
  /** Null without a GKBJ layer (a note says so). */
  readonly control: readonly ControlTableRow[] | null;
  readonly notes: readonly Message[];
  /** Parcels with a polygon that neither table counts: without a code, or with a code the edition does not have (the notes list them). */
  readonly notCounted: number;
}

const M2_PER_HA = 10_000;
const LISTED = 8;
const YEARS: readonly Year[] = ['base', 'target'];

export function computeDatabaseTables(database: VillageDatabase): DatabaseTables {
  const base = countedParcels(database, 'base');
  const target = countedParcels(database, 'target');
  const structure = fillStructureTable(base.parcels, target.parcels, ZJ_STRUCTURE_TABLE, database.tableGroups);
  const clipped = clippedReferences(database);
  const indicators = indicatorTable(database, base.parcels, target.parcels, clipped);
  const control = database.layers.GKBJ ? controlAreas(database.layers.GKBJ) : null;
  const notes: Message[] = [...base.messages, ...target.messages, ...findingMessages(structure), ...clipped.messages];
  if (control) notes.push(...control.messages);
  else notes.push({ key: 'cli.village.noGkbj', params: { files: layerFileNames('GKBJ') } });
  const categories = { base: threeCategoryAreas(base.parcels, database.threeCategories), target: threeCategoryAreas(target.parcels, database.threeCategories) };
  return { structure, indicators, categories, control: control ? fillControlTable(control.areas) : null, notes, notCounted: base.notCounted + target.notCounted };
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
  /** Parcels with a polygon left out: without a code or with an unknown one. */
  readonly notCounted: number;
}

/**
 * A year's parcels as the checks count them (codes in 2023, ellipsoidal areas), with what was converted and
 * what could not be counted: records without a polygon, without a code, or with a code the edition does not
 * have (taken exactly as written, as `ydyh-code-valid` takes it: no class would be right for it).
 */
function countedParcels(database: VillageDatabase, year: Year): Counted {
  const { layer: name, code: field } = PARCEL_LAYERS[year];
  const layer = database.layers[name];
  if (!layer) return { parcels: [], messages: [], notCounted: 0 };
  const coded = codedParcels(database, year).filter((p) => isArea(p.feature.geometry));
  const parcels = coded.filter((p) => p.known);
  const unknown = coded.filter((p) => !p.known);
  const areaHa = parcels.reduce((sum, p) => sum + p.areaM2, 0) / M2_PER_HA;
  const messages: Message[] = [{ key: 'cli.village.parcelsRead', params: { layer: name, file: layer.file, count: parcels.length, areaHa } }];
  const withoutArea = layer.features.filter((f) => !isArea(f.geometry)).map((f) => f.ref);
  if (withoutArea.length) messages.push({ key: 'cli.village.withoutArea', params: { file: layer.file, count: withoutArea.length, refs: listSome(withoutArea, LISTED) } });
  const codedRefs = new Set(coded.map((p) => p.ref));
  const withoutCode = layer.features.filter((f) => isArea(f.geometry) && !codedRefs.has(f.ref)).map((f) => f.ref);
  if (withoutCode.length) messages.push({ key: 'cli.village.withoutCode', params: { file: layer.file, field, count: withoutCode.length, refs: listSome(withoutCode, LISTED) } });
  if (unknown.length) messages.push(unknownCodes(database, name, layer.file, field, unknown));
  if (database.edition === 'ydyh-2020') {
    const changes = new Map<string, number>();
    for (const p of parcels) if (p.code !== p.written) changes.set(`${p.written}→${p.code}`, (changes.get(`${p.written}→${p.code}`) ?? 0) + 1);
    const listed = [...changes].map(([change, count]) => `${change} ×${count}`).join(', ');
    messages.push({ key: listed ? 'cli.village.converted2020' : 'cli.village.nothingConverted2020', params: { layer: name, field, changes: listed } });
  }
  return { parcels: parcels.map((p) => ({ code: p.code, areaM2: p.areaM2 })), messages, notCounted: withoutCode.length + unknown.length };
}

/** The note on a layer's parcels whose code the edition does not have: how many, their area, the first codes with their counts and the first parcels. */
function unknownCodes(database: VillageDatabase, layer: VillageLayerName, file: string, field: string, unknown: readonly CodedParcel[]): Message {
  const byCode = new Map<string, number>();
  for (const p of unknown) byCode.set(p.written, (byCode.get(p.written) ?? 0) + 1);
  const codes = listSome([...byCode].map(([code, count]) => `${code} ×${count}`), LISTED);
  const areaHa = unknown.reduce((sum, p) => sum + p.areaM2, 0) / M2_PER_HA;
  const params = { layer, file, field, count: unknown.length, areaHa, codes, refs: listSome(unknown.map((p) => p.ref), LISTED), editionKey: `rules.db.edition.${database.edition}` };
  return { key: 'cli.village.unknownCodes', params };
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
  const { STBHHX, YJJBNT } = database.layers;
  if (!STBHHX && !YJJBNT) return { redLine: { missing: 'STBHHX' }, pbf: { missing: 'YJJBNT' }, messages: [] };
  const clip = (name: VillageLayerName, layer: VillageLayer | undefined): Clipped => {
    if (!layer) return { missing: name };
    const inside = referenceInsideVillage(database, name);
    return inside.ok ? { m2: inside.m2 } : { failed: name, detail: inside.error };
  };
  return { redLine: clip('STBHHX', STBHHX), pbf: clip('YJJBNT', YJJBNT), messages: [{ key: hasPolygons(database, 'CJDCQ') ? 'cli.village.clippedToCjdcq' : 'cli.village.clippedToParcels' }] };
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
    const written = controlTypeOfFeature(feature);
    const type = GKBJ_TYPES.find((entry) => entry.code === written)?.code;
    const m2 = ellipsoidalArea(feature.geometry);
    const named = textOf(feature.properties.GKBJLXDM) || textOf(feature.properties.GKBJLXMC) || '—';
    if (type) areas[type] = (areas[type] ?? 0) + m2;
    else unknown.set(named, (unknown.get(named) ?? 0) + m2);
  }
  const messages: Message[] = [...unknown].map(([type, m2]) => ({ key: 'cli.village.unknownControlType', params: { file: layer.file, type, areaHa: m2 / M2_PER_HA } }));
  return { areas, messages };
}

// ——— Indicators and their footnotes ———

const WORKBOOK_ITEMS: Readonly<Record<number, Readonly<Record<Year, string>>>> = {
  6: { base: '现状人口', target: '规划人口' },
  13: { base: '现状自然和文化遗产', target: '规划自然和文化遗产' },
};

function indicatorTable(database: VillageDatabase, base: readonly ParcelArea[], target: readonly ParcelArea[], clipped: ClippedReferences): IndicatorTable {
  const { info } = database;
  const areaOf = (c: Clipped) => ('m2' in c ? c.m2 : 0);
  const computed = computeIndicators({
    parcels: { base, target },
    population: { base: info.basePopulation, target: info.targetPopulation },
    redLineM2: areaOf(clipped.redLine),
    pbfM2: areaOf(clipped.pbf),
    heritageSites: { base: info.baseHeritage, target: info.targetHeritage },
    ...planIndicatorChoices(database),
  });
  const footnotes: IndicatorFootnote[] = [];
  const results = computed.map((result): IndicatorResult => {
    const { number } = result.indicator;
    const reference = number === 7 ? clipped.redLine : number === 8 ? clipped.pbf : null;
    if (reference && !('m2' in reference)) {
      footnotes.push({ number, message: 'missing' in reference ? { key: 'cli.village.footnote.noLayer', params: { files: layerFileNames(reference.missing) } } : { key: 'cli.village.footnote.overlayFailed', params: { layer: reference.failed, detail: reference.detail } } });
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

// ——— The structure table's findings ———

/** A class's name in both languages, so the message renders in whichever the reader uses; empty for a code not in 用地用海 2023. */
function classNames(code: string): { readonly nameZh: string; readonly nameEn: string } {
  const entry = YDYH_2023_INDEX.get(code);
  return { nameZh: entry?.zh ?? '', nameEn: entry?.en ?? '' };
}

function findingMessages(table: FilledStructureTable): Message[] {
  const subtotalName = (key: string) => table.rows.find((r) => r.row.kind === 'subtotal' && r.row.computes === key)?.row.names.at(-1) ?? key;
  return table.findings.flatMap((finding): Message[] => {
    switch (finding.kind) {
      case 'tooCoarse':
        return [{ key: 'cli.village.tooCoarse', params: { code: finding.code, ...classNames(finding.code), subtotal: subtotalName(finding.subtotal), baseHa: finding.base, targetHa: finding.target } }];
      case 'ungrouped':
        return [{ key: finding.listed ? 'cli.village.ungroupedListed' : 'cli.village.ungroupedUnknown', params: { code: finding.code || '—', ...classNames(finding.code), baseHa: finding.base, targetHa: finding.target } }];
      case 'planGrouped':
        // The template has no row for it: the planner is told where its area went.
        return [{ key: 'database.defaults.tableGroups.note', params: { code: finding.code, ...classNames(finding.code), subtotal: subtotalName(finding.subtotal), baseHa: finding.base, targetHa: finding.target } }];
      case 'partsDoNotSum':
        // Caused by the two above, which say why; the table keeps the figures.
        return [];
    }
  });
}
