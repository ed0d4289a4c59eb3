import { describe, expect, it } from 'vitest';
import { bsm, DATABASE_LAYERS } from './layers.ts';

describe('bsm [cct:vg]', () => {
  it('is the 12-digit XZQDM and the sequence padded to 8 digits', () => {
    expect(bsm('330102001001', 42)).toEqual({ ok: true, value: '33010200100100000042' });
    expect(bsm('330102001001', 99_999_999)).toEqual({ ok: true, value: '33010200100199999999' });
  });

  it('refuses a XZQDM that is not 12 digits', () => {
    for (const xzqdm of ['33010200100', '3301020010010', '33010200100A', '', '330102001001 ']) {
      expect(bsm(xzqdm, 1), xzqdm).toEqual({ ok: false, error: 'xzqdmNot12Digits' });
    }
  });

  it('refuses a sequence beyond 8 digits, negative or fractional', () => {
    for (const sequence of [100_000_000, -1, 1.5, Number.NaN]) {
      expect(bsm('330102001001', sequence), String(sequence)).toEqual({ ok: false, error: 'sequenceOutOf8Digits' });
    }
  });
});

describe('the village database layers [cct:gdb]', () => {
  it('has the eight layers of §3, each with BSM and YSDM first and unique field names', () => {
    expect(DATABASE_LAYERS.map((l) => l.name)).toEqual(['CJDCQ', 'CJDCQJX', 'JQDLTB', 'GGJCSSD', 'GHDLTB', 'GHGGJCSSD', 'GKBJ', 'LSWHBHQ']);
    for (const layer of DATABASE_LAYERS) {
      expect(layer.fields.slice(0, 2).map((f) => f.name), layer.name).toEqual(['BSM', 'YSDM']);
      expect(new Set(layer.fields.map((f) => f.name)).size, layer.name).toBe(layer.fields.length);
      expect(layer.ysdm, layer.name).toMatch(/^\d{10}$/);
    }
  });

  it('marks every layer name and YSDM unconfirmed: the schema is Fujian\'s (§6)', () => {
    expect(DATABASE_LAYERS.every((l) => l.unconfirmed.includes('name') && l.unconfirmed.includes('ysdm'))).toBe(true);
  });

  it('blanks SSBJLX = T on export and keeps its length of 5', () => {
    const ssbjlx = DATABASE_LAYERS.find((l) => l.name === 'GHDLTB')?.fields.find((f) => f.name === 'SSBJLX');
    expect(ssbjlx).toMatchObject({ type: 'String', length: 5, blankedOnExport: ['T'] });
  });

  it('keeps the non-text types of JQDLTB as the gdb declares them', () => {
    const types = Object.fromEntries((DATABASE_LAYERS.find((l) => l.name === 'JQDLTB')?.fields ?? []).map((f) => [f.name, f.type]));
    expect(types).toMatchObject({ TBMJ: 'Double', KCXS: 'Single', KCMJ: 'Double', TBDLMJ: 'Double', SJNF: 'Int16', JQDLBM: 'String' });
  });
});
