import { describe, expect, it } from 'vitest';
import { emptyProperties } from '../formats/properties.ts';
import { numberOf, numericCodesAreSandiao, resolveFields, ridgeFractions, sandiaoCodeOf } from './survey-fields.ts';

describe('resolveFields', () => {
  it('takes the fields by their Chinese names, as an export using field aliases writes them', () => {
    expect(resolveFields(['地类编码', '地类名称', '图斑编号', '图斑面积', '扣除地类系数', '扣除地类面积', '城镇村属性码'])).toEqual({
      code: '地类编码',
      name: '地类名称',
      parcelNo: '图斑编号',
      recordedArea: '图斑面积',
      ridgeCoefficient: '扣除地类系数',
      ridgeArea: '扣除地类面积',
      townVillage: '城镇村属性码',
    });
  });

  it('takes a name cut to the DBF’s 10 bytes: 5 characters in GBK, 3 and a broken byte in UTF-8', () => {
    expect(resolveFields(['地类编码', '扣除地类系', '城镇村属性', '权属单位代'])).toMatchObject({ code: '地类编码', ridgeCoefficient: '扣除地类系', townVillage: '城镇村属性', ownerCode: '权属单位代' });
    expect(resolveFields(['地类编\uFFFD', '地类名\uFFFD', '图斑面\uFFFD'])).toEqual({ code: '地类编\uFFFD', name: '地类名\uFFFD', recordedArea: '图斑面\uFFFD' });
  });

  it('leaves a cut name that could be several fields (扣除地 is 扣除地类编码, 系数 or 面积)', () => {
    expect(resolveFields(['地类编\uFFFD', '扣除地\uFFFD', '权属单\uFFFD']).ridgeCoefficient).toBeUndefined();
    expect(resolveFields(['权属单\uFFFD']).ownerCode).toBeUndefined();
    expect(resolveFields(['扣除地类编码']).code).toBeUndefined();
  });

  it('lets one cut alias serve two fields: 坐落单位代 is the location, and the owner where no 权属单位代码 is', () => {
    expect(resolveFields(['地类编码', '坐落单位代', '坐落单位名'])).toMatchObject({ ownerCode: '坐落单位代', locationCode: '坐落单位代', ownerName: '坐落单位名', locationName: '坐落单位名' });
    expect(resolveFields(['DLBM', 'QSDWDM', 'ZLDWDM'])).toMatchObject({ ownerCode: 'QSDWDM', locationCode: 'ZLDWDM' });
  });

  it('prefers the standard name when both are there, any case', () => {
    expect(resolveFields(['地类编码', 'dlbm']).code).toBe('dlbm');
  });
});

describe('numberOf', () => {
  const read = (value: string | number) => numberOf(Object.assign(emptyProperties(), { TBMJ: value }), 'TBMJ');

  it('reads a text area with thousands separators, as a spreadsheet-made export writes TBMJ', () => {
    expect(read('9,100.00')).toBe(9100);
    expect(read('1,234,567.8')).toBe(1234567.8);
    expect(read(' 900 ')).toBe(900);
  });

  it('reads no number from a comma that separates no thousands', () => {
    expect(read('0,12')).toBeNull();
    expect(read('12,34.5')).toBeNull();
  });
});

describe('ridgeFractions', () => {
  it('reads a 1 as 1 % where the layer writes percentages, not as a parcel all ridge', () => {
    expect(ridgeFractions([5, 1, null, 12.5])).toEqual([0.05, 0.01, null, 0.125]);
  });

  it('reads fractions as they are', () => {
    expect(ridgeFractions([0.05, 0.1, 0])).toEqual([0.05, 0.1, 0]);
  });
});

describe('sandiaoCodeOf', () => {
  const code = (value: string | number) => sandiaoCodeOf(Object.assign(emptyProperties(), { DLBM: value }), 'DLBM');

  it('gives a numeric field’s codes their leading zero back', () => {
    expect(code(101)).toEqual({ code: '0101', zeroRestored: true });
    expect(code(702)).toEqual({ code: '0702', zeroRestored: true });
    expect(code(9)).toEqual({ code: '09', zeroRestored: true });
    expect(code(1006)).toEqual({ code: '1006', zeroRestored: false });
    expect(code(10)).toEqual({ code: '10', zeroRestored: false });
  });

  it('leaves text as written', () => {
    expect(code('101')).toEqual({ code: '101', zeroRestored: false });
    expect(code(' 0201K ')).toEqual({ code: '0201K', zeroRestored: false });
  });
});

describe('numericCodesAreSandiao', () => {
  const unnamed = (...values: (string | number)[]) => values.map((value) => ({ value, name: null }));

  it('knows 三调 by a number no 二调 code has, or by a text cell only 三调 writes', () => {
    expect(numericCodesAreSandiao(unnamed(101, 1006))).toBe(true);
    expect(numericCodesAreSandiao(unnamed(101, 9))).toBe(true);
    expect(numericCodesAreSandiao(unnamed(101, '0201K'))).toBe(true);
    expect(numericCodesAreSandiao(unnamed(101, '08H2A'))).toBe(true);
  });

  it('leaves 二调 numbers and text as they are', () => {
    expect(numericCodesAreSandiao(unnamed(101, 203, 11))).toBe(false);
    expect(numericCodesAreSandiao(unnamed(101, '203'))).toBe(false);
    // All text: nothing lost a zero.
    expect(numericCodesAreSandiao(unnamed('0101', '1006'))).toBe(false);
  });
});
