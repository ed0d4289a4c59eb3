/**
 * A new 2026 village plan from the village's 三调 DLTB (domain-2026.md §2.1, §3): its parcels become the
 * base-year parcels (JQDLTB) in 用地用海 2023, and the plan (GHDLTB) starts as a copy of them, which the
 * planner then edits. The codes the mapping cannot settle alone (待细分 rows, and 1:1 targets too coarse
 * for the Zhejiang table) go to the planner as a review list first (`reviewSurvey`); the database is made
 * only once every group has a code (`databaseFromSurvey`). Pure: layers in, a `VillageDatabase` out.
 *
 * The 三调 code of every parcel is kept in JQDLTB's BZ, as the layer declares no field for it [ours ⚠]: it
 * carries the 可调整 K and, for a parcel whose code the mapping does not know, the only code it has.
 */
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { failure, listSome, success, type Message, type Result } from '../../domain/message.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { convertSurveyParcels, type ConvertedParcel, type SummaryLine, type SurveyParcel } from '../../profiles/sandiao/convert-parcels.ts';
import { SANDIAO_INDEX } from '../../profiles/sandiao/classes.ts';
import { mapSandiaoCode, type SandiaoMappingRow } from '../../profiles/sandiao/to-ydyh-2023.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { ZJ_STRUCTURE_TABLE } from '../../profiles/ydyh/zj-structure-table.ts';
import { bsm, DATABASE_LAYERS, type DatabaseField, type DatabaseLayerName } from '../../profiles/zhejiang-2026/layers.ts';
import { NO_VILLAGE_INFO, type FieldValue, type VillageDatabase, type VillageFeature, type VillageLayer } from '../../profiles/zhejiang-2026/village-database.ts';
import { isAreaGeometry } from '../../rules/ydyh/database-parcels.ts';
import type { ImportedFeature, ImportedLayer } from '../formats/types.ts';
import { numberOf, resolveFields, sandiaoCodeOf, textOf } from '../survey/survey-fields.ts';
import { invalidDecisions, undecidedGroups, type ReviewDecisions, type ReviewGroup } from './review-groups.ts';
import { addToList, majority } from '../../domain/lists.ts';

export interface SurveyReview {
  readonly groups: readonly ReviewGroup[];
  /** What the conversion does with each 三调 code, as if every group took its default (convert-parcels.ts). */
  readonly summary: readonly SummaryLine[];
  /** Parcels read (the DLTB's polygons). */
  readonly parcels: number;
  readonly notes: readonly Message[];
}

export interface FromSurveyOptions {
  /** The village boundary (行政区 or 村级调查区), written as CJDCQ; without it the checks take the base parcels as the village. */
  readonly boundary?: ImportedLayer | null;
}

const LISTED = 8;
const M2_PER_HA = 10_000;
/** 城镇村属性码: the database declares no field for it, but CCTool's 现状用地 input has it (§2.1, §3) [ours ⚠]. */
const CZCSXM = 'CZCSXM';
/** JQDLTB fields the conversion writes itself rather than copying from the DLTB. */
const WRITTEN_FIELDS = ['BSM', 'YSDM', 'JQDLBM', 'JQDLMC', 'BZ'];
/** Another name the 二调 or a county export gives a JQDLTB field (survey-fields.ts), tried after the field's own. */
const ALTERNATIVE_FIELDS: Readonly<Record<string, 'parcelNo' | 'ridgeCoefficient' | 'slopeGrade'>> = { TBBH: 'parcelNo', KCXS: 'ridgeCoefficient', GDPDJB: 'slopeGrade' };

// ——— Reading the DLTB ———

interface SurveyRecord {
  readonly feature: ImportedFeature;
  readonly geometry: Polygon | MultiPolygon;
  readonly parcel: SurveyParcel;
}

interface ReadSurvey {
  readonly records: readonly SurveyRecord[];
  readonly fieldNames: readonly string[];
  /** The layer's own spelling of a field name, any case. */
  readonly fieldNamed: (name: string) => string | undefined;
  readonly notes: readonly Message[];
}

function fieldsOf(layer: ImportedLayer): string[] {
  return [...new Set([...layer.fields.map((f) => f.name), ...layer.features.flatMap((f) => Object.keys(f.properties))])];
}

function readSurvey(dltb: ImportedLayer): Result<ReadSurvey> {
  const fieldNames = fieldsOf(dltb);
  const fields = resolveFields(fieldNames);
  const byUpper = new Map(fieldNames.map((name) => [name.toUpperCase(), name]));
  const fieldNamed = (name: string) => byUpper.get(name.toUpperCase());
  const named = { file: dltb.file, fields: listSome(fieldNames) || '—' };
  if (!fields.code) return failure('villageDb.survey.noCodeField', named);
  const records: SurveyRecord[] = [];
  const withoutPolygon: number[] = [];
  // A DLTB is 三调 here: a DLBM field stored as numbers (a spreadsheet's round trip) lost the codes' leading
  // zero, and 101 would be read as no code at all, 201 as no 园地.
  const zeroRestored: number[] = [];
  for (const feature of dltb.features) {
    const geometry = feature.geometry;
    if (!isAreaGeometry(geometry)) {
      withoutPolygon.push(feature.recordNo);
      continue;
    }
    const dlmc = textOf(feature.properties, fields.name);
    const id = textOf(feature.properties, fields.parcelNo) ?? `#${feature.recordNo}`;
    const dlbm = sandiaoCodeOf(feature.properties, fields.code);
    if (dlbm.zeroRestored) zeroRestored.push(feature.recordNo);
    records.push({ feature, geometry, parcel: { id, dlbm: dlbm.code, areaM2: ellipsoidalArea(geometry), ...(dlmc === null ? {} : { dlmc }) } });
  }
  if (records.length === 0) return failure('villageDb.survey.noPolygons', named);
  const notes: Message[] = [];
  if (withoutPolygon.length) notes.push({ key: 'villageDb.survey.withoutPolygon', params: { file: dltb.file, count: withoutPolygon.length, records: listSome(withoutPolygon, LISTED) } });
  if (zeroRestored.length) notes.push({ key: 'io.survey.codeZeroRestored', params: { file: dltb.file, field: fields.code, count: zeroRestored.length, records: listSome(zeroRestored, LISTED) } });
  return success({ records, fieldNames, fieldNamed, notes });
}

// ——— The review list ———

const withName = (code: string) => `${code} ${YDYH_2023_INDEX.get(code)?.zh ?? ''}`.trim();

/** The finer code a 1:1 row's target needs because the Zhejiang table has no row for it (0702 → 0703 → 070301 ⚠); null when it needs none. */
function coarseTarget(row: SandiaoMappingRow): string | null {
  const [target] = row.to;
  return !row.refine && row.finer && target !== undefined && Object.hasOwn(ZJ_STRUCTURE_TABLE.coarse, target) ? target : null;
}

function groupNotes(row: SandiaoMappingRow, collision: Message | undefined): Message[] {
  const from = { from: row.from, fromName: row.fromName };
  const coarse = coarseTarget(row);
  const notes: Message[] = collision ? [collision] : [];
  if (coarse !== null) notes.push({ key: 'villageDb.survey.group.tooCoarse', params: { to: withName(coarse), suggested: withName(row.finer?.[0] ?? '') } });
  else notes.push({ key: 'villageDb.survey.group.refine', params: from });
  if (row.unconfirmed) notes.push({ key: 'villageDb.survey.group.unconfirmed', params: from });
  return notes;
}

function collisionNote(line: SummaryLine): Message | undefined {
  if (!('collidesWith' in line) || line.collidesWith === null) return undefined;
  const to = line.kind === 'refine-undecided' ? line.fallback : line.to;
  return { key: 'villageDb.survey.collision', params: { from: line.from, fromName: line.fromName, collides: withName(line.collidesWith), to: withName(to) } };
}

/** One group per mapping row the planner must settle, its K codes (0204K) counted with it, in code order. */
function reviewGroups(parcels: readonly ConvertedParcel[], collisions: ReadonlyMap<string, Message>): ReviewGroup[] {
  const rows = new Map<string, { row: SandiaoMappingRow; count: number; areaM2: number }>();
  for (const parcel of parcels) {
    const mapping = mapSandiaoCode(parcel.from);
    if (mapping.kind === 'unknown' || (!mapping.row.refine && coarseTarget(mapping.row) === null)) continue;
    const entry = rows.get(mapping.row.from) ?? { row: mapping.row, count: 0, areaM2: 0 };
    entry.count += 1;
    entry.areaM2 += parcel.areaM2;
    rows.set(mapping.row.from, entry);
  }
  return [...rows.values()]
    .sort((a, b) => (a.row.from < b.row.from ? -1 : 1))
    .map(({ row, count, areaM2 }) => ({
      key: row.from,
      fromZh: row.fromName,
      fromEn: SANDIAO_INDEX.get(row.from)?.en ?? row.fromName,
      count,
      areaM2,
      candidates: row.refine ? row.to : (row.finer ?? []),
      suggested: row.refine ? null : (row.finer?.[0] ?? null),
      notes: groupNotes(row, collisions.get(row.from)),
    }));
}

function reviewNotes(summary: readonly SummaryLine[], groups: readonly ReviewGroup[], parcels: readonly ConvertedParcel[]): Message[] {
  const grouped = new Set(groups.map((g) => g.key));
  const notes: Message[] = [];
  const collisions: string[] = [];
  for (const line of summary) {
    if (line.kind === 'unknown') notes.push({ key: 'villageDb.survey.unknownCode', params: { code: line.from || '—', count: line.count, areaHa: line.areaM2 / M2_PER_HA, ids: listSome(line.ids, LISTED) } });
    else if (line.kind === 'name-mismatch') notes.push({ key: 'villageDb.survey.nameMismatch', params: { from: line.from, expected: line.expected, given: line.given, count: line.count } });
    else if (line.kind === 'mapped' && line.collidesWith !== null && !grouped.has(line.from)) collisions.push(`${line.from} ${line.fromName} → ${withName(line.to)}`);
  }
  if (collisions.length) notes.unshift({ key: 'villageDb.survey.collisions', params: { codes: collisions.join('；') } });
  const adjustable = parcels.filter((p) => p.adjustable).length;
  if (adjustable) notes.push({ key: 'villageDb.survey.adjustable', params: { count: adjustable } });
  return notes;
}

function review(read: ReadSurvey): SurveyReview {
  const undecided = convertSurveyParcels(read.records.map((r) => r.parcel));
  const collisions = new Map(undecided.summary.flatMap((line) => {
    const note = collisionNote(line);
    const mapping = mapSandiaoCode(line.from);
    return note && mapping.kind !== 'unknown' ? [[mapping.row.from, note] as const] : [];
  }));
  const groups = reviewGroups(undecided.parcels, collisions);
  // The summary as the database will be made unless the planner changes a default.
  const defaults = Object.fromEntries(groups.flatMap((g) => (g.suggested === null ? [] : [[g.key, g.suggested]])));
  const conversion = convertSurveyParcels(read.records.map((r) => r.parcel), defaults);
  return { groups, summary: conversion.summary, parcels: read.records.length, notes: [...read.notes, ...reviewNotes(conversion.summary, groups, conversion.parcels)] };
}

/** The planner's review list for a DLTB: the groups to decide, what the conversion does, and what to know. */
export function reviewSurvey(dltb: ImportedLayer): Result<SurveyReview> {
  const read = readSurvey(dltb);
  if (!read.ok) return read;
  return success(review(read.value));
}

// ——— The database ———

const round2 = (m2: number) => Math.round(m2 * 100) / 100;

interface Row {
  readonly geometry: Geometry;
  readonly values: Readonly<Record<string, FieldValue>>;
}

/** A database layer: each feature's declared fields in order (plus `extra`), BSM from the village's XZQDM and the sequence, YSDM the layer's. */
function databaseLayer(name: DatabaseLayerName, file: string, xzqdm: string | null, rows: readonly Row[], extra: readonly string[] = []): VillageLayer {
  const declared = DATABASE_LAYERS.find((l) => l.name === name);
  const fieldNames = [...(declared?.fields.map((f) => f.name) ?? []), ...extra];
  const features = rows.map((row, k): VillageFeature => {
    const id = xzqdm === null ? null : bsm(xzqdm, k + 1);
    const values: Record<string, FieldValue> = { ...row.values, BSM: id?.ok ? id.value : null, YSDM: declared?.ysdm ?? null };
    return { ref: `${name}#${id?.ok ? id.value : k + 1}`, geometry: row.geometry, properties: Object.fromEntries(fieldNames.map((field) => [field, values[field] ?? null])) };
  });
  return { name, file, fieldNames, features };
}

/** The village's 12-digit XZQDM: the most common start of ZLDWDM, else of QSDWDM (a note says so). */
function villageCode(read: ReadSurvey): { readonly xzqdm: string | null; readonly notes: readonly Message[] } {
  const startOf = (field: string) => majority(read.records.map((r) => textOf(r.feature.properties, read.fieldNamed(field))?.match(/^\d{12}/)?.[0] ?? null));
  const located = startOf('ZLDWDM');
  if (located !== null) return { xzqdm: located, notes: [] };
  const owned = startOf('QSDWDM');
  return owned !== null ? { xzqdm: owned, notes: [{ key: 'villageDb.survey.xzqdmFromOwner', params: { xzqdm: owned } }] } : { xzqdm: null, notes: [{ key: 'villageDb.survey.noXzqdm' }] };
}

/** JQDLTB fields copied from the DLTB, by their own name or the survey's alternative; numbers that are not numbers counted per field. */
function copiedFields(read: ReadSurvey): { readonly copy: (feature: ImportedFeature) => Record<string, FieldValue>; readonly notNumbers: Map<string, number[]> } {
  const declared = DATABASE_LAYERS.find((l) => l.name === 'JQDLTB')?.fields ?? [];
  const resolved = resolveFields(read.fieldNames);
  const sources = declared.flatMap((field): { field: DatabaseField; source: string }[] => {
    const alternative = ALTERNATIVE_FIELDS[field.name];
    const source = WRITTEN_FIELDS.includes(field.name) ? undefined : (read.fieldNamed(field.name) ?? (alternative && resolved[alternative]));
    return source ? [{ field, source }] : [];
  });
  const czcsxm = read.fieldNamed(CZCSXM);
  const notNumbers = new Map<string, number[]>();
  const copy = (feature: ImportedFeature) => {
    const values: Record<string, FieldValue> = {};
    for (const { field, source } of sources) {
      if (field.type === 'String') values[field.name] = textOf(feature.properties, source);
      else {
        values[field.name] = numberOf(feature.properties, source);
        if (values[field.name] === null && textOf(feature.properties, source) !== null) addToList(notNumbers, field.name, feature.recordNo);
      }
    }
    if (czcsxm) values[CZCSXM] = textOf(feature.properties, czcsxm);
    return values;
  };
  return { copy, notNumbers };
}

function boundaryLayer(boundary: ImportedLayer, read: ReadSurvey, xzqdm: string | null): Result<VillageLayer> {
  const polygons = boundary.features.flatMap((f) => (isAreaGeometry(f.geometry) ? [f.geometry] : []));
  if (polygons.length === 0) return failure('villageDb.survey.noPolygons', { file: boundary.file, fields: listSome(fieldsOf(boundary)) || '—' });
  const owner = (field: string) => majority(read.records.map((r) => textOf(r.feature.properties, read.fieldNamed(field))));
  const located = { ZLDWDM: owner('ZLDWDM'), ZLDWMC: owner('ZLDWMC') };
  return success(databaseLayer('CJDCQ', boundary.file, xzqdm, polygons.map((geometry) => ({ geometry, values: { ...located, JSMJ: round2(ellipsoidalArea(geometry)) } }))));
}

/** The DLTB's 三调 code in BZ, before a note the DLTB itself had there. */
function surveyNote(parcel: ConvertedParcel, own: string | null): string | null {
  const code = parcel.from === '' ? null : `三调 ${parcel.from}`;
  return [code, own].filter((part) => part !== null).join('；') || null;
}

/**
 * The village database of a new 2026 plan from its DLTB and the planner's decisions: refused while a group
 * without a default is undecided or a decision is not one of its group's candidates. Edition 用地用海 2023.
 */
export function databaseFromSurvey(dltb: ImportedLayer, decisions: ReviewDecisions, options: FromSurveyOptions = {}): Result<VillageDatabase> {
  const read = readSurvey(dltb);
  if (!read.ok) return read;
  const { groups } = review(read.value);
  const invalid = invalidDecisions(groups, decisions);
  if (invalid.length) return failure('villageDb.survey.invalidDecisions', { count: invalid.length, decisions: listSome(invalid.map((d) => `${d.key}=${d.code}`).sort(), LISTED) });
  const open = undecidedGroups(groups, decisions);
  if (open.length) return failure('villageDb.survey.undecided', { count: open.length, groups: listSome(open.map((g) => `${g.key} ${g.fromZh}`), LISTED) });
  const chosen = Object.fromEntries(groups.flatMap((g) => {
    const code = decisions[g.key] ?? g.suggested;
    return code === null ? [] : [[g.key, code]];
  }));
  const records = read.value.records;
  const converted = convertSurveyParcels(records.map((r) => r.parcel), chosen).parcels;
  const { xzqdm, notes: codeNotes } = villageCode(read.value);
  const { copy, notNumbers } = copiedFields(read.value);
  const ownNote = read.value.fieldNamed('BZ');
  const base = records.map((record, k): Row => {
    const parcel = converted[k] as ConvertedParcel;
    const name = parcel.code === null ? null : (YDYH_2023_INDEX.get(parcel.code)?.zh ?? null);
    return { geometry: record.geometry, values: { ...copy(record.feature), JQDLBM: parcel.code, JQDLMC: name, BZ: surveyNote(parcel, textOf(record.feature.properties, ownNote)) } };
  });
  const plan = base.map((row, k): Row => ({ geometry: row.geometry, values: { TBBH: String(k + 1), GHDLBM: row.values['JQDLBM'] ?? null, GHDLMC: row.values['JQDLMC'] ?? null, GHDLMJ: round2((records[k] as SurveyRecord).parcel.areaM2) } }));
  const boundary = options.boundary ? boundaryLayer(options.boundary, read.value, xzqdm) : null;
  if (boundary && !boundary.ok) return boundary;
  const unknown = records.flatMap((r, k) => (converted[k]?.code === null ? [r.parcel.id] : []));
  const notes: Message[] = [
    ...read.value.notes,
    ...codeNotes,
    ...[...notNumbers].map(([field, recordNos]) => ({ key: 'villageDb.survey.notNumber', params: { file: dltb.file, field, count: recordNos.length, records: listSome(recordNos, LISTED) } })),
    ...(unknown.length ? [{ key: 'villageDb.survey.unknownKept', params: { count: unknown.length, ids: listSome(unknown, LISTED) } }] : []),
    { key: 'villageDb.survey.surveyCodeInBz' },
    ...(read.value.fieldNamed(CZCSXM) ? [{ key: 'villageDb.survey.czcsxmKept' }] : []),
    ...(boundary ? [] : [{ key: 'villageDb.survey.noBoundary' }]),
  ];
  const extra = read.value.fieldNamed(CZCSXM) ? [CZCSXM] : [];
  const layers = {
    ...(boundary ? { CJDCQ: boundary.value } : {}),
    JQDLTB: databaseLayer('JQDLTB', dltb.file, xzqdm, base, extra),
    GHDLTB: databaseLayer('GHDLTB', dltb.file, xzqdm, plan),
  };
  return success({ layers, edition: 'ydyh-2023', info: NO_VILLAGE_INFO, allocations: {} }, notes);
}
