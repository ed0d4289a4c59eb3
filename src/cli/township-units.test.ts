/** Units and numbers as a township writes them, and keys written twice in its JSON: small hand-made cases. */
import { describe, expect, it } from 'vitest';
import { strings } from '../i18n/texts.ts';
import { duplicateJsonKeys } from './township-json-keys.ts';
import { AREA_UNITS, headerUnit, numberOfText, splitLabel, toM2, unitKey, unitOf } from './township-units.ts';

describe('township units', () => {
  it('reads each unit as written in practice, and nothing else', () => {
    const cases: [string, string | undefined][] = [
      ['公顷', 'ha'], ['hm²', 'ha'], ['hm2', 'ha'], ['HA', 'ha'], ['㏊', 'ha'], ['hm^2', 'ha'],
      ['平方公里', 'km2'], ['平方千米', 'km2'], ['km²', 'km2'], ['ＫＭ２', 'km2'], ['㎢', 'km2'],
      ['亩', 'mu'], ['mu', 'mu'], ['平方米', 'm2'], ['m²', 'm2'], ['㎡', 'm2'], ['万平方米', 'wanM2'], ['万m²', 'wanM2'], ['万亩', 'wanMu'],
      ['单位：亩', 'mu'], ['单位:公顷', 'ha'], [' 平方 公里 ', 'km2'],
      ['平方丈', undefined], ['万公顷', undefined], ['顷', undefined], ['2035年', undefined], ['', undefined],
    ];
    for (const [written, unit] of cases) expect(unitOf(written), written).toBe(unit);
  });

  it('converts to m², exactly for 亩', () => {
    expect(toM2(153.5, 'ha')).toBe(1_535_000);
    expect(toM2(1.535, 'km2')).toBe(1_535_000);
    expect(toM2(2302.5, 'mu')).toBe(1_535_000);
    expect(toM2(1, 'mu')).toBe(666.67);
    expect(toM2(1_535_000, 'm2')).toBe(1_535_000);
    expect(toM2(153.5, 'wanM2')).toBe(1_535_000);
    expect(toM2(0.23025, 'wanMu')).toBe(1_535_000);
    expect(toM2(171.28, 'ha')).toBe(1_712_800);
  });

  it('names every unit in both languages', () => {
    for (const language of ['zh', 'en'] as const) for (const unit of AREA_UNITS) expect(strings(language)[unitKey(unit)], `${language} ${unit}`).toBeTruthy();
  });

  it('splits a label from its brackets; reads a header’s unit, refusing what the area column’s brackets hold if not a unit', () => {
    expect(splitLabel('耕地保有量（平方公里）')).toEqual({ name: '耕地保有量', bracket: '平方公里' });
    expect(splitLabel(' 耕地保有量 (hm²) ')).toEqual({ name: '耕地保有量', bracket: 'hm²' });
    expect(splitLabel('耕地保有量')).toEqual({ name: '耕地保有量', bracket: undefined });
    expect(headerUnit('面积（亩）', true)).toEqual({ kind: 'unit', unit: 'mu', written: '亩' });
    expect(headerUnit('面积(单位：平方米)', true)).toEqual({ kind: 'unit', unit: 'm2', written: '单位：平方米' });
    expect(headerUnit('面积/km²', true)).toEqual({ kind: 'unit', unit: 'km2', written: 'km²' });
    expect(headerUnit('公顷', true)).toEqual({ kind: 'unit', unit: 'ha', written: '公顷' });
    expect(headerUnit('面积', true)).toEqual({ kind: 'none' });
    expect(headerUnit('面积（平方丈）', true)).toEqual({ kind: 'unknown', written: '平方丈' });
    expect(headerUnit('指标（2021—2035年）', false)).toEqual({ kind: 'none' });
    expect(headerUnit('指标（单位：平方丈）', false)).toEqual({ kind: 'unknown', written: '单位：平方丈' });
  });

  it('reads a number written as text; a comma not grouping thousands is ambiguous', () => {
    expect(numberOfText('153.5')).toEqual({ kind: 'number', value: 153.5 });
    expect(numberOfText(' 1,535 ')).toEqual({ kind: 'number', value: 1535 });
    expect(numberOfText('1,535,000.25')).toEqual({ kind: 'number', value: 1_535_000.25 });
    expect(numberOfText('')).toEqual({ kind: 'empty' });
    for (const text of ['153,5', '1,5350', '1,53', ',5', '1,535,00']) expect(numberOfText(text), text).toEqual({ kind: 'bad', reasonKey: 'package.township.ambiguousComma' });
    for (const text of ['约153.5', '１５３.５', '0x10', 'Infinity', '153.5亩', '1.2.3']) expect(numberOfText(text), text).toEqual({ kind: 'bad', reasonKey: 'package.township.badCell' });
  });
});

describe('JSON keys written twice', () => {
  it('finds them in any object, escapes decoded, not under the skipped keys', () => {
    expect(duplicateJsonKeys('{"a":1,"tasksHa":{"x":1,"y":[{"x":1}],"x":2}}')).toEqual([{ path: ['tasksHa'], key: 'x' }]);
    expect(duplicateJsonKeys('{"a":1, "b": "a", "\\u0061": 2}')).toEqual([{ path: [], key: 'a' }]);
    expect(duplicateJsonKeys('{"a":"}{\\"a\\":","b":[{"c":1,"c":2}]}')).toEqual([{ path: ['b', '*'], key: 'c' }]);
    expect(duplicateJsonKeys('{"zones":{"features":[{"properties":{"k":1,"k":2}}]},"tasksHa":{}}', ['zones'])).toEqual([]);
    expect(duplicateJsonKeys('{"format":"village-plan-township","tasksHa":{"cultivatedLand":153.5}}')).toEqual([]);
  });
});
