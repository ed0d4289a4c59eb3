import { describe, expect, it } from 'vitest';
import { codesInListsRule } from './codes-in-lists.rule.ts';
import { cell, database, feature } from './test-support.ts';

const point = (ref: string, properties: Record<string, string | null>) => feature(ref, { type: 'Point', coordinates: [120.1005, 30.2005] }, properties);

describe('codes-in-lists', () => {
  it('passes codes of their lists', () => {
    const db = database({
      GKBJ: [feature('GKBJ#1', cell(0), { GKBJLXDM: '0301' })],
      GGJCSSD: [point('GGJCSSD#1', { SSLXDM: '01' })],
      GHGGJCSSD: [point('GHGGJCSSD#1', { GHSSLXDM: '99' })],
      LSWHBHQ: [feature('LSWHBHQ#1', cell(1), { LSWHLXDM: '02', JBDM: '30' })],
    });
    expect(codesInListsRule.check(db)).toEqual([]);
  });

  it('is an error for a code outside its list or none, grouped per field and value', () => {
    const db = database({
      GKBJ: [feature('GKBJ#1', cell(0), { GKBJLXDM: '0300' }), feature('GKBJ#2', cell(1), { GKBJLXDM: '0300' })],
      GGJCSSD: [point('GGJCSSD#1', { SSLXDM: '1' })],
      GHGGJCSSD: [point('GHGGJCSSD#1', { GHSSLXDM: null })],
      LSWHBHQ: [feature('LSWHBHQ#1', cell(1), { LSWHLXDM: '04', JBDM: '60' })],
    });
    expect(codesInListsRule.check(db).map((i) => [i.severity, i.layer, i.message.params['field'], i.message.key.split('.').at(-1), i.features.length])).toEqual([
      ['error', 'GKBJ', 'GKBJLXDM', 'notInList', 2],
      ['error', 'GGJCSSD', 'SSLXDM', 'lostZero', 1],
      ['error', 'GHGGJCSSD', 'GHSSLXDM', 'blank', 1],
      ['error', 'LSWHBHQ', 'LSWHLXDM', 'notInList', 1],
      ['error', 'LSWHBHQ', 'JBDM', 'notInList', 1],
    ]);
  });

  it('names the code a value was before a number field dropped its leading zero (GKBJLXDM 301 for 0301)', () => {
    const db = database({ GKBJ: [feature('GKBJ#1', cell(0), { GKBJLXDM: 301 }), feature('GKBJ#2', cell(1), { GKBJLXDM: 999 })] });
    expect(codesInListsRule.check(db).map((i) => [i.message.key.split('.').at(-1), i.message.params['value'], i.message.params['expected']])).toEqual([
      ['lostZero', '301', '0301'],
      ['notInList', '999', undefined],
    ]);
  });
});
