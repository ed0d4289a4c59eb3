/**
 * A differential test of `village-plan check` on ONE small delivery package and the forms other tools
 * deliver it in, each made from its Shapefiles by GDAL's ogr2ogr: GBK text with and without its .cpg,
 * multi-polygons, lon/lat CGCS2000, the GK zone with and without its prefix, ArcGIS's own .prj text,
 * PolygonZ, lower-case field names, extra fields, records in another order, the package zipped. Each must
 * give the SAME findings as the package as written (rule, severity, layer, features by their package
 * reference, message, areas to 0.01 m²). The package is real-looking (clipped to a separately drawn
 * boundary, every vertex moved by up to ±0.3 mm) with a planted gap, overlap and wrong TBMJ, so "the same"
 * is not the same nothing. A GeoPackage is refused, saying how to export it.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipPackageFolder } from '../io/package/delivery-test-support.ts';
import { writeZip } from '../io/zip/zip-write.ts';
import { aliasOf } from '../io/package/field-aliases.ts';
import { encodeText } from '../io/text/encode-text.ts';
import { gdal, skipWithoutGdal } from '../../tests/support/gdal.ts';
import { runCli } from './main.ts';
import { check, findings, plantedPackageForTests, type Report } from './package-forms-support.ts';

const SHAPEFILES = join('3.规划图形数据', 'Shapefile');
const GEOJSON = join('3.规划图形数据', 'GeoJSON');

const planted = plantedPackageForTests('vp-package-forms-');

/** The field names of a .dbf, from its header (32-byte descriptors after the first 32 bytes, up to 0x0D). */
function dbfFieldNames(path: string): string[] {
  const bytes = readFileSync(path);
  const names: string[] = [];
  for (let at = 32; at + 32 <= bytes.length && bytes[at] !== 0x0d; at += 32) {
    const raw = bytes.subarray(at, at + 11);
    const end = raw.indexOf(0);
    names.push(new TextDecoder('latin1').decode(end < 0 ? raw : raw.subarray(0, end)));
  }
  return names;
}

interface Form {
  readonly name: string;
  /** ogr2ogr's options for one layer (its name and its .shp in the original package). */
  readonly ogr: (layer: string, source: string) => readonly string[];
  /** A last touch of the written folder of Shapefiles. */
  readonly after?: (shapefiles: string) => void;
  /** What the notes must say of this form. */
  readonly notes?: RegExp;
  /** That the written files are of this form (asked of the folder of Shapefiles). */
  readonly is?: (shapefiles: string) => void;
}

const parcelFields = (dir: string) => dbfFieldNames(join(dir, 'JQDLTB.dbf'));

/** Sets byte 29 of every DBF header, its language driver (0x4D: GBK, code page 936; 0: none). */
const languageDriver = (byte: number) => (dir: string) => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.dbf'))) {
    const bytes = readFileSync(join(dir, file));
    bytes[29] = byte;
    writeFileSync(join(dir, file), bytes);
  }
};

const ARCGIS_CM_120E =
  'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

const removeAll = (ext: string) => (dir: string) => {
  for (const file of readdirSync(dir).filter((f) => f.toLowerCase().endsWith(ext))) rmSync(join(dir, file));
};

const FORMS: readonly Form[] = [
  { name: 'rewritten by GDAL, UTF-8', ogr: () => ['-lco', 'ENCODING=UTF-8'] },
  { name: 'GBK with its .cpg', ogr: () => ['-lco', 'ENCODING=GBK'] },
  { name: 'GBK without a .cpg', ogr: () => ['-lco', 'ENCODING=GBK'], after: removeAll('.cpg') },
  {
    name: 'GBK under a .cpg saying UTF-8',
    ogr: () => ['-lco', 'ENCODING=GBK'],
    after: (dir) => {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpg'))) writeFileSync(join(dir, file), 'UTF-8');
    },
  },
  {
    name: 'UTF-8 under a GBK header byte, without a .cpg',
    ogr: () => ['-lco', 'ENCODING=UTF-8'],
    after: (dir) => {
      removeAll('.cpg')(dir);
      languageDriver(0x4d)(dir);
    },
  },
  {
    name: 'GBK with neither a .cpg nor a header byte',
    ogr: () => ['-lco', 'ENCODING=GBK'],
    after: (dir) => {
      removeAll('.cpg')(dir);
      languageDriver(0)(dir);
    },
    notes: /JQDLTB\.dbf” has no \.cpg encoding file; the text was detected as GBK/,
  },
  // GDAL 3.6 told not to recode (ENCODING="") writes the .cpg empty (written here for any version): the notes
  // say it was set aside, not that there is none.
  {
    name: 'UTF-8 under an empty .cpg (ENCODING="")',
    ogr: () => ['-lco', 'ENCODING='],
    after: (dir) => {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.dbf'))) writeFileSync(join(dir, file.replace(/\.dbf$/, '.cpg')), '');
    },
    notes: /^(?![\s\S]*has no \.cpg)[\s\S]*JQDLTB\.cpg” does not name a known encoding \(“”\); it was set aside, and the text read as UTF-8/,
  },
  { name: 'multi-polygons', ogr: () => ['-lco', 'ENCODING=UTF-8', '-nlt', 'PROMOTE_TO_MULTI'] },
  { name: 'lon/lat CGCS2000 (EPSG:4490)', ogr: () => ['-lco', 'ENCODING=UTF-8', '-t_srs', 'EPSG:4490'], is: (dir) => expect(readFileSync(join(dir, 'JQDLTB.prj'), 'utf8')).toMatch(/^GEOGCS\["GCS_China_Geodetic_Coordinate_System_2000"/) },
  { name: 'GK zone 40 with the prefix (EPSG:4528)', ogr: () => ['-lco', 'ENCODING=UTF-8', '-t_srs', 'EPSG:4528'] },
  { name: 'GK zone 40 without the prefix (EPSG:4549)', ogr: () => ['-lco', 'ENCODING=UTF-8', '-t_srs', 'EPSG:4549'], is: (dir) => expect(readFileSync(join(dir, 'JQDLTB.prj'), 'utf8')).toContain('"False_Easting",500000.0') },
  {
    name: 'an ArcGIS .prj (CGCS2000_3_Degree_GK_CM_120E)',
    ogr: () => ['-lco', 'ENCODING=UTF-8', '-t_srs', 'EPSG:4549'],
    after: (dir) => {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.prj'))) writeFileSync(join(dir, file), ARCGIS_CM_120E);
    },
  },
  { name: 'PolygonZ', ogr: () => ['-lco', 'ENCODING=UTF-8', '-dim', 'XYZ'], notes: /“JQDLTB\.shp” is 3-D \(PolygonZ\)/ },
  { name: 'field names in lower case', ogr: (layer, source) => ['-lco', 'ENCODING=UTF-8', '-sql', `SELECT ${dbfFieldNames(source.replace(/\.shp$/, '.dbf')).map((f) => `"${f}" AS "${f.toLowerCase()}"`).join(', ')} FROM "${layer}"`], is: (dir) => expect(parcelFields(dir)).toContain('tbmj') },
  // A tool that made the code fields numbers (QGIS's field calculator, a DBF N field) drops their leading zeros.
  {
    name: 'codes as numbers (GZQLXDM 010 → 10, XZNTLX 01 → 1)',
    ogr: (layer, source) => ['-lco', 'ENCODING=UTF-8', '-sql', `SELECT ${dbfFieldNames(source.replace(/\.shp$/, '.dbf')).map((f) => (f === 'GZQLXDM' || f === 'XZNTLX' ? `CAST("${f}" AS integer) AS "${f}"` : `"${f}"`)).join(', ')} FROM "${layer}"`],
    is: (dir) => expect(gdal('ogrinfo', ['-q', '-fid', '0', join(dir, 'JSYDGZQ.shp'), 'JSYDGZQ'])).toMatch(/GZQLXDM \(Integer\) = 10\b/),
  },
  // QGIS's “use aliases for exported field names”: JQDLTB's fields under their Chinese aliases where one fits a DBF name in GBK.
  {
    name: 'JQDLTB fields named by their Chinese aliases',
    ogr: (layer, source) => ['-lco', 'ENCODING=GBK', ...(layer === 'JQDLTB' ? ['-sql', `SELECT ${dbfFieldNames(source.replace(/\.shp$/, '.dbf')).map((f) => { const alias = aliasOf('JQDLTB', f); return alias && encodeText(alias, 'gbk').bytes.length <= 10 ? `"${f}" AS "${alias}"` : `"${f}"`; }).join(', ')} FROM "${layer}"`] : [])],
    notes: /JQDLTB\.shp are named by their Chinese aliases; they were read under the package’s field names: 标识码 → BSM/,
    is: (dir) => expect(gdal('ogrinfo', ['-so', '-al', join(dir, 'JQDLTB.shp')])).toMatch(/地类代码: String/),
  },
  { name: 'extra fields', ogr: (layer) => ['-lco', 'ENCODING=UTF-8', '-sql', `SELECT *, 'note' AS "REMARK", 12.5 AS "EXTRA_N" FROM "${layer}"`], is: (dir) => expect(parcelFields(dir)).toEqual(expect.arrayContaining(['BSM', 'TBMJ', 'REMARK', 'EXTRA_N'])) },
  { name: 'records in another order', ogr: (layer, source) => ['-lco', 'ENCODING=UTF-8', '-sql', `SELECT * FROM "${layer}" ORDER BY "${dbfFieldNames(source.replace(/\.shp$/, '.dbf'))[0]!}" DESC`], is: (dir) => expect(gdal('ogrinfo', ['-q', '-fid', '0', join(dir, 'JQDLTB.shp'), 'JQDLTB'])).toMatch(/BSM \(Integer64\) = 483/) },
];

/** The package without its GeoJSON, each Shapefile rewritten by ogr2ogr with the form's options. */
function convert(form: Form, index: number): string {
  const dir = join(planted.scratch, `form-${index}`);
  cpSync(planted.dir, dir, { recursive: true });
  rmSync(join(dir, GEOJSON), { recursive: true });
  const shapefiles = join(dir, SHAPEFILES);
  for (const file of readdirSync(shapefiles).filter((f) => f.endsWith('.shp'))) {
    const layer = file.replace(/\.shp$/, '');
    for (const part of readdirSync(shapefiles).filter((f) => f.startsWith(`${layer}.`))) rmSync(join(shapefiles, part));
    const source = join(planted.dir, SHAPEFILES, file);
    gdal('ogr2ogr', ['-f', 'ESRI Shapefile', ...form.ogr(layer, source), '-nln', layer, join(shapefiles, file), source]);
  }
  form.after?.(shapefiles);
  form.is?.(shapefiles);
  return dir;
}

const zipped = (dir: string, name: string) => zipPackageFolder(dir, join(planted.scratch, name));

describe.skipIf(skipWithoutGdal('ogr2ogr'))('village-plan check on one package in the forms other tools deliver it', () => {
  it('has real findings to compare: the planted gaps, overlaps and wrong TBMJ', () => {
    const rules = planted.original.issues.filter((i) => i.severity !== 'notChecked').map((i) => i.rule);
    expect(rules.filter((r) => r === 'no-gap').length).toBeGreaterThanOrEqual(2);
    expect(rules.filter((r) => r === 'no-overlap').length).toBeGreaterThanOrEqual(2);
    expect(rules).toContain('area-attribute-consistent');
  });

  it('gives the same findings from the Shapefiles alone', async () => {
    const dir = join(planted.scratch, 'shapefiles-only');
    cpSync(planted.dir, dir, { recursive: true });
    rmSync(join(dir, GEOJSON), { recursive: true });
    const read = await check(dir);
    expect(read.report, read.stderr).not.toBeNull();
    expect(findings(read.report!)).toEqual(findings(planted.original));
  }, 60_000);

  it.each(FORMS.map((form, index) => [form.name, form, index] as const))('gives the same findings from Shapefiles %s', async (_name, form, index) => {
    const read = await check(convert(form, index));
    expect(read.report, read.stderr).not.toBeNull();
    expect(findings(read.report!)).toEqual(findings(planted.original));
    // Notes say what the command line can do (a .cpg, --crs), never the editor's encoding switch or preview.
    expect(read.stderr).not.toMatch(/switch the encoding|the preview/);
    if (form.notes) expect(read.stderr).toMatch(form.notes);
  }, 60_000);

  it('keys the parcel lists’ rows by the package’s layer#BSM, the same when another tool writes the records in another order', async () => {
    const reordered = FORMS.findIndex((form) => form.name === 'records in another order');
    const read = await check(convert(FORMS[reordered]!, 102));
    expect(read.report, read.stderr).not.toBeNull();
    const keys = (report: Report) => Object.fromEntries(['demolitionList', 'newBuildList'].map((id) => [id, (report.tables[id]?.rows ?? []).map((row) => row.key).sort()]));
    expect(keys(read.report!)).toEqual(keys(planted.original));
    const listed = Object.values(keys(planted.original))
      .flat()
      .filter((key) => key !== 'total');
    expect(listed.length).toBeGreaterThan(0);
    for (const key of listed) expect(key).toMatch(/^GHYT#\d+$/);
  }, 60_000);

  it('gives the same findings from the GBK Shapefiles zipped', async () => {
    const read = await check(zipped(convert(FORMS[1]!, 100), 'gbk.zip'));
    expect(read.report, read.stderr).not.toBeNull();
    expect(findings(read.report!)).toEqual(findings(planted.original));
  }, 60_000);

  // Windows' “Extract All” of 成果.zip makes 成果/村庄规划成果/<村>/3.规划图形数据/…: the folder the zip became
  // must read as the zip does, its layers four folders down.
  it('gives the same findings from the zip extracted into a folder of its own, as Windows extracts one', async () => {
    const dir = join(planted.scratch, 'extracted', '村庄规划成果', '沈家埭村');
    mkdirSync(dir, { recursive: true });
    cpSync(convert(FORMS[1]!, 101), dir, { recursive: true });
    const read = await check(join(planted.scratch, 'extracted'));
    expect(read.report, read.stderr).not.toBeNull();
    expect(findings(read.report!)).toEqual(findings(planted.original));
  }, 60_000);

  it('refuses the layers in a GeoPackage, loose, in a folder or zipped, saying how to export them', async () => {
    const dir = join(planted.scratch, 'geopackage');
    mkdirSync(dir);
    const gpkg = join(dir, '村庄规划.gpkg');
    for (const file of readdirSync(join(planted.dir, SHAPEFILES)).filter((f) => f.endsWith('.shp'))) {
      gdal('ogr2ogr', ['-f', 'GPKG', ...(existsSync(gpkg) ? ['-update'] : []), '-nln', file.replace(/\.shp$/, ''), gpkg, join(planted.dir, SHAPEFILES, file)]);
    }
    const zip = join(planted.scratch, 'geopackage.zip');
    writeFileSync(zip, writeZip([{ name: '成果/村庄规划.gpkg', bytes: readFileSync(gpkg) }]));
    for (const input of [dir, gpkg, zip]) {
      const out = await runCli(['check', input, '--lang', 'en']);
      expect(out.code, input).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr, input).toMatch(/村庄规划\.gpkg (in the zip )?is a GeoPackage \(\.gpkg\), which village-plan does not read.*ogr2ogr -f "ESRI Shapefile"/);
    }
  }, 60_000);
});
