/**
 * The coverage rules on a real coverage nobody on this project made: the 90 districts of Zhejiang
 * (tests/fixtures/third-party/zhejiang-districts-utf8-noprj: 117,550 vertices, islands, up to 81 parts;
 * neighbours share 42,264 vertices exactly), read as the survey parcels of one "village" whose boundary is
 * the outline of their union. A real coverage that is clean must stay clean, also with every vertex of
 * every district moved independently by up to ±0.3 mm; a defect made the way real ones are made (one
 * shared vertex moved in one district only) must be found with the area PostGIS gives it.
 *
 * The expected figures are PostGIS 3.3's on the same planted districts (ogr2ogr into a table `d`, one row per
 * district, `k` its record number), areas on the ellipsoid:
 *   overlaps: SELECT a.k, b.k, ST_Area(ST_Intersection(a.geom, b.geom)::geography) FROM d a JOIN d b
 *             ON a.k < b.k AND ST_Intersects(a.geom, b.geom) — the two pairs above 0.001 m²;
 *   gaps:     the interior rings of ST_Union(geom), ST_Area(ST_MakePolygon(ring)::geography).
 * On the unplanted file the same queries give no overlap and no gap, and every district is ST_IsValid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiPolygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
import type { Plan } from '../domain/plan.ts';
import { feature, planWith } from '../domain/test-support.ts';
import { unionOf } from '../geo/geos/coverage-overlay.ts';
import { loadGeos } from '../geo/geos/geos-module.ts';
import { readShp } from '../io/shapefile/shp-read.ts';
import { THIRD_PARTY } from '../io/test-support.ts';
import { RuleEngine } from './engine.ts';
import { RULES } from './index.ts';
import type { Issue } from './issue.ts';

const COVERAGE_RULES = RULES.filter((rule) => ['no-gap', 'no-overlap', 'inside-village', 'geometry-valid'].includes(rule.id));
/** Degrees per metre at the districts' latitudes: a planted move of 3 m east, jitter of 0.3 mm. */
const DEG_PER_M_X = 1 / 97_000;
const DEG_PER_M_Y = 1 / 111_000;

let districts: AreaGeometry[];

beforeAll(async () => {
  await loadGeos();
  const folder = join(THIRD_PARTY, 'zhejiang-districts-utf8-noprj');
  const read = readShp(new Uint8Array(readFileSync(join(folder, '浙江省.shp'))), new Uint8Array(readFileSync(join(folder, '浙江省.shx'))), { shp: '浙江省.shp', shx: '浙江省.shx' });
  if (!read.ok) throw new Error(read.error.key);
  districts = read.value.geometries as AreaGeometry[];
});

const ringsOf = (geometry: AreaGeometry): Position[][] => (geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat());

/** Every ring's vertices mapped, the ring closed again on its first. */
function mapVertices(geometry: AreaGeometry, move: (p: Position) => Position): AreaGeometry {
  const ring = (r: Position[]) => {
    const moved = r.slice(0, -1).map(move);
    return [...moved, moved[0] as Position];
  };
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) } : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

/** The districts as parcels, with the outline of their union (holes filled: none are enclaves) as the boundary. */
function provincePlan(parcels: readonly AreaGeometry[]): Plan {
  const flat = parcels.map((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((polygon) => polygon.map((ring) => Float64Array.from(ring.flat()))));
  const outlines = unionOf(flat).map((polygon) => {
    const shell = polygon[0] as Float64Array;
    return [Array.from({ length: shell.length / 2 }, (_, i): Position => [shell[2 * i] as number, shell[2 * i + 1] as number])];
  });
  const boundary: MultiPolygon = { type: 'MultiPolygon', coordinates: outlines };
  return planWith([
    feature('boundary', 'province', boundary, { villageCode: '330000000000', villageName: '浙江省' }),
    ...parcels.map((geometry, k) => feature('base', `d${k}`, geometry, { parcelNo: String(k), classCode: '111' })),
  ]);
}

function coverageIssues(plan: Plan): Issue[] {
  return new RuleEngine(plan, COVERAGE_RULES).result().issues.filter((issue) => issue.severity !== 'notChecked');
}

/** A linear congruential sequence in [0, 1): the same jitter on every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe('the coverage rules on the real districts of Zhejiang', () => {
  it('find nothing on the clean coverage, nor with every vertex moved by up to ±0.3 mm', () => {
    expect(coverageIssues(provincePlan(districts))).toEqual([]);
    const next = sequence(2017);
    const jittered = districts.map((g) => mapVertices(g, ([x, y]) => [(x as number) + (next() * 2 - 1) * 0.0003 * DEG_PER_M_X, (y as number) + (next() * 2 - 1) * 0.0003 * DEG_PER_M_Y]));
    expect(coverageIssues(provincePlan(jittered))).toEqual([]);
  }, 60_000);

  it('find the gaps and overlaps of shared vertices moved 3 m in one district only, with PostGIS’s areas', () => {
    // Vertex 11 of the first ring of 南湖区 (record 5), 海盐县 (7) and 龙游县 (61): each shared with one
    // neighbour, as are the vertices on either side of it.
    const planted = districts.map((geometry, k) => {
      if (![5, 7, 61].includes(k)) return geometry;
      const ring = ringsOf(geometry)[0] as Position[];
      const shared = ring[11] as Position;
      return mapVertices(geometry, (p) => (p === shared ? [(p[0] as number) + 3 * DEG_PER_M_X, p[1] as number] : p));
    });
    const found = coverageIssues(provincePlan(planted)).map((issue) => [issue.rule, [...issue.features].sort().join('+'), issue.message.params['areaM2']]);
    expect(found.sort()).toEqual(
      [
        ['no-gap', 'd4+d5+d7', 35.38],
        ['no-gap', 'd5+d7+d8', 73.31],
        ['no-overlap', 'd4+d7', 53.79],
        ['no-overlap', 'd61+d70', 410.71],
      ].sort(),
    );
  }, 60_000);
});
