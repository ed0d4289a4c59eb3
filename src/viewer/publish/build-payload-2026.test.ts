import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVillageDatabaseText } from '../../io/village-database/database-file.ts';
import { computeDatabaseTables } from '../../rules/ydyh/database-tables.ts';
import { decodeNotice2026 } from '../app/notice-model-2026.ts';
import { readPayload } from '../app/notice-model.ts';
import { buildPayload2026, type Payload2026Input } from './build-payload-2026.ts';
import { tinyVillage2026 } from './tiny-village-2026.test-support.ts';

const DETAILS = { startDate: '2026-11-01', endDate: '2026-12-01', issuer: '安澜镇人民政府', contact: '王工', howToObject: '书面意见交村委会' };
const input = (database = tinyVillage2026()): Payload2026Input => ({ database, planId: 'plan-1', villageName: '示例村', versionName: '公示稿', details: DETAILS, tables: computeDatabaseTables(database), noticeId: 'n', publishedAt: '2026-10-30T00:00:00Z' });

describe('the payload of a 2026 plan', () => {
  it('carries each planned parcel with its code and name as written, its plain-word group, area and colour', () => {
    const payload = buildPayload2026(input());
    expect(payload).toMatchObject({ profile: 'zhejiang-2026', schemaVersion: 1, village: { name: '示例村', planPeriod: '2021-2035' } });
    expect(payload.layers.parcels.map((p) => p.p)).toEqual([
      { c: '070301', n: '农村宅基地', f: '07', z: 'village' },
      { c: '0101', n: '水田', f: '01', z: 'nonConstruction' },
      { c: '16', n: '留白用地', f: '16', z: 'village' },
      { c: '0301', n: '乔木林地', f: '03', z: 'nonConstruction' },
    ]);
    // ≈ 19 m × 22 m.
    expect(payload.layers.parcels[0]?.a).toBeGreaterThan(400);
    expect(payload.layers.parcels[0]?.a).toBeLessThan(500);
    // The profile's colours (domain-2026.md §1.5: 农村宅基地 255,211,128; 耕地 245,248,220), so the viewer needs no classification.
    expect(payload.classColours).toMatchObject({ '070301': '#ffd380', '0101': '#f5f8dc' });
    expect(payload.layers.control.map((c) => c.p.t)).toEqual(['0301', '0202', '0302', '0102']);
    expect([payload.layers.village.length, payload.layers.pbf.length, payload.layers.redLine.length]).toEqual([1, 1, 1]);
  });

  it('dissolves the 村庄集中建设区 and 弹性发展区 into the 村庄建设边界, and has none without them', () => {
    const model = decodeNotice2026(buildPayload2026(input()));
    const boundary = model.constructionBoundary;
    if (!boundary) throw new Error('no 村庄建设边界');
    // Cells 0 and 2, apart: two polygons.
    expect(boundary.geometry.type).toBe('MultiPolygon');
    expect(boundary.bbox[2] - boundary.bbox[0]).toBeCloseTo(0.003, 6);
    const db = tinyVillage2026();
    const withoutZones = { ...db, layers: { ...db.layers, GKBJ: { ...db.layers.GKBJ!, features: db.layers.GKBJ!.features.filter((f) => !String(f.properties.GKBJLXDM).startsWith('03')) } } };
    expect(buildPayload2026(input(withoutZones)).layers.constructionBoundary).toBeNull();
  });

  it('writes the three tables out in both languages', () => {
    const { tables } = buildPayload2026(input());
    expect(tables.map((t) => t.id)).toEqual(['structure', 'indicators', 'control']);
    const [structure, indicators, control] = tables;
    expect(structure?.rows.find((r) => r.label.zh.includes('宅基地'))?.cells.some((c) => typeof c === 'number' && c > 0)).toBe(true);
    expect(indicators?.columns[0]).toEqual({ zh: '属性', en: 'Kind' });
    expect(control?.rows.find((r) => r.label.zh === '村庄弹性发展区')).toMatchObject({ label: { en: 'Village flexible development area' } });
    expect(control?.rows.at(-1)?.label).toEqual({ zh: '合计', en: 'Total' });
  });

  it('is read back as a 2026 notice; a 2017 payload without a profile is still read as 2017', () => {
    const payload = buildPayload2026(input());
    expect(readPayload(JSON.parse(JSON.stringify(payload)))).toMatchObject({ profile: 'zhejiang-2026' });
    expect(readPayload({ ...payload, schemaVersion: 2 })).toBeNull();
    expect(readPayload({ ...payload, tables: {} })).toBeNull();
    expect(readPayload({ ...payload, profile: 'zhejiang-2017' })).toBeNull();
  });

  it('takes the whole 2026 sample', { timeout: 60_000 }, () => {
    const read = parseVillageDatabaseText(readFileSync('samples/sample-village-2026.database.json', 'utf8'), 'sample');
    if (!read.ok) throw new Error(read.error.key);
    const payload = buildPayload2026(input(read.value));
    expect(payload.layers.parcels.length).toBe(read.value.layers.GHDLTB?.features.length);
    expect(payload.layers.constructionBoundary).not.toBeNull();
    expect(payload.layers.parcels.filter((p) => p.p.c === '070301').every((p) => p.p.z === 'village' && p.p.n === '一类农村宅基地')).toBe(true);
  });
});
