import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../geo/area.ts';
import { computeDatabaseTables } from './database-tables.ts';
import { cell, database, feature, FULL_INFO, parcels } from './test-support.ts';

const ha = (col: number) => ellipsoidalArea(cell(col)) / 10_000;

// A field (0103) becomes homesteads (070301) in the plan; a road (1207) stays.
const BASE = parcels('JQDLTB', 'JQDLBM', ['0103', '070301', '1207']);
const TARGET = parcels('GHDLTB', 'GHDLBM', ['070301', '070301', '1207']);

describe('computeDatabaseTables', () => {
  it('fills the structure table row of a code with both years’ areas and the change', () => {
    const { structure } = computeDatabaseTables(database({ JQDLTB: BASE, GHDLTB: TARGET }));
    const homes = structure.rows.find((r) => r.row.code === '070301');
    expect(homes?.values.base).toBeCloseTo(ha(1), 10);
    expect(homes?.values.target).toBeCloseTo(ha(0) + ha(1), 10);
    expect(homes?.values.change).toBeCloseTo(ha(0), 10);
  });

  it('computes an indicator, and footnotes a figure it cannot compute', () => {
    const { indicators } = computeDatabaseTables(database({ JQDLTB: BASE, GHDLTB: TARGET }, { info: { ...FULL_INFO, baseHeritage: null } }));
    const farmland = indicators.results.find((r) => r.indicator.number === 9);
    expect(farmland?.base.value).toBeCloseTo(ha(0), 10);
    expect(farmland?.target.value).toBe(0);
    expect(indicators.footnotes).toContainEqual({ number: 13, message: { key: 'cli.village.footnote.notInWorkbook', params: { yearKey: 'cli.village.year.base', item: '现状自然和文化遗产' } } });
    expect(indicators.footnotes).toContainEqual({ number: 7, message: { key: 'cli.village.footnote.noLayer', params: { files: 'STBHHX/生态保护红线' } } });
  });

  it('fills the control table from GKBJ by code, or by name where the code is empty', () => {
    const gkbj = [feature('GKBJ#1', cell(0), { GKBJLXDM: '0301' }), feature('GKBJ#2', cell(1), { GKBJLXDM: '', GKBJLXMC: '村庄集中建设区' })];
    const { control } = computeDatabaseTables(database({ JQDLTB: BASE, GHDLTB: TARGET, GKBJ: gkbj }));
    expect(control?.find((r) => r.key === '0301')).toMatchObject({ name: '村庄集中建设区', sharePercent: 100 });
    expect(control?.find((r) => r.key === '0301')?.areaHa).toBeCloseTo(ha(0) + ha(1), 10);
  });

  it('has no control table without GKBJ, and says so in its notes beside what it counted', () => {
    const { control, notes } = computeDatabaseTables(database({ JQDLTB: BASE, GHDLTB: TARGET }));
    expect(control).toBeNull();
    expect(notes).toContainEqual({ key: 'cli.village.noGkbj', params: { files: 'GKBJ/管控边界' } });
    expect(notes[0]).toMatchObject({ key: 'cli.village.parcelsRead', params: { layer: 'JQDLTB', file: 'JQDLTB.shp', count: 3 } });
  });

  it('classifies by exact code in both tables: 010100 counts neither as 耕地 nor in the total, and the notes say so', () => {
    const base = parcels('JQDLTB', 'JQDLBM', ['0103', '010100', '1207']);
    const target = parcels('GHDLTB', 'GHDLBM', ['0103', '0199', '1207']);
    const { structure, indicators, notes, notCounted } = computeDatabaseTables(database({ JQDLTB: base, GHDLTB: target }));
    const farmland = structure.rows.find((r) => r.row.key === '01');
    const retained = indicators.results.find((r) => r.indicator.number === 9);
    expect(farmland?.values.base).toBeCloseTo(ha(0), 10);
    expect(retained?.base.value).toBeCloseTo(ha(0), 10);
    expect(farmland?.values.target).toBeCloseTo(ha(0), 10);
    expect(retained?.target.value).toBeCloseTo(ha(0), 10);
    expect(structure.rows.find((r) => r.row.key === 'total')?.values.base).toBeCloseTo(ha(0) + ha(2), 10);
    expect(notCounted).toBe(2);
    const unknown = notes.filter((n) => n.key === 'cli.village.unknownCodes');
    expect(unknown.map((n) => n.params)).toEqual([
      expect.objectContaining({ layer: 'JQDLTB', field: 'JQDLBM', count: 1, codes: '010100 ×1', editionKey: 'rules.db.edition.ydyh-2023' }),
      expect.objectContaining({ layer: 'GHDLTB', field: 'GHDLBM', count: 1, codes: '0199 ×1' }),
    ]);
    expect(unknown[0]?.params?.areaHa).toBeCloseTo(ha(1), 10);
    expect(notes).toContainEqual(expect.objectContaining({ key: 'cli.village.parcelsRead', params: expect.objectContaining({ layer: 'JQDLTB', count: 2 }) }));
  });

  it('counts nothing as not counted when every parcel has a code of the edition', () => {
    expect(computeDatabaseTables(database({ JQDLTB: BASE, GHDLTB: TARGET })).notCounted).toBe(0);
  });

  it('names a class outside the template in both languages, so the note renders in either', () => {
    const { notes } = computeDatabaseTables(database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['07']), GHDLTB: TARGET }));
    expect(notes).toContainEqual(expect.objectContaining({ params: expect.objectContaining({ code: '07', nameZh: '居住用地', nameEn: 'Residential land' }) }));
  });
});
