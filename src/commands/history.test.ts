import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { applyPatch, concatPatches, type FeatureChange, type Patch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { beginGesture, cancelGesture, commitGesture, EMPTY_HISTORY, type History, MAX_UNDO_STEPS, record, redo, squashPatches, undo } from './history.ts';

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

const zoneAt = (id: string, size: number) => feature('functionalZone', id, rect(0, 0, size, size));
const putZone = (id: string, size: number): FeatureChange => ({ layer: 'functionalZone', id: id as FeatureId, after: zoneAt(id, size) });
const dropZone = (id: string): FeatureChange => ({ layer: 'functionalZone', id: id as FeatureId, after: null });

/** Applies `patches` one by one inside a gesture, recording each inverse as the plan store does. */
function inGesture(plan: Plan, patches: readonly Patch[], history: History = EMPTY_HISTORY) {
  let s = { plan, history: beginGesture(history, 'drag') };
  for (const patch of patches) s = step(s.plan, s.history, patch);
  return s;
}

describe('a gesture squashes its moves', () => {
  const drag = (moves: number) => Array.from({ length: moves }, (_, i): Patch => ({ features: [putZone('a', 2 + i), putZone('b', 3 + i)] }));

  it('into one change per touched feature, the same step for 5 moves as for 60', () => {
    const start = planWith([zoneAt('a', 1), zoneAt('b', 1), zoneAt('c', 1)]);
    const steps = [5, 60].map((moves) => commitGesture(inGesture(start, drag(moves)).history).undo[0]!);
    for (const entry of steps) {
      expect(entry.inverse.features.map((c) => c.id).sort()).toEqual(['a', 'b']);
      for (const change of entry.inverse.features) expect(change.after).toEqual(zoneAt(change.id, 1));
    }
    expect(JSON.stringify(steps[1])).toBe(JSON.stringify(steps[0]));
  });

  it('while the gesture is open: moves over the same features leave the history object as it was', () => {
    const start = planWith([zoneAt('a', 1), zoneAt('b', 1)]);
    const s = inGesture(start, drag(3));
    const held = s.history;
    expect(held.gesture?.step.inverse.features).toHaveLength(2);
    const next = step(s.plan, s.history, { features: [putZone('b', 40)] });
    expect(next.history).toBe(held);
    // A feature the gesture had not touched joins the step, which is then a new object.
    const wider = step(next.plan, next.history, { features: [putZone('c', 5)] });
    expect(wider.history.gesture?.step).not.toBe(held.gesture?.step);
    expect(wider.history.gesture?.step.inverse.features.map((c) => c.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('commits the open step itself, so a writer that stored it during the drag has nothing to rewrite', () => {
    const s = inGesture(planWith([zoneAt('a', 1)]), drag(4).map((p) => ({ features: p.features.slice(0, 1) })));
    const open = s.history.gesture!.step;
    expect(commitGesture(s.history).undo.at(-1)).toBe(open);
  });

  it('keeps each feature as it was before the gesture: created, deleted, re-created, changed twice in one move', () => {
    const start = planWith([zoneAt('a', 1), zoneAt('b', 1)]);
    const moves: Patch[] = [
      { features: [putZone('new', 2), putZone('a', 2), putZone('a', 3)] },
      { features: [dropZone('b'), putZone('new', 3)] },
      { features: [putZone('b', 9), dropZone('new'), putZone('a', 4)] },
      { features: [putZone('new', 5)] },
    ];
    const s = inGesture(start, moves);
    const committed = commitGesture(s.history);
    const inverse = committed.undo[0]!.inverse;
    const before = Object.fromEntries(inverse.features.map((c) => [c.id, c.after]));
    expect(before).toEqual({ a: zoneAt('a', 1), b: zoneAt('b', 1), new: null });

    const undone = undo(committed, s.plan)!;
    expect(undone.plan).toEqual(start);
    expect(redo(undone.history, undone.plan)!.plan).toEqual(s.plan);
    expect(cancelGesture(s.history, s.plan).plan).toEqual(start);
  });

  it('keeps each meta key at its value before the gesture', () => {
    const start = planWith([zoneAt('a', 1)]);
    const moves: Patch[] = [
      { features: [], meta: { population: 10 } },
      { features: [putZone('a', 2)], meta: { population: 20, households: 3 } },
      { features: [], meta: { households: 4, villageName: '新村' } },
    ];
    const s = inGesture(start, moves);
    const inverse = s.history.gesture!.step.inverse;
    expect(inverse.meta).toEqual({ population: start.meta.population, households: start.meta.households, villageName: '测试村' });
    const cancelled = cancelGesture(s.history, s.plan);
    expect(cancelled.plan).toEqual(start);
    expect(cancelled.history.gesture).toBeNull();
    expect(undo(commitGesture(s.history), s.plan)!.plan).toEqual(start);
  });

  it('joins parts it does not squash (quarantine) as concatPatches does, latest move first, and never absorbs them', () => {
    const start = planWith([zoneAt('a', 1)]);
    const first: Patch = { features: [putZone('a', 2)], quarantine: [{ id: 'r1', before: 'pending', after: 'restored' }] };
    const second: Patch = { features: [putZone('a', 3)], quarantine: [{ id: 'r2', before: 'pending', after: 'discarded' }] };
    const firstInverse = applyPatch(start, first);
    const secondInverse = applyPatch(firstInverse.plan, second).inverse;
    const s = inGesture(start, [first, second]);
    expect(s.history.gesture!.step.inverse.quarantine).toEqual(concatPatches([secondInverse, firstInverse.inverse]).quarantine);
    expect(s.history.gesture!.step.inverse.quarantine).toHaveLength(2);
    expect(s.history.gesture!.step.inverse.features).toHaveLength(1);
  });

  it('an empty gesture leaves no step, and cancelling it changes nothing', () => {
    const start = planWith([zoneAt('a', 1)]);
    const open = beginGesture(EMPTY_HISTORY, 'drag');
    expect(commitGesture(open)).toEqual(EMPTY_HISTORY);
    const cancelled = cancelGesture(open, start);
    expect(cancelled.plan).toBe(start);
    expect(cancelled.rollback.features).toHaveLength(0);
  });

  it('a gesture cannot begin inside another', () => {
    expect(() => beginGesture(beginGesture(EMPTY_HISTORY, 'a'), 'b')).toThrow(/still open/);
  });
});

describe('squashPatches', () => {
  const ids = ['p', 'q', 'r'];
  const start = planWith([zoneAt('p', 1), zoneAt('q', 1)]);
  const change = fc.record({ id: fc.constantFrom(...ids), size: fc.integer({ min: 0, max: 5 }) }).map(({ id, size }) => (size === 0 ? dropZone(id) : putZone(id, size)));
  const patch = fc.record({
    features: fc.array(change, { maxLength: 4 }),
    meta: fc.option(fc.record({ population: fc.integer({ min: 0, max: 9 }) }, { requiredKeys: [] }), { nil: undefined }),
  }).map(({ features, meta }): Patch => (meta ? { features, meta } : { features }));
  const layerOf = (plan: Plan) => plan.layers.functionalZone as Record<FeatureId, PlanFeature>;

  it('gives the plan concatPatches gives, with each feature once', () => {
    fc.assert(
      fc.property(fc.array(patch, { maxLength: 6 }), (patches) => {
        const squashed = squashPatches(patches);
        const joined = applyPatch(start, concatPatches(patches)).plan;
        const result = applyPatch(start, squashed).plan;
        expect(layerOf(result)).toEqual(layerOf(joined));
        expect(result.meta).toEqual(joined.meta);
        expect(new Set(squashed.features.map((c) => c.id)).size).toBe(squashed.features.length);
      }),
    );
  });

  it('in a gesture of random moves: cancel and undo give back the start, redo the end', () => {
    fc.assert(
      fc.property(fc.array(patch, { maxLength: 12 }), (moves) => {
        const s = inGesture(start, moves);
        expect(cancelGesture(s.history, s.plan).plan).toEqual(start);
        const committed = commitGesture(s.history);
        const undone = undo(committed, s.plan);
        if (!undone) return; // nothing changed: no step
        expect(undone.plan).toEqual(start);
        expect(redo(undone.history, undone.plan)!.plan).toEqual(s.plan);
        expect(new Set(committed.undo[0]!.inverse.features.map((c) => c.id)).size).toBe(committed.undo[0]!.inverse.features.length);
      }),
    );
  });
});
