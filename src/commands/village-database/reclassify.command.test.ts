import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../rules/ydyh/index.ts';
import { cell, database, feature, parcels } from '../../rules/ydyh/test-support.ts';
import { applyEdit } from './database-edit.ts';
import { EMPTY_DATABASE_HISTORY, record, undo } from './database-history.ts';
import { reclassify } from './reclassify.command.ts';

const GHDLTB = { layerKey: 'rules.db.layer.GHDLTB' };
const db = database({ GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101', '0103', '0201'], { GHDLMC: '' }) });

describe('reclassify', () => {
  it('sets GHDLBM and the 2023 name on the selected parcels, labelled with the name and count', () => {
    const result = reclassify(db, ['GHDLTB#1', 'GHDLTB#3'], '0301');
    expect(result).toEqual({
      ok: true,
      notes: [],
      value: {
        labelKey: 'databaseEdit.reclassify.label',
        params: { code: '0301', name: '乔木林地', count: 2 },
        changes: [
          { layer: 'GHDLTB', ref: 'GHDLTB#1', before: { GHDLBM: '0101', GHDLMC: '' }, after: { GHDLBM: '0301', GHDLMC: '乔木林地' } },
          { layer: 'GHDLTB', ref: 'GHDLTB#3', before: { GHDLBM: '0201', GHDLMC: '' }, after: { GHDLBM: '0301', GHDLMC: '乔木林地' } },
        ],
      },
    });
  });

  it('leaves out parcels already of that class, and says so', () => {
    const mixed = database({ GHDLTB: [feature('GHDLTB#1', cell(0), { GHDLBM: '0301', GHDLMC: '乔木林地' }), feature('GHDLTB#2', cell(1), { GHDLBM: '0103', GHDLMC: '旱地' })] });
    const some = reclassify(mixed, ['GHDLTB#1', 'GHDLTB#2'], '0301');
    expect(some.ok && some.value.changes.map((c) => c.ref)).toEqual(['GHDLTB#2']);
    expect(some.ok && some.value.params.count).toBe(1);
    expect(some.ok && some.notes).toEqual([{ key: 'databaseEdit.someUnchanged', params: { ...GHDLTB, count: 1, name: '乔木林地' } }]);

    const none = reclassify(mixed, ['GHDLTB#1'], '0301');
    expect(none.ok && none.value.changes).toEqual([]);
    expect(none.ok && none.notes).toEqual([{ key: 'databaseEdit.nothingChanged', params: { ...GHDLTB, count: 1, name: '乔木林地' } }]);
  });

  it('changes only the fields that differ: a parcel of that code with another name gets its name', () => {
    const misnamed = database({ GHDLTB: [feature('GHDLTB#1', cell(0), { GHDLBM: '0301' })] });
    const result = reclassify(misnamed, ['GHDLTB#1'], '0301');
    expect(result.ok && result.value.changes).toEqual([{ layer: 'GHDLTB', ref: 'GHDLTB#1', before: {}, after: { GHDLMC: '乔木林地' } }]);
  });

  it('allows a code the Zhejiang structure table has finer rows for, with a note on where the table counts it', () => {
    const coarse = reclassify(db, ['GHDLTB#1'], '0703');
    expect(coarse.ok && coarse.value.changes).toHaveLength(1);
    expect(coarse.ok && coarse.notes).toEqual([{ key: 'databaseEdit.reclassify.tooCoarse', params: { code: '0703', name: '农村宅基地', subtotalKey: 'rules.db.subtotal.village' } }]);
    const ungrouped = reclassify(db, ['GHDLTB#1'], '0802');
    expect(ungrouped.ok && ungrouped.notes).toEqual([{ key: 'databaseEdit.reclassify.ungrouped', params: { code: '0802', name: '科研用地' } }]);
    const row = reclassify(db, ['GHDLTB#1'], '070301');
    expect(row.ok && row.notes).toEqual([]);
  });

  it.each([
    ['no parcel selected', db, [], '0301', 'databaseEdit.noSelection', GHDLTB],
    ['no GHDLTB', database({ JQDLTB: [] }), ['GHDLTB#1'], '0301', 'databaseEdit.noLayer', GHDLTB],
    ['a ref not in GHDLTB', db, ['GHDLTB#1', 'GHDLTB#7', 'JQDLTB#1'], '0301', 'databaseEdit.unknownFeatures', { ...GHDLTB, count: 2, refs: 'GHDLTB#7, JQDLTB#1' }],
    ['a ref two parcels share', database({ GHDLTB: [feature('GHDLTB#1', cell(0)), feature('GHDLTB#1', cell(1))] }), ['GHDLTB#1'], '0301', 'databaseEdit.ambiguousFeatures', { ...GHDLTB, count: 1, refs: 'GHDLTB#1' }],
    ['a code not in the 2023 classification', db, ['GHDLTB#1'], '0702x', 'databaseEdit.reclassify.unknownCode', { code: '0702x' }],
    ['a sea code', db, ['GHDLTB#1'], '18', 'databaseEdit.reclassify.seaCode', { code: '18', name: '渔业用海' }],
    ['a database declared in the 2020 edition', database({ GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101']) }, { edition: 'ydyh-2020' }), ['GHDLTB#1'], '0301', 'databaseEdit.reclassify.edition2020', { code: '0301' }],
  ] as const)('refuses %s', (_case, database, refs, code, key, params) => {
    expect(reclassify(database, refs, code)).toEqual({ ok: false, error: { key, params } });
  });

  it('puts village land outside the 村庄建设边界 where the boundary check sees it, and undo takes it back', () => {
    const plan = database({
      GHDLTB: [feature('GHDLTB#1', cell(0), { GHDLBM: '070301', GHDLMC: '一类农村宅基地' }), feature('GHDLTB#2', cell(1), { GHDLBM: '0101', GHDLMC: '水田' })],
      GKBJ: [feature('GKBJ#1', cell(0), { GKBJLXDM: '0301', GKBJLXMC: '村庄集中建设区' }), feature('GKBJ#2', cell(1), { GKBJLXDM: '0201', GKBJLXMC: '一般农业空间' })],
    });
    const outsideBoundary = (checked: typeof plan) => checkDatabase(checked).issues.filter((i) => i.rule === 'village-land-in-boundary' && i.severity === 'error').flatMap((i) => i.features);
    expect(outsideBoundary(plan)).toEqual([]);

    const result = reclassify(plan, ['GHDLTB#2'], '070301');
    if (!result.ok) throw new Error(result.error.key);
    const edited = applyEdit(plan, result.value, 'forward');
    expect(outsideBoundary(edited)).toEqual(['GHDLTB#2']);

    const undone = undo(edited, record(EMPTY_DATABASE_HISTORY, result.value));
    expect(undone?.db).toEqual(plan);
    expect(outsideBoundary(undone?.db ?? edited)).toEqual([]);
  });
});
