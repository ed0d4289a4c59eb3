import type { Polygon } from 'geojson';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { ringSignedAreaPlanar } from '../../geo/rings.ts';
import { createI18n } from '../../i18n/index.ts';
import { renderMessage } from '../../rules/render.ts';
import { toGaussKruger } from '../../geo/projection.ts';
import { gk } from '../crs/source-crs.ts';
import { english, fixtureFiles } from '../test-support.ts';
import { writeGeoJson } from './geojson.format.ts';
import { importFiles } from './index.ts';
import type { ExportLayer } from './types.ts';

const text = (name: string, content: string) => ({ name, bytes: new TextEncoder().encode(content) });
const ANYWHERE = { region: 'any' } as const;

/** What each check-geojson / geojsonhint "bad" fixture gives: refused with this key, or imported with these notes. */
const EXPECTED: Record<string, { refused: string } | { notes: string[] }> = {
  'bad__bad-duplicate-properties.geojson': { refused: 'io.geojson.noGeometryMember' },
  'bad__bad-featurelist.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__bad-json.geojson': { refused: 'io.geojson.notJson' },
  'bad__bad-object-type.geojson': { refused: 'io.geojson.unknownType' },
  'bad__bad-polygonloop.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__bad-properties-as-array.geojson': { refused: 'io.geojson.propertiesNotObject' },
  'bad__badcoord.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__badcoordtype.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__badfeature-no-properties.geojson': { notes: ['io.geojson.noProperties'] },
  'bad__badfeature.geojson': { refused: 'io.geojson.featureNotObject' },
  'bad__badfeatureid.geojson': { notes: ['io.geojson.badId'] },
  'bad__bbox-4or6elements.geojson': { notes: ['io.geojson.badBbox'] },
  'bad__bbox-contains-string.geojson': { notes: ['io.geojson.badBbox'] },
  'bad__bbox-string.geojson': { notes: ['io.geojson.badBbox'] },
  'bad__different-first-last.geojson': { notes: [] },
  'bad__different-first-size.geojson': { notes: [] },
  'bad__expected_object.geojson': { refused: 'io.geojson.propertiesNotObject' },
  'bad__false.geojson': { refused: 'io.geojson.geometryNotObject' },
  'bad__feature_changed_semantics.geojson': { notes: ['io.geojson.foreignMembers'] },
  'bad__featurecollection-obj.geojson': { refused: 'io.geojson.noFeatureList' },
  'bad__featurecollection-type-case.geojson': { refused: 'io.geojson.wrongCase' },
  'bad__featurecollection.geojson': { refused: 'io.geojson.noFeatureList' },
  'bad__featurecollection_changed_semantics.geojson': { notes: ['io.geojson.foreignMembers'] },
  'bad__geometry_changed_semantics.geojson': { notes: ['io.geojson.foreignMembers'] },
  'bad__geometrycollection_nested.geojson': { refused: 'io.geojson.nestedCollection' },
  'bad__multiple_problems.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__multipoint-multidimension.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__multipoint-nocoordinates.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__multipoint-nondimension.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__nofeaturetype.geojson': { refused: 'io.geojson.unknownType' },
  'bad__notype.geojson': { refused: 'io.geojson.noType' },
  'bad__point-labeled-as-a-multipolygon.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__point-string.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__point-toofew.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__point-toomany.geojson': { notes: [] },
  'bad__point.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__rootstring.geojson': { refused: 'io.geojson.rootNotObject' },
  'bad__short-line.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__short-linearring.geojson': { notes: [] },
  'bad__short-multilinestring.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__stringcoord.geojson': { refused: 'io.geojson.badCoordinates' },
  'bad__unknowntype.geojson': { refused: 'io.geojson.unknownType' },
};

describe('GeoJSON import of malformed files (check-geojson)', () => {
  it.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    const result = importFiles(fixtureFiles('third-party/check-geojson', name), ANYWHERE);
    if ('refused' in expected) {
      expect(!result.ok && result.error.key).toBe(expected.refused);
      if (!result.ok) expect(english(result.error)).toContain(name);
    } else {
      expect(result.ok && result.notes.map((n) => n.key)).toEqual(expected.notes);
    }
  });
});

describe('GeoJSON coordinate problems in the planner\'s language', () => {
  // As the import dialog shows them (renderMessage, the detail a message of its own): no English inside the Chinese.
  const say = (language: 'zh-CN' | 'en', name: string) => {
    const result = importFiles(fixtureFiles('third-party/check-geojson', name), ANYWHERE);
    const { t } = createI18n(language);
    return result.ok ? '' : renderMessage((key, values) => t(key, values ?? {}), result.error);
  };

  it.each([
    ['bad__badcoord.geojson', '坐标必须是数字，却是 [1,2,"f"]', 'coordinates must be numbers, found [1,2,"f"]'],
    ['bad__bad-featurelist.geojson', '此处应为列表，却是 number 5', 'expected a list, found number 5'],
    ['bad__point.geojson', '缺少 "coordinates"', '"coordinates" is missing'],
    ['bad__point-toofew.geojson', '坐标要有 x 和 y，却是 [2]', 'a position needs x and y, found [2]'],
    ['bad__short-line.geojson', '线至少要有 2 个点，只有 1 个', 'a line needs at least 2 positions, found 1'],
  ])('%s', (name, zh, en) => {
    expect(say('zh-CN', name)).toContain(`的坐标有误：${zh}。`);
    expect(say('en', name)).toContain(`are wrong: ${en}.`);
  });
});

describe('GeoJSON import', () => {
  it('keeps __proto__ and constructor as plain data', () => {
    const result = importFiles([text('evil.geojson', '{"type":"Feature","properties":{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}},"nested":{"__proto__":{"deep":1}}},"geometry":null}')]);
    const properties = result.ok ? result.value[0]!.features[0]!.properties : {};
    expect(Object.keys(properties)).toEqual(['__proto__', 'constructor', 'nested']);
    expect(properties['__proto__']).toEqual({ polluted: 1 });
    expect(Object.getPrototypeOf(properties)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).deep).toBeUndefined();
  });

  it('rewinds to RFC 7946 (geojsonhint: clockwise shell, wrongly wound hole)', () => {
    for (const name of ['bad__polygon_winding_order.geojson', 'bad__bad-polygon-interiorring-rhr.geojson']) {
      const result = importFiles(fixtureFiles('third-party/geojsonhint', name), ANYWHERE);
      const polygon = result.ok ? (result.value[0]!.features[0]!.geometry as Polygon) : undefined;
      expect(ringSignedAreaPlanar(polygon!.coordinates[0]!)).toBeGreaterThan(0);
      if (polygon!.coordinates[1]) expect(ringSignedAreaPlanar(polygon!.coordinates[1])).toBeLessThan(0);
    }
  });

  it('reads the legacy crs member (projected GeoJSON from Chinese desktop GIS) and GBK text', () => {
    const [x, y] = toGaussKruger([120.74, 30.46], gk({ zone: 40, zonePrefix: true }));
    const json = `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4528"}},"features":[{"type":"Feature","properties":{"MC":"村委会"},"geometry":{"type":"Point","coordinates":[${x},${y}]}}]}`;
    const gbk = new Uint8Array([...new TextEncoder().encode(json.split('村委会')[0]), 0xb4, 0xe5, 0xce, 0xaf, 0xbb, 0xe1, ...new TextEncoder().encode(json.split('村委会')[1])]);
    const result = importFiles([{ name: 'points.json', bytes: gbk }]);
    expect(result.ok && result.value[0]!.crs).toMatchObject({ how: 'geojson', crs: { kind: 'gk', zone: 40, zonePrefix: true } });
    expect(result.ok && result.value[0]!.features[0]!.properties.MC).toBe('村委会');
    expect(result.ok && result.notes.map((n) => n.key)).toContain('io.geojson.gbkText');
    const point = result.ok ? (result.value[0]!.features[0]!.geometry as { coordinates: number[] }).coordinates : [];
    expect(point[0]).toBeCloseTo(120.74, 9);
  });

  it('reads UTF-8 with one value cut in the middle of a character as UTF-8: only that value shows “�”, with a note', () => {
    const feature = (properties: string) => `{"type":"Feature","properties":${properties},"geometry":{"type":"Point","coordinates":[120.74,30.46]}}`;
    const [before, after] = `{"type":"FeatureCollection","features":[${feature('{"DLMC":"旱地","QSDWMC":"沈家埭村第四村民小组"}')},${feature('{"DLMC":"水|"}')},${feature('{"DLMC":"林地"}')}]}`.split('|');
    const bytes = new Uint8Array([...new TextEncoder().encode(before), 0xe7, ...new TextEncoder().encode(after)]);
    const result = importFiles([{ name: 'DLTB.geojson', bytes }], ANYWHERE);
    expect(result.ok && result.value[0]!.features.map((f) => f.properties.DLMC)).toEqual(['旱地', '水\uFFFD', '林地']);
    expect(result.ok && result.value[0]!.features[0]!.properties.QSDWMC).toBe('沈家埭村第四村民小组');
    expect(result.ok && result.notes.map((n) => n.key)).toContain('io.geojson.brokenUtf8');
  });

  it('keeps a feature’s text id as a field id, as GDAL does, unless the properties have one', () => {
    const feature = (id: string, properties: string) => `{"type":"Feature",${id}"properties":${properties},"geometry":{"type":"Point","coordinates":[120.74,30.46]}}`;
    const json = `{"type":"FeatureCollection","features":[${feature('"id":"DLTB.7",', '{"DLBM":"0101"}')},${feature('"id":8,', '{"DLBM":"0102"}')},${feature('"id":"x",', '{"id":"own","DLBM":"0103"}')}]}`;
    const result = importFiles([text('DLTB.geojson', json)], ANYWHERE);
    expect(result.ok && result.value[0]!.features.map((f) => f.properties.id ?? null)).toEqual(['DLTB.7', null, 'own']);
  });

  it('types a field of numbers real whether a whole number comes first or after a decimal (GDAL: Real), a field mixing numbers and text text', () => {
    const feature = (properties: string) => `{"type":"Feature","properties":${properties},"geometry":{"type":"Point","coordinates":[120.74,30.46]}}`;
    const json = `{"type":"FeatureCollection","features":[${feature('{"A":123.456,"B":7,"C":1,"D":null}')},${feature('{"A":7,"B":7.5,"C":"x","D":2}')},${feature('{"A":0,"B":null,"C":2,"D":3}')}]}`;
    const result = importFiles([text('DLTB.geojson', json)], ANYWHERE);
    expect(result.ok && result.value[0]!.fields.map((f) => [f.name, f.kind])).toEqual([['A', 'real'], ['B', 'real'], ['C', 'text'], ['D', 'integer']]);
  });

  it('reads UTF-16 (Notepad’s “Unicode”), with its byte order mark or without, with a note', () => {
    const json = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"DLMC":"旱地"},"geometry":{"type":"Point","coordinates":[120.74,30.46]}}]}';
    const littleEndian = (withBom: boolean) => new Uint8Array([...(withBom ? [0xff, 0xfe] : []), ...[...json].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const bigEndian = new Uint8Array([0xfe, 0xff, ...[...json].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    for (const bytes of [littleEndian(true), littleEndian(false), bigEndian]) {
      const result = importFiles([{ name: 'DLTB.geojson', bytes }], ANYWHERE);
      expect(result.ok && result.value[0]!.features[0]!.properties.DLMC).toBe('旱地');
      expect(result.ok && result.notes.map((n) => n.key)).toContain('io.geojson.utf16Text');
    }
  });

  it('reads GeoJSONSeq (GDAL’s -f GeoJSONSeq: .geojsonl one feature a line, .geojsons with RS) as one layer, naming a broken record', () => {
    const feature = (code: string) => `{ "type": "Feature", "properties": { "DLBM": "${code}" }, "geometry": { "type": "Point", "coordinates": [ 120.74, 30.46 ] } }`;
    const lines = importFiles([text('DLTB.geojsonl', `\uFEFF${feature('0101')}\r\n${feature('0102')}\r\n\r\n`)]);
    const separated = importFiles([text('DLTB.geojsons', `\u001e${feature('0101')}\n\u001e${feature('0102')}\n`)]);
    for (const read of [lines, separated]) expect(read.ok && read.value[0]!.features.map((f) => f.properties.DLBM)).toEqual(['0101', '0102']);
    const broken = importFiles([text('DLTB.geojsonl', `${feature('0101')}\n{ "type": "Feature", \n`)]);
    expect(broken.ok ? null : broken.error).toMatchObject({ key: 'io.geojson.notJson', params: { file: 'DLTB.geojsonl', detail: expect.stringMatching(/^#2: /) } });
  });

  it.skipIf(skipWithoutGdal('ogrinfo'))('keeps a 19-digit ZLDWDM written as a number to its last digit, as GDAL reads it (Integer64), in a file and in a sequence', () => {
    const json = (zldwdm: string) => `{"type":"Feature","properties":{"ZLDWDM":${zldwdm},"DLBM":"0101"},"geometry":{"type":"Point","coordinates":[120.74,30.46]}}`;
    const collection = `{"type":"FeatureCollection","features":[${json('3301021001010000123')},${json('3301021001010000124')}]}`;
    const dir = mkdtempSync(join(tmpdir(), 'vp-long-'));
    writeFileSync(join(dir, 'DLTB.geojson'), collection);
    const byGdal = [...gdal('ogrinfo', ['-al', '-q', join(dir, 'DLTB.geojson')]).matchAll(/ZLDWDM \(Integer64\) = (\d+)/g)].map((m) => m[1]);
    expect(byGdal).toEqual(['3301021001010000123', '3301021001010000124']);
    for (const file of [text('DLTB.geojson', collection), text('DLTB.geojsonl', `${json('3301021001010000123')}\n${json('3301021001010000124')}\n`)]) {
      const read = importFiles([file]);
      expect(read.ok && read.value[0]!.features.map((f) => f.properties.ZLDWDM)).toEqual(byGdal);
    }
  });

  it('names Esri JSON (ArcGIS’s Features To JSON by default) instead of saying its features have no type', () => {
    const esri = { displayFieldName: '', geometryType: 'esriGeometryPolygon', spatialReference: { wkid: 4490, latestWkid: 4490 }, fields: [{ name: 'DLBM', type: 'esriFieldTypeString' }], features: [{ attributes: { DLBM: '0101' }, geometry: { rings: [[[120.74, 30.46], [120.74, 30.461], [120.741, 30.461], [120.74, 30.46]]] } }] };
    const read = importFiles([text('DLTB.json', JSON.stringify(esri))]);
    expect(read.ok ? null : read.error).toEqual({ key: 'io.geojson.esriJson', params: { file: 'DLTB.json' } });
    // Without the layer-level members (a feature service's bare answer), by its features.
    const bare = importFiles([text('DLTB.json', JSON.stringify({ features: esri.features }))]);
    expect(bare.ok ? null : bare.error.key).toBe('io.geojson.esriJson');
    expect(importFiles([text('empty.geojson', '{"type":"FeatureCollection","features":[]}')]).ok ? null : 'refused').toBeNull();
  });

  /** The corner (120.74°E, 30.46°N) of a square as `ogr2ogr -f GeoJSON -s_srs EPSG:4490 -t_srs EPSG:<code>` wrote it. */
  const gdalGeoJson = (code: number, x: number, y: number) =>
    text(`e${code}.geojson`, `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::${code}"}},"features":[{"type":"Feature","properties":{"DLBM":"0101"},"geometry":{"type":"Polygon","coordinates":[[[${x},${y}],[${x + 190},${y}],[${x + 190},${y + 220}],[${x},${y + 220}],[${x},${y}]]]}}]}`);

  it('reads a crs member naming another system as the .prj reader does (GDAL exports in UTM, Web Mercator)', () => {
    for (const [code, x, y] of [
      [32651, 283012.969600628595799, 3371928.992502180859447],
      [3857, 13440715.318379851058125, 3562816.656936833169311],
    ] as const) {
      const result = importFiles([gdalGeoJson(code, x, y)]);
      expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
      if (!result.ok) continue;
      expect(result.value[0]!.crs).toMatchObject({ how: 'geojson', crs: { kind: 'foreign', name: `EPSG:${code}` } });
      const corner = (result.value[0]!.features[0]!.geometry as Polygon).coordinates[0]!.find((p) => Math.abs(p[0]! - 120.74) < 1e-9);
      expect(corner?.[1]).toBeCloseTo(30.46, 9);
    }
  });

  it('reads the older draft crs forms (type EPSG with a code, type OGC with a urn): zone 41 numbers without the prefix stay in zone 41', () => {
    const [x, y] = toGaussKruger([122.2, 30.0], gk({ zone: 41, zonePrefix: false }));
    for (const member of ['{"type":"EPSG","properties":{"code":4550}}', '{"type":"OGC","properties":{"urn":"urn:ogc:def:crs:EPSG::4550"}}']) {
      const json = `{"type":"FeatureCollection","crs":${member},"features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[${x},${y}]}}]}`;
      const result = importFiles([text('zhoushan.geojson', json)]);
      expect(result.ok && result.value[0]!.crs).toMatchObject({ how: 'geojson', crs: { kind: 'gk', zone: 41, zonePrefix: false } });
      const point = result.ok ? (result.value[0]!.features[0]!.geometry as { coordinates: number[] }).coordinates : [];
      expect(point[0]).toBeCloseTo(122.2, 9);
    }
  });

  it('asks for the county parameters of an old-survey GeoJSON (Xian 1980 by its EPSG code), as for its Shapefile', () => {
    const result = importFiles([gdalGeoJson(2385, 571069.25808599870652, 3371341.545295265037566)]);
    expect(!result.ok && result.error).toMatchObject({ key: 'io.crs.needsDatumParameters', params: { datumId: 'xian1980', centralMeridian: 120, falseEasting: 500_000 } });
    const unknown = importFiles([gdalGeoJson(2000, 571069, 3371341)]);
    expect(!unknown.ok && unknown.error).toMatchObject({ key: 'io.crs.unsupported', params: { name: 'EPSG:2000' } });
  });
});

describe('GeoJSON export', () => {
  const layer: ExportLayer = {
    name: 'GHYT',
    geometryType: 'polygon',
    fields: [
      { name: 'YTDKBH', type: 'C', length: 18, decimals: 0 },
      { name: 'MJ', type: 'N', length: 16, decimals: 2 },
    ],
    features: [
      {
        // Clockwise on purpose: the export must rewind it.
        geometry: { type: 'Polygon', coordinates: [[[120.7, 30.4], [120.7, 30.401], [120.701, 30.401], [120.701, 30.4], [120.7, 30.4]]] },
        properties: { YTDKBH: '一号', MJ: 1234.5678, editorOnly: 'x' },
      },
    ],
  };

  it('is RFC 7946: a FeatureCollection, lon/lat, shells counter-clockwise, only the layer fields', () => {
    const out = writeGeoJson(layer, {});
    const json = JSON.parse(new TextDecoder().decode(out.ok ? out.value[0]!.bytes : new Uint8Array())) as { type: string; crs?: unknown; features: { properties: object; geometry: Polygon }[] };
    expect(json.type).toBe('FeatureCollection');
    expect(json.crs).toBeUndefined();
    expect(json.features[0]!.properties).toEqual({ YTDKBH: '一号', MJ: 1234.57 });
    expect(ringSignedAreaPlanar(json.features[0]!.geometry.coordinates[0]!)).toBeGreaterThan(0);
    const pretty = writeGeoJson(layer, { pretty: true });
    expect(new TextDecoder().decode(pretty.ok ? pretty.value[0]!.bytes : new Uint8Array())).toContain('\n  "features"');
  });

  it('round-trips through import', () => {
    const out = writeGeoJson(layer, {});
    const back = out.ok ? importFiles(out.value) : out;
    expect(back.ok && back.value[0]!.features[0]!.properties).toEqual({ YTDKBH: '一号', MJ: 1234.57 });
  });
});
