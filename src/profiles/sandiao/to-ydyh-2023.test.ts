import { describe, expect, it } from 'vitest';
import { indexClassification } from '../classification.ts';
import { YDYH_2023 } from '../ydyh/classes-2023.ts';
import { SANDIAO } from './classes.ts';
import { firstLevelFallback, mapSandiaoCode, SANDIAO_TO_YDYH_2023 } from './to-ydyh-2023.ts';

const mappedCode = (dlbm: string) => {
  const mapping = mapSandiaoCode(dlbm);
  return mapping.kind === 'mapped' ? mapping.code : mapping.kind;
};

const candidates = (dlbm: string) => {
  const mapping = mapSandiaoCode(dlbm);
  return mapping.kind === 'refine' ? mapping.candidates : mapping.kind;
};

describe('mapSandiaoCode', () => {
  it('the 0702 trap: a 三调 homestead becomes 0703 农村宅基地, never 用地用海 0702 城镇社区服务设施用地', () => {
    expect(mapSandiaoCode('0702')).toMatchObject({ kind: 'mapped', code: '0703', adjustable: false, row: { finer: ['070301', '070302'] } });
  });

  it('maps codes that keep their name but change their number', () => {
    expect(mappedCode('0305')).toBe('0303');
    expect(mappedCode('0402')).toBe('0503');
    expect(mappedCode('1107A')).toBe('1311');
    expect(mappedCode('1003')).toBe('1202');
  });

  it('reads a K code as its base class and keeps the flag', () => {
    expect(mapSandiaoCode('0307K')).toMatchObject({ kind: 'mapped', code: '0304', adjustable: true });
    expect(mapSandiaoCode('0307')).toMatchObject({ kind: 'mapped', code: '0304', adjustable: false });
    expect(mapSandiaoCode('1104K', '可调整养殖坑塘')).toMatchObject({ kind: 'mapped', code: '1704', adjustable: true, row: { from: '1104A' } });
    expect(mapSandiaoCode('0204K')).toMatchObject({ kind: 'refine', candidates: ['0204', '0205'], adjustable: true });
  });

  it('accepts only the K codes 三调 has', () => {
    expect(mapSandiaoCode('0101K')).toEqual({ kind: 'unknown' });
  });

  it('offers the candidates of a 待细分 row', () => {
    expect(candidates('1006')).toEqual(['060101', '060102']);
    expect(candidates('1202')).toEqual(['060201', '060202', '060203']);
    expect(candidates('09')).toEqual(['1501', '1502', '1503', '1504', '1505', '1506', '1507']);
    const commercial = candidates('05H1');
    expect(Array.isArray(commercial) && commercial.length > 1 && commercial.every((c) => c.startsWith('09'))).toBe(true);
    expect(mapSandiaoCode('05H1')).toMatchObject({ row: { unconfirmed: true } });
  });

  it('reads codes as a shapefile may write them', () => {
    expect(mappedCode(' 0810a ')).toBe('1403');
    expect(mappedCode('0201k')).toBe('0201');
  });

  it('says unknown for a code outside the table', () => {
    expect(mapSandiaoCode('9999')).toEqual({ kind: 'unknown' });
    expect(mapSandiaoCode('')).toEqual({ kind: 'unknown' });
    expect(mapSandiaoCode('01')).toEqual({ kind: 'unknown' });
  });

  it('flags a DLMC that names another class, and maps by the code', () => {
    expect(mapSandiaoCode('0702', '城镇社区服务设施用地')).toMatchObject({ kind: 'mapped', code: '0703', nameMismatch: { expected: '农村宅基地', given: '城镇社区服务设施用地' } });
    expect(mapSandiaoCode('0702', ' 农村宅基地 ')).not.toHaveProperty('nameMismatch');
    expect(mapSandiaoCode('0702', '')).not.toHaveProperty('nameMismatch');
    expect(mapSandiaoCode('1006', '田间道')).toMatchObject({ kind: 'refine', nameMismatch: { expected: '农村道路' } });
  });

  it('accepts a K code named by its own name or its base class, nothing else', () => {
    expect(mapSandiaoCode('0201K', '可调整果园')).not.toHaveProperty('nameMismatch');
    expect(mapSandiaoCode('0201K', '果园')).not.toHaveProperty('nameMismatch');
    expect(mapSandiaoCode('0201K', '茶园')).toMatchObject({ nameMismatch: { expected: '可调整果园', given: '茶园' } });
  });
});

describe('firstLevelFallback', () => {
  // The level-1 classes of cct:sd sheet 全部转一级类, by code.
  it('gives the 2023 first-level class of 1:1 and 待细分 rows alike', () => {
    expect(firstLevelFallback('1006')).toBe('06'); // 农村道路 → 农业设施建设用地
    expect(firstLevelFallback('1109')).toBe('13'); // 水工建筑用地 → 公用设施用地
    expect(firstLevelFallback('1107A')).toBe('13'); // 干渠 → 公用设施用地
    expect(firstLevelFallback('0508')).toBe('11'); // 物流仓储用地 → 仓储用地
    expect(firstLevelFallback('0603')).toBe('10'); // 盐田 → 工矿用地
    expect(firstLevelFallback('0303')).toBe('05'); // 红树林地 → 湿地
    expect(firstLevelFallback('08H2')).toBe('08');
    expect(firstLevelFallback('0204K')).toBe('02');
    expect(firstLevelFallback('9999')).toBeUndefined();
  });
});

describe('the table', () => {
  const sandiao = indexClassification(SANDIAO);
  const ydyh = indexClassification(YDYH_2023);

  it('maps only 三调 codes, each once, under their 三调 names', () => {
    const froms = SANDIAO_TO_YDYH_2023.map((r) => r.from);
    expect(new Set(froms).size).toBe(froms.length);
    for (const row of SANDIAO_TO_YDYH_2023) expect(sandiao.get(row.from)?.zh, row.from).toBe(row.fromName);
  });

  it('has a row for every 三调 class below the first level, K codes through their base', () => {
    const rows = new Set(SANDIAO_TO_YDYH_2023.map((r) => r.from));
    const leaves = SANDIAO.classes.flatMap((c) => (c.code !== null && c.parent !== null && !c.code.endsWith('K') ? [c.code] : []));
    expect(leaves.filter((code) => !rows.has(code))).toEqual([]);
    const kCodes = SANDIAO.classes.flatMap((c) => (c.code?.endsWith('K') ? [c.code] : []));
    expect(kCodes).toEqual(['0201K', '0202K', '0203K', '0204K', '0301K', '0302K', '0307K', '0403K', '1104K']);
    expect(kCodes.filter((code) => mapSandiaoCode(code).kind === 'unknown')).toEqual([]);
  });

  it('maps to real 用地用海 2023 codes', () => {
    const targets = SANDIAO_TO_YDYH_2023.flatMap((r) => [...r.to, ...(r.finer ?? [])]);
    expect(targets.filter((code) => ydyh.get(code) === undefined)).toEqual([]);
  });

  it('keeps 1:1 rows to one code and 待细分 rows within one first-level class', () => {
    for (const row of SANDIAO_TO_YDYH_2023) {
      if (row.refine) expect(row.to.length, row.from).toBeGreaterThan(1);
      else expect(row.to, row.from).toHaveLength(1);
      expect(new Set(row.to.map((code) => ydyh.root(code))).size, row.from).toBe(1);
    }
  });
});
