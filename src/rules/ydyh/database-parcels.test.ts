import { describe, expect, it } from 'vitest';
import { codedParcels, controlTypeOfFeature } from './database-parcels.ts';
import { cell, database, feature } from './test-support.ts';

describe('codedParcels', () => {
  const target = [feature('GHDLTB#1', cell(0), { GHDLBM: '060102' }), feature('GHDLTB#2', cell(1), { GHDLBM: ' 0101 ' }), feature('GHDLTB#3', cell(2), { GHDLBM: '' })];

  it('reads each coded parcel, its code in the 2023 edition, and leaves out a parcel without a code', () => {
    const read = codedParcels(database({ GHDLTB: target }, { edition: 'ydyh-2020' }), 'target');
    expect(read.map((p) => [p.ref, p.written, p.code, p.known])).toEqual([
      ['GHDLTB#1', '060102', '1207', true],
      ['GHDLTB#2', '0101', '0101', true],
    ]);
  });

  it('reads a layer once while its features are the same, and again for another edition or an edited layer', () => {
    const first = codedParcels(database({ GHDLTB: target }), 'target');
    expect(codedParcels(database({ GHDLTB: target }), 'target')).toBe(first);
    // 060102 is 田间道 in 2023, 村庄内部道路用地 (1207) in 2020: the same features read for another edition.
    expect(codedParcels(database({ GHDLTB: target }, { edition: 'ydyh-2020' }), 'target')[0]?.code).toBe('1207');
    expect(codedParcels(database({ GHDLTB: target }), 'target')[0]?.code).toBe('060102');
    const edited = [target[0]!, feature('GHDLTB#2', cell(1), { GHDLBM: '0103' })];
    expect(codedParcels(database({ GHDLTB: edited }), 'target').map((p) => p.code)).toEqual(['060102', '0103']);
  });
});

describe('controlTypeOfFeature', () => {
  const zone = (properties: Record<string, string | number>) => feature('GKBJ#1', cell(0), properties);

  it('reads a type written as a number without its leading zero, or named, as the type it is', () => {
    expect(controlTypeOfFeature(zone({ GKBJLXDM: '0301', GKBJLXMC: '村庄集中建设区' }))).toBe('0301');
    expect(controlTypeOfFeature(zone({ GKBJLXDM: 301, GKBJLXMC: '村庄集中建设区' }))).toBe('0301');
    expect(controlTypeOfFeature(zone({ GKBJLXDM: '9999', GKBJLXMC: '村庄弹性发展区' }))).toBe('0302');
    expect(controlTypeOfFeature(zone({ GKBJLXMC: '永久基本农田' }))).toBe('0202');
    expect(controlTypeOfFeature(zone({ GKBJLXDM: '9999' }))).toBe('9999');
    expect(controlTypeOfFeature(zone({}))).toBeNull();
  });
});
