/**
 * `check` and `tables` of the editor's 2026 database file (`.database.json`, what a planner saves and sends)
 * and of a database folder zipped: read as the folder is, with or without `--profile zhejiang-2026`. The file's
 * tables are compared with those of the same parcels written as a folder of Shapefiles (the reviewed path).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../io/zip/zip-write.ts';
import { runCli } from './main.ts';
import { rect, writeLayer, type Drawn } from './village-test-support.ts';

const HOME = rect(120.1, 30.2, 120.101, 30.201);
const FIELD = rect(120.101, 30.2, 120.103, 30.201);
const XZQDM = '330521001001';
const bsm = (n: number) => `${XZQDM}${String(n).padStart(8, '0')}`;

const base: Drawn[] = [
  { geometry: HOME, properties: { JQDLBM: '070301', BSM: bsm(1) } },
  { geometry: FIELD, properties: { JQDLBM: '0103', BSM: bsm(2) } },
];
const plan: Drawn[] = [
  { geometry: HOME, properties: { GHDLBM: '070301', BSM: bsm(1) } },
  { geometry: FIELD, properties: { GHDLBM: '0101', BSM: bsm(2) } },
];

const collection = (drawn: readonly Drawn[]) => ({ type: 'FeatureCollection', features: drawn.map((d) => ({ type: 'Feature', properties: d.properties, geometry: d.geometry })) });

function databaseFile(edition = 'ydyh-2023'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'village-db-file-')), '测试村.database.json');
  const file = { format: 'village-database', schemaVersion: 1, profile: 'zhejiang-2026', edition, info: { villageName: '测试村' }, allocations: {}, layers: { JQDLTB: collection(base), GHDLTB: collection(plan) } };
  writeFileSync(path, JSON.stringify(file));
  return path;
}

function databaseFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'village-db-folder-'));
  mkdirSync(join(dir, '村庄规划数据库'));
  writeLayer(join(dir, '村庄规划数据库'), 'JQDLTB', ['JQDLBM', 'BSM'], base);
  writeLayer(join(dir, '村庄规划数据库'), 'GHDLTB', ['GHDLBM', 'BSM'], plan);
  return dir;
}

interface Row {
  readonly key: string;
  readonly baseHa: number;
  readonly targetHa: number;
}
/** The structure table's rows to the µm²: a Shapefile holds the parcels in Gauss-Krüger, the file in lon/lat. */
const structureRows = (stdout: string) => (JSON.parse(stdout) as { structureTable: { rows: Row[] } }).structureTable.rows.map((r) => [r.key, r.baseHa.toFixed(6), r.targetHa.toFixed(6)]);

describe('village-plan check|tables <village database file>', () => {
  it('tabulates a .database.json, with or without --profile, as the same parcels in a folder', async () => {
    const folder = await runCli(['tables', '--profile', 'zhejiang-2026', databaseFolder(), '--format', 'json']);
    expect(folder.stdout, folder.stderr).not.toBe('');
    for (const profile of [['--profile', 'zhejiang-2026'], []]) {
      const file = databaseFile();
      const out = await runCli(['tables', ...profile, file, '--format', 'json']);
      expect(out.stdout, out.stderr).not.toBe('');
      expect(structureRows(out.stdout)).toEqual(structureRows(folder.stdout));
      // The edition is the file's declaration, not the folder's default.
      expect(out.stderr).toContain(`按数据库文件 ${file} 声明的用地用海分类 2023 版编码读取`);
      expect(out.stderr).not.toContain('--edition 2020\n');
    }
  });

  it('checks a .database.json without --profile as a 2026 database, not as a 2017 plan file', async () => {
    const out = await runCli(['check', databaseFile(), '--format', 'json']);
    expect(out.stderr).not.toContain('不是本编辑器保存的规划文件');
    const report = JSON.parse(out.stdout) as { summary: { profile: string; village: string } };
    expect(report.summary).toMatchObject({ profile: 'zhejiang-2026', village: '测试村' });
  });

  it('reads the edition the file declares, and --edition over it', async () => {
    const declared2020 = databaseFile('ydyh-2020');
    const out = await runCli(['check', declared2020, '--format', 'json']);
    expect(out.stderr).toContain('2020 试行版');
    // --edition without --profile: the file says which profile it is.
    const withoutProfile = await runCli(['check', declared2020, '--edition', '2023', '--format', 'json']);
    expect(withoutProfile.stderr).toContain('按用地用海 2023 版编码读取');
    const told = await runCli(['check', '--profile', 'zhejiang-2026', declared2020, '--edition', '2023', '--format', 'json']);
    expect(told.stderr).toContain('按用地用海 2023 版编码读取');
  });

  it('reads a database folder zipped, as the folder', async () => {
    const folder = databaseFolder();
    const layerFiles = ['JQDLTB', 'GHDLTB'].flatMap((layer) => ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((ext) => `村庄规划数据库/${layer}.${ext}`));
    const { readFileSync } = await import('node:fs');
    const zip = join(folder, '测试村.zip');
    writeFileSync(zip, writeZip(layerFiles.map((name) => ({ name, bytes: readFileSync(join(folder, name)) }))));
    const fromZip = await runCli(['tables', '--profile', 'zhejiang-2026', zip, '--format', 'json']);
    const fromFolder = await runCli(['tables', '--profile', 'zhejiang-2026', folder, '--format', 'json']);
    expect(fromZip.stdout, fromZip.stderr).not.toBe('');
    expect(structureRows(fromZip.stdout)).toEqual(structureRows(fromFolder.stdout));
  });

  it('refuses --crs for a database file and says where a 2026 database is exported', async () => {
    const file = databaseFile();
    const crs = await runCli(['check', '--profile', 'zhejiang-2026', file, '--crs', 'EPSG:4528']);
    expect(crs.code).toBe(2);
    expect(crs.stderr).toContain('坐标按格式就是 CGCS2000 经纬度');
    const exported = await runCli(['export', file, '--out', join(tmpdir(), 'never-written')]);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toContain('请在编辑器中打开后进行');
  });

  it('names what a 2026 database may be when given another file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'village-db-file-')), 'other.json');
    writeFileSync(path, '{"type":"FeatureCollection","features":[]}');
    const out = await runCli(['check', '--profile', 'zhejiang-2026', path]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('.database.json');
  });
});
