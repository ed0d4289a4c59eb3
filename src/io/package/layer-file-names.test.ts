/**
 * Layer files named in Chinese, as county packages name them: by the layer's Chinese name (基期地类图斑.shp,
 * 行政区.shp) or both (JQDLTB基期地类图斑.shp). Such a package was "not a package" (no JQDLTB found); it is
 * read as its code-named copy is, and the reader says which file it took for which layer. Two files for one
 * layer are refused, naming both, instead of taking whichever came first.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import type { InputFile } from '../files.ts';
import { deliver, samplePlan } from './delivery-test-support.ts';
import { packageFolders } from './package-folders-test-support.ts';
import { layerNameOf, layerOfStem } from './package-layers.ts';
import { readPackageFiles } from './read-files.ts';
import { readPackageFolder } from './read-folder.ts';

describe('a layer file’s name', () => {
  it('stands for a layer by its code, its Chinese name, or both when they agree', () => {
    const named: Record<string, string | undefined> = {
      JQDLTB: 'JQDLTB',
      jqdltb: 'JQDLTB',
      基期地类图斑: 'JQDLTB',
      JQDLTB基期地类图斑: 'JQDLTB',
      JQDLTB_基期地类图斑: 'JQDLTB',
      '基期地类图斑(JQDLTB)': 'JQDLTB',
      '基期地类图斑（JQDLTB）': 'JQDLTB',
      行政区: 'XZQ',
      'XZQ-行政区': 'XZQ',
      永久基本农田保护图斑: 'JBNTBHTB',
      建设用地管制区: 'JSYDGZQ',
      土地规划地类: 'TDGHDL',
      规划用途: 'GHYT',
      基本农田整备区: 'JBNTZBQ',
      整备区: 'JBNTZBQ',
      // Nothing guessed: another word, another layer's code, a name not in the catalogue.
      JQDLTB副本: undefined,
      村级行政区: undefined,
      GHYT基期地类图斑: undefined,
      DLTB: undefined,
      地类图斑: undefined,
      JQDLTB2: undefined,
      JQDLTBXZQ: undefined,
      // macOS's resource forks beside the Shapefiles on a USB stick, and other hidden files.
      '._JQDLTB': undefined,
      '.JQDLTB': undefined,
      '._基期地类图斑': undefined,
      '': undefined,
    };
    for (const [stem, layer] of Object.entries(named)) expect(layerOfStem(stem), stem).toBe(layer);
    expect(layerNameOf('行政区.geojson')).toBe('XZQ');
    expect(layerNameOf('规划参数.json')).toBeUndefined();
    expect(layerNameOf('字段结构.json')).toBeUndefined();
    expect(layerNameOf('._JQDLTB.geojson')).toBeUndefined();
  });
});

/** A county's names for the sample package's layers: Chinese, code and Chinese, Chinese and code in brackets. */
const COUNTY_NAMES: Readonly<Record<string, string>> = { JQDLTB: '基期地类图斑', GHYT: 'GHYT规划用途', TDGHDL: '土地规划地类(TDGHDL)', JSYDGZQ: '建设用地管制区', XZQ: '行政区', JBNTBHTB: 'JBNTBHTB_永久基本农田保护图斑' };

describe('a package whose layer files are named in Chinese', { timeout: 60_000 }, async () => {
  const delivery = await deliver(samplePlan());
  const shapefiles = delivery.files.filter((f) => !f.name.endsWith('.geojson'));
  const renamed = (files: readonly InputFile[]): InputFile[] =>
    files.map((f) => ({ name: f.name.replace(/\/([A-Z]+)(\.\w+)$/, (whole, layer: string, ext: string) => (COUNTY_NAMES[layer] ? `/${COUNTY_NAMES[layer]}${ext}` : whole)), bytes: f.bytes }));
  const county = renamed(shapefiles);
  const codeNamed = readPackageFiles(shapefiles);
  if (!codeNamed?.ok) throw new Error('the sample package’s Shapefiles are read');

  const folderOf = packageFolders('vp-layer-names-');

  it('is read as its code-named copy is, in the editor and the command line, saying which file was taken for which layer', () => {
    for (const read of [readPackageFiles(county), readPackageFolder(folderOf(county))]) {
      if (!read?.ok) throw new Error(JSON.stringify(read));
      expect(read.value.plan.layers).toEqual(codeNamed.value.plan.layers);
      const taken = read.notes.filter((n) => n.key === 'package.layerFileNamed').map((n) => `${String(n.params?.layer)} ← ${String(n.params?.file).replace(/^.*\//, '')}`);
      expect(taken.sort()).toEqual(Object.entries(COUNTY_NAMES).map(([layer, name]) => `${layer} ← ${name}.shp`).sort());
    }
    const editor = readPackageFiles(county);
    expect(editor?.ok && editor.value.layers.map((l) => `${l.name} ${l.file.replace(/^.*\//, '')}`)).toEqual(codeNamed.value.layers.map((l) => `${l.name} ${COUNTY_NAMES[l.name] ?? l.name}.shp`));
  });

  it('reads GeoJSON layers named in Chinese too', () => {
    const geojson = renamed(delivery.files.filter((f) => !f.name.includes('/Shapefile/')));
    const read = readPackageFolder(folderOf(geojson));
    const original = readPackageFiles(delivery.files);
    if (!read.ok || !original?.ok) throw new Error(JSON.stringify(read));
    expect(read.value.plan.layers).toEqual(original.value.plan.layers);
    expect(read.notes.filter((n) => n.key === 'package.layerFileNamed')).toHaveLength(Object.keys(COUNTY_NAMES).length);
  });

  it('is refused when two files are one layer, naming both', () => {
    const twice = [...county, ...shapefiles.filter((f) => /\/JQDLTB\.\w+$/.test(f.name))];
    const refused = { ok: false, error: { key: 'package.twoLayerFiles', params: { layer: 'JQDLTB', first: expect.stringMatching(/基期地类图斑\.shp$/), second: expect.stringMatching(/JQDLTB\.shp$/) } } };
    expect(readPackageFiles(twice)).toMatchObject(refused);
    expect(readPackageFolder(folderOf(twice))).toMatchObject({ ok: false, error: { key: 'package.twoLayerFiles', params: { layer: 'JQDLTB' } } });
    // macOS's `._` resource forks beside the Shapefiles (a package copied onto a USB stick) are no second file.
    const forks = [...county, ...shapefiles].filter((f) => /\/(JQDLTB|基期地类图斑)\.\w+$/.test(f.name)).map((f) => ({ name: f.name.replace(/\/([^/]+)$/, '/._$1'), bytes: new Uint8Array(4096) }));
    expect(readPackageFolder(folderOf([...county, ...forks])).ok).toBe(true);
    // A GeoJSON and a Shapefile of one layer are its two forms, not two files: read as before.
    expect(readPackageFiles([...county, ...renamed(delivery.files.filter((f) => f.name.endsWith('/JQDLTB.geojson')))])?.ok).toBe(true);
  });

  it.skipIf(skipWithoutGdal('ogrinfo'))('counts the parcels GDAL reads from 基期地类图斑.shp', () => {
    const dir = folderOf(county);
    const gdalCount = Number(/Feature Count: (\d+)/.exec(gdal('ogrinfo', ['-al', '-so', join(dir, '3.规划图形数据/Shapefile/基期地类图斑.shp')]))?.[1]);
    const read = readPackageFiles(county);
    expect(read?.ok && read.value.layers.find((l) => l.name === 'JQDLTB')?.count).toBe(gdalCount);
  });
});
