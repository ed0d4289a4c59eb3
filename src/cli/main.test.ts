import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../tests/support/gdal.ts';
import { runCli } from './main.ts';

const SAMPLE = 'samples/sample-village.plan.json';
const WITH_ERRORS = 'tests/fixtures/plans/overlap-gap.plan.json';
const THIRD_PARTY = '../shared/fixtures/third-party';

/** `make()` on the first call, the same promise after: shared set-up that does not depend on test order. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

describe('village-plan check', () => {
  it('exits 0 on the compliant sample, in Chinese by default', async () => {
    const out = await runCli(['check', SAMPLE]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('沈家埭村：0 个错误');
  });

  it('exits 1 when errors are found, with figures in the text report', async () => {
    const out = await runCli(['check', WITH_ERRORS, '--lang', 'en']);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/Two features of “Base-year parcels” overlap by 2,139.09 m² \(mean width 16.436 m\)/);
    expect(out.stdout).toMatch(/leaves a gap of 10,695.58 m²/);
  });

  it('prints { issues, tables, summary } as JSON', async () => {
    const out = await runCli(['check', WITH_ERRORS, '--format', 'json']);
    const json = JSON.parse(out.stdout);
    expect(out.code).toBe(1);
    expect(json.summary).toMatchObject({ errors: 3, village: '金样村' });
    expect(json.issues[0]).toMatchObject({ rule: 'no-overlap', severity: 'error', layer: 'base', features: ['p2-2', 'p3-2'], geometry: { type: 'Polygon' } });
    expect(json.issues[0].message).toContain('重叠 2,139.09 m²');
    expect(Object.keys(json.tables)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'demolitionList', 'newBuildList', 'linkage']);
  });

  it('exits 2 naming the file and the reason for unreadable input and bad arguments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-cli-'));
    const notJson = join(dir, 'broken.plan.json');
    writeFileSync(notJson, '{"format": "village-plan",');
    const binary = join(dir, 'binary.plan.json');
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x81]));
    for (const [args, expected] of [
      [['check', join(dir, 'missing.json')], '文件或文件夹不存在'],
      [['check', notJson], '不是有效的 JSON'],
      [['check', binary], '不是 UTF-8'],
      [['check', dir], '没有基期地类图斑图层'],
    ] as const) {
      const out = await runCli(args);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stderr).toContain(args[1]);
      expect(out.stderr).toContain(expected);
    }
    expect((await runCli(['check'])).code).toBe(2);
    expect((await runCli(['lint', SAMPLE])).stderr).toContain('未知的命令“lint”');
    expect((await runCli(['check', SAMPLE, '--profile', 'hunan-2020'])).stderr).toContain('hunan-2020');
  });
});

describe('a File Geodatabase or GeoPackage given for layers', () => {
  // CCTool delivers <村>数据库/村庄规划数据库.gdb; the tool reads Shapefiles and GeoJSON only (docs/package.md).
  it('says it is a .gdb the tool does not read and how to export it, not that the layers are missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-gdb-'));
    const gdb = join(dir, '村庄规划数据库.gdb');
    mkdirSync(gdb);
    writeFileSync(join(gdb, 'a00000001.gdbtable'), '');
    for (const args of [['tables', '--profile', 'zhejiang-2026', gdb], ['check', '--profile', 'zhejiang-2026', dir], ['check', dir]]) {
      const out = await runCli(args);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stderr, args.join(' ')).toContain(`${gdb} 是 File Geodatabase（.gdb），本工具不读取 .gdb`);
      expect(out.stderr).toContain(`ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 out "${gdb}"`);
      expect(out.stderr).not.toContain('没有');
    }
    const gpkg = join(dir, 'plan.gpkg');
    writeFileSync(gpkg, '');
    expect((await runCli(['check', '--profile', 'zhejiang-2026', gpkg, '--lang', 'en'])).stderr).toContain(`${gpkg} is a GeoPackage (.gpkg), which village-plan does not read`);
    // An ArcMap Personal Geodatabase (older county data): named for what it is, not "not valid JSON".
    const mdb = join(dir, '村庄规划.mdb');
    writeFileSync(mdb, new Uint8Array([0, 1, 0, 0, ...new TextEncoder().encode('Standard Jet DB'), 0]));
    for (const args of [['check', mdb], ['check', '--profile', 'zhejiang-2026', mdb], ['survey-table', mdb]]) {
      const out = await runCli([...args, '--lang', 'en']);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stderr, args.join(' ')).toContain(`${mdb} is an ArcMap Personal Geodatabase (.mdb), which village-plan does not read`);
      expect(out.stderr, args.join(' ')).not.toMatch(/JSON/);
    }
    expect((await runCli(['check', mdb])).stderr).toContain('个人地理数据库（Personal Geodatabase，.mdb），本工具不读取 .mdb');
    // Without a geodatabase the missing layers are listed, with the separator of the language.
    const empty = mkdtempSync(join(tmpdir(), 'village-gdb-'));
    expect((await runCli(['tables', '--profile', 'zhejiang-2026', empty, '--lang', 'en'])).stderr).toContain('no JQDLTB/现状用地, GHDLTB/规划用地 layer');
    expect((await runCli(['tables', '--profile', 'zhejiang-2026', empty])).stderr).toContain('没有 JQDLTB/现状用地、GHDLTB/规划用地 图层');
  });
});

describe('village-plan tables', () => {
  it('prints CSV and JSON tables', async () => {
    const csv = await runCli(['tables', SAMPLE]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('F1 主要指标表');
    expect(csv.stdout).toMatch(/耕地保有量,165\.40,165\.58,0\.18,164\.90/);
    const json = JSON.parse((await runCli(['tables', SAMPLE, '--format', 'json', '--lang', 'en'])).stdout);
    expect(json.F2.rows.at(-1)).toMatchObject({ label: 'Total land', cells: { base: { value: 222.35 } } });
  });
});

describe('village-plan export', () => {
  // Skipped (not passed) without GDAL; never skipped on CI (tests/support/gdal.ts).
  const noGdal = skipWithoutGdal('ogrinfo');
  // Each package is written once per run, by whichever of its two tests runs first: each test passes alone
  // (-t) and in any order, and the slow export is not done twice.
  const folderExport = once(async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'village-export-')), '成果');
    return { out, run: await runCli(['export', SAMPLE, '--out', out]) };
  });
  const zipExport = once(async () => {
    const zip = join(mkdtempSync(join(tmpdir(), 'village-export-')), 'package.zip');
    return { zip, run: await runCli(['export', SAMPLE, '--out', zip, '--encoding', 'utf-8', '--lang', 'en', '--no-images']) };
  });

  it('writes the package into a folder (exit 0), GBK by default', async () => {
    const { out, run } = await folderExport();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/已写出沈家埭村的成果包：\d+ 个文件 → .*成果（EPSG:4528 .*，Shapefile 编码 GBK）/);
    for (const folder of ['1.规划文档数据', '2.规划表格数据', '3.规划图形数据', '4.图像文件', '5.电子数据说明', '6.其他数据']) expect(existsSync(join(out, folder)), folder).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, '5.电子数据说明', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ encoding: 'gbk', crs: { shapefile: { epsg: 4528 } } });
    expect(readFileSync(join(out, '3.规划图形数据', 'Shapefile', 'JQDLTB.cpg'), 'utf8')).toBe('936');
    // The maps themselves, not a note asking for them.
    expect(readdirSync(join(out, '4.图像文件')).sort()).toEqual(['沈家埭村土地利用现状图.jpg', '沈家埭村土地利用规划图.jpg']);
    expect(readFileSync(join(out, '4.图像文件', '沈家埭村土地利用规划图.jpg')).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  }, 60_000);

  it.skipIf(noGdal)('writes a folder package whose Shapefiles GDAL reads in EPSG:4528', async () => {
    const { out, run } = await folderExport();
    expect(run.code, run.stderr).toBe(0);
    expect(gdal('ogrinfo', ['-al', '-so', join(out, '3.规划图形数据', 'Shapefile', 'GHYT.shp')])).toContain('ID["EPSG",4528]');
  }, 60_000);

  it('writes one zip with UTF-8 Shapefiles on request, messages in English with --lang en', async () => {
    const { zip, run } = await zipExport();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Shapefile encoding UTF-8');
    expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');
    // --no-images: the note in 4.图像文件 says what belongs there.
    expect(readFileSync(zip).includes(Buffer.from('4.图像文件/说明.txt'))).toBe(true);
    expect(readFileSync(zip).includes(Buffer.from('规划图.jpg'))).toBe(false);
  }, 60_000);

  it.skipIf(noGdal)('writes a zip whose UTF-8 Shapefile text GDAL reads', async () => {
    const { zip, run } = await zipExport();
    expect(run.code, run.stderr).toBe(0);
    const text = gdal('ogrinfo', ['-al', '-q', `/vsizip/${zip}/3.规划图形数据/Shapefile/JQDLTB.shp`, '-where', 'BSM = 1']);
    expect(text).toContain('XZQMC (String) = 沈家埭村');
  }, 60_000);

  // Exporting again into the same folder is the normal workflow (fix, export again): the folder must then be
  // exactly the new package, or `check` of it reads a layer the plan no longer has.
  it('replaces a previous package in the folder: no stale layer, the planner’s own files kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-export-'));
    const out = join(dir, '成果');
    const first = await runCli(['export', SAMPLE, '--out', out, '--no-images']);
    expect(first.code, first.stderr).toBe(0);
    const shapefiles = join(out, '3.规划图形数据', 'Shapefile');
    expect(existsSync(join(shapefiles, 'JBNTZBQ.shp'))).toBe(true);
    // The planner deletes the 整备区 and puts the approval beside the documents; an earlier (buggy) export left a stale part.
    const plan = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    plan.layers.reserve = {};
    const withoutReserve = join(dir, 'without-reserve.plan.json');
    writeFileSync(withoutReserve, JSON.stringify(plan));
    writeFileSync(join(out, '1.规划文档数据', '批复.pdf'), '%PDF-1.4');
    writeFileSync(join(out, '3.规划图形数据', 'GeoJSON', 'JBNTZBQ.json'), '{"type":"FeatureCollection","features":[]}');

    const again = await runCli(['export', withoutReserve, '--out', out, '--no-images']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/已替换 .*成果 中上次导出的成果包/);
    expect(again.stderr).toContain('1 个不是本工具写出的文件已保留，不在新的 manifest.json 中：1.规划文档数据/批复.pdf');
    const manifest = JSON.parse(readFileSync(join(out, '5.电子数据说明', 'manifest.json'), 'utf8'));
    const listed = new Set<string>(manifest.files.map((f: { path: string }) => f.path));
    const present = (readdirSync(out, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(out.length + 1).split('\\').join('/'));
    // Exactly the new package (the manifest does not list itself or its text) and the kept PDF.
    expect(present.filter((p) => !listed.has(p)).sort()).toEqual(['1.规划文档数据/批复.pdf', '5.电子数据说明/manifest.json', '5.电子数据说明/电子数据说明.txt']);
    expect(present.some((p) => p.includes('JBNTZBQ'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
    // The folder now says what the plan says: no 整备区, so the reserve task is not met.
    const check = await runCli(['check', out]);
    expect(check.stdout).toContain('pbf-reserve-task-met');
  }, 60_000);

  it('refuses a non-empty folder that is not a package of ours, and a package folder with a layer it did not write, touching nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-export-'));
    writeFileSync(join(dir, '笔记.txt'), 'mine');
    const foreign = await runCli(['export', SAMPLE, '--out', dir, '--no-images', '--lang', 'en']);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain(`Cannot write ${dir}: the folder is not empty and holds no package written by village-plan`);
    expect(readdirSync(dir)).toEqual(['笔记.txt']);

    const out = join(dir, '成果');
    expect((await runCli(['export', SAMPLE, '--out', out, '--no-images'])).code).toBe(0);
    const stray = join(out, '1.规划文档数据', 'GHYT.shp');
    writeFileSync(stray, 'not ours');
    const before = readdirSync(out, { recursive: true }).length;
    const refused = await runCli(['export', SAMPLE, '--out', out, '--no-images']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/无法写入 .*成果：其中 1 个文件不在上次导出的 manifest\.json 中，却会在检查成果包时被当作图层或规划参数读取：1\.规划文档数据\/GHYT\.shp。未写入、未删除任何内容/);
    expect(readdirSync(out, { recursive: true }).length).toBe(before);
    expect(readFileSync(stray, 'utf8')).toBe('not ours');
  }, 60_000);

  it('exits 2 for unreadable input, a missing --out, a bad encoding, and an unwritable target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-export-'));
    const missing = await runCli(['export', join(dir, 'nope.plan.json'), '--out', join(dir, 'out')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('文件或文件夹不存在');
    expect((await runCli(['export', SAMPLE])).stderr).toContain('--out');
    expect((await runCli(['export', SAMPLE, '--out', dir, '--encoding', 'big5'])).code).toBe(2);
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    const unwritable = await runCli(['export', SAMPLE, '--out', join(blocker, 'inside')]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/无法写入 .*inside：ENOTDIR/);
    // Said in the language asked for, as every other message (Chinese by default).
    expect((await runCli(['check', SAMPLE, '--out', dir])).stderr).toContain('参数错误：该命令没有选项 --out');
    expect((await runCli(['check', SAMPLE, '--out', dir, '--lang', 'en'])).stderr).toContain('Bad arguments: unknown option --out');
  }, 60_000);
});

describe('never crashes on third-party files', () => {
  const paths: string[] = [];
  const walk = (dir: string) => {
    paths.push(dir);
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else paths.push(path);
    }
  };
  // The shared originals where they are (this machine), else the repo's copies of them (a CI checkout).
  const root = [THIRD_PARTY, 'tests/fixtures/third-party'].find((dir) => existsSync(dir));
  if (root) walk(root);
  // `check` reads a plan file saved by the editor or a delivery package folder (README, "Command line").
  // None of these is either: GeoJSON and Shapefiles from other projects, .prj/.cpg text, zips, folders of
  // them. So every one is "input unusable", exit 2, with a message naming it: a 0 or 1 would mean the
  // checker took a foreign file for a plan.
  it.skipIf(paths.length === 0)('refuses every third-party file and folder with exit 2 and a message naming it', async () => {
    for (const path of paths) {
      const out = await runCli(['check', path]);
      expect(out.code, `${path}: ${out.stderr}`).toBe(2);
      expect(out.stdout, path).toBe('');
      const named = `无法读取 ${path}：`;
      expect(out.stderr.slice(0, named.length), path).toBe(named);
      if (statSync(path).isDirectory()) expect(out.stderr, path).toContain('文件夹中没有基期地类图斑图层');
      expect(out.stderr, path).not.toMatch(/internal error|at .+\.ts:\d+/);
    }
  }, 120_000);
});

describe('the village-plan binary', () => {
  it('runs through bin/village-plan.mjs with the exit code of the check', async () => {
    const run = spawnSync(process.execPath, ['bin/village-plan.mjs', 'check', WITH_ERRORS, '--lang', 'en'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('金样村: 3 error(s)');
  }, 30_000);

  it('prints the usage for --help and -h, with exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const out = await runCli([flag]);
      expect(out.code).toBe(0);
      expect(out.stdout).toContain('village-plan check <');
      expect(out.stderr).toBe('');
    }
    const english = await runCli(['--help', '--lang', 'en']);
    expect(english.code).toBe(0);
    expect(english.stdout).toContain('village-plan survey-table <');
    expect(english.stdout).toMatch(/^Usage: village-plan/);
  });

  // `npm install` builds the bundle (package.json "prepare"); bin/village-plan.mjs runs it when it is newer
  // than the sources. Built here from the current sources, it must report exactly what they report.
  it('the bundled CLI reports what the TypeScript sources report', () => {
    // Inside the checkout (dist-*/ is ignored by git): the bundle finds its packages in node_modules.
    const outDir = mkdtempSync(join(process.cwd(), 'dist-cli-test-'));
    const build = spawnSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts', '--outDir', outDir, '--logLevel', 'error'], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    expect(build.status, build.stderr).toBe(0);
    const args = ['check', WITH_ERRORS, '--format', 'json', '--lang', 'en'];
    const bundled = spawnSync(process.execPath, [join(outDir, 'village-plan.mjs'), ...args], { encoding: 'utf8' });
    const sources = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
    expect(bundled.status).toBe(1);
    expect(bundled.stderr).toBe(sources.stderr);
    expect(bundled.stdout).toBe(sources.stdout);
    rmSync(outDir, { recursive: true });
  }, 60_000);
});
