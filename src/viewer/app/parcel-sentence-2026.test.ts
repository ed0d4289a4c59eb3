import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../rules/render.ts';
import { computeDatabaseTables } from '../../rules/ydyh/database-tables.ts';
import { buildPayload2026 } from '../publish/build-payload-2026.ts';
import { HOUSING_SIZE, inCell, tinyVillage2026 } from '../publish/tiny-village-2026.test-support.ts';
import { translator } from './i18n.ts';
import { legendEntries2026 } from './legend-2026.ts';
import { decodeNotice2026 } from './notice-model-2026.ts';
import { describeAt2026, plainKey } from './parcel-sentence-2026.ts';
import { searchParcels2026 } from './search.ts';

const db = tinyVillage2026();
const model = decodeNotice2026(buildPayload2026({ database: db, planId: 'p', villageName: '示例村', versionName: '公示稿', details: { startDate: '2026-11-01', endDate: '2026-12-01', issuer: 'x', contact: 'y', howToObject: 'z' }, tables: computeDatabaseTables(db), noticeId: 'n', publishedAt: '2026-10-30T00:00:00Z' }));
const zh = translator('zh-CN');
const en = translator('en');
const say = (at: [number, number], t = zh) => renderMessage(t, describeAt2026(model, at).description.message);
/** The housing parcel's middle: it fills a fifth of cell 0 from its south-west corner. */
const HOUSE = inCell(0, HOUSING_SIZE / 0.002, HOUSING_SIZE / 0.002);

describe('a tap on a 2026 notice in plain words', () => {
  it('says a housing plot is village construction land, with its class as written, its size and its 集中建设区', () => {
    expect(say(HOUSE)).toMatch(/^这里规划为村庄建设用地（农村宅基地，070301），面积约 4\d\d 平方米（0\.\d\d 亩）。这里在村庄建设边界内（村庄集中建设区）。$/);
    expect(say(HOUSE, en)).toMatch(/^Planned here: village construction land \(农村宅基地, 070301\), about 4\d\d m² \(0\.\d\d mu\)\. This lies within the village construction boundary \(concentrated construction area\)\.$/);
    expect(describeAt2026(model, HOUSE)).toMatchObject({ description: { featureId: 'GHDLTB#1' }, geometry: { type: 'Polygon' } });
  });

  it('says farmland in the 永久基本农田 cannot be built on and lies outside the 村庄建设边界', () => {
    expect(say(inCell(1))).toMatch(/^这里规划为耕地（水田，0101），面积约 [\d,]+ 平方米（[\d.]+ 亩）。这里是永久基本农田，不能建房。这里在村庄建设边界外。$/);
  });

  it('names the 弹性发展区 and the 生态保护红线', () => {
    expect(say(inCell(2))).toMatch(/^这里规划为村庄建设用地（留白用地，16）.*这里在村庄建设边界内（村庄弹性发展区）。$/);
    expect(say(inCell(3))).toMatch(/^这里规划为林地（乔木林地，0301）.*这里在生态保护红线内，严格保护。这里在村庄建设边界外。$/);
  });

  it('says when a spot is outside the village, or inside it without a parcel', () => {
    expect(say(inCell(-1))).toBe('这里不在本村范围内。');
    expect(say(inCell(0, 0.8, 0.8))).toBe('这里没有地块记录。');
    expect(describeAt2026(model, inCell(-1))).toMatchObject({ description: { featureId: null }, geometry: null });
  });

  it('chooses the plain words by the first-level class off construction land and by the table group on it', () => {
    expect(plainKey('12', 'regional')).toBe('notice2026.plain.regional');
    expect(plainKey('07', 'urban')).toBe('notice2026.plain.urban');
    expect(plainKey('08', null)).toBe('notice2026.plain.construction');
    expect(plainKey('06', 'nonConstruction')).toBe('notice2026.plain.06');
    expect(plainKey(null, null)).toBe('notice2026.plain.unknown');
    for (const key of ['01', '02', '03', '04', '05', '06', '17', '23', 'village', 'urban', 'regional', 'otherConstruction', 'construction', 'unknown']) {
      expect(zh(`notice2026.plain.${key}`)).not.toContain('notice2026');
    }
  });

  it('lists the boundaries and the classes present in the legend, and finds parcels by name or code', () => {
    const labels = legendEntries2026(model).map((e) => zh(e.labelKey, e.labelParams));
    expect(labels.slice(0, 3)).toEqual(['村庄建设边界（可以安排建设的范围）', '永久基本农田（不能建房）', '生态保护红线（严格保护）']);
    expect(labels).toContain('村庄弹性发展区');
    expect(labels).toContain('农村宅基地（070301）');
    expect(searchParcels2026(model, '宅基地').map((h) => h.label)).toEqual(['农村宅基地（070301）']);
    expect(searchParcels2026(model, '0101').map((h) => h.label)).toEqual(['水田（0101）']);
  });
});
