import { describe, expect, it } from 'vitest';
import type { GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { cell, database, feature, parcels } from '../../rules/ydyh/test-support.ts';
import { applyEdit, isEmptyEdit } from './database-edit.ts';
import { EMPTY_DATABASE_HISTORY, historyFits, historyOfJson, record, redo, undo } from './database-history.ts';
import { setControlTypes } from './set-control-types.command.ts';

const bare = database({ GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0703', '0103']), CJDCQ: [feature('CJDCQ#1', cell(0))] });
const plan: VillageDatabase = { ...bare, controlTypes: { '0703': '0201' } };

const edited = (changes: Readonly<Record<string, GkbjTypeCode | null>>) => {
  const made = setControlTypes(plan, changes);
  if (!made.ok) throw new Error(made.error.key);
  return made;
};

describe('setControlTypes', () => {
  it('sets and clears types as one step holding only what changes, applied exactly forward and back', () => {
    const { value: edit } = edited({ '0103': '0301', '0703': null, '1207': null });
    expect(edit.village?.before.controlTypes).toEqual({ '0103': null, '0703': '0201' });
    expect(edit.village?.after.controlTypes).toEqual({ '0103': '0301', '0703': null });
    expect(edit.params).toEqual({ count: 2 });
    const changed = applyEdit(plan, edit, 'forward');
    expect(changed.controlTypes).toEqual({ '0103': '0301' });
    expect(changed.layers).toBe(plan.layers);
    expect(changed.info).toBe(plan.info);
    expect(applyEdit(changed, edit, 'back')).toEqual(plan);
  });

  it('leaves a plan without overrides without a controlTypes entry after undo, so its file keeps its bytes', () => {
    const made = setControlTypes(bare, { '0103': '0301' });
    if (!made.ok) throw new Error(made.error.key);
    const back = applyEdit(applyEdit(bare, made.value, 'forward'), made.value, 'back');
    expect(back).toEqual(bare);
    expect('controlTypes' in back).toBe(false);
  });

  it('is an empty edit, with a note, when nothing changes', () => {
    const same = edited({ '0703': '0201', '0103': null });
    expect(isEmptyEdit(same.value)).toBe(true);
    expect(same.notes).toEqual([{ key: 'database.controlTypes.unchanged' }]);
  });

  it('refuses a code that is no 2023 class and a type that is none, naming them', () => {
    expect(setControlTypes(plan, { '9999': '0301' })).toMatchObject({ ok: false, error: { key: 'database.controlTypes.error.unknownClass', params: { code: '9999' } } });
    const wrongType = setControlTypes(plan, { '0103': '0500' as GkbjTypeCode });
    expect(wrongType).toMatchObject({ ok: false, error: { key: 'database.controlTypes.error.unknownType', params: { code: '0103', type: '0500' } } });
    expect(!wrongType.ok && String(wrongType.error.params?.['types'])).toContain('0301 村庄集中建设区');
  });

  it('is one undo step that undo, redo and a history stored as JSON take back and forth', () => {
    const { value: edit } = edited({ '0103': '0301' });
    const changed = applyEdit(plan, edit, 'forward');
    const history = record(EMPTY_DATABASE_HISTORY, edit);
    const undone = undo(changed, history);
    expect(undone?.db).toEqual(plan);
    expect(undone && redo(undone.db, undone.history)?.db).toEqual(changed);
    const stored = historyOfJson(JSON.parse(JSON.stringify(history)));
    expect(stored).toEqual(history);
    expect(stored && historyFits(changed, stored)).toBe(true);
    // The history does not fit the plan before the change: its types are not the ones the step left.
    expect(stored && historyFits(plan, stored)).toBe(false);
  });

  it('refuses a stored step whose types name no class or no type, or sides naming other classes', () => {
    const { value: edit } = edited({ '0103': '0301' });
    const stored = (controlTypes: { before: unknown; after: unknown }) =>
      historyOfJson({ done: [{ ...edit, village: { before: { info: {}, allocations: {}, controlTypes: controlTypes.before }, after: { info: {}, allocations: {}, controlTypes: controlTypes.after } } }], undone: [] });
    expect(stored({ before: { '0103': null }, after: { '0103': '0301' } })).not.toBeNull();
    expect(stored({ before: { '9999': null }, after: { '9999': '0301' } })).toBeNull();
    expect(stored({ before: { '0103': null }, after: { '0103': '0500' } })).toBeNull();
    expect(stored({ before: { '0103': null }, after: { '0101': '0301' } })).toBeNull();
    expect(stored({ before: ['0103'], after: ['0103'] })).toBeNull();
  });
});
