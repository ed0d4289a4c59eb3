/**
 * One package layer from GeoJSON text: a FeatureCollection (or a single Feature) of polygons with flat
 * properties. Features that are not polygons or have unusable coordinates are skipped with a note naming
 * the record; a file that is not GeoJSON at all is an error naming the file. Gauss-Krüger coordinates
 * (CGCS2000 3° zones 39–41, with or without the zone prefix) are turned into lon/lat.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Message, Result } from '../../domain/message.ts';
import { fromGaussKruger, type GkCrs, type GkZone } from '../../geo/projection.ts';
import type { BBox } from '../../geo/bbox.ts';
import { BROKEN, FeatureCursor } from './geojson-features.ts';
import { skimFeature, type Skimmed } from './geojson-skim.ts';
import type { FieldValue, KeepRow, PackageFeature, PackageLayer, PackageLayerName, RowSummary } from './package-layers.ts';
import { ParsedRow } from './rows-used.ts';

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
export function readGeoJsonLayer(name: PackageLayerName, file: string, bytes: Uint8Array, keep?: KeepRow): Result<PackageLayer> {
  const cursor = FeatureCursor.open(bytes);
  const read = cursor ? readPieces(name, file, bytes, cursor, keep) : null;
  if (read) return read;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    // RFC 7946 GeoJSON is UTF-8; a package's GeoJSON in another encoding is not one the province accepts.
    return fail('package.notUtf8', { file });
  }
  return parseGeoJsonLayer(name, file, text, keep);
}

/** The layer from its pieces, or null to parse the file whole instead. */
function readPieces(name: PackageLayerName, file: string, bytes: Uint8Array, cursor: FeatureCursor, keep: KeepRow | undefined): Result<PackageLayer> | null {
  const rows = new LayerRows(keep);
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
        if (rows.leftOut(skimmed)) {
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
      return fail('package.notUtf8', { file });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(piece);
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
    return fail('package.notUtf8', { file });
  }
  let envelope: unknown;
  try {
    envelope = JSON.parse(envelopeText);
  } catch {
    return null;
  }
  if (!isObject(envelope) || envelope.type !== 'FeatureCollection' || !Array.isArray(envelope.features) || envelope.features.length !== 0) return null;
  return rows.finish(name, file);
}

/** A layer from GeoJSON text already decoded. */
export function parseGeoJsonLayer(name: PackageLayerName, file: string, text: string, keep?: KeepRow): Result<PackageLayer> {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return fail('package.notJson', { file, detail: error instanceof Error ? error.message : String(error) });
  }
  const rawFeatures: unknown = isObject(root) && root.type === 'FeatureCollection' && Array.isArray(root.features) ? root.features : isObject(root) && root.type === 'Feature' ? [root] : null;
  if (!Array.isArray(rawFeatures)) return fail('package.notFeatureCollection', { file });
  const rows = new LayerRows(keep);
  for (let i = 0; i < rawFeatures.length; i++) rows.add(rawFeatures[i], i + 1);
  return rows.finish(name, file);
}

/** A skimmed row as the keep test sees it (a class, not a closure per row: see ParsedRow). */
class SkimmedRow implements RowSummary {
  constructor(
    readonly properties: Readonly<Record<string, FieldValue>>,
    private readonly skimmedBox: BBox,
  ) {}

  box(): BBox {
    return this.skimmedBox;
  }
}

/** The rows of one layer as they are read: checked, counted, turned into lon/lat, kept or left out. */
class LayerRows {
  private readonly features: PackageFeature[] = [];
  private readonly skipped: string[] = [];
  private polygons = 0;
  /** Decided by the first polygon, as every row of a file is in one system. */
  private crs: Crs | undefined;

  constructor(private readonly keep: KeepRow | undefined) {}

  /** Whether rows may be skimmed first: only to leave rows out, and once the first polygon has shown lon/lat. */
  get skims(): boolean {
    return this.keep !== undefined && this.crs?.kind === 'lonlat';
  }

  /** True when a skimmed row is left out (it is counted as read); false when it is to be parsed and kept. */
  leftOut(skimmed: Skimmed): boolean {
    const properties = flatProperties(skimmed.properties);
    if (!this.keep || this.keep(new SkimmedRow(properties, skimmed.box))) return false;
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
    this.polygons++;
    const polygon = geometry as unknown as Polygon | MultiPolygon;
    const crs = (this.crs ??= projectedCrs(polygon));
    if (crs.kind === 'unknown') return; // the layer is refused in finish()
    const row: PackageFeature = { recordNo, geometry: crs.kind === 'gk' ? reproject(polygon, crs.crs) : polygon, properties: flatProperties((raw as Json).properties) };
    if (!this.keep || this.keep(new ParsedRow(row))) this.features.push(row);
  }

  finish(name: PackageLayerName, file: string): Result<PackageLayer> {
    const notes: Message[] = [];
    if (this.skipped.length) notes.push({ key: 'package.skippedFeatures', params: { file, count: this.skipped.length, list: this.skipped.slice(0, MAX_LISTED).join('; ') } });
    const crs = this.crs;
    if (crs?.kind === 'unknown') return fail('package.unknownCoordinates', { file });
    if (crs?.kind === 'gk' && !crs.crs.zonePrefix) notes.push({ key: 'package.assumedZone', params: { file, zone: crs.crs.zone } });
    return { ok: true, value: { name, file, features: this.features, rows: this.polygons }, notes };
  }
}

function isMultiPolygonCoordinates(polygons: unknown): boolean {
  if (!Array.isArray(polygons) || polygons.length === 0) return false;
  for (const rings of polygons) if (!isPolygonCoordinates(rings)) return false;
  return true;
}

/** At least one ring, each of at least one position of two finite numbers (more positions are checked by the rules). */
function isPolygonCoordinates(rings: unknown): boolean {
  if (!Array.isArray(rings) || rings.length === 0) return false;
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length === 0) return false;
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
 * Scalar properties only; nested values are kept as their JSON text (a package's fields are flat). A record
 * that is already flat and safe is kept as JSON.parse made it (no copy of 24,000 records per layer);
 * otherwise copied without `__proto__`, `constructor` and `prototype`, which later spreads would turn
 * into the prototype rather than data.
 */
function flatProperties(raw: unknown): Record<string, FieldValue> {
  if (!isObject(raw)) return {};
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

type Crs = { kind: 'lonlat' } | { kind: 'gk'; crs: GkCrs } | { kind: 'unknown' };

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

function reproject(geometry: Polygon | MultiPolygon, crs: GkCrs): Polygon | MultiPolygon {
  const ring = (r: Position[]) => r.map((p) => fromGaussKruger(p, crs) as Position);
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map(ring)) };
}

function fail<T>(key: string, params: Record<string, string | number>): Result<T> {
  return { ok: false, error: { key, params } };
}
