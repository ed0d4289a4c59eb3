/**
 * A package layer whose GeoJSON cannot be read while its good Shapefile sits beside it: JQDLTB.json written
 * as Esri JSON by ArcGIS's Features To JSON, or the GeoJSON saved in GBK by an older tool. The whole package
 * used to be refused; the check now goes on from the Shapefile and says the GeoJSON was skipped and why. It
 * is refused as before when there is nothing else to read, and a package whose both forms can be read is
 * read from its GeoJSON as before.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { createI18n } from '../../i18n/index.ts';
import { renderMessage } from '../../rules/render.ts';
import type { InputFile } from '../files.ts';
import { encodeText } from '../text/encode-text.ts';
import { deliver, samplePlan } from './delivery-test-support.ts';
import { packageFolders } from './package-folders-test-support.ts';
import { readPackageFiles } from './read-files.ts';
import { readPackageFolder } from './read-folder.ts';

const PARCELS_GEOJSON = '3.规划图形数据/GeoJSON/JQDLTB.geojson';
const en = createI18n('en');
const zh = createI18n('zh-CN');
type Said = Parameters<typeof renderMessage>[1];
const english = (m: Said) => renderMessage((k, p) => en.t(k, p ?? {}), m);
const chinese = (m: Said) => renderMessage((k, p) => zh.t(k, p ?? {}), m);

interface Collection {
  features: { properties: Record<string, unknown>; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] } }[];
}

/** The layer as ArcGIS's Features To JSON writes it without “Output to GeoJSON”: attributes and rings. */
function esriJson(geojson: Uint8Array): Uint8Array {
  const collection = JSON.parse(new TextDecoder().decode(geojson)) as Collection;
  const features = collection.features.map((f) => ({ attributes: f.properties, geometry: { rings: f.geometry.type === 'Polygon' ? f.geometry.coordinates : (f.geometry.coordinates as number[][][][]).flat() } }));
  return new TextEncoder().encode(JSON.stringify({ displayFieldName: '', geometryType: 'esriGeometryPolygon', spatialReference: { wkid: 4490, latestWkid: 4490 }, fields: [], features }));
}

describe('a package layer whose GeoJSON cannot be read, with its Shapefile beside it', { timeout: 60_000 }, async () => {
  const delivery = await deliver(samplePlan());
  const parcels = delivery.files.find((f) => f.name === PARCELS_GEOJSON)!;
  /** The package with JQDLTB's GeoJSON replaced (under another name when given), and without the files `leaveOut` matches. */
  const withParcels = (bytes: Uint8Array, name = PARCELS_GEOJSON, leaveOut?: RegExp): InputFile[] => [
    ...delivery.files.filter((f) => f !== parcels && !(leaveOut?.test(f.name) ?? false)),
    { name, bytes },
  ];
  const fromShapefiles = readPackageFiles(delivery.files.filter((f) => !f.name.endsWith('/JQDLTB.geojson')));
  if (!fromShapefiles?.ok) throw new Error('the sample package’s Shapefiles are read');
  const esri = withParcels(esriJson(parcels.bytes), '3.规划图形数据/GeoJSON/JQDLTB.json');
  const gbk = withParcels(encodeText(new TextDecoder().decode(parcels.bytes), 'gbk').bytes);

  const folderOf = packageFolders('vp-geojson-fallback-');

  it.each([
    ['Esri JSON (ArcGIS’s Features To JSON)', esri, 'io.geojson.esriJson', /JQDLTB\.json was skipped and the layer read from its Shapefile .*JQDLTB\.shp instead\. The reason: “.*JQDLTB\.json” is Esri JSON/],
    ['GeoJSON saved in GBK', gbk, 'package.notUtf8', /JQDLTB\.geojson was skipped and the layer read from its Shapefile .*JQDLTB\.shp instead\. The reason: .*JQDLTB\.geojson is not UTF-8 text/],
  ])('reads the layer from its Shapefile when the GeoJSON is %s, saying why, in the editor and the command line', (_name, files, reasonKey, said) => {
    for (const read of [readPackageFiles(files), readPackageFolder(folderOf(files))]) {
      if (!read?.ok) throw new Error(JSON.stringify(read));
      expect(read.value.plan.layers).toEqual(fromShapefiles.value.plan.layers);
      const skipped = read.notes.filter((n) => n.key === 'package.geojsonSkipped');
      expect(skipped.map((n) => n.params?.reasonKey)).toEqual([reasonKey]);
      expect(english(skipped[0]!)).toMatch(said);
      expect(chinese(skipped[0]!)).toMatch(/^未采用 .*JQDLTB\.(json|geojson)，该图层改从其 Shapefile .*JQDLTB\.shp 读取。原因：.*JQDLTB\.(json|geojson)/);
    }
    const editor = readPackageFiles(files);
    expect(editor?.ok && editor.value.layers.find((l) => l.name === 'JQDLTB')?.file).toMatch(/Shapefile\/JQDLTB\.shp$/);
  });

  it('reads the Shapefile also when another layer has no GeoJSON (the folder’s mixed path)', () => {
    const read = readPackageFolder(folderOf(withParcels(esriJson(parcels.bytes), '3.规划图形数据/GeoJSON/JQDLTB.json', /GeoJSON\/GHYT\.geojson$/)));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const bothFromShapefiles = readPackageFiles(delivery.files.filter((f) => !/GeoJSON\/(JQDLTB|GHYT)\.geojson$/.test(f.name)));
    if (!bothFromShapefiles?.ok) throw new Error('the sample package’s Shapefiles are read');
    expect(read.value.plan.layers).toEqual(bothFromShapefiles.value.plan.layers);
    expect(read.notes.map((n) => n.key)).toContain('package.geojsonSkipped');
  });

  it.skipIf(skipWithoutGdal('ogrinfo'))('counts as many parcels as GDAL reads from the Esri JSON', () => {
    const dir = folderOf(esri);
    const gdalCount = Number(/Feature Count: (\d+)/.exec(gdal('ogrinfo', ['-al', '-so', join(dir, '3.规划图形数据/GeoJSON/JQDLTB.json')]))?.[1]);
    const read = readPackageFiles(esri);
    expect(read?.ok && read.value.layers.find((l) => l.name === 'JQDLTB')?.count).toBe(gdalCount);
  });

  it('is refused as before when there is no Shapefile, or it cannot be read either', () => {
    const noShapefile = withParcels(esriJson(parcels.bytes), '3.规划图形数据/GeoJSON/JQDLTB.json', /Shapefile\/JQDLTB\./);
    const noDbf = withParcels(encodeText(new TextDecoder().decode(parcels.bytes), 'gbk').bytes, PARCELS_GEOJSON, /Shapefile\/JQDLTB\.dbf$/);
    expect(readPackageFiles(noShapefile)).toMatchObject({ ok: false, error: { key: 'io.geojson.esriJson', params: { file: '3.规划图形数据/GeoJSON/JQDLTB.json' } } });
    expect(readPackageFolder(folderOf(noShapefile))).toMatchObject({ ok: false, error: { key: 'io.geojson.esriJson' } });
    expect(readPackageFiles(noDbf)).toMatchObject({ ok: false, error: { key: 'package.notUtf8', params: { file: PARCELS_GEOJSON } } });
    expect(readPackageFolder(folderOf(noDbf))).toMatchObject({ ok: false, error: { key: 'package.notUtf8' } });
  });

  it('reads both forms, when both can be read, from the GeoJSON as before, without a note', () => {
    for (const read of [readPackageFiles(delivery.files), readPackageFolder(folderOf(delivery.files))]) {
      if (!read?.ok) throw new Error(JSON.stringify(read));
      expect(read.notes.map((n) => n.key)).not.toContain('package.geojsonSkipped');
      expect(read.notes.map((n) => n.key)).not.toContain('package.layerFileNamed');
    }
    const editor = readPackageFiles(delivery.files);
    expect(editor?.ok && editor.value.layers.map((l) => l.file).every((f) => f.includes('/GeoJSON/'))).toBe(true);
  });
});
