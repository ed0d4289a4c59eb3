import { describe, expect, it } from 'vitest';
import { invalidDecisions, undecidedGroups, type ReviewGroup } from './review-groups.ts';

const group = (key: string, candidates: readonly string[], suggested: string | null): ReviewGroup => ({ key, fromZh: key, fromEn: key, count: 1, areaM2: 100, candidates, suggested, notes: [] });

describe('a review list', () => {
  const groups = [group('1006', ['060101', '060102'], null), group('0702', ['070301', '070302'], '070301'), group('2122', ['0704', '0801'], null)];

  it('lists the groups without a default that the planner has not decided', () => {
    expect(undecidedGroups(groups, {}).map((g) => g.key)).toEqual(['1006', '2122']);
    expect(undecidedGroups(groups, { '1006': '060102' }).map((g) => g.key)).toEqual(['2122']);
  });

  it('refuses a decision that names no candidate, or a group not in the list', () => {
    expect(invalidDecisions(groups, { '1006': '0101', '0702': '070302', '9999': '0101' })).toEqual([
      { key: '1006', code: '0101' },
      { key: '9999', code: '0101' },
    ]);
  });
});
