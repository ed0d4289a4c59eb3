/**
 * GeoJSON structure checks (RFC 7946), each failure as a message that names the file, the feature and
 * the fix. Strict where a reading would be a guess (string coordinates, wrong nesting, unknown or
 * wrongly spelt types, nested GeometryCollections); tolerant where the meaning is plain (a missing
 * `properties`, an `id` or `bbox` of the wrong kind, foreign members), with a note. Ring closure, ring
 * size and self-intersection are not structure: polygons are kept as they are and their validity is
 * listed later, where a repair can be offered.
 */
import type { Geometry, Position } from 'geojson';
import { emptyProperties, plainJson, type Properties } from '../formats/properties.ts';
import { failure, success, type Message, type Result } from '../result.ts';

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'] as const;
const ALL_TYPES = ['FeatureCollection', 'Feature', ...GEOMETRY_TYPES];

export interface ParsedFeature {
  readonly geometry: Geometry | null;
  readonly properties: Properties;
  readonly recordNo: number;
}

/** Tolerated oddities, counted, for the notes. */
interface Tolerated {
  noProperties: number;
  badId: number;
  badBbox: number;
  readonly foreignMembers: Set<string>;
}

export interface ParsedGeoJson {
  readonly features: readonly ParsedFeature[];
  /** The legacy (GeoJSON 2008) `crs` member's name, e.g. `urn:ogc:def:crs:EPSG::4528`. */
  readonly crsName: string | null;
  readonly tolerated: Readonly<Tolerated>;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

class StructureError {
  constructor(readonly key: string, readonly params: Record<string, string | number>) {}
}

/** Members that change meaning when they appear on the wrong object (RFC 7946 §7.1). */
const MEMBERS_OF: Record<string, readonly string[]> = {
  FeatureCollection: ['type', 'features', 'bbox', 'crs'],
  Feature: ['type', 'id', 'geometry', 'properties', 'bbox'],
};
const SEMANTIC_MEMBERS = ['type', 'features', 'geometry', 'properties', 'coordinates', 'geometries'];

export function parseGeoJsonStructure(root: unknown, file: string): Result<ParsedGeoJson> {
  const tolerated: Tolerated = { noProperties: 0, badId: 0, badBbox: 0, foreignMembers: new Set<string>() };
  try {
    if (!isObject(root)) throw new StructureError('io.geojson.rootNotObject', { file, found: kindOf(root) });
    const type = checkType(root, 1, file);
    const crsName = legacyCrsName(root.crs);
    checkBbox(root, tolerated);
    let features: ParsedFeature[];
    if (type === 'FeatureCollection') {
      noteForeign(root, MEMBERS_OF.FeatureCollection as readonly string[], tolerated);
      if (!Array.isArray(root.features)) throw new StructureError('io.geojson.noFeatureList', { file, found: kindOf(root.features) });
      features = root.features.map((f, i) => parseFeature(f, i + 1, file, tolerated));
    } else if (type === 'Feature') {
      features = [parseFeature(root, 1, file, tolerated)];
    } else {
      noteForeign(root, ['type', 'coordinates', 'geometries', 'bbox', 'crs'], tolerated);
      features = [{ geometry: parseGeometry(root, 1, file, 0), properties: emptyProperties(), recordNo: 1 }];
    }
    return success({ features, crsName, tolerated });
  } catch (error) {
    if (error instanceof StructureError) return failure(error.key, error.params);
    throw error;
  }
}

export function toleratedNotes(file: string, t: ParsedGeoJson['tolerated']): Message[] {
  const notes: Message[] = [];
  if (t.noProperties) notes.push({ key: 'io.geojson.noProperties', params: { file, count: t.noProperties } });
  if (t.badId) notes.push({ key: 'io.geojson.badId', params: { file, count: t.badId } });
  if (t.badBbox) notes.push({ key: 'io.geojson.badBbox', params: { file, count: t.badBbox } });
  if (t.foreignMembers.size) notes.push({ key: 'io.geojson.foreignMembers', params: { file, members: [...t.foreignMembers].join(', ') } });
  return notes;
}

function checkType(value: Json, feature: number, file: string): string {
  const type = value.type;
  if (type === undefined) throw new StructureError('io.geojson.noType', { file, feature });
  if (typeof type !== 'string') throw new StructureError('io.geojson.unknownType', { file, feature, type: JSON.stringify(type) });
  if (!ALL_TYPES.includes(type)) {
    const correct = ALL_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
    if (correct) throw new StructureError('io.geojson.wrongCase', { file, feature, type, correct });
    throw new StructureError('io.geojson.unknownType', { file, feature, type });
  }
  return type;
}

function noteForeign(value: Json, allowed: readonly string[], tolerated: Tolerated): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key) && SEMANTIC_MEMBERS.includes(key)) tolerated.foreignMembers.add(key);
}

function checkBbox(value: Json, tolerated: Tolerated): void {
  const bbox = value.bbox;
  if (bbox === undefined) return;
  const ok = Array.isArray(bbox) && (bbox.length === 4 || bbox.length === 6) && bbox.every((v) => typeof v === 'number');
  if (!ok) tolerated.badBbox++;
}

/**
 * The legacy `crs` member's name, or null when it names none: GeoJSON 2008's named CRS, and the older
 * draft's `{"type":"EPSG","properties":{"code":4550}}` and `{"type":"OGC","properties":{"urn":…}}`, which
 * GDAL still reads and older web tools still write.
 */
export function legacyCrsName(crs: unknown): string | null {
  if (!isObject(crs) || !isObject(crs.properties)) return null;
  const { name, code, urn } = crs.properties;
  if (typeof name === 'string') return name;
  if (crs.type === 'EPSG' && (typeof code === 'number' || typeof code === 'string') && /^\d+$/.test(String(code))) return `EPSG:${code}`;
  return crs.type === 'OGC' && typeof urn === 'string' ? urn : null;
}

function parseFeature(value: unknown, feature: number, file: string, tolerated: Tolerated): ParsedFeature {
  if (!isObject(value)) throw new StructureError('io.geojson.featureNotObject', { file, feature, found: kindOf(value) });
  const type = checkType(value, feature, file);
  if (type !== 'Feature') throw new StructureError('io.geojson.notAFeature', { file, feature, type });
  noteForeign(value, MEMBERS_OF.Feature as readonly string[], tolerated);
  checkBbox(value, tolerated);
  if (value.id !== undefined && typeof value.id !== 'string' && typeof value.id !== 'number') tolerated.badId++;
  if (!('geometry' in value)) throw new StructureError('io.geojson.noGeometryMember', { file, feature });
  let properties: Properties;
  if (value.properties === undefined) {
    tolerated.noProperties++;
    properties = emptyProperties();
  } else if (value.properties === null) {
    properties = emptyProperties();
  } else if (isObject(value.properties)) {
    properties = plainJson(value.properties) as Properties;
  } else {
    throw new StructureError('io.geojson.propertiesNotObject', { file, feature, found: kindOf(value.properties) });
  }
  // A text id (a WFS's "DLTB.7") is the feature's name in the system it came from: kept as a field `id`,
  // as GDAL keeps it, unless the properties have one. A number id is only a record number (GDAL's FID).
  if (typeof value.id === 'string' && !Object.hasOwn(properties, 'id')) properties = { ...properties, id: value.id } as Properties;
  const geometry = value.geometry === null ? null : parseGeometry(value.geometry, feature, file, 0);
  return { geometry, properties, recordNo: feature };
}

function parseGeometry(value: unknown, feature: number, file: string, depth: number): Geometry {
  if (!isObject(value)) throw new StructureError('io.geojson.geometryNotObject', { file, feature, found: kindOf(value) });
  const type = checkType(value, feature, file);
  // What is wrong is a message of its own, so that it is read in the planner's language too.
  const bad: Bad = (detailKey, params = {}) => new StructureError('io.geojson.badCoordinates', { file, feature, type, detailKey, ...params });
  if (type === 'GeometryCollection') {
    if (depth > 0) throw new StructureError('io.geojson.nestedCollection', { file, feature });
    if (!Array.isArray(value.geometries)) throw bad('io.geojson.geometriesNotList');
    return { type, geometries: value.geometries.map((g) => parseGeometry(g, feature, file, depth + 1)) };
  }
  if (!(GEOMETRY_TYPES as readonly string[]).includes(type)) throw new StructureError('io.geojson.notAGeometry', { file, feature, type });
  if (!('coordinates' in value)) throw bad('io.geojson.noCoordinates');
  const c = value.coordinates;
  switch (type) {
    case 'Point':
      return { type, coordinates: position(c, bad) };
    case 'MultiPoint':
      return { type, coordinates: list(c, bad, (p) => position(p, bad)) };
    case 'LineString':
      return { type, coordinates: line(c, bad) };
    case 'MultiLineString':
      return { type, coordinates: list(c, bad, (l) => line(l, bad)) };
    case 'Polygon':
      return { type, coordinates: list(c, bad, (r) => list(r, bad, (p) => position(p, bad))) };
    default:
      return { type: 'MultiPolygon', coordinates: list(c, bad, (poly) => list(poly, bad, (r) => list(r, bad, (p) => position(p, bad)))) };
  }
}

/** A coordinate problem: the key of its detail, and the detail's parameters. */
type Bad = (detailKey: string, params?: Record<string, string | number>) => StructureError;

function list<T>(value: unknown, bad: Bad, item: (v: unknown) => T): T[] {
  if (!Array.isArray(value)) throw bad('io.geojson.notAList', { found: kindOf(value), value: short(value) });
  return value.map(item);
}

function line(value: unknown, bad: Bad): Position[] {
  const positions = list(value, bad, (p) => position(p, bad));
  if (positions.length < 2) throw bad('io.geojson.shortLine', { count: positions.length });
  return positions;
}

/** [x, y], further values (altitude…) dropped: the plan is 2-D. */
function position(value: unknown, bad: Bad): Position {
  if (!Array.isArray(value)) throw bad('io.geojson.notAPosition', { found: kindOf(value), value: short(value) });
  if (value.length < 2) throw bad('io.geojson.noXY', { value: short(value) });
  if (!value.every((v) => typeof v === 'number')) throw bad('io.geojson.notNumbers', { value: short(value) });
  return [value[0] as number, value[1] as number];
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
