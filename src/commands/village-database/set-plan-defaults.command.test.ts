import { describe, expect, it } from 'vitest';
import type { PlanDefaultName } from '../../profiles/zhejiang-2026/plan-defaults.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { cell, database, feature, parcels } from '../../rules/ydyh/test-support.ts';
import { applyEdit, type PlanDefaultEntries } from './database-edit.ts';
import { EMPTY_DATABASE_HISTORY, historyFits, historyOfJson, record, undo } from './database-history.ts';
import { setPlanDefaults } from './set-plan-defaults.command.ts';

const bare = database({ GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0703', '1703']), CJDCQ: [feature('CJDCQ#1', cell(0))] });
const plan: VillageDatabase = { ...bare, bindings: { '9': 'atMost' }, classColours: { '0703': '#112233' } };

function edited<N extends PlanDefaultName>(db: VillageDatabase, name: N, changes: PlanDefaultEntries<N>) {
  const made = setPlanDefaults(db, name, changes);
  if (!made.ok) throw new Error(made.error.key);
  return made;
}

describe('setPlanDefaults', () => {
  it('sets a direction, a 三大类 and a colour, each one step holding only what changes, applied exactly back', () => {
    const binding = edited(plan, 'bindings', { '1': 'none', '9': null, '10': null });
    expect(binding.value.village?.before.bindings).toEqual({ '1': null, '9': 'atMost' });
    expect(binding.value.village?.after.bindings).toEqual({ '1': 'none', '9': null });
    expect(binding.value).toMatchObject({ labelKey: 'database.defaults.bindings.label', params: { count: 2 } });
    const bound = applyEdit(plan, binding.value, 'forward');
    expect(bound.bindings).toEqual({ '1': 'none' });
    expect(bound.classColours).toBe(plan.classColours);
    expect(bound.layers).toBe(plan.layers);
    expect(applyEdit(bound, binding.value, 'back')).toEqual(plan);

    const category = edited(plan, 'threeCategories', { '1703': 'unused' });
    const categorised = applyEdit(plan, category.value, 'forward');
    expect(categorised.threeCategories).toEqual({ '1703': 'unused' });
    expect('threeCategories' in applyEdit(categorised, category.value, 'back')).toBe(false);

    const colour = edited(plan, 'classColours', { '0703': null, '1703': '#00aaff' });
    expect(applyEdit(plan, colour.value, 'forward').classColours).toEqual({ '1703': '#00aaff' });
  });

  it('leaves a plan whose last value goes back to the default without the table, so its file keeps its bytes', () => {
    const back = applyEdit(plan, edited(plan, 'classColours', { '0703': null }).value, 'forward');
    expect('classColours' in back).toBe(false);
    expect(back.bindings).toBe(plan.bindings);
  });

  it('says nothing changed and makes no step when every value is the plan’s already', () => {
    const same = edited(plan, 'bindings', { '9': 'atMost', '10': null });
    expect(same.notes).toEqual([{ key: 'database.defaults.bindings.unchanged' }]);
    expect(record(EMPTY_DATABASE_HISTORY, same.value)).toBe(EMPTY_DATABASE_HISTORY);
  });

  it.each([
    ['an indicator without a direction', 'bindings', { '3': 'atMost' }, 'database.defaults.bindings.error.unknownKey', { code: '3' }],
    ['a direction that is none', 'bindings', { '1': 'below' }, 'database.defaults.bindings.error.unknownValue', { code: '1', type: 'below' }],
    ['a code that is no 2023 class', 'threeCategories', { '9999': 'unused' }, 'database.defaults.threeCategories.error.unknownKey', { code: '9999' }],
    ['a category that is none', 'threeCategories', { '1703': 'water' }, 'database.defaults.threeCategories.error.unknownValue', { code: '1703', type: 'water' }],
    ['a colour not written #rrggbb', 'classColours', { '0703': 'red' }, 'database.defaults.classColours.error.unknownValue', { code: '0703', type: 'red' }],
  ] as const)('refuses %s before anything changes', (_, name, changes, key, params) => {
    // The refused values are what a file or an old draft may hold, not what the types allow.
    const made = setPlanDefaults(plan, name, changes as unknown as PlanDefaultEntries<typeof name>);
    expect(made).toMatchObject({ ok: false, error: { key, params } });
  });

  it('keeps each table through a stored history, and refuses a stored step with a value its table does not take', () => {
    const step = edited(plan, 'classColours', { '1703': '#00aaff' }).value;
    const history = record(EMPTY_DATABASE_HISTORY, step);
    const stored = historyOfJson(JSON.parse(JSON.stringify(history)));
    expect(stored).toEqual(history);
    const after = applyEdit(plan, step, 'forward');
    expect(stored && historyFits(after, stored)).toBe(true);
    expect(undo(after, history)?.db).toEqual(plan);
    const damaged = JSON.parse(JSON.stringify(history).replace('#00aaff', 'blue')) as unknown;
    expect(historyOfJson(damaged)).toBeNull();
    // A step made for another plan's colour does not fit this one.
    expect(historyFits(plan, history)).toBe(false);
  });
});
