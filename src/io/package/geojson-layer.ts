/**
 * One package layer from GeoJSON text: a FeatureCollection (or a single Feature) of polygons with flat
 * properties. Features that are not polygons or have unusable coordinates are skipped with a note naming
 * the record; a file that is not GeoJSON at all is an error naming the file. Gauss-Krüger coordinates
 * (CGCS2000 3° zones 39–41, with or without the zone prefix) are turned into lon/lat.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Message, Result } from '../../domain/message.ts';
import { fromGaussKruger, type GkCrs, type GkZone } from '../../geo/projection.ts';
import type { FieldValue, PackageFeature, PackageLayer, PackageLayerName } from './package-layers.ts';

const MAX_LISTED = 5;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseGeoJsonLayer(name: PackageLayerName, file: string, text: string): Result<PackageLayer> {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return fail('package.notJson', { file, detail: error instanceof Error ? error.message : String(error) });
  }
  const rawFeatures = isObject(root) && root.type === 'FeatureCollection' && Array.isArray(root.features) ? root.features : isObject(root) && root.type === 'Feature' ? [root] : null;
  if (!rawFeatures) return fail('package.notFeatureCollection', { file });

  const skipped: string[] = [];
  const polygons: { recordNo: number; geometry: Polygon | MultiPolygon; properties: Record<string, FieldValue> }[] = [];
  rawFeatures.forEach((raw: unknown, i: number) => {
    const recordNo = i + 1;
    const geometry = isObject(raw) ? raw.geometry : undefined;
    if (!isObject(geometry) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      skipped.push(`#${recordNo} ${isObject(geometry) ? String(geometry.type) : 'no geometry'}`);
      return;
    }
    const coordinates = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    if (!Array.isArray(coordinates) || coordinates.length === 0 || !coordinates.every(isPolygonCoordinates)) {
      skipped.push(`#${recordNo} bad coordinates`);
      return;
    }
    polygons.push({ recordNo, geometry: geometry as unknown as Polygon | MultiPolygon, properties: flatProperties(isObject(raw) ? raw.properties : undefined) });
  });

  const notes: Message[] = [];
  if (skipped.length) notes.push({ key: 'package.skippedFeatures', params: { file, count: skipped.length, list: skipped.slice(0, MAX_LISTED).join('; ') } });
  const crs = projectedCrs(polygons.map((p) => p.geometry));
  if (crs.kind === 'unknown') return fail('package.unknownCoordinates', { file });
  if (crs.kind === 'gk' && !crs.crs.zonePrefix) notes.push({ key: 'package.assumedZone', params: { file, zone: crs.crs.zone } });
  const features: PackageFeature[] = polygons.map((p) => ({ ...p, geometry: crs.kind === 'gk' ? reproject(p.geometry, crs.crs) : p.geometry }));
  return { ok: true, value: { name, file, features }, notes };
}

function isPolygonCoordinates(rings: unknown): boolean {
  return Array.isArray(rings) && rings.length > 0 && rings.every((ring) => Array.isArray(ring) && ring.length > 0 && ring.every((p) => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1])));
}

/** Scalar properties only; nested values are kept as their JSON text (a package's fields are flat). */
function flatProperties(raw: unknown): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  if (!isObject(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    out[key] = value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
  }
  return out;
}

type Crs = { kind: 'lonlat' } | { kind: 'gk'; crs: GkCrs } | { kind: 'unknown' };

/** Lon/lat, or Gauss-Krüger recognised from the coordinate range (domain.md §7: x ≈ 40,xxx,xxx → zone 40). */
function projectedCrs(geometries: readonly (Polygon | MultiPolygon)[]): Crs {
  const first = geometries[0];
  const p = first ? (first.type === 'Polygon' ? first.coordinates[0]?.[0] : first.coordinates[0]?.[0]?.[0]) : undefined;
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
