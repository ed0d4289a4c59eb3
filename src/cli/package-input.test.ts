import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanText } from '../domain/plan-file.ts';
import { writePackageFolder, type WrittenPackage } from '../io/package/round-trip-support.ts';
import { zipPackageFolder } from '../io/package/delivery-test-support.ts';
import { writeZip } from '../io/zip/zip-write.ts';
import { encodeText } from '../io/text/encode-text.ts';
import { gdal, skipWithoutGdal } from '../../tests/support/gdal.ts';
import { runCli } from './main.ts';

/** The sample village's delivery package (Shapefiles in the GK zone and GeoJSON), and copies of it as another tool delivers it. */
let pkg: WrittenPackage;
let scratch: string;
beforeAll(async () => {
  const sample = parsePlanText(readFileSync('samples/sample-village.plan.json', 'utf8'));
  if (!sample.ok) throw new Error('sample unreadable');
  pkg = await writePackageFolder(sample.value);
  scratch = mkdtempSync(join(tmpdir(), 'vp-package-input-'));
}, 60_000);
afterAll(() => {
  pkg.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** The package without its GeoJSON copies: Shapefiles only, as ArcGIS delivers one. */
function shapefilesOnly(name: string): string {
  const dir = join(scratch, name);
  cpSync(pkg.dir, dir, { recursive: true });
  rmSync(join(dir, '3.规划图形数据', 'GeoJSON'), { recursive: true });
  return dir;
}

const zipped = (dir: string, name: string) => zipPackageFolder(dir, join(scratch, name));

interface Report {
  summary: Record<string, unknown>;
  issues: { rule: string; severity: string; features: string[] }[];
  tables: { F1: { rows: { cells: Record<string, { m2: number }> }[] } };
}

async function check(input: string): Promise<{ code: number; report: Report; stderr: string }> {
  const out = await runCli(['check', input, '--format', 'json', '--lang', 'en']);
  return { code: out.code, report: JSON.parse(out.stdout || 'null') as Report, stderr: out.stderr };
}

const issueKeys = (report: Report) => report.issues.map((i) => `${i.rule} ${i.severity} ${i.features.join(',')}`).sort();

describe('village-plan check on packages as other tools deliver them', () => {
  it('reads a package of Shapefiles alone, and zipped, to the issues of its GeoJSON', async () => {
    const geojson = await check(pkg.dir);
    expect(geojson.code).toBe(0);
    const shp = await check(shapefilesOnly('shp'));
    const zip = await check(zipped(join(scratch, 'shp'), 'shp.zip'));
    const zipAll = await check(zipped(pkg.dir, 'all.zip'));
    // GeoJSON for every layer but GHYT, which is there as a Shapefile only.
    const mixedDir = join(scratch, 'mixed');
    cpSync(pkg.dir, mixedDir, { recursive: true });
    rmSync(join(mixedDir, '3.规划图形数据', 'GeoJSON', 'GHYT.geojson'));
    const mixed = await check(mixedDir);
    for (const other of [shp, zip, zipAll, mixed]) {
      expect(other.code).toBe(0);
      expect(other.report.summary).toEqual(geojson.report.summary);
      expect(issueKeys(other.report)).toEqual(issueKeys(geojson.report));
      // GK coordinates written to the millimetre and projected back: the village's area within a few cm².
      const area = (r: Report) => r.tables.F1.rows[0]!.cells.base!.m2;
      expect(Math.abs(area(other.report) - area(geojson.report))).toBeLessThan(0.1);
    }
    expect(shp.stderr).toContain('规划参数.json');
  });

  it('finds the layers past a document folder of more files than it lists (scans, photos)', async () => {
    const dir = shapefilesOnly('many-scans');
    const scans = join(dir, '1.规划文档数据', '附件', '扫描件');
    mkdirSync(scans, { recursive: true });
    for (let n = 0; n < 5_001; n++) writeFileSync(join(scans, `${n}.jpg`), '');
    const read = await check(dir);
    expect(read.code, read.stderr).toBe(0);
    expect(issueKeys(read.report)).toEqual(issueKeys((await check(pkg.dir)).report));
  });

  it('says what is missing, naming the file or the folder', async () => {
    const noDbf = shapefilesOnly('no-dbf');
    rmSync(join(noDbf, '3.规划图形数据', 'Shapefile', 'GHYT.dbf'));
    const missing = await runCli(['check', noDbf, '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/GHYT/);
    expect(missing.stderr).toMatch(/\.dbf/);

    const parcelsOnly = join(scratch, 'parcels-only');
    mkdirSync(parcelsOnly);
    for (const part of ['shp', 'shx', 'dbf', 'prj', 'cpg']) cpSync(join(pkg.dir, '3.规划图形数据', 'Shapefile', `JQDLTB.${part}`), join(parcelsOnly, `JQDLTB.${part}`));
    const lone = await runCli(['check', parcelsOnly]);
    expect(lone.code).toBe(2);
    expect(lone.stderr).toContain('只有基期地类图斑 JQDLTB');

    const notAPackage = join(scratch, 'photos.zip');
    writeFileSync(notAPackage, writeZip([{ name: 'photo.txt', bytes: new TextEncoder().encode('not a layer') }]));
    const zip = await runCli(['check', notAPackage, '--lang', 'en']);
    expect(zip.code).toBe(2);
    expect(zip.stderr).toContain('The zip holds no delivery package');
    const zipInZip = join(scratch, 'county.zip');
    writeFileSync(zipInZip, writeZip([{ name: '沈家埭村/成果.zip', bytes: readFileSync(zipped(pkg.dir, 'inner.zip')) }]));
    const nested = await runCli(['check', zipInZip, '--lang', 'en']);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toContain('county.zip has no layer to read, only the zip 成果.zip inside it, and a zip inside a zip is not opened: unzip county.zip first, then choose 成果.zip.');

    // Xian 1980 (an old survey's datum): the editor asks for the county's parameters; the command line says where to go.
    const xian = shapefilesOnly('xian');
    const shapefiles = join(xian, '3.规划图形数据', 'Shapefile');
    const prj = 'PROJCS["Xian_1980_3_Degree_GK_Zone_40",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",40500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    for (const file of readdirSync(shapefiles).filter((f) => f.endsWith('.prj'))) writeFileSync(join(shapefiles, file), prj);
    const old = await runCli(['check', xian, '--lang', 'en']);
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/JQDLTB\.shp” is in Xian 1980 .*import the package in the editor/);

    // GeoJSON saved in GBK by an older tool: with the layer's Shapefile beside it, that is read and the note
    // says why the GeoJSON was skipped; without, the folder says what the zip says (a package's GeoJSON must
    // be UTF-8, export again).
    const gbk = join(scratch, 'gbk-geojson');
    cpSync(pkg.dir, gbk, { recursive: true });
    const parcels = join(gbk, '3.规划图形数据', 'GeoJSON', 'JQDLTB.geojson');
    writeFileSync(parcels, encodeText(readFileSync(parcels, 'utf8'), 'gbk').bytes);
    const notUtf8 = /JQDLTB\.geojson is not UTF-8 text; a package’s GeoJSON must be UTF-8 \(RFC 7946\)\. Export it again\./;
    for (const input of [gbk, zipped(gbk, 'gbk-geojson.zip')]) {
      const out = await runCli(['check', input, '--lang', 'en']);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stderr, input).toMatch(/JQDLTB\.geojson was skipped and the layer read from its Shapefile \S*JQDLTB\.shp instead\. The reason: /);
      expect(out.stderr, input).toMatch(notUtf8);
    }
    for (const part of readdirSync(join(gbk, '3.规划图形数据', 'Shapefile')).filter((f) => f.startsWith('JQDLTB.'))) rmSync(join(gbk, '3.规划图形数据', 'Shapefile', part));
    for (const input of [gbk, zipped(gbk, 'gbk-geojson-alone.zip')]) {
      const out = await runCli(['check', input, '--lang', 'en']);
      expect(out.code).toBe(2);
      expect(out.stderr, input).toMatch(notUtf8);
    }

    const broken = join(scratch, 'broken.zip');
    writeFileSync(broken, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const damaged = await runCli(['check', broken, '--lang', 'en']);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toMatch(/broken\.zip.*is damaged/);
  });

  it('says that one layer of a package (or another layer file) is not the package, naming the folder to give instead', async () => {
    for (const layer of [join('GeoJSON', 'JQDLTB.geojson'), join('Shapefile', 'GHYT.shp')]) {
      const out = await runCli(['check', join(pkg.dir, '3.规划图形数据', layer), '--lang', 'en']);
      expect(out.code).toBe(2);
      expect(out.stderr, layer).toContain(`one layer (${layer.includes('GHYT') ? 'GHYT' : 'JQDLTB'}) of a delivery package, not a plan file. Check the whole package: give its folder (such as ${pkg.dir}) or its .zip`);
    }
    const survey = join(scratch, 'DLTB.dbf');
    cpSync(join(pkg.dir, '3.规划图形数据', 'Shapefile', 'JQDLTB.dbf'), survey);
    expect((await runCli(['check', survey, '--lang', 'en'])).stderr).toContain('this is a layer file, not a plan file or a package');
    // A plan file keeps its name, whatever it is.
    const plan = join(scratch, 'XZQ.json');
    cpSync('samples/sample-village.plan.json', plan);
    expect((await runCli(['check', plan, '--lang', 'en'])).code).toBe(0);
  });

  it('says how to settle a guessed DBF encoding on the command line (a .cpg), not with the editor’s switch', async () => {
    const noCpg = shapefilesOnly('no-cpg');
    const shapefiles = join(noCpg, '3.规划图形数据', 'Shapefile');
    for (const file of readdirSync(shapefiles).filter((f) => f.endsWith('.cpg'))) rmSync(join(shapefiles, file));
    const guessed = await check(noCpg);
    expect(guessed.stderr).toContain('put a .cpg file of the same name beside the .dbf');
    expect(guessed.stderr).not.toContain('switch the encoding');
    expect(issueKeys(guessed.report)).toEqual(issueKeys((await check(pkg.dir)).report));
  });

  // GK without the zone number and without a .prj, as CAD and old tools deliver it: zone 39 (开化) and zone
  // 40 (the east coast) have the same numbers. --crs settles it; a GeoJSON layer's own crs member too.
  it.skipIf(skipWithoutGdal('ogr2ogr'))('takes the layers’ system from --crs, or from the GeoJSON crs member, where the numbers carry no zone', async () => {
    const geojson = await check(pkg.dir);
    const noZone = shapefilesOnly('no-zone');
    const shapefiles = join(noZone, '3.规划图形数据', 'Shapefile');
    for (const file of readdirSync(shapefiles).filter((f) => f.endsWith('.shp'))) {
      const source = join(pkg.dir, '3.规划图形数据', 'Shapefile', file);
      const target = join(shapefiles, file);
      rmSync(target);
      gdal('ogr2ogr', ['-t_srs', 'EPSG:4549', '-lco', 'ENCODING=UTF-8', target, source]);
      rmSync(target.replace(/\.shp$/, '.prj'));
    }
    const guessed = await check(noZone);
    expect(guessed.stderr).toContain('give the right zone with --crs EPSG:<code>');
    const given = await runCli(['check', noZone, '--crs', 'EPSG:4549', '--format', 'json', '--lang', 'en']);
    expect(given.stderr).not.toContain('zone number');
    for (const other of [guessed.report, JSON.parse(given.stdout) as Report]) {
      expect(issueKeys(other)).toEqual(issueKeys(geojson.report));
      expect(Math.abs(other.tables.F1.rows[0]!.cells.base!.m2 - geojson.report.tables.F1.rows[0]!.cells.base!.m2)).toBeLessThan(0.1);
    }

    // GeoJSON layers written by GDAL in EPSG:4549 carry a crs member naming the zone: read in it, without a guess note.
    const named = join(scratch, 'named-zone');
    cpSync(pkg.dir, named, { recursive: true });
    const layers = join(named, '3.规划图形数据', 'GeoJSON');
    for (const file of readdirSync(layers)) {
      rmSync(join(layers, file));
      gdal('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'RFC7946=NO', '-t_srs', 'EPSG:4549', join(layers, file), join(pkg.dir, '3.规划图形数据', 'GeoJSON', file)]);
    }
    expect(readFileSync(join(layers, 'JQDLTB.geojson'), 'utf8')).toContain('EPSG::4549');
    const read = await check(named);
    expect(read.stderr).not.toContain('zone prefix');
    expect(issueKeys(read.report)).toEqual(issueKeys(geojson.report));

    const planFile = await runCli(['check', 'samples/sample-village.plan.json', '--crs', 'EPSG:4549', '--lang', 'en']);
    expect(planFile.code).toBe(2);
    expect(planFile.stderr).toContain('--crs is for the layer files of a package or a database');
  }, 120_000);
});
