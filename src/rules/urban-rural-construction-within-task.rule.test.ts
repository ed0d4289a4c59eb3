import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geo/area.ts';
import { issuesOf, village } from './test-support.ts';

const RULE = 'urban-rural-construction-within-task';

/** Column 0 town land (211), column 1 village homesteads (2121), column 2 external transport (221), the rest paddy. */
function setup(task: number | null) {
  const classes = ['211', '2121', '221', '111'] as const;
  const { plan, g } = village({ classOf: (i) => classes[i] ?? '111', meta: { quotas: { ...village().plan.meta.quotas, urbanRuralConstruction: task } } });
  const counted = [0, 1].reduce((s, i) => s + [0, 1, 2].reduce((t, j) => t + ellipsoidalArea(g.block(i, j, i + 1, j + 1)), 0), 0);
  return { plan, counted };
}

describe(RULE, () => {
  it('is not checked without the township task', () => {
    expect(issuesOf(setup(null).plan, RULE)).toMatchObject([{ severity: 'notChecked' }]);
  });

  it('counts town and village land but not transport land outside settlements', () => {
    const { counted } = setup(0);
    expect(issuesOf(setup(counted + 1).plan, RULE)).toEqual([]);
    const issues = issuesOf(setup(counted - 100).plan, RULE);
    expect(issues).toMatchObject([{ severity: 'error' }]);
    expect(issues[0]!.message.params.targetM2).toBeCloseTo(counted, 1);
  });
});
