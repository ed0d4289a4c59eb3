import { describe, expect, it } from 'vitest';
import { database, parcels } from '../../rules/ydyh/test-support.ts';
import { applyEdit, type DatabaseEdit } from './database-edit.ts';
import { EMPTY_DATABASE_HISTORY, MAX_DATABASE_HISTORY_STEPS, record, redo, undo } from './database-history.ts';
import { reclassify } from './reclassify.command.ts';

const start = database({ GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101', '0103', '0201']) });

/** Applies a reclassify and records it, as the editor does. */
function edited(db: typeof start, refs: readonly string[], code: string) {
  const result = reclassify(db, refs, code);
  if (!result.ok) throw new Error(result.error.key);
  return { db: applyEdit(db, result.value, 'forward'), edit: result.value };
}

describe('database history', () => {
  it('undoes to the exact previous database and redoes to the edited one, step by step', () => {
    const first = edited(start, ['GHDLTB#1', 'GHDLTB#2'], '0301');
    const second = edited(first.db, ['GHDLTB#2', 'GHDLTB#3'], '0703');
    const history = record(record(EMPTY_DATABASE_HISTORY, first.edit), second.edit);

    const once = undo(second.db, history);
    expect(once?.db).toEqual(first.db);
    const twice = once && undo(once.db, once.history);
    expect(twice?.db).toEqual(start);
    expect(twice && undo(twice.db, twice.history)).toBeNull();

    const again = twice && redo(twice.db, twice.history);
    expect(again?.db).toEqual(first.db);
    const all = again && redo(again.db, again.history);
    expect(all?.db).toEqual(second.db);
    expect(all?.history).toEqual(history);
    expect(all && redo(all.db, all.history)).toBeNull();
  });

  it('forgets what was undone once a new edit is recorded', () => {
    const first = edited(start, ['GHDLTB#1'], '0301');
    const back = undo(first.db, record(EMPTY_DATABASE_HISTORY, first.edit));
    if (back === null) throw new Error('nothing undone');
    const other = edited(back.db, ['GHDLTB#3'], '0202');
    const history = record(back.history, other.edit);
    expect(history).toEqual({ done: [other.edit], undone: [] });
    expect(redo(other.db, history)).toBeNull();
  });

  it('records no step for an edit that changed nothing', () => {
    const none = reclassify(database({ GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101'], { GHDLMC: '水田' }) }), ['GHDLTB#1'], '0101');
    expect(none.ok && none.value.changes).toEqual([]);
    expect(none.ok && record(EMPTY_DATABASE_HISTORY, none.value)).toBe(EMPTY_DATABASE_HISTORY);
  });

  it(`keeps the last ${MAX_DATABASE_HISTORY_STEPS} steps, dropping the oldest`, () => {
    const step = (n: number): DatabaseEdit => ({ labelKey: 'databaseEdit.reclassify.label', params: { n }, changes: [{ layer: 'GHDLTB', ref: 'GHDLTB#1', before: {}, after: { BZ: String(n) } }] });
    let history = EMPTY_DATABASE_HISTORY;
    for (let n = 0; n < MAX_DATABASE_HISTORY_STEPS + 5; n++) history = record(history, step(n));
    expect(history.done).toHaveLength(MAX_DATABASE_HISTORY_STEPS);
    expect(history.done[0]?.params).toEqual({ n: 5 });
  });
});
