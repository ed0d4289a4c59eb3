/**
 * `village-plan survey-table <DLTB.shp|.geojson|.json|folder> [--format csv|json] [--decide 1006=060101 …] [--crs EPSG:4549]`: the
 * 现状基期年 of the Zhejiang 规划用地结构调整表 (domain-2026.md §4.1) from a village's 三调 parcels, their codes
 * converted to 用地用海 2023 (§2.1) and their areas ellipsoidal on CGCS2000, as the survey computes them.
 *
 * The layer is read by the editor's own formats (a Shapefile with its .dbf, .prj and .cpg beside it,
 * reprojected from Gauss-Krüger; or GeoJSON; a folder by its DLTB). The table goes to stdout; on stderr, what the conversion did
 * (codes converted, collisions such as the 0702 trap avoided, 待细分 codes left undecided, unknown codes,
 * names that disagree with their code), what the layer holds that a total hides (parcels overlapping or
 * stored twice, counted twice and said so; invalid outlines counted by their repair; several villages;
 * parcels whose 城镇村属性码 disagrees with the subtotal their code gives) and the table's findings. Exit 0: every parcel mapped or decided;
 * 1: some are 待细分 or unknown (the table is printed all the same); 2: the arguments or the layer are unusable
 * (no polygon, no DLBM, 用地用海 codes rather than 三调, a CRS that needs what a command line cannot take).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Message, Result } from '../domain/message.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { importFiles } from '../io/formats/index.ts';
import { NEEDS_PARAMETERS } from '../io/crs/datum-settle.ts';
import type { SourceCrs } from '../io/crs/source-crs.ts';
import { databaseFileKind, findGeodatabase, geodatabaseInZip, geodatabaseRefusal, zippedGeodatabaseRefusal } from '../io/geodatabase-folder.ts';
import { listZip } from '../io/zip/zip-read.ts';
import type { ImportedLayer } from '../io/formats/types.ts';
import type { InputFile } from '../io/files.ts';
import { layerInputFiles, readFileBytes } from '../io/village-database/layer-files.ts';
import { unreadable } from '../io/village-database/layer-matching.ts';
import { listSome } from '../io/result.ts';
import { numericCodesAreSandiao, resolveFields, sandiaoCodeOf, textOf } from '../io/survey/survey-fields.ts';
import { checkedGeometry } from '../io/survey/survey-records.ts';
import { villagesOf, type LocatedParcel } from '../io/survey/survey-villages.ts';
import { townVillageOf, type TownVillage } from '../io/survey/match-mapping.ts';
import { tableGroupOf, ZJ_TABLE_GROUPS, type ZjTableGroup } from '../profiles/ydyh/groupings-2023.ts';
import { checkDecisions, convertSurveyParcels, type ConvertedParcel, type InvalidDecision, type SummaryLine, type SurveyParcel } from '../profiles/sandiao/convert-parcels.ts';
import { SANDIAO_INDEX } from '../profiles/sandiao/classes.ts';
import { YDYH_2023_INDEX } from '../profiles/ydyh/classes-2023.ts';
import { fillStructureTable, type FilledStructureTable } from '../profiles/ydyh/fill-structure-table.ts';
import type { ValueKey } from '../profiles/ydyh/zj-structure-table.ts';
import { renderMessage, type Translate } from '../rules/render.ts';
import type { CliArgs } from './args.ts';
import type { CliOutput } from './output.ts';
import { label, structureCsv } from './structure-csv.ts';
import { overlapMessages, overlapsJson, overlapsOf, type FoundOverlaps, type LabelledParcel } from './survey-table-overlaps.ts';

const M2_PER_HA = 10_000;
/** The years the table can fill without a plan: the base year's columns only. */
const BASE_COLUMNS: readonly ValueKey[] = ['base', 'baseShare'];
const LAYER_EXTENSIONS = ['.shp', '.geojson', '.json'];
const LISTED = 8;

type Language = CliArgs['language'];

export async function runSurveyTable(t: Translate, args: CliArgs): Promise<CliOutput> {
  const render = (message: Message) => renderMessage(t, message);
  const checked = checkDecisions(args.decisions);
  if (checked.invalid.length > 0) return { code: 2, stdout: '', stderr: checked.invalid.map((d) => render(invalidDecision(d, args.language))).join('\n') + '\n' };
  const read = readSurveyLayer(args.input, args.crs);
  if (!read.ok) return { code: 2, stdout: '', stderr: render(read.error) + '\n' };
  const { parcels, sources, settlements, notes } = read.value;
  const ydyhCodes = ydyhOnlyCodes(parcels);
  if (ydyhCodes.length) return { code: 2, stdout: '', stderr: render({ key: 'cli.unreadable', params: { file: args.input, reasonKey: 'cli.survey.ydyhLayer', codes: listSome(ydyhCodes, LISTED) } }) + '\n' };
  const conversion = convertSurveyParcels(parcels, args.decisions);
  const counted = conversion.parcels.flatMap((p) => (p.code === null ? [] : [{ code: p.code, areaM2: p.areaM2 }]));
  // Overlapping parcels are counted twice in the table: said, with the area, never taken out silently.
  const overlaps = await overlapsOf(sources.filter((_, i) => conversion.parcels[i]?.code !== null));
  // No plan yet: the target year is the base year, so its columns say nothing and are left blank.
  const table = fillStructureTable(counted, counted);
  const adjustable = conversion.parcels.filter((p) => p.adjustable).length;
  const unused = conversion.unusedDecisions;
  const messages: Message[] = [
    ...notes,
    { key: 'cli.survey.read', params: { file: args.input, count: parcels.length, areaHa: parcels.reduce((s, p) => s + p.areaM2, 0) / M2_PER_HA } },
    ...overlapMessages(args.input, overlaps.found, overlaps.labels),
    ...settlementMessages(conversion.parcels, settlements, args.language),
    ...conversionMessages(conversion.summary, args.language),
    ...(adjustable ? [{ key: 'cli.survey.adjustable', params: { count: adjustable } }] : []),
    ...(unused.length ? [{ key: 'cli.survey.unusedDecision', params: { codes: unused.join(', ') } }] : []),
    { key: 'cli.survey.noPlan' },
    ...findingMessages(table, args.language),
  ];
  const open = conversion.summary.some((line) => line.kind === 'refine-undecided' || line.kind === 'unknown');
  const stdout = args.format === 'json' ? jsonTable(t, table, conversion.summary, args.language, overlaps) : structureCsv(table, args.language, BASE_COLUMNS);
  return { code: open ? 1 : 0, stdout, stderr: messages.map((m) => render(m) + '\n').join('') };
}

// ——— Reading the layer ———

interface SurveyLayer {
  readonly parcels: readonly SurveyParcel[];
  /** Each parcel's geometry and attributes, and how notes name it, in the order of `parcels`. */
  readonly sources: readonly LabelledParcel[];
  /** Each parcel's 城镇村属性码 (CZCSXM) read as town or village, in the order of `parcels`. */
  readonly settlements: readonly TownVillage[];
  readonly notes: readonly Message[];
}

/** The DLTB layer file directly in a folder (as ogr2ogr exports a .gdb's DLTB), any case. */
function dltbIn(folder: string): string | undefined {
  const names = readdirSync(folder).filter((name) => LAYER_EXTENSIONS.includes(extname(name).toLowerCase()) && basename(name, extname(name)).toUpperCase() === 'DLTB');
  // A Shapefile before a GeoJSON of the same layer, as the survey delivers it.
  const name = names.find((n) => extname(n).toLowerCase() === '.shp') ?? names[0];
  return name === undefined ? undefined : join(folder, name);
}

/**
 * The layer's files: a GeoJSON alone, a Shapefile with every part beside it of the same name (any case);
 * for a folder, its DLTB. A File Geodatabase or GeoPackage is refused saying how to export it.
 */
function layerFiles(path: string): Result<InputFile[]> {
  if (!existsSync(path)) return unreadable(path, 'cli.notFound');
  const folder = statSync(path).isDirectory();
  const dltb = folder ? dltbIn(path) : undefined;
  if (dltb) return layerInputFiles(dltb);
  const geodatabase = folder || databaseFileKind(path) ? findGeodatabase(path) : null;
  if (geodatabase) return { ok: false, error: geodatabaseRefusal(path, geodatabase) };
  if (folder) return unreadable(path, 'cli.survey.noLayerInFolder');
  if (/\.zip$/i.test(path)) return zipRefusal(path);
  if (!LAYER_EXTENSIONS.includes(extname(path).toLowerCase())) return unreadable(path, 'cli.survey.notALayer');
  return layerInputFiles(path);
}

/** A zip is not read here; one holding a File Geodatabase or GeoPackage (CCTool's, zipped) is named with how to export it. */
function zipRefusal(path: string): Result<InputFile[]> {
  const bytes = readFileBytes(path);
  const listed = bytes.ok ? listZip({ name: path, bytes: bytes.value }) : null;
  const found = listed?.ok ? geodatabaseInZip(listed.value.map((entry) => entry.path)) : null;
  return found ? { ok: false, error: zippedGeodatabaseRefusal(path, found) } : unreadable(path, 'cli.survey.zipNotRead');
}

/**
 * The editor asks for a Xian 1980 / Beijing 1954 layer's county parameters, which a command line cannot; and
 * where the .prj does not fit the numbers, --crs gives the system here without editing the .prj.
 */
const REFUSALS_FOR_THE_COMMAND_LINE: Readonly<Record<string, string>> = {
  [NEEDS_PARAMETERS]: 'cli.survey.needsDatumParameters',
  'io.crs.metresAsDegrees': 'cli.survey.metresAsDegrees',
};

function readSurveyLayer(path: string, crs: SourceCrs | null): Result<SurveyLayer> {
  const files = layerFiles(path);
  if (!files.ok) return files;
  // The formats decode the .dbf by its .cpg (GBK by default) and bring Gauss-Krüger coordinates to lon/lat,
  // in the CRS given with --crs when there is one.
  const read = importFiles(files.value, crs ? { crs } : {});
  if (!read.ok) return unreadable(path, REFUSALS_FOR_THE_COMMAND_LINE[read.error.key] ?? read.error.key, read.error.params);
  const layer = read.value[0] as ImportedLayer;
  // An empty layer (a template, or a failed export) would fill a table of zeros that looks like an answer.
  if (!layer.features.some((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')) return unreadable(path, 'cli.survey.noParcels', { count: layer.features.length });
  const fieldNames = [...new Set([...layer.fields.map((f) => f.name), ...layer.features.flatMap((f) => Object.keys(f.properties))])];
  const fields = resolveFields(fieldNames);
  if (!fields.code) return unreadable(path, 'cli.survey.noCodeField', { fields: listSome(fieldNames) || '—' });
  // A numeric 二调 field (101 铁路用地, 203 村庄) padded as 三调 would become 0101 水田 and 0203 橡胶园: its codes stay as
  // written, and are listed as unknown.
  const codeField = fields.code;
  const sandiaoNumbers = numericCodesAreSandiao(layer.features.map((f) => ({ value: f.properties[codeField], name: textOf(f.properties, fields.name) })));
  const parcels: SurveyParcel[] = [];
  const sources: LabelledParcel[] = [];
  const located: LocatedParcel[] = [];
  const settlements: TownVillage[] = [];
  const withoutArea: number[] = [];
  const restored: string[] = [];
  const repaired: { id: string; beforeM2: number; afterM2: number }[] = [];
  const unrepaired: string[] = [];
  for (const feature of layer.features) {
    if (feature.geometry?.type !== 'Polygon' && feature.geometry?.type !== 'MultiPolygon') {
      withoutArea.push(feature.recordNo);
      continue;
    }
    const dlmc = textOf(feature.properties, fields.name);
    const id = textOf(feature.properties, fields.parcelNo) ?? `#${feature.recordNo}`;
    const { code, zeroRestored } = sandiaoNumbers ? sandiaoCodeOf(feature.properties, fields.code) : { code: textOf(feature.properties, fields.code) ?? '', zeroRestored: false };
    if (zeroRestored) restored.push(id);
    // An invalid outline's area as read is wrong (a bow-tie's lobes cancel to 0, a part stored twice counts
    // twice): the repaired outline's is counted, and the note gives both.
    const checked = checkedGeometry(feature.geometry as Polygon | MultiPolygon, true);
    const geometry = checked.geometry;
    const areaM2 = ellipsoidalArea(geometry);
    // Said where the figure changed (areas are kept to 0.01 m²): an unclosed ring closed changes nothing.
    if (!checked.repair?.valid && checked.problems.length) unrepaired.push(id);
    else if (checked.repair && Math.abs(checked.repair.areaBefore - areaM2) >= 0.01) repaired.push({ id, beforeM2: checked.repair.areaBefore, afterM2: areaM2 });
    parcels.push({ id, dlbm: code, areaM2, ...(dlmc === null ? {} : { dlmc }) });
    const bsm = textOf(feature.properties, fields.featureNo);
    settlements.push(townVillageOf(textOf(feature.properties, fields.townVillage)));
    located.push({ locationCode: textOf(feature.properties, fields.locationCode), locationName: textOf(feature.properties, fields.locationName) });
    sources.push({ geometry, areaM2, properties: feature.properties, label: bsm === null ? id : `${id} (BSM ${bsm})`, recordNo: feature.recordNo });
  }
  // The encoding notes are worded for the command line by main.ts (a .cpg, not the preview's switch).
  const notes: Message[] = [...read.notes];
  if (restored.length) notes.push({ key: 'cli.survey.zeroRestored', params: { file: path, field: fields.code, count: restored.length, ids: listSome(restored, LISTED) } });
  const villages = villagesOf(located);
  if (villages.length > 1) notes.push({ key: 'cli.survey.severalVillages', params: { file: path, count: villages.length, villages: listSome(villages.map((v) => `${[v.code, v.name].filter(Boolean).join(' ')} (${v.count})`), LISTED) } });
  if (repaired.length) notes.push({ key: 'cli.survey.invalidRepaired', params: { file: path, count: repaired.length, ids: listSome(repaired.map((r) => r.id), LISTED), beforeHa: sumOf(repaired, 'beforeM2') / M2_PER_HA, afterHa: sumOf(repaired, 'afterM2') / M2_PER_HA } });
  if (unrepaired.length) notes.push({ key: 'cli.survey.invalidKept', params: { file: path, count: unrepaired.length, ids: listSome(unrepaired, LISTED) } });
  if (withoutArea.length) notes.push({ key: 'cli.survey.withoutArea', params: { file: path, count: withoutArea.length, records: listSome(withoutArea, LISTED) } });
  return { ok: true, value: { parcels, sources, settlements, notes }, notes: [] };
}

const sumOf = <K extends string>(items: readonly Record<K, number>[], key: K) => items.reduce((sum, item) => sum + item[key], 0);

/**
 * The 用地用海 codes of a layer that has no code only 三调 has (a K code, 05H1, 1006 …): a 用地用海 layer
 * (a JQDLTB or GHDLTB, perhaps exported with a DLBM field). Read as 三调, its codes that both schemes have
 * would move silently (用地用海 0702 城镇社区服务设施用地 to 农村宅基地, 1001 工业用地 to 铁路用地), so it is
 * refused; a 三调 layer with a stray 用地用海 code lists that code as unknown instead.
 */
function ydyhOnlyCodes(parcels: readonly SurveyParcel[]): string[] {
  const codes = [...new Set(parcels.map((p) => p.dlbm.trim().toUpperCase()))].sort();
  const known = (index: typeof SANDIAO_INDEX, code: string) => index.get(code) !== undefined;
  if (codes.some((c) => known(SANDIAO_INDEX, c) && !known(YDYH_2023_INDEX, c))) return [];
  return codes.filter((c) => known(YDYH_2023_INDEX, c) && !known(SANDIAO_INDEX, c));
}

// ——— What the conversion did ———

/** Where each 城镇村属性码 belongs in the table, were the table grouped by it. */
const SETTLEMENT_GROUP: Readonly<Record<Exclude<TownVillage, null>, ZjTableGroup>> = { town: 'urban', village: 'village' };

/**
 * Parcels whose 城镇村属性码 says town (201/202) but whose code puts them in 村庄建设用地, or village (203)
 * and 城镇建设用地. The Zhejiang template groups by code, and so does the table; CCTool's Fujian tools group
 * by the attribute, and which Zhejiang's review asks for is unconfirmed (domain-2026.md §1.3): the area that
 * would move is said, never moved.
 */
function settlementMessages(converted: readonly ConvertedParcel[], settlements: readonly TownVillage[], language: Language): Message[] {
  const groupName = (group: ZjTableGroup) => (language === 'en' ? ZJ_TABLE_GROUPS.groups[group].en : ZJ_TABLE_GROUPS.groups[group].zh);
  const disagree = new Map<Exclude<TownVillage, null>, { count: number; areaM2: number; group: ZjTableGroup }>();
  converted.forEach((parcel, i) => {
    const settlement = settlements[i] ?? null;
    const group = parcel.code === null ? null : tableGroupOf(parcel.code);
    if (settlement === null || (group !== 'urban' && group !== 'village') || group === SETTLEMENT_GROUP[settlement]) return;
    const entry = disagree.get(settlement) ?? { count: 0, areaM2: 0, group };
    disagree.set(settlement, { count: entry.count + 1, areaM2: entry.areaM2 + parcel.areaM2, group });
  });
  return [...disagree].map(([settlement, d]) => ({
    key: settlement === 'town' ? 'cli.survey.townParcelsInVillageRows' : 'cli.survey.villageParcelsInTownRows',
    params: { count: d.count, areaHa: d.areaM2 / M2_PER_HA, group: groupName(d.group), other: groupName(SETTLEMENT_GROUP[settlement]) },
  }));
}

function className(code: string, language: Language): string {
  const entry = YDYH_2023_INDEX.get(code);
  return entry ? (language === 'en' ? entry.en : entry.zh) : '';
}

/** A 三调 class's name in the chosen language; the table's Chinese name when the code is not a class. */
function surveyName(code: string, fallback: string, language: Language): string {
  const entry = SANDIAO_INDEX.get(code);
  return entry ? (language === 'en' ? entry.en : entry.zh) : fallback;
}

const withNames = (codes: readonly string[], language: Language) => codes.map((c) => `${c} ${className(c, language)}`).join('、');

function invalidDecision(decision: InvalidDecision, language: Language): Message {
  const { from, to } = decision;
  switch (decision.reason) {
    case 'unknownCode':
      return { key: 'cli.survey.decideUnknownCode', params: { from, to } };
    case 'notRefine':
      return { key: 'cli.survey.decideNotRefine', params: { from, to, mapped: `${decision.mappedTo} ${className(decision.mappedTo, language)}` } };
    case 'notCandidate':
      return { key: 'cli.survey.decideNotCandidate', params: { from, to, candidates: withNames(decision.candidates, language) } };
  }
}

function conversionMessages(summary: readonly SummaryLine[], language: Language): Message[] {
  const messages: Message[] = [];
  const unchanged: string[] = [];
  const name = (code: string) => `${code} ${className(code, language)}`;
  for (const line of summary) {
    const areaHa = line.areaM2 / M2_PER_HA;
    const fromName = 'fromName' in line ? surveyName(line.from, line.fromName, language) : '';
    switch (line.kind) {
      case 'mapped':
        if (line.collidesWith) messages.push({ key: 'cli.survey.collision', params: { from: line.from, fromName, collides: name(line.collidesWith), to: name(line.to), count: line.count, areaHa } });
        else if (line.to === line.from) unchanged.push(line.from);
        else messages.push({ key: 'cli.survey.converted', params: { from: line.from, fromName, to: name(line.to), count: line.count, areaHa } });
        break;
      case 'refine-decided':
        messages.push({ key: 'cli.survey.decided', params: { from: line.from, fromName, to: name(line.to), count: line.count, areaHa } });
        break;
      case 'refine-undecided':
        messages.push({ key: 'cli.survey.undecided', params: { from: line.from, fromName, count: line.count, areaHa, fallback: name(line.fallback), candidates: withNames(line.candidates, language) } });
        break;
      case 'unknown':
        messages.push({ key: 'cli.survey.unknown', params: { code: line.from || '—', count: line.count, areaHa, ids: listSome(line.ids, LISTED) } });
        break;
      case 'name-mismatch':
        messages.push({ key: 'cli.survey.nameMismatch', params: { from: line.from, expected: line.expected, given: line.given, count: line.count, areaHa } });
        break;
    }
  }
  if (unchanged.length) messages.unshift({ key: 'cli.survey.unchanged', params: { codes: unchanged.join(', ') } });
  return messages;
}

function findingMessages(table: FilledStructureTable, language: Language): Message[] {
  const subtotalName = (key: string) => table.rows.find((r) => r.row.kind === 'subtotal' && r.row.computes === key)?.row.names.at(-1) ?? key;
  return table.findings.flatMap((finding): Message[] => {
    switch (finding.kind) {
      case 'tooCoarse':
        return [{ key: 'cli.survey.tooCoarse', params: { code: finding.code, name: className(finding.code, language), subtotal: subtotalName(finding.subtotal), areaHa: finding.base } }];
      case 'ungrouped':
        return [{ key: finding.listed ? 'cli.survey.ungroupedListed' : 'cli.survey.ungroupedUnknown', params: { code: finding.code, name: className(finding.code, language), areaHa: finding.base } }];
      // A survey has no plan to group codes (the table is filled without one), so no 'planGrouped' either.
      case 'planGrouped':
      case 'partsDoNotSum':
        // Caused by the two above, which say why; the JSON keeps the figures.
        return [];
    }
  });
}

// ——— The table ———

function jsonTable(t: Translate, table: FilledStructureTable, summary: readonly SummaryLine[], language: Language, overlaps: FoundOverlaps): string {
  const rows = table.rows.flatMap((r) => {
    if (r.empty) return [];
    const { base, baseShare } = r.values;
    return [{ key: r.row.key, kind: r.row.kind, names: r.row.names, code: r.row.code, baseHa: base, baseShare, display: { baseHa: base?.toFixed(2) ?? null, baseShare: baseShare?.toFixed(2) ?? null } }];
  });
  // The target year is the base year until there is a plan: only the base year's figures are kept.
  const findings = table.findings.flatMap((f): object[] => {
    switch (f.kind) {
      case 'tooCoarse':
        return [{ kind: f.kind, code: f.code, subtotal: f.subtotal, baseHa: f.base }];
      case 'ungrouped':
        return [{ kind: f.kind, code: f.code, listed: f.listed, baseHa: f.base }];
      case 'planGrouped':
        return [];
      case 'partsDoNotSum':
        return f.year === 'base' ? [f] : [];
    }
  });
  const overlapping = overlapsJson(overlaps);
  const json = { title: label(table.layout.title, language), unit: label(table.layout.unitLine, language), note: renderMessage(t, { key: 'cli.survey.noPlan' }), rows, conversion: summary, findings, overlapping };
  return JSON.stringify(json, null, 2) + '\n';
}
