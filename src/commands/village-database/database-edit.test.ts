import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strings } from '../../i18n/texts.ts';
import { cell, database, feature, parcels } from '../../rules/ydyh/test-support.ts';
import { applyEdit, type DatabaseEdit } from './database-edit.ts';

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
