import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { ellipsoidalArea } from '../../geo/area.ts';
import { redlineKeptRule } from './redline-kept.rule.ts';
import { cell, CELL, database, feature } from './test-support.ts';

const X0 = 120.1;
const Y0 = 30.2;
const M_LON = 1 / 96_290;
const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const parcel = (layer: 'JQDLTB' | 'GHDLTB', n: number, code: string, geometry: Polygon) => feature(`${layer}#${n}`, geometry, { [layer === 'JQDLTB' ? 'JQDLBM' : 'GHDLBM']: code });
/** The red line over both cells. */
const redLine = [feature('STBHHX#1', box(X0, Y0, X0 + 2 * CELL, Y0 + CELL))];

describe('redline-kept', () => {
  it('passes a village already inside the red line, kept as it is', () => {
    const db = database({ JQDLTB: [parcel('JQDLTB', 1, '0301', cell(0)), parcel('JQDLTB', 2, '070301', cell(1))], GHDLTB: [parcel('GHDLTB', 1, '0301', cell(0)), parcel('GHDLTB', 2, '070301', cell(1))], STBHHX: redLine });
    expect(redlineKeptRule.check(db)).toEqual([]);
  });

  it('is an error for housing planned on woodland inside the red line: only the new part counts', () => {
    // Housing grows 20 m west into the woodland.
    const grown = box(X0 + CELL - 20 * M_LON, Y0, X0 + 2 * CELL, Y0 + CELL);
    const db = database({
      JQDLTB: [parcel('JQDLTB', 1, '0301', cell(0)), parcel('JQDLTB', 2, '070301', cell(1))],
      GHDLTB: [parcel('GHDLTB', 1, '0301', box(X0, Y0, X0 + CELL - 20 * M_LON, Y0 + CELL)), parcel('GHDLTB', 2, '070301', grown)],
      STBHHX: redLine,
    });
    const [issue, ...rest] = redlineKeptRule.check(db);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ rule: 'redline-kept', features: ['GHDLTB#2'], geometry: { type: 'Polygon' } });
    expect(issue?.message.params['areaM2'] as number).toBeCloseTo(ellipsoidalArea(box(X0 + CELL - 20 * M_LON, Y0, X0 + CELL, Y0 + CELL)), 0);
  });

  it('passes construction outside the red line', () => {
    const db = database({ JQDLTB: [parcel('JQDLTB', 1, '0301', cell(2))], GHDLTB: [parcel('GHDLTB', 1, '070301', cell(2))], STBHHX: redLine });
    expect(redlineKeptRule.check(db)).toEqual([]);
  });

  it('is not checked without the red line layer', () => {
    expect(redlineKeptRule.check(database({ GHDLTB: [parcel('GHDLTB', 1, '070301', cell(0))] }))).toMatchObject([{ severity: 'notChecked', message: { params: { missingKey: 'rules.db.missing.redLineLayer' } } }]);
  });

  it('reads what the base year built in the edition the database declares, also at a second check of the same layers', () => {
    // 060102: 田间道 in 2023 (not construction land), 村庄内部道路用地 in 2020 (1207, construction land).
    const layers = { JQDLTB: [parcel('JQDLTB', 1, '060102', cell(0))], GHDLTB: [parcel('GHDLTB', 1, '070301', cell(0))], STBHHX: redLine };
    expect(redlineKeptRule.check(database(layers, { edition: 'ydyh-2023' })).map((i) => i.features)).toEqual([['GHDLTB#1']]);
    expect(redlineKeptRule.check(database(layers, { edition: 'ydyh-2020' }))).toEqual([]);
    expect(redlineKeptRule.check(database(layers, { edition: 'ydyh-2023' }))).toHaveLength(1);
  });
});

