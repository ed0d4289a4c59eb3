import { describe, expect, it } from 'vitest';
import type { GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';
import { cell, database, feature } from '../../rules/ydyh/test-support.ts';
import { applyEdit } from './database-edit.ts';
import { setControlType } from './set-control-type.command.ts';

const GKBJ = { layerKey: 'rules.db.layer.GKBJ' };
const db = database({
  GKBJ: [feature('GKBJ#1', cell(0), { GKBJLXDM: '0201', GKBJLXMC: '一般农业空间' }), feature('GKBJ#2', cell(1), { GKBJLXDM: '0301', GKBJLXMC: '村庄集中建设区' })],
});

describe('setControlType', () => {
  it('sets the type code and its name on the selected 管控边界, labelled with the name and count', () => {
    const result = setControlType(db, ['GKBJ#1'], '0302');
    expect(result).toEqual({
      ok: true,
      notes: [],
      value: {
        labelKey: 'databaseEdit.setControlType.label',
        params: { code: '0302', name: '村庄弹性发展区', count: 1 },
        changes: [{ layer: 'GKBJ', ref: 'GKBJ#1', before: { GKBJLXDM: '0201', GKBJLXMC: '一般农业空间' }, after: { GKBJLXDM: '0302', GKBJLXMC: '村庄弹性发展区' } }],
      },
    });
    if (!result.ok) return;
    const edited = applyEdit(db, result.value, 'forward');
    expect(edited.layers.GKBJ?.features[0]?.properties).toEqual({ GKBJLXDM: '0302', GKBJLXMC: '村庄弹性发展区' });
    expect(edited.layers.GKBJ?.features[1]).toBe(db.layers.GKBJ?.features[1]);
  });

  it('leaves out polygons already of that type, and says so', () => {
    const some = setControlType(db, ['GKBJ#1', 'GKBJ#2'], '0301');
    expect(some.ok && some.value.changes.map((c) => c.ref)).toEqual(['GKBJ#1']);
    expect(some.ok && some.notes).toEqual([{ key: 'databaseEdit.someUnchanged', params: { ...GKBJ, count: 1, name: '村庄集中建设区' } }]);
    const none = setControlType(db, ['GKBJ#2'], '0301');
    expect(none.ok && none.value).toMatchObject({ changes: [], params: { count: 0 } });
    expect(none.ok && none.notes).toEqual([{ key: 'databaseEdit.nothingChanged', params: { ...GKBJ, count: 1, name: '村庄集中建设区' } }]);
  });

  it.each([
    ['nothing selected', db, [], '0301', 'databaseEdit.noSelection', GKBJ],
    ['no GKBJ', database({ GHDLTB: [] }), ['GKBJ#1'], '0301', 'databaseEdit.noLayer', GKBJ],
    ['a ref not in GKBJ', db, ['GKBJ#3'], '0301', 'databaseEdit.unknownFeatures', { ...GKBJ, count: 1, refs: 'GKBJ#3' }],
    ['a ref two polygons share', database({ GKBJ: [feature('GKBJ#1', cell(0)), feature('GKBJ#1', cell(1))] }), ['GKBJ#1'], '0301', 'databaseEdit.ambiguousFeatures', { ...GKBJ, count: 1, refs: 'GKBJ#1' }],
    ['a type not in the list (from a file or an old draft)', db, ['GKBJ#1'], '0303' as GkbjTypeCode, 'databaseEdit.setControlType.unknownType', { code: '0303' }],
  ] as const)('refuses %s', (_case, database, refs, code, key, params) => {
    expect(setControlType(database, refs, code)).toEqual({ ok: false, error: { key, params } });
  });
});
