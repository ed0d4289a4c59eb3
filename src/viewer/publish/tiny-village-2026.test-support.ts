/**
 * A hand-made 2026 village for the notice's unit tests (not used by the app): four cells in a row inside the
 * village, each a case the tap sentence must tell apart. Cell 0: a small 农村宅基地 in the 村庄集中建设区,
 * the rest of the cell without a parcel; cell 1: a 水田 in the 永久基本农田; cell 2: 留白用地 in the 村庄弹性发展区;
 * cell 3: 乔木林地 in the 生态保护红线.
 */
import type { Polygon } from 'geojson';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { cell, CELL, database, feature } from '../../rules/ydyh/test-support.ts';

/** The housing parcel: a square of 0.0002° in the south-west corner of cell 0. */
export const HOUSING_SIZE = 0.0002;

/** A point in the middle of cell `col`, shifted by a fraction of a cell. */
export function inCell(col: number, dx = 0.5, dy = 0.5): [number, number] {
  const [x0, y0] = cell(col).coordinates[0]?.[0] as [number, number];
  return [x0 + CELL * dx, y0 + CELL * dy];
}

function rows(count: number): Polygon {
  const first = cell(0).coordinates[0] as [number, number][];
  const [x0, y0] = first[0] as [number, number];
  return { type: 'Polygon', coordinates: [[[x0, y0], [x0 + count * CELL, y0], [x0 + count * CELL, y0 + CELL], [x0, y0 + CELL], [x0, y0]]] };
}

export function tinyVillage2026(): VillageDatabase {
  const planned = (n: number, geometry: Polygon, code: string, name: string) => feature(`GHDLTB#${n}`, geometry, { BSM: String(n), GHDLBM: code, GHDLMC: name });
  const control = (n: number, col: number, code: string, name: string) => feature(`GKBJ#${n}`, cell(col), { GKBJLXDM: code, GKBJLXMC: name });
  return database({
    CJDCQ: [feature('CJDCQ#1', rows(4), { ZLDWMC: '示例村' })],
    GHDLTB: [planned(1, cell(0, 0, HOUSING_SIZE), '070301', '农村宅基地'), planned(2, cell(1), '0101', '水田'), planned(3, cell(2), '16', '留白用地'), planned(4, cell(3), '0301', '乔木林地')],
    GKBJ: [control(1, 0, '0301', '村庄集中建设区'), control(2, 1, '0202', '永久基本农田'), control(3, 2, '0302', '村庄弹性发展区'), control(4, 3, '0102', '生态保护红线')],
    YJJBNT: [feature('YJJBNT#1', cell(1))],
    STBHHX: [feature('STBHHX#1', cell(3))],
  });
}
