import { describe, expect, it } from 'vitest';
import { beginGesture, cancelGesture, commitGesture, EMPTY_HISTORY, type History, MAX_UNDO_STEPS, record } from '../commands/history.ts';
import type { FeatureId } from '../domain/ids.ts';
import { applyPatch, type Patch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { DraftLedger } from './ledger.ts';
import { adoptSteps, diffHistory, storableHistory } from './plan-records.ts';
import type { DraftId } from './schema.ts';

const DRAFT = 'draft-1' as DraftId;
const zone = (id: string, size: number) => feature('functionalZone', id, rect(0, 0, size, size));
const put = (id: string, size: number): Patch => ({ features: [{ layer: 'functionalZone', id: id as FeatureId, after: zone(id, size) }] });

function edit(s: { plan: Plan; history: History }, patch: Patch) {
  const applied = applyPatch(s.plan, patch);
  return { plan: applied.plan, history: record(s.history, 'edit', applied.inverse) };
}

/** What one save of the history writes; the ledger then holds it, as after the save's `complete`. */
function save(history: History, ledger: DraftLedger) {
  const diff = diffHistory(DRAFT, history, ledger);
  adoptSteps(ledger, diff.next);
  return { puts: diff.puts.length, deletes: diff.deletes.length, bytes: diff.puts.reduce((sum, p) => sum + JSON.stringify(p.value).length, 0) };
}

describe('storing the history of a drag', () => {
  it('writes the open step when the drag touches a new feature, not per move, and nothing when it ends', () => {
    const ledger = new DraftLedger();
    let s = edit({ plan: planWith([zone('a', 1), zone('b', 1)]), history: EMPTY_HISTORY }, put('a', 2));
    expect(save(s.history, ledger)).toMatchObject({ puts: 1, deletes: 0 });

    s = { ...s, history: beginGesture(s.history, 'drag') };
    expect(save(s.history, ledger)).toMatchObject({ puts: 0, deletes: 0 });
    s = edit(s, put('a', 3));
    const first = save(s.history, ledger);
    expect(first).toMatchObject({ puts: 1, deletes: 0 });
    for (let size = 4; size < 40; size++) {
      s = edit(s, put('a', size));
      expect(save(s.history, ledger)).toMatchObject({ puts: 0, deletes: 0 });
    }
    // A second feature joins the step: the step is written again (replacing the stored one), once.
    s = edit(s, put('b', 5));
    expect(save(s.history, ledger)).toMatchObject({ puts: 1, deletes: 1 });
    s = edit(s, put('b', 6));
    expect(save(s.history, ledger)).toMatchObject({ puts: 0, deletes: 0 });

    const committed = commitGesture(s.history);
    expect(save(committed, ledger)).toMatchObject({ puts: 0, deletes: 0 });
    expect([...ledger.steps.keys()]).toEqual(committed.undo);
  });

  it('the stored step of a drag is the same size after 5 moves as after 60', () => {
    const stepBytes = (moves: number) => {
      const ledger = new DraftLedger();
      let s = { plan: planWith([zone('a', 1)]), history: beginGesture(EMPTY_HISTORY, 'drag') };
      let bytes = 0;
      for (let i = 0; i < moves; i++) {
        s = edit(s, put('a', 2 + i));
        bytes += save(s.history, ledger).bytes;
      }
      return bytes;
    };
    expect(stepBytes(60)).toBe(stepBytes(5));
  });

  it('drops no stored step for an open drag at MAX_UNDO_STEPS, so a cancelled drag leaves the stored stack as it was', () => {
    const ledger = new DraftLedger();
    let s = { plan: planWith([zone('a', 1)]), history: EMPTY_HISTORY };
    for (let i = 0; i < MAX_UNDO_STEPS; i++) s = edit(s, put('a', 2 + (i % 5)));
    save(s.history, ledger);
    const stored = new Map(ledger.steps);

    s = edit({ ...s, history: beginGesture(s.history, 'drag') }, put('a', 9));
    expect(storableHistory(s.history).undo).toHaveLength(MAX_UNDO_STEPS + 1);
    expect(save(s.history, ledger)).toMatchObject({ puts: 1, deletes: 0 });

    const cancelled = cancelGesture(s.history, s.plan);
    expect(save(cancelled.history, ledger)).toMatchObject({ puts: 0, deletes: 1 });
    expect(ledger.steps).toEqual(stored);
  });

  it('a committed drag at MAX_UNDO_STEPS drops the oldest step', () => {
    const ledger = new DraftLedger();
    let s = { plan: planWith([zone('a', 1)]), history: EMPTY_HISTORY };
    for (let i = 0; i < MAX_UNDO_STEPS; i++) s = edit(s, put('a', 2 + (i % 5)));
    save(s.history, ledger);
    const oldest = s.history.undo[0];
    s = edit({ ...s, history: beginGesture(s.history, 'drag') }, put('a', 9));
    save(s.history, ledger);
    expect(save(commitGesture(s.history), ledger)).toMatchObject({ puts: 0, deletes: 1 });
    expect(ledger.steps.has(oldest!)).toBe(false);
    expect(ledger.steps.size).toBe(MAX_UNDO_STEPS);
  });
});
