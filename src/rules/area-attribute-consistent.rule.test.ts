import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geo/area.ts';
import { grid, issuesOf, village } from './test-support.ts';

const RULE = 'area-attribute-consistent';
const cellArea = ellipsoidalArea(grid().block(0, 0, 1, 1));
const withRecorded = (delta: number) => village({ w: 1, h: 1, zones: [], baseProps: () => ({ recordedArea: cellArea + delta }) }).plan;

describe(RULE, () => {
  it('passes a recorded area close to the ellipsoidal one', () => {
    expect(issuesOf(withRecorded(15), RULE)).toEqual([]);
  });

  it('reports a recorded area off by more than 20 m² and 2 %', () => {
    const issues = issuesOf(withRecorded(600), RULE);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message.params.differenceM2).toBeCloseTo(600, 1);
  });

  it('passes exactly at the allowed difference (2 % here)', () => {
    expect(issuesOf(withRecorded(0.02 * cellArea - 0.001), RULE)).toEqual([]);
    expect(issuesOf(withRecorded(0.02 * cellArea + 1), RULE)).toHaveLength(1);
  });
});
