/**
 * A review list: the parcels a conversion could not classify alone, in groups the planner decides one at a
 * time (domain-2026.md §2: 三调 待细分 codes, 2017 classes with several 2023 candidates). The same shape for
 * every conversion into a 2026 plan, so one list in the UI serves them all; a decision is a 2023 code per
 * group key, and nothing counts as decided until the planner confirms it.
 */
import type { Message } from '../../domain/message.ts';

export interface ReviewGroup {
  /** The source class the group is made of (三调 `1006`, 2017 `2122`): the decision's key. */
  readonly key: string;
  readonly fromZh: string;
  readonly fromEn: string;
  readonly count: number;
  readonly areaM2: number;
  /** The 2023 codes the planner may choose among, in the source table's order. */
  readonly candidates: readonly string[];
  /** What the group becomes unless the planner says otherwise; null: no default, a choice is required. */
  readonly suggested: string | null;
  /** Why the group needs a look (a 待细分 row, the 0702 trap, what a 2023 code cannot say …). */
  readonly notes: readonly Message[];
}

/** What a conversion asks the planner: its groups, what it noticed on reading, and how many parcels it read. */
export interface ConversionReview {
  readonly groups: readonly ReviewGroup[];
  readonly notes: readonly Message[];
  readonly parcels: number;
}

/** Decisions by group key: the 2023 code chosen. */
export type ReviewDecisions = Readonly<Record<string, string>>;

/** Groups still without a code: no decision and no default. */
export function undecidedGroups(groups: readonly ReviewGroup[], decisions: ReviewDecisions): readonly ReviewGroup[] {
  return groups.filter((group) => decisions[group.key] === undefined && group.suggested === null);
}

/** A decision that names no candidate of its group, or a group that is not in the list. */
export function invalidDecisions(groups: readonly ReviewGroup[], decisions: ReviewDecisions): readonly { readonly key: string; readonly code: string }[] {
  const byKey = new Map(groups.map((group) => [group.key, group]));
  return Object.entries(decisions).flatMap(([key, code]) => (byKey.get(key)?.candidates.includes(code) ? [] : [{ key, code }]));
}
