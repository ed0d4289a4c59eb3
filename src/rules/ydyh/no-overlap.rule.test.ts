import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { ellipsoidalArea } from '../../geo/area.ts';
import { metricPolygon } from '../../geo/test-support.ts';
import { noOverlapRule } from './no-overlap.rule.ts';
import { cell, CELL, database, feature } from './test-support.ts';

const X0 = 120.1;
const Y0 = 30.2;
const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const village = box(X0, Y0, X0 + 2 * CELL, Y0 + CELL);
const metre = 1 / 96_290;

describe('no-overlap (2026)', () => {
  it('passes parcels that only share an edge', () => {
    const db = database({ CJDCQ: [feature('CJDCQ#1', village)], GHDLTB: [feature('GHDLTB#1', cell(0)), feature('GHDLTB#2', cell(1))] });
    expect(noOverlapRule.check(db)).toEqual([]);
  });

  it('reports two parcels overlapping by a 2 m strip, naming both, with the overlap outlined', () => {
    const db = database({ CJDCQ: [feature('CJDCQ#1', village)], GHDLTB: [feature('GHDLTB#1', box(X0, Y0, X0 + CELL + 2 * metre, Y0 + CELL)), feature('GHDLTB#2', cell(1))] });
    const [issue, ...rest] = noOverlapRule.check(db);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ rule: 'no-overlap', layer: 'GHDLTB', features: ['GHDLTB#1', 'GHDLTB#2'], geometry: { type: 'Polygon' } });
    expect(issue?.message.params['areaM2'] as number).toBeCloseTo(ellipsoidalArea(box(X0 + CELL, Y0, X0 + CELL + 2 * metre, Y0 + CELL)), 0);
    expect(issue?.message.params['widthM'] as number).toBeCloseTo(2, 1);
  });

  it('reports an overlap 1.1 mm wide and 200 m long once, though the pair reaches into a cluster at each end', () => {
    // Its long sides balance within the tolerance: only its ends stay unbalanced, two clusters each holding
    // the whole pair. 200 m × 1.1 mm = 0.22 m² (PostGIS: 1 overlap, 0.220 m²).
    const rect = (x0: number, y0: number, x1: number, y1: number) => metricPolygon([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]);
    const db = database({ CJDCQ: [feature('CJDCQ#1', rect(0, 0, 200, 100))], GHDLTB: [feature('GHDLTB#1', rect(0, 0, 200, 50.0011)), feature('GHDLTB#2', rect(0, 50, 200, 100))] });
    const issues = noOverlapRule.check(db);
    expect(issues.map((i) => [i.features, i.message.params['areaM2']])).toEqual([[['GHDLTB#1', 'GHDLTB#2'], 0.22]]);
  });

  it('does not report parcels overlapping by less than 1 mm', () => {
    const db = database({ CJDCQ: [feature('CJDCQ#1', village)], GKBJ: [feature('GKBJ#1', box(X0, Y0, X0 + CELL + 0.0004 * metre, Y0 + CELL)), feature('GKBJ#2', cell(1))] });
    expect(noOverlapRule.check(db)).toEqual([]);
  });

  it('says the base parcels are not checked without a CJDCQ to balance them against', () => {
    const [issue, ...rest] = noOverlapRule.check(database({ JQDLTB: [feature('JQDLTB#1', cell(0))] }));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ severity: 'notChecked', message: { params: { missingKey: 'rules.db.missing.region' } } });
  });
});
