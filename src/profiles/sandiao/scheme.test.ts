import { describe, expect, it } from 'vitest';
import { familyOf, suggestScheme } from './scheme.ts';

describe('suggestScheme', () => {
  it('suggests 三调 for a DLTB layer and says why', () => {
    const suggestion = suggestScheme({ fieldNames: ['BSM', 'TBBH', 'DLBM', 'DLMC', 'CZCSXM'], codes: ['0101', '0702', '05H1', '0201K'] });
    expect(suggestion).toEqual({
      family: 'sandiao',
      fieldNames: [{ hint: 'DLBM', family: 'sandiao' }, { hint: 'DLMC', family: 'sandiao' }],
      codes: [{ hint: '0201K', family: 'sandiao' }, { hint: '05H1', family: 'sandiao' }],
      conflicting: false,
    });
  });

  it('suggests 用地用海 for a plan layer', () => {
    const suggestion = suggestScheme({ fieldNames: ['ghdlbm', 'GHDLMC'], codes: ['070301', '0101', '2302'] });
    expect(suggestion.family).toBe('ydyh');
    expect(suggestion.fieldNames).toEqual([{ hint: 'GHDLBM', family: 'ydyh' }]);
    expect(suggestion.codes.map((h) => h.hint)).toEqual(['070301', '2302']);
    expect(suggestion.conflicting).toBe(false);
  });

  it('takes the codes over a field name that disagrees, and says they conflict', () => {
    const suggestion = suggestScheme({ fieldNames: ['DLBM'], codes: ['0703', '060101'] });
    expect(suggestion).toMatchObject({ family: 'ydyh', conflicting: true });
  });

  it('falls back to the field names when the codes disagree among themselves', () => {
    expect(suggestScheme({ fieldNames: ['JQDLBM'], codes: ['1107A', '060101'] })).toMatchObject({ family: 'ydyh', conflicting: true });
    expect(suggestScheme({ fieldNames: [], codes: ['1107A', '060101'] })).toMatchObject({ family: null, conflicting: true });
  });

  it('suggests nothing from codes both schemes share', () => {
    expect(suggestScheme({ fieldNames: ['CODE'], codes: ['0101', '0702', '1202'] })).toEqual({ family: null, fieldNames: [], codes: [], conflicting: false });
  });
});

describe('familyOf', () => {
  it('puts both 用地用海 editions in one family', () => {
    expect([familyOf('sandiao'), familyOf('ydyh-2020'), familyOf('ydyh-2023')]).toEqual(['sandiao', 'ydyh', 'ydyh']);
  });
});
