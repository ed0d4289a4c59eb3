/** A village of planned parcels for the shape commands' unit tests: a 3 × 3 grid of cells, exact or digitised apart. Not used by the app. */
import type { Polygon, Position } from 'geojson';
import type { AreaGeometry } from '../../domain/features.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { bsm } from '../../profiles/zhejiang-2026/layers.ts';
import type { VillageDatabase, VillageFeature } from '../../profiles/zhejiang-2026/village-database.ts';
import { cell, CELL, database, feature } from '../../rules/ydyh/test-support.ts';

export const XZQDM = '330106001001';
/** Metres in a degree of longitude near 30.2°N (enough for test shapes). */
export const M_LON = 96_290;
export const M_LAT = 110_860;
const ORIGIN = cell(0).coordinates[0]?.[0] as [number, number];

/** A point in cell units from the grid's corner. */
export const at = (x: number, y: number): Position => [ORIGIN[0] + x * CELL, ORIGIN[1] + y * CELL];

/** A rectangle in cell units from the grid's corner, counter-clockwise. */
export function rectangle(x0: number, y0: number, x1: number, y1: number): Polygon {
  return { type: 'Polygon', coordinates: [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]] };
}

/**
 * Cell (col, row) with vertices every ~10 m along each edge, each moved up to ±0.3 mm at random (seeded per
 * parcel): parcels digitised one by one in another program, neighbours' edges never quite the same.
 */
export function jittered(col: number, row: number, seed: number): Polygon {
  let state = seed;
  const random = () => ((state = (state * 48_271) % 2_147_483_647) / 2_147_483_647) * 2 - 1;
  const [[x0, y0], , [x1, y1]] = cell(col, row).coordinates[0] as [[number, number], Position, [number, number]];
  const corners: [number, number][] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
  const ring: Position[] = [];
  const steps = 10;
  corners.forEach(([fx, fy], i) => {
    const [tx, ty] = corners[(i + 1) % 4] as [number, number];
    for (let s = 0; s < steps; s++) ring.push([fx + (s / steps) * (tx - fx) + (random() * 0.0003) / M_LON, fy + (s / steps) * (ty - fy) + (random() * 0.0003) / M_LAT]);
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0] as Position]] };
}

export const area = (geometry: VillageFeature['geometry']) => ellipsoidalArea(geometry as AreaGeometry);
export const layerArea = (db: VillageDatabase) => (db.layers.GHDLTB?.features ?? []).reduce((sum, f) => sum + area(f.geometry), 0);

/** A 3 × 3 grid of 水田 parcels (row by row, BSM sequence and TBBH 1 … 9) of cells `size` degrees a side, the village survey area around it. */
export function grid(shape: (col: number, row: number, n: number) => Polygon = (col, row) => cell(col, row, size), size = CELL): VillageDatabase {
  const parcels = Array.from({ length: 9 }, (_, k) => {
    const id = bsm(XZQDM, k + 1);
    if (!id.ok) throw new Error(id.error);
    const geometry = shape(k % 3, Math.floor(k / 3), k + 1);
    return feature(`GHDLTB#${id.value}`, geometry, { BSM: id.value, TBBH: String(k + 1), GHDLBM: '0101', GHDLMC: '水田', GHDLMJ: Math.round(ellipsoidalArea(geometry) * 100) / 100, BZ: '' });
  });
  const base = parcels.map((p, k) => feature(`JQDLTB#${k + 1}`, p.geometry, { JQDLBM: '0101', JQDLMC: '水田', ZLDWDM: `${XZQDM}0000000` }));
  return database({ GHDLTB: parcels, JQDLTB: base, CJDCQ: [feature('CJDCQ#1', cell(0, 0, 3 * size), { ZLDWDM: `${XZQDM}0000000` })] });
}

/** The jittered grid with parcel 5's west edge one straight segment: parcel 4's vertices along it lie on its middle (T-junctions), within the jitter. */
export function tJunctionGrid(): VillageDatabase {
  return grid((col, row, n) => {
    const shape = jittered(col, row, 7 * n);
    if (n !== 5) return shape;
    const ring = shape.coordinates[0] as Position[];
    return { type: 'Polygon', coordinates: [[...ring.slice(0, 31), ring[0] as Position]] };
  });
}
