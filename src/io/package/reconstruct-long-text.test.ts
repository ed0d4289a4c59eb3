/**
 * A package from another tool (a UTF-8 Shapefile with 254-character fields) may carry text longer than the
 * plan holds: 权属单位 over 60 characters, 批准文号 over 50. The parcel keeps its start, and a note says so;
 * the value was dropped without a word before, and the re-exported package had the field empty. An
 * optional code outside its list (QSXZ 35) cannot be kept, but is now named in a note.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPackageFolder } from './read-folder.ts';

const dir = mkdtempSync(join(tmpdir(), 'vp-long-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const owner = '浙江省宁波市余姚市某某镇某某村第一村民小组股份经济合作社'.repeat(3); // 28 × 3 = 84 characters
const approval = '浙土资批'.repeat(15); // 60 characters
const square = [[[120.5, 30], [120.501, 30], [120.501, 30.001], [120.5, 30.001], [120.5, 30]]];
const parcel = { BSM: 1, TBBH: '1', XZQDM: '330281101201', XZQMC: '测试村', DLDM: '111', TBMJ: null, SQMC: owner, PZWH: approval, TKXS: 0.05, QSXZ: '35' };
mkdirSync(join(dir, '3.规划图形数据'), { recursive: true });
writeFileSync(join(dir, '3.规划图形数据', 'JQDLTB.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: parcel, geometry: { type: 'Polygon', coordinates: square } }] }));

describe('text longer than the plan holds', () => {
  it('keeps the first 60 characters of SQMC and 50 of PZWH, with a note naming the rows', () => {
    const read = readPackageFolder(dir);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const base = Object.values(read.value.plan.layers.base)[0]!.properties;
    expect(owner.length).toBe(84);
    expect(base.ownerName).toBe(owner.slice(0, 60));
    expect(base.approvalNo).toBe(approval.slice(0, 50));
    const cut = read.notes.filter((n) => n.key === 'package.textCut').map((n) => [n.params?.fieldKey, n.params?.max, n.params?.list]);
    expect(cut).toEqual(expect.arrayContaining([['field.ownerName', 60, '#1'], ['field.approvalNo', 50, '#1']]));
  });

  it('says which optional code it could not keep (QSXZ 35 is no tenure code)', () => {
    const read = readPackageFolder(dir);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(Object.values(read.value.plan.layers.base)[0]!.properties.tenure).toBeNull();
    const unknown = read.notes.filter((n) => n.key === 'package.unknownCodeEmpty').map((n) => [n.params?.fieldKey, n.params?.list]);
    expect(unknown).toEqual([['field.tenure', '#1 "35"']]);
  });
});
