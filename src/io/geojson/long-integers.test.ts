import { describe, expect, it } from 'vitest';
import { parseGeoJsonText, parseJsonKeepingLongIntegers } from './long-integers.ts';

describe('parseJsonKeepingLongIntegers', () => {
  it('keeps a 19-digit code written as a number as its digits, where JSON.parse changes the last ones', () => {
    const text = '{"ZLDWDM":3301021001010000123,"BSM":-330102100101000012,"XH":7}';
    expect(String((JSON.parse(text) as { ZLDWDM: number }).ZLDWDM)).not.toBe('3301021001010000123');
    expect(parseJsonKeepingLongIntegers(text)).toEqual({ ZLDWDM: '3301021001010000123', BSM: '-330102100101000012', XH: 7 });
  });

  it('leaves every number a double holds exactly as a number: 16-digit integers, fractions, exponents, long coordinates', () => {
    const text = '{"a":1234567890123456,"b":9007199254740991,"c":120.12345678901234567,"d":1.2345678901234567e+21,"e":[[30.123456789012345678,0.0000000000000000001]]}';
    expect(parseJsonKeepingLongIntegers(text)).toEqual(JSON.parse(text));
  });

  it('leaves digits inside strings alone, escaped quotes included', () => {
    const text = '{"note":"编号 33010210010100001234567 \\" 12345678901234567890","n":12345678901234567890}';
    expect(parseJsonKeepingLongIntegers(text)).toEqual({ note: '编号 33010210010100001234567 " 12345678901234567890', n: '12345678901234567890' });
  });

  it('refuses what JSON.parse refuses, with its message', () => {
    for (const broken of ['{"a":01234567890123456789}', '{"a":12345678901234567890', '{"a":"12345678901234567890}']) {
      expect(() => parseJsonKeepingLongIntegers(broken)).toThrow(SyntaxError);
    }
  });
});

describe('parseGeoJsonText', () => {
  it('parses again keeping long integers only where a feature holds one, in a collection, a feature or a record', () => {
    const feature = (code: string) => `{"type":"Feature","properties":{"ZLDWDM":${code}},"geometry":null}`;
    expect(parseGeoJsonText(`{"type":"FeatureCollection","features":[${feature('7')},${feature('3301021001010000123')}]}`)).toMatchObject({ features: [{ properties: { ZLDWDM: 7 } }, { properties: { ZLDWDM: '3301021001010000123' } }] });
    expect(parseGeoJsonText(feature('3301021001010000123'))).toMatchObject({ properties: { ZLDWDM: '3301021001010000123' } });
    // Outside the properties a long integer is left as JSON.parse reads it: GeoJSON has no codes there.
    expect(parseGeoJsonText('{"type":"FeatureCollection","bbox":[12345678901234567890],"features":[]}')).toEqual({ type: 'FeatureCollection', bbox: [JSON.parse('12345678901234567890')], features: [] });
  });
});
