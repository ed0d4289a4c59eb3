import { describe, expect, it } from 'vitest';
import { cell, database, feature, parcels } from '../../rules/ydyh/test-support.ts';
import { applyEdit, type DatabaseEdit } from './database-edit.ts';
import { EMPTY_DATABASE_HISTORY, historyFits, historyOfJson, MAX_DATABASE_HISTORY_STEPS, record, redo, undo, type DatabaseHistory } from './database-history.ts';
import { deriveControlBoundaries } from './derive-control-boundaries.command.ts';
import { mergeParcels } from './merge-parcels.command.ts';
import { reclassify } from './reclassify.command.ts';
import { setVillageInfo } from './set-village-info.command.ts';

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

/** Three parcels in a village, with no 管控边界 yet. */
const village = database({ CJDCQ: [feature('CJDCQ#1', cell(0, 0, 0.005), { ZLDWDM: '3301060010010000000' })], GHDLTB: start.layers.GHDLTB?.features ?? [] });

/** A session's edits of `village` (field changes, parcels merged, a 管控边界 layer made), the last one undone. */
function session() {
  const made: DatabaseEdit[] = [];
  let db = village;
  let history: DatabaseHistory = EMPTY_DATABASE_HISTORY;
  for (const make of [(d: typeof db) => reclassify(d, ['GHDLTB#1', 'GHDLTB#2'], '0301'), (d: typeof db) => mergeParcels(d, ['GHDLTB#1', 'GHDLTB#2']), deriveControlBoundaries, (d: typeof db) => reclassify(d, ['GHDLTB#3'], '0703')]) {
    const result = make(db);
    if (!result.ok) throw new Error(result.error.key);
    made.push(result.value);
    db = applyEdit(db, result.value, 'forward');
    history = record(history, result.value);
  }
  const step = undo(db, history);
  if (step === null) throw new Error('nothing undone');
  return { made, ...step };
}

/** The session with the village info and an allocation entered last, still done. */
function sessionWithInfo() {
  const { db, history } = session();
  const info = setVillageInfo(db, { targetPopulation: 1400, planPeriod: '2022-2035' }, { 1: 0.5 });
  if (!info.ok) throw new Error(info.error.key);
  return { db: applyEdit(db, info.value, 'forward'), history: record(history, info.value), edit: info.value };
}

/** The history as storage gives it back: through JSON, every value a new object. */
const stored = (history: DatabaseHistory): unknown => JSON.parse(JSON.stringify(history));

describe('a history read back from storage', () => {
  it('reads back through JSON and fits the plan it was made on, undoing and redoing as before', () => {
    const { made, db, history } = session();
    expect(made.some((edit) => (edit.features?.length ?? 0) > 0) && made.some((edit) => (edit.newLayers?.length ?? 0) > 0)).toBe(true);
    const read = historyOfJson(stored(history));
    expect(read).toEqual(history);
    if (read === null) throw new Error('not read');
    expect(historyFits(db, read)).toBe(true);

    let step = { db, history: read };
    for (let left = read.done.length; left > 0; left--) step = undo(step.db, step.history) ?? step;
    expect(step.db).toEqual(village);
    for (let left = made.length; left > 0; left--) step = redo(step.db, step.history) ?? step;
    expect(step.db).toEqual(made.reduce((d, edit) => applyEdit(d, edit, 'forward'), village));
  });

  it('does not fit a plan it was not made on, and never throws', () => {
    const { db, history } = session();
    expect(historyFits(village, history)).toBe(false);
    const recoded = applyEdit(db, { labelKey: 'x', params: {}, changes: [{ layer: 'GHDLTB', ref: 'GHDLTB#3', before: { GHDLBM: '0201' }, after: { GHDLBM: '1101' } }] }, 'forward');
    expect(historyFits(recoded, { done: [], undone: history.undone })).toBe(false);
    expect(historyFits(recoded, { done: history.done, undone: [] })).toBe(true);
    expect(historyFits(database({}), history)).toBe(false);
    expect(historyFits(db, EMPTY_DATABASE_HISTORY)).toBe(true);
  });

  it('reads back a village change and fits only the info it left', () => {
    const { db, history, edit } = sessionWithInfo();
    const read = historyOfJson(stored(history));
    expect(read).toEqual(history);
    if (read === null) throw new Error('not read');
    expect(historyFits(db, read)).toBe(true);
    const back = undo(db, read);
    expect(back?.db.info).toEqual(village.info);
    expect(back?.db.allocations).toEqual(village.allocations);
    expect(back && historyFits(back.db, back.history)).toBe(true);
    // The same layers but other info: the village change was made on another plan.
    expect(historyFits({ ...db, info: { ...db.info, targetPopulation: 99 } }, read)).toBe(false);
    expect(historyFits({ ...db, allocations: { 1: 7 } }, read)).toBe(false);
    expect(edit.village?.after.allocations).toEqual({ 1: 0.5 });
  });

  it('reads an edit stored before village changes existed as it was', () => {
    const old = { done: [{ labelKey: 'databaseEdit.reclassify.label', params: { code: '0301', name: '乔木林地', count: 1 }, changes: [{ layer: 'GHDLTB', ref: 'GHDLTB#2', before: { GHDLBM: '0103' }, after: { GHDLBM: '0301', GHDLMC: '乔木林地' } }] }], undone: [] };
    const read = historyOfJson(old);
    expect(read).toEqual(old);
    if (read === null) throw new Error('not read');
    const db = applyEdit(start, read.done[0] as DatabaseEdit, 'forward');
    expect(historyFits(db, read)).toBe(true);
  });

  it('refuses a village change of another shape', () => {
    const json = stored(sessionWithInfo().history) as { done: { village: { before: Record<string, unknown>; after: Record<string, unknown> } }[] };
    const broken = (change: (village: (typeof json.done)[number]['village']) => void) => {
      const copy = structuredClone(json);
      const last = copy.done.at(-1);
      if (last) change(last.village);
      return historyOfJson(copy);
    };
    expect(broken(() => undefined)).not.toBeNull();
    expect(broken((v) => (v.after['info'] = { targetPopulation: '1400', planPeriod: '2022-2035' }))).toBeNull();
    expect(broken((v) => (v.after['info'] = { somethingElse: 1, planPeriod: '2022-2035' }))).toBeNull();
    expect(broken((v) => (v.after['allocations'] = { 6: 1 }))).toBeNull();
    expect(broken((v) => (v.before['allocations'] = {}))).toBeNull();
    expect(broken((v) => delete v.before['info'])).toBeNull();
  });

  it('refuses a record of another shape: damaged, or of another version', () => {
    const { history } = session();
    const json = stored(history) as { done: Record<string, unknown>[]; undone: unknown[] };
    const broken = (change: (copy: typeof json) => void) => {
      const copy = structuredClone(json);
      change(copy);
      return historyOfJson(copy);
    };
    expect(historyOfJson(null)).toBeNull();
    expect(historyOfJson('text')).toBeNull();
    expect(historyOfJson({ done: [] })).toBeNull();
    expect(broken((copy) => copy.undone.push({ label: 'old' }))).toBeNull();
    expect(broken((copy) => (copy.done[0] = { ...copy.done[0], changes: [{ layer: 'GHDLTB', ref: 'GHDLTB#1', before: { GHDLBM: ['0101'] }, after: {} }] }))).toBeNull();
    const merged = json.done.findIndex((edit) => Array.isArray(edit['features']));
    const feature = { ref: 'GHDLTB#9', properties: {}, geometry: { type: 'Polygon', coordinates: [[['a', 'b']]] } };
    expect(broken((copy) => (copy.done[merged] = { ...copy.done[merged], features: [{ layer: 'GHDLTB', before: null, after: feature }] }))).toBeNull();
    expect(broken((copy) => (copy.done[merged] = { ...copy.done[merged], features: [{ layer: 'GHDLTB', before: { ...feature, geometry: null }, after: null }] }))).toBeNull();
    expect(broken((copy) => (copy.done[merged] = { ...copy.done[merged], newLayers: [{ name: 'NOTALAYER', file: 'x', fieldNames: [] }] }))).toBeNull();
  });
});
