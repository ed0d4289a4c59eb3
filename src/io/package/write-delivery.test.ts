import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { newFeatureId } from '../../domain/ids.ts';
import { parsePlanText, serialisePlan } from '../../domain/plan-file.ts';
import { deliver, samplePlan } from './delivery-test-support.ts';
import type { Plan } from '../../domain/plan.ts';
import { createI18n } from '../../i18n/index.ts';
import { importFiles } from '../formats/index.ts';
import { english } from '../test-support.ts';
import { DELIVERY_FIELDS, DELIVERY_LAYER_NAMES } from './delivery-fields.ts';
import { ghytName } from './delivery-layers.ts';
import type { Manifest } from './delivery-manifest.ts';
import { DELIVERY_FOLDERS, type Delivery } from './write-delivery.ts';

const zh = createI18n('zh-CN');

const file = (d: Delivery, path: string) => d.files.find((f) => f.name === path)?.bytes;
const geojson = (d: Delivery, layer: string) => JSON.parse(new TextDecoder().decode(file(d, `${DELIVERY_FOLDERS.data}/GeoJSON/${layer}.geojson`))) as GeoJSON.FeatureCollection;

describe('the delivery package', { timeout: 30_000 }, async () => {
  const plan = samplePlan();
  const delivery = await deliver(plan);
  const names = delivery.files.map((f) => f.name);

  it('has the six folders, every layer as Shapefile and GeoJSON, the tables as xlsx and CSV', () => {
    expect(new Set(names.map((n) => n.split('/')[0]))).toEqual(new Set(Object.values(DELIVERY_FOLDERS)));
    for (const layer of ['XZQ', 'JQDLTB', 'GHYT', 'TDGHDL', 'JSYDGZQ', 'JBNTBHTB', 'GNFQ', 'ZZFQ', 'JBNTZBQ']) {
      for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg']) expect(names).toContain(`3.规划图形数据/Shapefile/${layer}.${ext}`);
      expect(names).toContain(`3.规划图形数据/GeoJSON/${layer}.geojson`);
    }
    // The sample has no public feedback: no empty GSYJ layer.
    expect(names.some((n) => n.includes('GSYJ'))).toBe(false);
    for (const table of ['表F1.村土地利用规划目标表', '表F5.规划保障措施表', '拆旧区清单', '建新区清单']) {
      expect(names).toContain(`2.规划表格数据/${table}.xlsx`);
      expect(names).toContain(`2.规划表格数据/${table}.csv`);
    }
    expect(new TextDecoder().decode(file(delivery, '3.规划图形数据/Shapefile/JQDLTB.cpg'))).toBe('936');
    expect(delivery.manifest.crs.shapefile.epsg).toBe(4528);
  });

  it('writes the §4 fields with the package values', () => {
    const jq = geojson(delivery, 'JQDLTB');
    expect(Object.keys(jq.features[0]!.properties!)).toEqual(DELIVERY_FIELDS.JQDLTB.map((f) => f.name));
    expect(jq.features[0]!.properties).toMatchObject({ BSM: 1, YSDM: '2003010100', TBBH: '1', XZQDM: '330421101210', XZQMC: '沈家埭村', DLDM: '113', DLMC: '旱地', TBMJ: 3834.77, TKXS: 0.0347, KKSM: 133.07, TBDLMJ: 3701.7, HQRQ: '20201231' });
    const ghyt = geojson(delivery, 'GHYT').features.map((f) => f.properties!);
    expect(ghyt.some((p) => p.CJJX === 'E2' && p.GHYTMC === '新增宅基地' && p.GHYTBM === 'D21')).toBe(true);
    expect(ghyt.some((p) => p.JNLX === '1' || p.JNLX === '2')).toBe(true);
    expect(ghytName('X2121')).toBe('宅基地');
    expect(ghytName('N112')).toBe('新增一般农田');
    const gnfq = geojson(delivery, 'GNFQ').features[0]!.properties!;
    expect(gnfq.GNFQMC).toMatch(/区$/);
  });

  it('totals: GHYT and TDGHDL pieces add up to the base parcels’ area', () => {
    const sum = (name: string) => delivery.manifest.layers.find((l) => l.name === name)!.totalAreaM2!;
    expect(Math.abs(sum('GHYT') - sum('JQDLTB'))).toBeLessThan(0.05);
    expect(sum('TDGHDL')).toBe(sum('GHYT'));
    expect(delivery.manifest.layers.find((l) => l.name === 'JQDLTB')).toMatchObject({ count: 1979, alias: '基期地类图斑' });
  });

  it('lists every other file in the manifest with its size and SHA-256', () => {
    const manifest = JSON.parse(new TextDecoder().decode(file(delivery, '5.电子数据说明/manifest.json'))) as Manifest;
    const listed = manifest.files.map((f) => f.path);
    expect(listed).toEqual(names.filter((n) => !n.startsWith('5.')));
    for (const entry of manifest.files) {
      const bytes = file(delivery, entry.path)!;
      expect(entry.bytes).toBe(bytes.length);
      expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const text = new TextDecoder().decode(file(delivery, '5.电子数据说明/电子数据说明.txt'));
    expect(text).toContain('EPSG:4528');
    expect(text).toContain('JQDLTB 基期地类图斑：1979 个');
  });

  it('gives the same bytes and the same BSM for the same plan, also after saving and reopening it', async () => {
    const reopened = parsePlanText(serialisePlan(plan));
    if (!reopened.ok) throw new Error('reopen');
    const again = await deliver(reopened.value);
    expect(again.manifest.files).toEqual(delivery.manifest.files);
  });

  it('keeps the base parcels’ BSM when a change is drawn', async () => {
    const nb = Object.values(plan.layers.newBuild)[0]!;
    const id = newFeatureId();
    const edited: Plan = { ...plan, layers: { ...plan.layers, newBuild: { [id]: { ...nb, id }, ...plan.layers.newBuild } } };
    const after = await deliver(edited);
    const bsm = (d: Delivery, layer: string) => geojson(d, layer).features.map((f) => `${f.properties!.BSM}:${f.properties!.TBBH ?? f.properties!.GZQLXDM}`);
    expect(bsm(after, 'JQDLTB')).toEqual(bsm(delivery, 'JQDLTB'));
    expect(bsm(after, 'JSYDGZQ')).toEqual(bsm(delivery, 'JSYDGZQ'));
  });

  it('writes a comment’s 提交时间 in Beijing time, as the village reads it', async () => {
    const id = newFeatureId();
    // 07:30 on 5 November in the village; the plan keeps the moment in UTC, still on the 4th.
    const properties = { comment: '请保留老樟树', author: '李四', phone: null, createdAt: '2026-11-04T23:30:00.000Z', targetFeatureId: null, status: 'open' as const, answer: '' };
    const commented: Plan = { ...plan, layers: { ...plan.layers, feedback: { [id]: { id, layer: 'feedback', geometry: { type: 'Point', coordinates: [120.7395, 30.4605] }, properties } } } };
    const gsyj = geojson(await deliver(commented), 'GSYJ').features[0]!.properties!;
    expect(gsyj).toMatchObject({ YJNR: '请保留老樟树', TJR: '李四', TJSJ: '2026-11-05 07:30' });
  });

  it('writes UTF-8 on request, and the Shapefiles import back with Chinese text intact', async () => {
    const utf8 = await deliver(plan, 'utf-8');
    expect(new TextDecoder().decode(file(utf8, '3.规划图形数据/Shapefile/GNFQ.cpg'))).toBe('UTF-8');
    for (const d of [delivery, utf8]) {
      const parts = d.files.filter((f) => f.name.startsWith('3.规划图形数据/Shapefile/JQDLTB.'));
      const read = importFiles(parts.map((f) => ({ name: f.name.split('/').pop()!, bytes: f.bytes })));
      if (!read.ok) throw new Error(english(read.error));
      expect(read.value[0]!.features[0]!.properties).toMatchObject({ XZQMC: '沈家埭村', DLMC: '旱地', SQMC: '沈家埭村第四村民小组' });
      expect(read.value[0]!.crs.crs).toEqual({ kind: 'gk', zone: 40, zonePrefix: true });
    }
  });

  it('writes the tables as workbooks with Chinese headers and numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file(delivery, '2.规划表格数据/表F1.村土地利用规划目标表.xlsx')!.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toBe('沈家埭村 F1 主要指标表');
    expect(sheet.getRow(2).values).toContain('基期');
    const cultivated = sheet.getRow(3);
    expect(String(sheet.getCell(sheet.rowCount, 1).value)).toContain('面积单位：公顷');
    expect(cultivated.getCell(1).value).toBe('耕地保有量');
    expect(cultivated.getCell(2).value).toBe(165.4);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file(delivery, '2.规划表格数据/表F1.村土地利用规划目标表.csv'));
    expect(csv).toMatch(/^\uFEFFF1 主要指标表/);
  });

  it('names every layer and placeholder through i18n', () => {
    for (const name of DELIVERY_LAYER_NAMES) expect(zh.exists(`package.delivery.layer.${name}`), name).toBe(true);
    for (const folder of ['documents', 'images', 'other']) expect(zh.exists(`package.delivery.placeholder.${folder}`)).toBe(true);
  });
});
