import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strings } from '../../i18n/texts.ts';
import { cell, database, feature, parcels } from '../../rules/ydyh/test-support.ts';
import type { VillageFeature } from '../../profiles/zhejiang-2026/village-database.ts';
import { applyEdit, isEmptyEdit, type DatabaseEdit } from './database-edit.ts';

const db = database({
  GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101', '0103', '0201']),
  GKBJ: [feature('GKBJ#1', cell(0), { GKBJLXDM: '0301' })],
});

const edit: DatabaseEdit = {
  labelKey: 'databaseEdit.reclassify.label',
  params: { code: '0301', name: '乔木林地', count: 1 },
  changes: [{ layer: 'GHDLTB', ref: 'GHDLTB#2', before: { GHDLBM: '0103' }, after: { GHDLBM: '0301', GHDLMC: '乔木林地' } }],
};

describe('applyEdit', () => {
  it('sets the fields forward and shares every untouched layer and feature', () => {
    const edited = applyEdit(db, edit, 'forward');
    expect(edited.layers.GHDLTB?.features[1]?.properties).toEqual({ GHDLBM: '0301', GHDLMC: '乔木林地' });
    expect(edited.layers.GKBJ).toBe(db.layers.GKBJ);
    expect(edited.layers.GHDLTB?.features[0]).toBe(db.layers.GHDLTB?.features[0]);
    expect(edited.layers.GHDLTB?.features[2]).toBe(db.layers.GHDLTB?.features[2]);
    expect(edited.layers.GHDLTB?.features[1]?.geometry).toBe(db.layers.GHDLTB?.features[1]?.geometry);
    expect(edited.layers.GHDLTB?.features).not.toBe(db.layers.GHDLTB?.features);
    expect(edited.info).toBe(db.info);
    expect(db.layers.GHDLTB?.features[1]?.properties).toEqual({ GHDLBM: '0103' });
  });

  it('takes the edit back exactly: a field the feature did not have is removed again', () => {
    const back = applyEdit(applyEdit(db, edit, 'forward'), edit, 'back');
    expect(back).toEqual(db);
    expect(Object.keys(back.layers.GHDLTB?.features[1]?.properties ?? {})).toEqual(['GHDLBM']);
  });

  it('applies one feature changed twice in order, and back in reverse', () => {
    const twice: DatabaseEdit = {
      ...edit,
      changes: [
        { layer: 'GHDLTB', ref: 'GHDLTB#1', before: { GHDLBM: '0101' }, after: { GHDLBM: '0102' } },
        { layer: 'GHDLTB', ref: 'GHDLTB#1', before: { GHDLBM: '0102' }, after: { GHDLBM: '0103' } },
      ],
    };
    const edited = applyEdit(db, twice, 'forward');
    expect(edited.layers.GHDLTB?.features[0]?.properties).toEqual({ GHDLBM: '0103' });
    expect(applyEdit(edited, twice, 'back')).toEqual(db);
  });

  it('keeps a null-prototype record null-prototype (a field named __proto__ stays a field)', () => {
    const properties = Object.assign(Object.create(null) as Record<string, string>, { GHDLBM: '0101' });
    const odd = database({ GHDLTB: [feature('GHDLTB#1', cell(0), properties)] });
    const edited = applyEdit(odd, { ...edit, changes: [{ layer: 'GHDLTB', ref: 'GHDLTB#1', before: { GHDLBM: '0101' }, after: { GHDLBM: '0102' } }] }, 'forward');
    expect(Object.getPrototypeOf(edited.layers.GHDLTB?.features[0]?.properties)).toBeNull();
  });

  it('returns the same database for an edit without changes', () => {
    expect(applyEdit(db, { ...edit, changes: [] }, 'forward')).toBe(db);
  });

  it('throws on a ref or a layer the database does not have (a bug: edits are made from the same database)', () => {
    expect(() => applyEdit(db, { ...edit, changes: [{ ...edit.changes[0]!, ref: 'GHDLTB#9' }] }, 'forward')).toThrow(/GHDLTB#9/);
    expect(() => applyEdit(db, { ...edit, changes: [{ ...edit.changes[0]!, layer: 'JQDLTB' }] }, 'forward')).toThrow(/JQDLTB/);
  });
});

describe('applyEdit with whole features', () => {
  const ghdltb = db.layers.GHDLTB?.features ?? [];
  const [first, second, third] = ghdltb as [VillageFeature, VillageFeature, VillageFeature];
  const added = feature('GHDLTB#4', cell(3), { GHDLBM: '0301' });
  const replaced = { ...second, geometry: cell(5) };
  const whole: DatabaseEdit = {
    labelKey: 'databaseEdit.drawOverPlan.label',
    params: {},
    changes: [{ layer: 'GHDLTB', ref: 'GHDLTB#3', before: { GHDLBM: '0201' }, after: { GHDLBM: '0103' } }],
    features: [
      { layer: 'GHDLTB', before: first, after: null, index: 0 },
      { layer: 'GHDLTB', before: null, after: added },
      { layer: 'GHDLTB', before: second, after: replaced },
    ],
  };
  const refs = (edited: typeof db) => edited.layers.GHDLTB?.features.map((f) => f.ref);

  it('removes, replaces in place and appends, with the field changes, sharing the rest', () => {
    const edited = applyEdit(db, whole, 'forward');
    expect(refs(edited)).toEqual(['GHDLTB#2', 'GHDLTB#3', 'GHDLTB#4']);
    expect(edited.layers.GHDLTB?.features[0]).toBe(replaced);
    expect(edited.layers.GHDLTB?.features[1]?.properties).toEqual({ GHDLBM: '0103' });
    expect(edited.layers.GHDLTB?.features[2]).toBe(added);
    expect(edited.layers.GKBJ).toBe(db.layers.GKBJ);
  });

  it('takes them back exactly: the removed feature at its old index, the very objects it had', () => {
    const back = applyEdit(applyEdit(db, whole, 'forward'), whole, 'back');
    expect(back).toEqual(db);
    expect(back.layers.GHDLTB?.features[0]).toBe(first);
    expect(back.layers.GHDLTB?.features[1]).toBe(second);
    expect(back.layers.GHDLTB?.features[2]?.geometry).toBe(third.geometry);
  });

  it('puts several removed features back in their places', () => {
    const edit: DatabaseEdit = {
      ...whole,
      changes: [],
      features: [
        { layer: 'GHDLTB', before: third, after: null, index: 2 },
        { layer: 'GHDLTB', before: first, after: null, index: 0 },
        { layer: 'GHDLTB', before: null, after: added },
      ],
    };
    const edited = applyEdit(db, edit, 'forward');
    expect(refs(edited)).toEqual(['GHDLTB#2', 'GHDLTB#4']);
    expect(applyEdit(edited, edit, 'back').layers.GHDLTB?.features).toEqual(ghdltb);
  });

  it('is no edit without changes of either kind, and an edit with features only is one', () => {
    expect(isEmptyEdit({ ...whole, changes: [], features: [] })).toBe(true);
    expect(isEmptyEdit({ ...whole, changes: [] })).toBe(false);
    expect(applyEdit(db, { ...whole, changes: [], features: [] }, 'forward')).toBe(db);
  });

  it('throws on a feature the database does not have, or one changed twice (bugs)', () => {
    const missing = feature('GHDLTB#9', cell(9));
    expect(() => applyEdit(db, { ...whole, changes: [], features: [{ layer: 'GHDLTB', before: missing, after: null, index: 0 }] }, 'forward')).toThrow(/GHDLTB#9/);
    const twice: DatabaseEdit = { ...whole, changes: [], features: [{ layer: 'GHDLTB', before: first, after: null, index: 0 }, { layer: 'GHDLTB', before: first, after: replaced }] };
    expect(() => applyEdit(db, twice, 'forward')).toThrow(/twice/);
  });
});

describe('applyEdit with a village change', () => {
  const village: DatabaseEdit = {
    labelKey: 'database.info.label',
    params: { count: 3 },
    changes: [],
    village: {
      before: { info: { targetPopulation: null, planPeriod: '2017-2020年' }, allocations: { 1: null, 9: 5 } },
      after: { info: { targetPopulation: 1300, planPeriod: '2021-2035' }, allocations: { 1: 2.5, 9: null } },
    },
  };
  const start = { ...db, info: { ...db.info, targetPopulation: null, planPeriod: '2017-2020年' }, allocations: { 3: 1, 9: 5 } };

  it('sets the info and allocations forward, removing an allocation made blank, sharing the layers', () => {
    const edited = applyEdit(start, village, 'forward');
    expect(edited.info).toEqual({ ...start.info, targetPopulation: 1300, planPeriod: '2021-2035' });
    expect(edited.allocations).toEqual({ 1: 2.5, 3: 1 });
    expect(edited.layers).toBe(start.layers);
    expect(start.allocations).toEqual({ 3: 1, 9: 5 });
  });

  it('takes it back exactly: an allocation that was absent is absent again', () => {
    const back = applyEdit(applyEdit(start, village, 'forward'), village, 'back');
    expect(back).toEqual(start);
    expect(Object.keys(back.allocations)).toEqual(['3', '9']);
    expect(applyEdit(back, village, 'forward')).toEqual(applyEdit(start, village, 'forward'));
  });

  it('goes with the layers’ changes in one step', () => {
    const both = applyEdit(start, { ...village, changes: edit.changes }, 'forward');
    expect(both.layers.GHDLTB?.features[1]?.properties['GHDLBM']).toBe('0301');
    expect(both.info.targetPopulation).toBe(1300);
    expect(applyEdit(both, { ...village, changes: edit.changes }, 'back')).toEqual(start);
  });

  it('is empty when no entry changes value, or none is named', () => {
    const same = { before: { info: { targetPopulation: 5 }, allocations: { 1: 2 } }, after: { info: { targetPopulation: 5 }, allocations: { 1: 2 } } };
    expect(isEmptyEdit({ ...village, village: same })).toBe(true);
    expect(isEmptyEdit({ ...village, village: { before: { info: {}, allocations: {} }, after: { info: {}, allocations: {} } } })).toBe(true);
    expect(applyEdit(start, { ...village, village: same }, 'forward')).toBe(start);
    expect(isEmptyEdit({ ...village, village: { ...same, after: { ...same.after, allocations: { 1: null } } } })).toBe(false);
    expect(isEmptyEdit(village)).toBe(false);
  });

  it('carries the plan’s 管控边界 types of classes with the info, one step: set, changed and cleared, then exactly back', () => {
    const typed = { ...start, controlTypes: { '0101': '0101', '0201': '0301' } } as const;
    const step: DatabaseEdit = {
      ...village,
      village: {
        before: { info: { targetPopulation: null }, allocations: {}, controlTypes: { '0103': null, '0101': '0101', '0201': '0301' } },
        after: { info: { targetPopulation: 1300 }, allocations: {}, controlTypes: { '0103': '0301', '0101': '0900', '0201': null } },
      },
    };
    const edited = applyEdit(typed, step, 'forward');
    expect(edited.controlTypes).toEqual({ '0101': '0900', '0103': '0301' });
    expect(edited.info.targetPopulation).toBe(1300);
    expect(applyEdit(edited, step, 'back')).toEqual(typed);
    const onlyTypes: DatabaseEdit = { ...village, village: { before: { info: {}, allocations: {}, controlTypes: { '0103': null } }, after: { info: {}, allocations: {}, controlTypes: { '0103': null } } } };
    expect(isEmptyEdit(onlyTypes)).toBe(true);
  });
});

describe('messages of the database edits', () => {
  it('every databaseEdit key the commands use has a text', () => {
    const known = strings('zh');
    const dir = import.meta.dirname;
    const used = readdirSync(dir)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .flatMap((name) => [...readFileSync(join(dir, name), 'utf8').matchAll(/'(databaseEdit\.[\w.]+)'/g)].map((m) => m[1] as string));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((key) => !(key in known))).toEqual([]);
  });
});
