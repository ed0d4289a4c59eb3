/**
 * A real coverage for the coverage rules' tests and benchmark, made by nobody on this project: the 90
 * districts of Zhejiang (tests/fixtures/third-party/zhejiang-districts-utf8-noprj, provenance in its
 * README; 117,550 vertices, islands, up to 81 parts; neighbours share 42,264 vertices exactly), read as the
 * survey parcels of one "village" whose boundary is the outline of their union, and a defect made the way
 * real ones are made: a vertex two districts share, moved in one of them only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Position } from 'geojson';
import type { AreaGeometry } from '../../src/domain/features.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { feature, planWith } from '../../src/domain/test-support.ts';
import { unionOf } from '../../src/geo/geos/coverage-overlay.ts';
import { metresPerDegree } from '../../src/geo/local-metric.ts';
import { mapRings } from '../../src/geo/rings.ts';
import { readShp } from '../../src/io/shapefile/shp-read.ts';

export const DISTRICTS_SHP = fileURLToPath(new URL('../../tests/fixtures/third-party/zhejiang-districts-utf8-noprj/浙江省.shp', import.meta.url));

/** The districts' outlines in record order, lon/lat as the file has them. */
export function zhejiangDistricts(): AreaGeometry[] {
  const shx = DISTRICTS_SHP.replace(/\.shp$/, '.shx');
  const read = readShp(new Uint8Array(readFileSync(DISTRICTS_SHP)), new Uint8Array(readFileSync(shx)), { shp: '浙江省.shp', shx: '浙江省.shx' });
  if (!read.ok) throw new Error(`${DISTRICTS_SHP}: ${read.error.key}`);
  return read.value.geometries as AreaGeometry[];
}

/** The districts as base parcels of one plan, bounded by the outline of their union (holes filled: none is an enclave). Needs GEOS loaded. */
export function districtsPlan(districts: readonly AreaGeometry[]): Plan {
  const flat = districts.map((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((polygon) => polygon.map((ring) => Float64Array.from(ring.flat()))));
  const outlines = unionOf(flat).map((polygon) => {
    const shell = polygon[0] as Float64Array;
    return [Array.from({ length: shell.length / 2 }, (_, i): Position => [shell[2 * i] as number, shell[2 * i + 1] as number])];
  });
  const boundary: MultiPolygon = { type: 'MultiPolygon', coordinates: outlines };
  return planWith([
    feature('boundary', 'province', boundary, { villageCode: '330000000000', villageName: '浙江省' }),
    ...districts.map((geometry, k) => feature('base', `d${k}`, geometry, { parcelNo: String(k), classCode: '111' })),
  ]);
}

/** The district with vertex `index` of its first ring moved `metres` east (in this district only). */
export function withVertexMovedEast(district: AreaGeometry, index: number, metres: number): AreaGeometry {
  return mapRings(district, (ring, at) => {
    if (at.polygonIndex !== 0 || at.ringIndex !== 0) return [...ring];
    const moved = ring.map((p, i) => (i === index ? [(p[0] as number) + metres / metresPerDegree(p[1] as number).x, p[1] as number] : p));
    return index === 0 ? [...moved.slice(0, -1), moved[0] as Position] : moved;
  });
}

/** Districts 5 (南湖区), 7 (海盐县) and 61 (龙游县), vertex 11 of each: shared with one neighbour, as are the vertices either side. */
export const PLANTED_DISTRICT_VERTICES: readonly (readonly [district: number, vertex: number])[] = [
  [5, 11],
  [7, 11],
  [61, 11],
];

/** The districts with each planted vertex moved 3 m east. */
export function plantedDistricts(districts: readonly AreaGeometry[]): AreaGeometry[] {
  return districts.map((geometry, k) => {
    const planted = PLANTED_DISTRICT_VERTICES.find(([district]) => district === k);
    return planted ? withVertexMovedEast(geometry, planted[1], 3) : geometry;
  });
}
