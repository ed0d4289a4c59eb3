import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { geometryValidRule } from './geometry-valid.rule.ts';
import { cell, database, feature } from './test-support.ts';

const bowTie: Polygon = { type: 'Polygon', coordinates: [[[120.1, 30.2], [120.101, 30.201], [120.101, 30.2], [120.1, 30.201], [120.1, 30.2]]] };

describe('geometry-valid (2026)', () => {
  it('passes valid polygons', () => {
    expect(geometryValidRule.check(database({ GHDLTB: [feature('GHDLTB#1', cell(0))], GKBJ: [feature('GKBJ#1', cell(0))] }))).toEqual([]);
  });

  it('names a record of a polygon layer without a shape (it counts in no area; the gap it leaves named only its neighbours)', () => {
    const issues = geometryValidRule.check(database({ GHDLTB: [feature('GHDLTB#1', cell(0)), feature('GHDLTB#2', null)], YJJBNT: [feature('YJJBNT#1', null)], GHGGJCSSD: [feature('GHGGJCSSD#1', null)] }));
    expect(issues.map((i) => [i.severity, i.features, i.message.key])).toEqual([
      ['error', ['GHDLTB#2'], 'rules.db.geometry-valid.noShape'],
      ['error', ['YJJBNT#1'], 'rules.db.geometry-valid.noShape'],
    ]);
  });

  it('reports a self-intersecting parcel in any layer, located at the crossing', () => {
    const [issue, ...rest] = geometryValidRule.check(database({ GHDLTB: [feature('GHDLTB#1', cell(0))], GKBJ: [feature('GKBJ#7', bowTie)] }));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ rule: 'geometry-valid', layer: 'GKBJ', features: ['GKBJ#7'], message: { params: { problemKey: 'geometry.invalid.selfIntersection' } } });
    const [x, y] = (issue?.geometry as { coordinates: number[] }).coordinates;
    expect(x).toBeCloseTo(120.1005, 9);
    expect(y).toBeCloseTo(30.2005, 9);
  });
});
