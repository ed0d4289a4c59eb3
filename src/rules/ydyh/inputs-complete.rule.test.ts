import { describe, expect, it } from 'vitest';
import { inputsCompleteRule } from './inputs-complete.rule.ts';
import { cell, database, feature, parcels } from './test-support.ts';

const references = { YJJBNT: [feature('YJJBNT#1', cell(0))], STBHHX: [feature('STBHHX#1', cell(1))] };

describe('inputs-complete', () => {
  it('passes a database with both parcel layers, their codes and the reference layers', () => {
    const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0101']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101']), ...references });
    expect(inputsCompleteRule.check(db)).toEqual([]);
  });

  it('is an error without the target layer or without the base code field, a warning without the red line', () => {
    const db = database({ JQDLTB: [feature('JQDLTB#1', cell(0), { DLBM: '0101' })], YJJBNT: references.YJJBNT });
    const issues = inputsCompleteRule.check(db);
    expect(issues.map((i) => [i.severity, i.layer, i.message.key])).toEqual([
      ['error', 'JQDLTB', 'rules.db.inputs-complete.fieldMissing'],
      ['error', 'GHDLTB', 'rules.db.inputs-complete.layerMissing'],
      ['warning', 'STBHHX', 'rules.db.inputs-complete.referenceMissing'],
    ]);
    expect(issues[0]?.message.params).toMatchObject({ field: 'JQDLBM', file: 'JQDLTB.shp' });
  });

  it('is a warning for a reference layer without a polygon (an unfilled template) where the allocation or the GKBJ says there is such land, naming its file', () => {
    const layers = { JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0101']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101']), YJJBNT: [], STBHHX: [feature('STBHHX#1', null)] };
    // A village without a red line and without PBF, as the township says: nothing to say.
    expect(inputsCompleteRule.check(database(layers, { allocations: { 7: 0 } }))).toEqual([]);
    const gkbj = [feature('GKBJ#1', cell(0), { GKBJLXDM: '0102' })];
    expect(inputsCompleteRule.check(database({ ...layers, GKBJ: gkbj }, { allocations: { 8: 115.94 } })).map((i) => [i.severity, i.layer, i.message.key, i.message.params['file']])).toEqual([
      ['warning', 'YJJBNT', 'rules.db.inputs-complete.referenceEmptyAllocated', 'YJJBNT.shp'],
      ['warning', 'STBHHX', 'rules.db.inputs-complete.referenceEmptyDrawn', 'STBHHX.shp'],
    ]);
  });

  it('is an error for a parcel layer without features', () => {
    const db = database({ JQDLTB: [], GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101']), ...references }, { fieldNames: { JQDLTB: ['JQDLBM'] } });
    expect(inputsCompleteRule.check(db).map((i) => i.message.key)).toEqual(['rules.db.inputs-complete.layerEmpty']);
  });
});
