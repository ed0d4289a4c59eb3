import { describe, expect, it } from 'vitest';
import { cell, database, feature } from '../../rules/ydyh/test-support.ts';
import { applyEdit } from './database-edit.ts';
import { deriveControlBoundaries } from './derive-control-boundaries.command.ts';
import { setBoundaryType, type BoundaryTypeCode } from './set-boundary-type.command.ts';

const XZQDM = '330106001001';
const db = database({
  CJDCQ: [feature('CJDCQ#1', cell(0, 0, 0.003), { ZLDWDM: `${XZQDM}0000000` })],
  GHDLTB: [
    feature('GHDLTB#1', cell(0), { GHDLBM: '0103', GHDLMC: '旱地', SSBJLX: null }),
    feature('GHDLTB#2', cell(1), { GHDLBM: '070301', GHDLMC: '一类农村宅基地', SSBJLX: 'Z' }),
    feature('GHDLTB#3', cell(2), { GHDLBM: '0103', GHDLMC: '旱地' }),
  ],
});

describe('setBoundaryType', () => {
  it('sets SSBJLX on the picked parcels, one undo step', () => {
    const result = setBoundaryType(db, ['GHDLTB#1', 'GHDLTB#2'], 'T');
    expect(result).toEqual({
      ok: true,
      notes: [],
      value: {
        labelKey: 'database.boundary.ssbjlx.label',
        params: { name: '弹性发展区', count: 2 },
        changes: [
          { layer: 'GHDLTB', ref: 'GHDLTB#1', before: { SSBJLX: null }, after: { SSBJLX: 'T' } },
          { layer: 'GHDLTB', ref: 'GHDLTB#2', before: { SSBJLX: 'Z' }, after: { SSBJLX: 'T' } },
        ],
      },
    });
    if (!result.ok) return;
    const edited = applyEdit(db, result.value, 'forward');
    expect(applyEdit(edited, result.value, 'back')).toEqual(db);
  });

  it('blanks SSBJLX, and a parcel without the field gets it and loses it again on undo', () => {
    const blank = setBoundaryType(db, ['GHDLTB#2'], null);
    expect(blank.ok && blank.value.changes).toEqual([{ layer: 'GHDLTB', ref: 'GHDLTB#2', before: { SSBJLX: 'Z' }, after: { SSBJLX: null } }]);
    const added = setBoundaryType(db, ['GHDLTB#3'], 'Z');
    expect(added.ok && added.value.changes).toEqual([{ layer: 'GHDLTB', ref: 'GHDLTB#3', before: {}, after: { SSBJLX: 'Z' } }]);
    if (!added.ok) return;
    expect(applyEdit(applyEdit(db, added.value, 'forward'), added.value, 'back')).toEqual(db);
  });

  it('says so when the parcels already have the value', () => {
    const result = setBoundaryType(db, ['GHDLTB#1'], null);
    expect(result.ok && result.value.changes).toEqual([]);
    expect(result.ok && result.notes.map((n) => n.key)).toEqual(['databaseEdit.nothingChanged']);
  });

  it('refuses a value that is not T, Z or blank, and an empty pick', () => {
    expect(setBoundaryType(db, ['GHDLTB#1'], 'X' as BoundaryTypeCode)).toEqual({ ok: false, error: { key: 'database.boundary.ssbjlx.unknown', params: { value: 'X' } } });
    expect(setBoundaryType(db, [], 'T').ok).toBe(false);
  });

  it('makes deriving the 管控边界 again give the parcel 村庄弹性发展区', () => {
    const result = setBoundaryType(db, ['GHDLTB#1'], 'T');
    if (!result.ok) throw new Error(result.error.key);
    const derived = deriveControlBoundaries(applyEdit(db, result.value, 'forward'));
    if (!derived.ok) throw new Error(derived.error.key);
    const types = (derived.value.features ?? []).flatMap((c) => (c.after ? [c.after.properties.GKBJLXDM] : []));
    expect(types).toContain('0302');
  });
});
