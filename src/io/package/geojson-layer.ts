/**
 * One package layer from GeoJSON text: a FeatureCollection (or a single Feature) of polygons with flat
 * properties. Features that are not polygons or have unusable coordinates are skipped with a note naming
 * the record; a file that is not GeoJSON at all is an error naming the file. Gauss-Krüger coordinates
 * (CGCS2000 3° zones 39–41, with or without the zone prefix) are turned into lon/lat: in the system the
 * reader is given (the command line's --crs), else the one the file's (GeoJSON 2008) `crs` member names, as
 * GDAL and QGIS write it for projected data, else as the numbers show. Without a prefix the numbers cannot
 * tell zone 39 from 40 or 41, so a zone named by the file or the reader is taken, and only a guess is noted.
 * A `crs` member that differs from the numbers only by the zone prefix (EPSG:4528 over 5xx,xxx, EPSG:4549
 * over 40,5xx,xxx) is the slip the `.prj` path corrects (crs/locate.ts zonePrefixCorrected): read the same way,
 * with a note.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { failure, type Message, type Result } from '../../domain/message.ts';
import { fromGaussKruger, type GkCrs, type GkZone } from '../../geo/projection.ts';
import type { BBox } from '../../geo/bbox.ts';
import { ExtentBuilder } from '../crs/extent.ts';
import { zonePrefixCorrected } from '../crs/locate.ts';
import { describeCrs, gk, type SourceCrs } from '../crs/source-crs.ts';
import { crsFromName } from '../formats/geojson.format.ts';
import { namesEpsgAxisOrder } from '../formats/georeference.ts';
import { isEsriJson } from '../geojson/esri-json.ts';
import { isGeoJsonSeq, isNewlineSequence, parseGeoJsonSeq } from '../geojson/geojson-seq.ts';
import { parseGeoJsonText, parseJsonKeepingLongIntegers } from '../geojson/long-integers.ts';
import { legacyCrsName } from '../geojson/geojson-structure.ts';
import { BROKEN, FeatureCursor } from './geojson-features.ts';
import { skimFeature, type Skimmed } from './geojson-skim.ts';
import { aliasNote, aliasRenames, renamedFields, type AliasRenames } from './field-aliases.ts';
import type { FieldValue, KeepRow, PackageFeature, PackageLayer, PackageLayerName, RowSummary } from './package-layers.ts';
import { upperCaseFields } from './package-values.ts';
import { ParsedRow } from './rows-used.ts';
import { storableGeometry } from '../into-plan/storable-geometry.ts';
import { mapPositions, polygonsOf } from '../../geo/rings.ts';
import { listSome } from '../result.ts';

const MAX_LISTED = 5;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One decoder for every file and piece: fatal, so text that is not UTF-8 is refused, never mangled. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A layer from the file's bytes (the readers' entry): feature by feature when the file is laid out as a
 * FeatureCollection (geojson-features.ts), else, or when any piece does not parse, the whole text at once,
 * which gives the same result and JSON.parse's message for the whole file.
 */
export function readGeoJsonLayer(name: PackageLayerName, file: string, bytes: Uint8Array, keep?: KeepRow, chosenCrs?: SourceCrs): Result<PackageLayer> {
  // The first character after any BOM, as the layer import looks at it (formats/geojson.format.ts).
  const first = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes[3] : bytes[0];
  if (isGeoJsonSeq(file, first === 0x1e ? '\u001e' : undefined)) return readSequence(name, file, bytes, keep, chosenCrs);
  const cursor = FeatureCursor.open(bytes);
  const read = cursor ? readPieces(name, file, bytes, cursor, keep, chosenCrs) : null;
  if (read) return read;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    // RFC 7946 GeoJSON is UTF-8; a package's GeoJSON in another encoding is not one the province accepts.
    return failure('package.notUtf8', { file });
  }
  return parseGeoJsonLayer(name, file, text, keep, chosenCrs);
}

/** The layer from its pieces, or null to parse the file whole instead. */
function readPieces(name: PackageLayerName, file: string, bytes: Uint8Array, cursor: FeatureCursor, keep: KeepRow | undefined, chosenCrs: SourceCrs | undefined): Result<PackageLayer> | null {
  let crsMember: unknown;
  try {
    crsMember = cursor.leadingCrs ? JSON.parse(utf8.decode(cursor.leadingCrs)) : undefined;
  } catch {
    return null;
  }
  const said = saidCrs(file, crsMember, chosenCrs);
  if (!said.ok) return said;
  const rows = new LayerRows(name, keep, said.value);
  let recordNo = 0;
  let start = cursor.first();
  while (start >= 0) {
    recordNo++;
    let end: number = BROKEN;
    // A row the plan may not need is first skimmed (geojson-skim.ts), which also finds where it ends: one
    // left out costs no coordinates and is read once.
    if (rows.skims) {
      const skimmed = skimFeature(bytes, start);
      if (skimmed) {
        end = skimmed.end;
        if (rows.leftOut(bytes, skimmed)) {
          start = cursor.after(end);
          continue;
        }
      }
    }
    if (end < 0) end = cursor.end(start);
    if (end < 0) return null;
    let piece: string;
    try {
      piece = utf8.decode(bytes.subarray(start, end));
    } catch {
      return failure('package.notUtf8', { file });
    }
    let raw: unknown;
    try {
      raw = parseGeoJsonText(piece);
    } catch {
      return null;
    }
    rows.add(raw, recordNo);
    start = cursor.after(end);
  }
  if (start === BROKEN) return null;
  const envelopeBytes = cursor.envelope();
  if (!envelopeBytes) return null;
  let envelopeText: string;
  try {
    envelopeText = utf8.decode(envelopeBytes);
  } catch {
    return failure('package.notUtf8', { file });
  }
  let envelope: unknown;
  try {
    envelope = JSON.parse(envelopeText);
  } catch {
    return null;
  }
  if (!isObject(envelope) || envelope.type !== 'FeatureCollection' || !Array.isArray(envelope.features) || envelope.features.length !== 0) return null;
  // A `crs` member after the features (or a second one, which JSON.parse takes) came too late for the rows:
  // the file is read whole, member first.
  if (JSON.stringify(envelope.crs) !== JSON.stringify(crsMember)) return null;
  return rows.finish(name, file);
}

/** A layer from a GeoJSON Text Sequence (geojson-seq.ts): each record a row, as in a FeatureCollection. */
function readSequence(name: PackageLayerName, file: string, bytes: Uint8Array, keep: KeepRow | undefined, chosenCrs: SourceCrs | undefined): Result<PackageLayer> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return failure('package.notUtf8', { file });
  }
  return sequenceLayer(name, file, text, keep, chosenCrs);
}

function sequenceLayer(name: PackageLayerName, file: string, text: string, keep: KeepRow | undefined, chosenCrs: SourceCrs | undefined): Result<PackageLayer> {
  const records = parseGeoJsonSeq(text);
  if (!records.ok) return failure('package.notJson', { file, detail: `#${records.record}: ${records.detail}` });
  const said = saidCrs(file, undefined, chosenCrs);
  if (!said.ok) return said;
  const rows = new LayerRows(name, keep, said.value);
  records.features.forEach((raw, i) => rows.add(raw, i + 1));
  return rows.finish(name, file);
}

/** A layer from GeoJSON text already decoded. */
export function parseGeoJsonLayer(name: PackageLayerName, file: string, text: string, keep?: KeepRow, chosenCrs?: SourceCrs): Result<PackageLayer> {
  let root: unknown;
  try {
    root = parseGeoJsonText(text);
  } catch (error) {
    // Newline-delimited features under a .geojson/.json name (ogr2ogr -f GeoJSONSeq JQDLTB.geojson), as GDAL reads them.
    if (isNewlineSequence(text)) return sequenceLayer(name, file, text, keep, chosenCrs);
    return failure('package.notJson', { file, detail: error instanceof Error ? error.message : String(error) });
  }
  const rawFeatures: unknown = isObject(root) && root.type === 'FeatureCollection' && Array.isArray(root.features) ? root.features : isObject(root) && root.type === 'Feature' ? [root] : null;
  if (!Array.isArray(rawFeatures)) return failure(isEsriJson(root) ? 'io.geojson.esriJson' : 'package.notFeatureCollection', { file });
  const said = saidCrs(file, isObject(root) ? root.crs : undefined, chosenCrs);
  if (!said.ok) return said;
  const rows = new LayerRows(name, keep, said.value);
  for (let i = 0; i < rawFeatures.length; i++) rows.add(rawFeatures[i], i + 1);
  return rows.finish(name, file);
}

/**
 * A skimmed row as the keep test sees it: each field asked for is parsed from its own bytes, so a row left
 * out never has its text decoded. A class, not a closure per row (see ParsedRow).
 */
class SkimmedRow implements RowSummary {
  private parsed: Record<string, FieldValue> | undefined;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly skimmed: Skimmed,
  ) {}

  field(name: string): FieldValue | undefined {
    const { bytes, skimmed } = this;
    if (skimmed.propertiesFrom < 0 || UNSAFE_KEYS.has(name)) return undefined;
    const members = skimmed.members;
    if (!members) {
      // Not an object, or a name with an escape: the whole value, read as a parsed row reads it.
      this.parsed ??= flatProperties(parseJsonKeepingLongIntegers(utf8.decode(bytes.subarray(skimmed.propertiesFrom, skimmed.propertiesTo))));
      return Object.hasOwn(this.parsed, name) ? this.parsed[name] : undefined;
    }
    // The last member of that name, as JSON.parse keeps the last of duplicates; in other letter case only
    // when there is none (as upperCaseFields reads a parsed row).
    for (const ignoreCase of [false, true]) {
      for (let k = members.length - 4; k >= 0; k -= 4) {
        if (!isName(bytes, members[k] as number, members[k + 1] as number, name, ignoreCase)) continue;
        const value = fieldValue(bytes, members[k + 2] as number, members[k + 3] as number);
        return isScalar(value) ? value : JSON.stringify(value);
      }
    }
    return undefined;
  }

  box(): BBox {
    return this.skimmed.box;
  }
}

/**
 * A field's value from its bytes (checked JSON already): short ASCII text without escapes and the three
 * words directly, as most codes are (`"X2121"`, `null`); anything else through the decoder and JSON.parse.
 */
function fieldValue(bytes: Uint8Array, from: number, to: number): unknown {
  const first = bytes[from];
  if (first === 0x22 && to - from <= 34) {
    let text = '';
    for (let k = from + 1; k < to - 1; k++) {
      const c = bytes[k] as number;
      if (c === 0x5c || c >= 0x80) return JSON.parse(utf8.decode(bytes.subarray(from, to))) as unknown;
      text += String.fromCharCode(c);
    }
    return text;
  }
  if (first === 0x6e) return null;
  if (first === 0x74) return true;
  if (first === 0x66) return false;
  return parseJsonKeepingLongIntegers(utf8.decode(bytes.subarray(from, to)));
}

const encodedNames = new Map<string, Uint8Array>();

/** Whether bytes [from, to) are `name` in UTF-8. */
/** Whether the bytes are `name` (an upper-case field name), ASCII letters in either case with `ignoreCase`. */
function isName(bytes: Uint8Array, from: number, to: number, name: string, ignoreCase: boolean): boolean {
  let encoded = encodedNames.get(name);
  if (!encoded) encodedNames.set(name, (encoded = new TextEncoder().encode(name)));
  if (to - from !== encoded.length) return false;
  for (let k = 0; k < encoded.length; k++) {
    const c = bytes[from + k] as number;
    if (c !== encoded[k] && !(ignoreCase && c >= 0x61 && c <= 0x7a && c - 0x20 === encoded[k])) return false;
  }
  return true;
}

/** The rows of one layer as they are read: checked, counted, turned into lon/lat, kept or left out. */
class LayerRows {
  private readonly features: PackageFeature[] = [];
  private readonly skipped: string[] = [];
  private polygons = 0;
  private crs: Crs | undefined;
  private swapAxes = false;
  /** The system read instead of the one the file's `crs` member says, when the two differ only by the zone prefix. */
  private prefixCorrected: GkCrs | null = null;
  /** Rows whose rings that enclose nothing were left out. */
  private readonly shortRings: number[] = [];
  /** Fields named by their Chinese aliases (field-aliases.ts): decided by the first polygon's properties. */
  private renames: AliasRenames | null | undefined;

  constructor(
    private readonly name: PackageLayerName,
    private readonly keep: KeepRow | undefined,
    private readonly said: SaidCrs | null,
  ) {}

  /** Whether rows may be skimmed first: only to leave rows out, once the first polygon has shown lon/lat, and under the catalogue's field names. */
  get skims(): boolean {
    return this.keep !== undefined && this.crs?.kind === 'lonlat' && this.renames === null;
  }

  /** True when a skimmed row is left out (it is counted as read); false when it is to be parsed and kept. */
  leftOut(bytes: Uint8Array, skimmed: Skimmed): boolean {
    if (!this.keep || this.keep(new SkimmedRow(bytes, skimmed))) return false;
    this.polygons++;
    return true;
  }

  add(raw: unknown, recordNo: number): void {
    const geometry = isObject(raw) ? raw.geometry : undefined;
    if (!isObject(geometry) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      this.skipped.push(`#${recordNo} ${isObject(geometry) ? String(geometry.type) : 'no geometry'}`);
      return;
    }
    if (!(geometry.type === 'Polygon' ? isPolygonCoordinates(geometry.coordinates) : isMultiPolygonCoordinates(geometry.coordinates))) {
      this.skipped.push(`#${recordNo} bad coordinates`);
      return;
    }
    // Empty holes and parts, and rings too short to enclose anything, are left out as the editor's import
    // leaves them out (storable-geometry.ts), not the whole parcel: GDAL reads such a row as the polygon it
    // is, and without it the check found a false gap where the parcel was. A polygon that encloses nothing
    // at all stays as it was for geometry-valid to name (an empty ring there is nothing to read).
    const read = geometry as unknown as Polygon | MultiPolygon;
    const polygon = storableGeometry(read) ?? (hasEmptyRing(read) ? null : read);
    if (!polygon) {
      this.skipped.push(`#${recordNo} bad coordinates`);
      return;
    }
    if (polygon !== read) this.shortRings.push(recordNo);
    this.polygons++;
    const crs = (this.crs ??= this.crsOfRows(polygon));
    if (crs.kind === 'unknown' || crs.kind === 'contradicted') return; // the layer is refused in finish()
    const placed = this.swapAxes ? swappedAxes(polygon) : polygon;
    const properties = flatProperties((raw as Json).properties);
    const renames = this.renames === undefined ? (this.renames = aliasRenames(this.name, Object.keys(properties))) : this.renames;
    const row: PackageFeature = { recordNo, geometry: crs.kind === 'gk' ? reproject(placed, crs.crs) : placed, properties: renames ? renamedFields(properties, renames) : properties };
    if (!this.keep || this.keep(new ParsedRow(row))) this.features.push(row);
  }

  /**
   * The system of every row, from the first polygon: as said when its numbers fit, else as they show. A
   * system named by an OGC URN or URI whose numbers fit only latitude/northing first is read in that order,
   * as the EPSG defines it and the layer import does (formats/georeference.ts).
   */
  private crsOfRows(first: Polygon | MultiPolygon): Crs {
    const seen = projectedCrs(first);
    if (!this.said || fits(this.said.crs, seen)) return this.said?.crs ?? seen;
    if (this.said.axisOrderName && fits(this.said.crs, projectedCrs(swappedAxes(first)))) {
      this.swapAxes = true;
      return this.said.crs;
    }
    const corrected = this.zonePrefixCorrected(first);
    if (corrected) {
      this.prefixCorrected = corrected;
      return { kind: 'gk', crs: corrected };
    }
    const p = (first.type === 'Polygon' ? first.coordinates[0]?.[0] : first.coordinates[0]?.[0]?.[0]) as Position;
    return { kind: 'contradicted', x: p[0] as number, y: p[1] as number };
  }

  /**
   * The said zone with the prefix the numbers show (or without the one they lack), decided as for a `.prj`
   * (georeference.ts): only for the file's own member, not a system the planner chose, and only when the
   * numbers carry that zone's prefix or none, so 39,xxx,xxx under a zone 40 member stays refused. The
   * region is any: the package reader places GK numbers without a region check, as when the member fits.
   */
  private zonePrefixCorrected(first: Polygon | MultiPolygon): GkCrs | null {
    if (!this.said?.fromMember || this.said.crs.kind !== 'gk') return null;
    const extent = new ExtentBuilder();
    extent.addGeometry(first);
    const box = extent.extent();
    const corrected = box ? zonePrefixCorrected(box, gk(this.said.crs.crs), 'any') : undefined;
    return corrected ? { zone: corrected.zone, zonePrefix: corrected.zonePrefix } : null;
  }

  finish(name: PackageLayerName, file: string): Result<PackageLayer> {
    const notes: Message[] = [];
    if (this.skipped.length) notes.push({ key: 'package.skippedFeatures', params: { file, count: this.skipped.length, list: this.skipped.slice(0, MAX_LISTED).join('; ') } });
    if (this.renames) notes.push(aliasNote(file, this.renames));
    if (this.shortRings.length) notes.push({ key: 'io.import.shortRings', params: { file, count: this.shortRings.length, list: listSome(this.shortRings.map((n) => `#${n}`)) } });
    const crs = this.crs;
    if (crs?.kind === 'unknown') return failure('package.unknownCoordinates', { file });
    if (crs?.kind === 'contradicted') return failure('package.crsContradicted', { file, crs: this.said?.name ?? '', x: crs.x, y: crs.y });
    if (crs?.kind === 'gk' && !crs.crs.zonePrefix && !this.said) notes.push({ key: 'package.assumedZone', params: { file, zone: crs.crs.zone } });
    if (this.prefixCorrected && this.said?.crs.kind === 'gk') {
      notes.push({ key: 'io.crs.zonePrefixCorrectedMember', params: { file, declared: this.said.name, crs: describeCrs(gk(this.prefixCorrected)) } });
    }
    if (this.swapAxes && this.said) notes.push({ key: 'io.crs.epsgAxisOrder', params: { file, name: this.said.axisOrderName ?? '', crs: this.said.name } });
    return { ok: true, value: { name, file, features: this.features, rows: this.polygons }, notes };
  }
}

/** The polygon with each position's first two numbers exchanged. */
function swappedAxes<G extends Polygon | MultiPolygon>(geometry: G): G {
  return mapPositions(geometry, (p) => [p[1] as number, p[0] as number, ...p.slice(2)]);
}

function hasEmptyRing(geometry: Polygon | MultiPolygon): boolean {
  return polygonsOf(geometry).some((rings) => rings.length === 0 || rings.some((ring) => ring.length === 0));
}

function isMultiPolygonCoordinates(polygons: unknown): boolean {
  if (!Array.isArray(polygons) || polygons.length === 0) return false;
  for (const rings of polygons) if (!isPolygonCoordinates(rings, true)) return false;
  return true;
}

/**
 * Rings of positions of two finite numbers (more positions are checked by the rules). Empty rings (and,
 * in a multipolygon, empty parts) pass, to be left out by storableGeometry; a polygon needs a ring.
 */
function isPolygonCoordinates(rings: unknown, emptyAllowed = false): boolean {
  if (!Array.isArray(rings) || (rings.length === 0 && !emptyAllowed)) return false;
  for (const ring of rings) {
    if (!Array.isArray(ring)) return false;
    for (const p of ring) {
      if (!Array.isArray(p) || p.length < 2) return false;
      const x: unknown = p[0];
      const y: unknown = p[1];
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return false;
    }
  }
  return true;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const isScalar = (value: unknown): value is FieldValue => value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * Scalar properties only, under upper-case names (upperCaseFields); nested values are kept as their JSON
 * text (a package's fields are flat). A record
 * that is already flat and safe is kept as JSON.parse made it (no copy of 24,000 records per layer);
 * otherwise copied without `__proto__`, `constructor` and `prototype`, which later spreads would turn
 * into the prototype rather than data.
 */
function flatProperties(raw: unknown): Record<string, FieldValue> {
  return isObject(raw) ? upperCaseFields(scalarProperties(raw)) : {};
}

function scalarProperties(raw: Record<string, unknown>): Record<string, FieldValue> {
  const keys = Object.keys(raw);
  let flat = true;
  for (const key of keys) {
    if (UNSAFE_KEYS.has(key) || !isScalar(raw[key])) {
      flat = false;
      break;
    }
  }
  if (flat) return raw as Record<string, FieldValue>;
  const out: Record<string, FieldValue> = {};
  for (const key of keys) {
    if (UNSAFE_KEYS.has(key)) continue;
    const value = raw[key];
    out[key] = isScalar(value) ? value : JSON.stringify(value);
  }
  return out;
}

type Crs = { kind: 'lonlat' } | { kind: 'gk'; crs: GkCrs } | { kind: 'unknown' } | { kind: 'contradicted'; x: number; y: number };

/** The system a layer's rows are said to be in: by the reader (--crs) or by the file's `crs` member. */
interface SaidCrs {
  readonly crs: Crs;
  /** As notes show it (describeCrs). */
  readonly name: string;
  /** The `crs` member's name when it is an OGC URN or URI (GeoServer's urn:ogc:def:crs:EPSG::4490): those put latitude/northing first. */
  readonly axisOrderName: string | null;
  /** Said by the file's `crs` member, not chosen by the reader: only then is a zone prefix slip corrected. */
  readonly fromMember: boolean;
}

/** What the reader was given, else what the file's `crs` member names (a name the formats do not know is refused); null when neither says. */
function saidCrs(file: string, member: unknown, chosen: SourceCrs | undefined): Result<SaidCrs | null> {
  const named = chosen ?? (member === undefined || member === null ? null : crsFromName(legacyCrsName(member) ?? ''));
  if (named === null) return { ok: true, value: null, notes: [] };
  if (named === undefined) return failure('io.crs.unsupported', { file, name: legacyCrsName(member) ?? JSON.stringify(member) });
  const crs: Crs = named.kind === 'geographic' ? { kind: 'lonlat' } : { kind: 'gk', crs: { zone: named.zone, zonePrefix: named.zonePrefix } };
  const memberName = chosen ? null : legacyCrsName(member);
  return { ok: true, value: { crs, name: describeCrs(named), axisOrderName: namesEpsgAxisOrder(memberName) ? memberName : null, fromMember: !chosen }, notes: [] };
}

/** Lon/lat, or Gauss-Krüger recognised from the coordinate range (domain.md §7: x ≈ 40,xxx,xxx → zone 40). */
function projectedCrs(first: Polygon | MultiPolygon): Crs {
  const p = first.type === 'Polygon' ? first.coordinates[0]?.[0] : first.coordinates[0]?.[0]?.[0];
  if (!p) return { kind: 'lonlat' };
  const x = p[0] as number;
  const y = p[1] as number;
  if (Math.abs(x) <= 180 && Math.abs(y) <= 90) return { kind: 'lonlat' };
  const zone = Math.floor(x / 1e6);
  if (zone === 39 || zone === 40 || zone === 41) return { kind: 'gk', crs: { zone: zone as GkZone, zonePrefix: true } };
  // Without the zone prefix the zone cannot be read off; most of Zhejiang is zone 40 (CM 120°E).
  if (x > 0 && x < 1e6 && y > 2e6 && y < 5e6) return { kind: 'gk', crs: { zone: 40, zonePrefix: false } };
  return { kind: 'unknown' };
}

/** A said system fits the numbers when they are of its kind: lon/lat, or GK with the same zone prefix (or none, which shows no zone). */
function fits(said: Crs, seen: Crs): boolean {
  if (said.kind === 'gk' && seen.kind === 'gk') return said.crs.zonePrefix === seen.crs.zonePrefix && (!said.crs.zonePrefix || said.crs.zone === seen.crs.zone);
  return said.kind === seen.kind;
}

function reproject(geometry: Polygon | MultiPolygon, crs: GkCrs): Polygon | MultiPolygon {
  const ring = (r: Position[]) => r.map((p) => fromGaussKruger(p, crs) as Position);
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map(ring)) };
}

