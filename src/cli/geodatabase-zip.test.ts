/**
 * A township sends its database zipped as CCTool or QGIS wrote it: a File Geodatabase folder or a
 * GeoPackage inside the zip. `check` refuses it naming what it is and how to export it, as for the same
 * database given loose, not "the zip holds no delivery package" about a zip that holds every layer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeZip } from '../io/zip/zip-write.ts';
import { runCli } from './main.ts';

const scratch = mkdtempSync(join(tmpdir(), 'vp-geodatabase-zip-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const bytes = (text: string) => new TextEncoder().encode(text);

function zipOf(name: string, members: readonly string[]): string {
  const path = join(scratch, name);
  writeFileSync(path, writeZip(members.map((member) => ({ name: member, bytes: bytes('SQLite format 3\u0000') }))));
  return path;
}

describe('village-plan check on a zipped geodatabase', () => {
  it('names a GeoPackage inside the zip and says to unzip and export it', async () => {
    // As a Mac zips it: the resource fork's `._` copy first, which is not the database.
    const zip = zipOf('gpkg.zip', ['__MACOSX/成果/._村庄规划.gpkg', '成果/村庄规划.gpkg', '成果/说明.txt']);
    for (const lang of ['en', 'zh'] as const) {
      const out = await runCli(['check', zip, '--lang', lang]);
      expect(out.code).toBe(2);
      expect(out.stderr).toContain(' 成果/村庄规划.gpkg ');
      expect(out.stderr).not.toContain('__MACOSX');
      expect(out.stderr).toContain('ogr2ogr -f "ESRI Shapefile"');
      expect(out.stderr).not.toMatch(/holds no delivery package|没有成果包/);
    }
    expect((await runCli(['check', zip, '--lang', 'en'])).stderr).toMatch(/is a GeoPackage \(\.gpkg\).*unzip/i);
  });

  it('names a Personal Geodatabase (.mdb) inside the zip and says to unzip and export it', async () => {
    const zip = zipOf('mdb.zip', ['旧数据/村界.mdb', '旧数据/说明.txt']);
    const out = await runCli(['check', zip, '--lang', 'en']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/旧数据\/村界\.mdb in the zip is an ArcMap Personal Geodatabase \(\.mdb\).*unzip/i);
  });

  it('names a File Geodatabase folder inside the zip, by its name or by its tables', async () => {
    const named = zipOf('gdb.zip', ['村庄规划数据库.gdb/a00000001.gdbtable', '村庄规划数据库.gdb/a00000001.gdbtablx', '村庄规划数据库.gdb/gdb']);
    const out = await runCli(['check', named, '--lang', 'en']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/村庄规划数据库\.gdb in the zip is a File Geodatabase \(\.gdb\)/);
    // A geodatabase folder renamed without its .gdb suffix is still one: its a0000000N.gdbtable files say so.
    const renamed = zipOf('renamed.zip', ['数据库/a00000009.gdbtable', '数据库/a00000009.gdbtablx']);
    expect((await runCli(['check', renamed, '--lang', 'en'])).stderr).toMatch(/: 数据库 in the zip is a File Geodatabase/);
  });

  it('names the zipped File Geodatabase for the 2026 checks and for survey-table too, not the layers it holds as missing', async () => {
    const zip = zipOf('cctool.zip', ['成果/村庄规划数据库.gdb/a00000001.gdbtable', '成果/村庄规划数据库.gdb/gdb', '成果/说明.txt']);
    for (const args of [['check', '--profile', 'zhejiang-2026', zip], ['tables', '--profile', 'zhejiang-2026', zip], ['survey-table', zip]]) {
      const out = await runCli([...args, '--lang', 'en']);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stderr, args.join(' ')).toMatch(/成果\/村庄规划数据库\.gdb in the zip is a File Geodatabase \(\.gdb\).*unzip/i);
    }
  });

  it('tells survey-table to unzip a zip holding no geodatabase, rather than calling it no layer', async () => {
    const zip = zipOf('survey.zip', ['三调/DLTB.shp', '三调/DLTB.dbf']);
    const out = await runCli(['survey-table', zip, '--lang', 'en']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/is a zip: survey-table does not read zips; unzip it first/);
  });

  it('still says a zip of something else holds no package', async () => {
    const other = zipOf('photos.zip', ['照片/1.jpg']);
    const out = await runCli(['check', other, '--lang', 'en']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('The zip holds no delivery package');
  });
});
