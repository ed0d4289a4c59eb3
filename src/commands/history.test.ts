import { describe, expect, it } from 'vitest';
import { applyPatch, type Patch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { beginGesture, cancelGesture, commitGesture, EMPTY_HISTORY, type History, MAX_UNDO_STEPS, record, redo, undo } from './history.ts';

const zone = (size: number) => feature('functionalZone', 'z', rect(0, 0, size, size));

function step(plan: Plan, history: History, patch: Patch, label = 'edit'): { plan: Plan; history: History } {
  const applied = applyPatch(plan, patch);
  return { plan: applied.plan, history: record(history, label, applied.inverse) };
}
const put = (size: number): Patch => ({ features: [{ layer: 'functionalZone', id: zone(size).id, after: zone(size) }] });

describe('history', () => {
  it('undoes and redoes each step', () => {
    const start = planWith([zone(1)]);
    let s = step(start, EMPTY_HISTORY, put(2));
    s = step(s.plan, s.history, put(3));
    const u1 = undo(s.history, s.plan)!;
    expect(u1.plan.layers.functionalZone[zone(1).id]).toEqual(zone(2));
    const u2 = undo(u1.history, u1.plan)!;
    expect(u2.plan).toEqual(start);
    expect(undo(u2.history, u2.plan)).toBeUndefined();
    const r1 = redo(u2.history, u2.plan)!;
    expect(r1.plan.layers.functionalZone[zone(1).id]).toEqual(zone(2));
  });

  it('a new edit clears the redo stack', () => {
    let s = step(planWith([zone(1)]), EMPTY_HISTORY, put(2));
    const u = undo(s.history, s.plan)!;
    s = step(u.plan, u.history, put(5));
    expect(s.history.redo).toHaveLength(0);
  });

  it('a gesture of many moves is one undo step', () => {
    const start = planWith([zone(1)]);
    let s = { plan: start, history: beginGesture(EMPTY_HISTORY, 'drag') };
    for (const size of [2, 3, 4, 5]) s = step(s.plan, s.history, put(size));
    s.history = commitGesture(s.history);
    expect(s.history.undo).toHaveLength(1);
    expect(s.history.undo[0]?.label).toBe('drag');
    expect(undo(s.history, s.plan)?.plan).toEqual(start);
  });

  it('cancelling a gesture rolls the plan back and records nothing', () => {
    const start = planWith([zone(1)]);
    let s = { plan: start, history: beginGesture(EMPTY_HISTORY, 'drag') };
    for (const size of [2, 3]) s = step(s.plan, s.history, put(size));
    const cancelled = cancelGesture(s.history, s.plan);
    expect(cancelled.plan).toEqual(start);
    expect(cancelled.history.undo).toHaveLength(0);
    expect(cancelled.history.gesture).toBeNull();
  });

  it('refuses to undo in the middle of a gesture', () => {
    let s = step(planWith([zone(1)]), EMPTY_HISTORY, put(2));
    s = { ...s, history: beginGesture(s.history, 'drag') };
    expect(undo(s.history, s.plan)).toBeUndefined();
  });

  it('keeps at most MAX_UNDO_STEPS steps', () => {
    let s = { plan: planWith([zone(1)]), history: EMPTY_HISTORY };
    for (let i = 0; i < MAX_UNDO_STEPS + 20; i++) s = step(s.plan, s.history, put((i % 7) + 2));
    expect(s.history.undo).toHaveLength(MAX_UNDO_STEPS);
  });
});
