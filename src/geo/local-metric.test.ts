import { describe, expect, it } from 'vitest';
import { localLengthMetres, metresPerDegree, toleranceDegrees, toleranceDegreesXY } from './local-metric.ts';

describe('metresPerDegree', () => {
  it('matches the known lengths of a degree on GRS80', () => {
    // Published values (e.g. the NGA/Wikipedia "length of a degree" table, GRS80 ≈ WGS84):
    // equator 110,574 m of latitude and 111,320 m of longitude; 30° 110,852 m and 96,486 m.
    expect(metresPerDegree(0).y).toBeCloseTo(110_574.3, 0);
    expect(metresPerDegree(0).x).toBeCloseTo(111_319.5, 0);
    expect(metresPerDegree(30).y).toBeCloseTo(110_852.4, 0);
    expect(metresPerDegree(30).x).toBeCloseTo(96_486.3, 0);
    expect(metresPerDegree(90).x).toBeCloseTo(0, 6);
  });

  it('is symmetric about the equator', () => {
    expect(metresPerDegree(-28.5)).toEqual(metresPerDegree(28.5));
  });
});

describe('toleranceDegrees', () => {
  it('turns 0.05 m at 30°N into degrees that cover 0.05 m in every direction', () => {
    const tol = toleranceDegrees(0.05, 30);
    expect(tol).toBeCloseTo(0.05 / 96_486.3, 12);
    const { x, y } = metresPerDegree(30);
    expect(tol * x).toBeGreaterThanOrEqual(0.05 - 1e-12);
    expect(tol * y).toBeGreaterThanOrEqual(0.05);
  });

  it('has a per-axis form', () => {
    const { x, y } = toleranceDegreesXY(1, 30);
    expect(x * metresPerDegree(30).x).toBeCloseTo(1, 12);
    expect(y * metresPerDegree(30).y).toBeCloseTo(1, 12);
  });
});

describe('localLengthMetres', () => {
  it('measures short lines east and north', () => {
    expect(localLengthMetres([120, 30], [120.001, 30])).toBeCloseTo(96.486, 2);
    expect(localLengthMetres([120, 30], [120, 30.001])).toBeCloseTo(110.852, 2);
  });
});
