import { describe, expect, it } from 'vitest';
import { parseGeoJsonLayer, readGeoJsonLayer } from './geojson-layer.ts';

const square = [[120, 30], [120.001, 30], [120.001, 30.001], [120, 30]];
const feature = (geometry: unknown, properties: unknown = {}) => ({ type: 'Feature', properties, geometry });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('a package layer from GeoJSON', () => {
  it('keeps polygons and multipolygons with their record numbers and flat properties', () => {
    const read = parseGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', collection(
      feature({ type: 'Polygon', coordinates: [square] }, { DLDM: '111', TBMJ: 12.5, FLAG: true, NOTE: null }),
      feature({ type: 'MultiPolygon', coordinates: [[square], [square]] }, { DLDM: '2121' }),
    ));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.notes).toEqual([]);
    expect(read.value.features.map((f) => [f.recordNo, f.geometry.type, f.properties])).toEqual([
      [1, 'Polygon', { DLDM: '111', TBMJ: 12.5, FLAG: true, NOTE: null }],
      [2, 'MultiPolygon', { DLDM: '2121' }],
    ]);
    expect(read.value.features[0]?.geometry.coordinates).toEqual([square]);
  });

  it('reads a layer written as GeoJSONSeq (one feature a line, or after RS), and names Esri JSON as what it is', () => {
    const lines = [feature({ type: 'Polygon', coordinates: [square] }, { DLDM: '111' }), feature({ type: 'Point', coordinates: [120, 30] }), feature({ type: 'Polygon', coordinates: [square] }, { DLDM: '12' })].map((f) => JSON.stringify(f));
    for (const [file, text] of [['JQDLTB.geojsonl', lines.join('\r\n') + '\r\n'], ['JQDLTB.geojsons', lines.map((l) => `\u001e${l}\n`).join('')]] as const) {
      const read = readGeoJsonLayer('JQDLTB', file, new TextEncoder().encode(text));
      expect(read.ok && read.value.features.map((f) => [f.recordNo, f.properties.DLDM]), file).toEqual([[1, '111'], [3, '12']]);
      expect(read.ok && read.notes.map((n) => n.params?.list)).toEqual(['#2 Point']);
    }
    const esri = { geometryType: 'esriGeometryPolygon', spatialReference: { wkid: 4490 }, features: [{ attributes: { DLDM: '111' }, geometry: { rings: [square] } }] };
    expect(readGeoJsonLayer('JQDLTB', 'JQDLTB.json', new TextEncoder().encode(JSON.stringify(esri)))).toMatchObject({ ok: false, error: { key: 'io.geojson.esriJson', params: { file: 'JQDLTB.json' } } });
  });

  it('keeps a 19-digit code written as a number to its last digit (GDAL reads it as Integer64), in every path a row can take', () => {
    // The first row shows lon/lat, so later rows are skimmed for `keep` and read field by field.
    const rows = ['3301021001010000123', '3301021001010000124', '3301021001010000125'].map((code) => `{"type":"Feature","properties":{"ZLDWDM":${code},"DLDM":"111"},"geometry":{"type":"Polygon","coordinates":[[[120,30],[120.001,30],[120.001,30.001],[120,30]]]}}`);
    const text = `{"type":"FeatureCollection","features":[${rows.join(',')}]}`;
    const seen: unknown[] = [];
    const keep = (row: { field(name: string): unknown }) => {
      seen.push(row.field('ZLDWDM'));
      return true;
    };
    const codes = (read: ReturnType<typeof parseGeoJsonLayer>) => (read.ok ? read.value.features.map((f) => f.properties.ZLDWDM) : read.error);
    const expected = ['3301021001010000123', '3301021001010000124', '3301021001010000125'];
    expect(codes(readGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', new TextEncoder().encode(text)))).toEqual(expected);
    expect(codes(parseGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', text))).toEqual(expected);
    expect(codes(readGeoJsonLayer('GHYT', 'GHYT.geojson', new TextEncoder().encode(text), keep))).toEqual(expected);
    // A skimmed row that is kept is asked again once parsed: every answer is the whole code.
    expect([...new Set(seen)]).toEqual(expected);
  });

  it('reads a single Feature as a layer of one', () => {
    const read = parseGeoJsonLayer('XZQ', 'XZQ.geojson', JSON.stringify(feature({ type: 'Polygon', coordinates: [square] }, { XZQDM: '330421101210' })));
    expect(read.ok && read.value.features.map((f) => f.properties.XZQDM)).toEqual(['330421101210']);
  });

  it('skips what is not a usable polygon with a note naming the records, never silently', () => {
    const read = parseGeoJsonLayer('GHYT', 'GHYT.geojson', collection(
      feature({ type: 'Point', coordinates: [120, 30] }),
      feature(null),
      feature({ type: 'Polygon', coordinates: [[[120, 30], [120.001, '30'], [120, 30]]] }),
      feature({ type: 'Polygon', coordinates: [[[120], [120.001, 30], [120, 30]]] }),
      feature({ type: 'Polygon', coordinates: [] }),
      feature({ type: 'MultiPolygon', coordinates: [[square], []] }),
      feature({ type: 'Polygon', coordinates: [square] }),
      'not a feature',
    ));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    // #6's empty part is left out, not the row (GDAL reads it as the one polygon it has).
    expect(read.value.features.map((f) => [f.recordNo, f.geometry.coordinates])).toEqual([[6, [[square]]], [7, [square]]]);
    expect(read.notes).toEqual([
      { key: 'package.skippedFeatures', params: { file: 'GHYT.geojson', count: 6, list: '#1 Point; #2 no geometry; #3 bad coordinates; #4 bad coordinates; #5 bad coordinates' } },
      { key: 'io.import.shortRings', params: { file: 'GHYT.geojson', count: 1, list: '#6' } },
    ]);
  });

  it('keeps __proto__ and constructor out of the properties and nested values as JSON text', () => {
    const text = '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[120,30],[120.001,30],[120.001,30.001],[120,30]]]},"properties":{"__proto__":{"polluted":1},"constructor":"x","A":[1,2],"B":{"c":"沈"}}}]}';
    const read = parseGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', text);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const properties = read.value.features[0]?.properties ?? {};
    expect(Object.keys(properties)).toEqual(['A', 'B']);
    expect(properties).toMatchObject({ A: '[1,2]', B: '{"c":"沈"}' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(properties)).not.toHaveProperty('polluted');
  });

  it('refuses text that is not GeoJSON, and coordinates in no known system, naming the file', () => {
    expect(parseGeoJsonLayer('GHYT', 'GHYT.geojson', '{nope')).toMatchObject({ ok: false, error: { key: 'package.notJson', params: { file: 'GHYT.geojson' } } });
    expect(parseGeoJsonLayer('GHYT', 'GHYT.geojson', '{"type":"Topology"}')).toMatchObject({ ok: false, error: { key: 'package.notFeatureCollection' } });
    const far = [[5_000_000, 5_000_000], [5_000_100, 5_000_000], [5_000_100, 5_000_100], [5_000_000, 5_000_000]];
    expect(parseGeoJsonLayer('GHYT', 'GHYT.geojson', collection(feature({ type: 'Polygon', coordinates: [far] })))).toMatchObject({ ok: false, error: { key: 'package.unknownCoordinates', params: { file: 'GHYT.geojson' } } });
  });

  it('reads Gauss-Krüger without the zone prefix as zone 40, and says so', () => {
    const ring = [[500_000, 3_320_000], [500_100, 3_320_000], [500_100, 3_320_100], [500_000, 3_320_000]];
    const read = parseGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', collection(feature({ type: 'MultiPolygon', coordinates: [[ring]] })));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.notes).toEqual([{ key: 'package.assumedZone', params: { file: 'JQDLTB.geojson', zone: 40 } }]);
    const p = (read.value.features[0]?.geometry.coordinates[0] as number[][][])[0]?.[0] ?? [];
    expect(p[0]).toBeCloseTo(120, 6);
    expect(p[1]).toBeGreaterThan(29.9);
  });

  it('reads the same from bytes feature by feature as from the whole text, and keeps only what it is asked to', () => {
    const text = collection(
      feature({ type: 'Polygon', coordinates: [square] }, { DLDM: '111', XZQMC: '沈家埭村' }),
      feature({ type: 'Point', coordinates: [120, 30] }),
      feature({ type: 'MultiPolygon', coordinates: [[square]] }, { DLDM: '2121', A: [1] }),
    );
    const whole = parseGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', text);
    expect(readGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', new TextEncoder().encode(text))).toEqual(whole);
    expect(whole).toMatchObject({ ok: true, value: { rows: 2 } });
    const kept = readGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', new TextEncoder().encode(text), (row) => row.field('DLDM') === '2121');
    // Rows left out are still checked and counted: the skipped Point is still reported.
    expect(kept).toMatchObject({ ok: true, value: { rows: 2, features: [{ recordNo: 3 }] }, notes: [{ key: 'package.skippedFeatures' }] });
    expect(kept.ok && kept.value.features).toHaveLength(1);
  });

  it('from bytes: JSON.parse’s message for the whole file when a feature is broken, and text that is not UTF-8 refused', () => {
    const broken = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null},{"type":"Feature","properties":{"A":tru}}]}';
    let message = '';
    try {
      JSON.parse(broken);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(readGeoJsonLayer('GHYT', 'GHYT.geojson', new TextEncoder().encode(broken))).toEqual({ ok: false, error: { key: 'package.notJson', params: { file: 'GHYT.geojson', detail: message } } });
    const gbk = new Uint8Array([...new TextEncoder().encode('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"A":"'), 0xc9, 0xf2, ...new TextEncoder().encode('"},"geometry":null}]}')]);
    expect(readGeoJsonLayer('GHYT', 'GHYT.geojson', gbk)).toEqual({ ok: false, error: { key: 'package.notUtf8', params: { file: 'GHYT.geojson' } } });
    expect(readGeoJsonLayer('GHYT', 'GHYT.geojson', gbk.subarray(0, 40))).toMatchObject({ ok: false, error: { key: 'package.notJson' } });
  });
});

describe('a package layer whose crs member puts latitude first (GeoServer)', () => {
  const latFirst = square.map(([x, y]) => [y, x]);
  const named = (name: string) => JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name } }, features: [feature({ type: 'Polygon', coordinates: [latFirst] }, { DLDM: '111' })] });

  it('reads urn:ogc:def:crs:EPSG::4490 latitude first, as the EPSG defines the axes, and says so', () => {
    const read = parseGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', named('urn:ogc:def:crs:EPSG::4490'));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.features[0]?.geometry.coordinates).toEqual([square]);
    expect(read.notes).toMatchObject([{ key: 'io.crs.epsgAxisOrder', params: { file: 'JQDLTB.geojson', name: 'urn:ogc:def:crs:EPSG::4490' } }]);
    // The streaming reader the CLI and the editor's package import use.
    const streamed = readGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', new TextEncoder().encode(named('http://www.opengis.net/def/crs/EPSG/0/4490')));
    expect(streamed.ok && streamed.value.features[0]?.geometry.coordinates).toEqual([square]);
  });

  it('still refuses latitude first under a plain EPSG:4490, which is longitude first', () => {
    expect(parseGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', named('EPSG:4490'))).toMatchObject({ ok: false, error: { key: 'package.crsContradicted' } });
  });
});
