/**
 * GeoJSON Text Sequences whose records span lines: RFC 8142 begins each record with RS (0x1E) and lets it
 * be any JSON text, pretty-printed too (`jq --seq`, a hand-edited file). GDAL writes one line per record but
 * reads either; split at line ends, such a file was refused as "record 2 is not JSON". And features one a
 * line under a `.geojson`/`.json` name, which GDAL reads as GeoJSONSeq and we refused as "not valid JSON".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { importFiles } from '../formats/index.ts';
import { readGeoJsonLayer } from '../package/geojson-layer.ts';
import { parseGeoJsonSeq } from './geojson-seq.ts';

const square = (x: number) => [[[x, 30], [x + 0.001, 30], [x + 0.001, 30.001], [x, 30.001], [x, 30]]];
const parcel = (n: number) => ({ type: 'Feature', properties: { BSM: n, DLDM: '111', TBMJ: 10.5 * n }, geometry: { type: 'Polygon', coordinates: square(120 + n * 0.001) } });
const parcels = [1, 2, 3].map(parcel);

/** Each record after RS, pretty-printed over many lines (CRLF when asked), as RFC 8142 allows. */
const prettySequence = (lineEnd = '\n') => parcels.map((f) => `\u001e${JSON.stringify(f, null, 2).replace(/\n/g, lineEnd)}${lineEnd}`).join('');

describe('a GeoJSON text sequence', () => {
  it('splits at RS when the file uses RS, so a record may span lines', () => {
    for (const text of [prettySequence(), prettySequence('\r\n'), `\uFEFF${prettySequence()}`]) {
      const read = parseGeoJsonSeq(text);
      expect(read).toEqual({ ok: true, features: parcels });
    }
    // One record per line, with or without RS, as GDAL writes them, reads as before.
    const lines = parcels.map((f) => JSON.stringify(f));
    expect(parseGeoJsonSeq(lines.join('\n') + '\n')).toEqual({ ok: true, features: parcels });
    expect(parseGeoJsonSeq(lines.map((l) => `\u001e${l}\n`).join(''))).toEqual({ ok: true, features: parcels });
  });

  it('still names the broken record: by RS in a file that uses RS, by line otherwise', () => {
    const records = prettySequence().split('\u001e');
    records[2] = '{ "type": "Feature",\n  "properties": {\n';
    expect(parseGeoJsonSeq(records.join('\u001e'))).toMatchObject({ ok: false, record: 2 });
    expect(parseGeoJsonSeq(`${JSON.stringify(parcels[0])}\n{ "type": "Feature",\n"geometry": null }\n`)).toMatchObject({ ok: false, record: 2 });
  });

  it.skipIf(skipWithoutGdal('ogrinfo'))('is read one feature a line under a .geojson or .json name too, as GDAL reads it (ogr2ogr -f GeoJSONSeq out.geojson, jq -c)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-geojson-lines-'));
    try {
      for (const name of ['JQDLTB.geojson', 'JQDLTB.json']) {
        const bytes = new TextEncoder().encode(`${parcels.map((f) => JSON.stringify(f)).join('\r\n')}\r\n`);
        writeFileSync(join(dir, name), bytes);
        const listed = gdal('ogrinfo', ['-al', '-so', join(dir, name)]);
        expect(listed, name).toContain('GeoJSONSeq');
        const gdalCount = Number(/Feature Count: (\d+)/.exec(listed)?.[1]);
        expect(gdalCount, name).toBe(parcels.length);
        const layer = readGeoJsonLayer('JQDLTB', name, bytes);
        expect(layer.ok ? layer.value.features.map((f) => f.properties.BSM) : layer.error, name).toEqual([1, 2, 3]);
        const imported = importFiles([{ name, bytes }]);
        expect(imported.ok ? imported.value[0]!.features.length : imported.error, name).toBe(gdalCount);
        // After a BOM too (where GDAL 3.6 takes the file for one Feature and reads only the first).
        const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
        expect(readGeoJsonLayer('JQDLTB', name, withBom).ok && importFiles([{ name, bytes: withBom }]).ok, name).toBe(true);
        const bomLayer = readGeoJsonLayer('JQDLTB', name, withBom);
        expect(bomLayer.ok && bomLayer.value.rows, name).toBe(parcels.length);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Text that is neither one JSON text nor features a line is still refused with JSON.parse's message.
    const collection = new TextEncoder().encode(`${JSON.stringify({ type: 'FeatureCollection', features: parcels })}\n}`);
    expect(readGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', collection)).toMatchObject({ ok: false, error: { key: 'package.notJson' } });
    expect(importFiles([{ name: 'JQDLTB.geojson', bytes: collection }])).toMatchObject({ ok: false, error: { key: 'io.geojson.notJson' } });
    // Features a line with a broken one: the record is named.
    const broken = new TextEncoder().encode(`${JSON.stringify(parcels[0])}\n{ "type": "Feature",\n`);
    expect(readGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', broken)).toMatchObject({ ok: false, error: { key: 'package.notJson', params: { detail: expect.stringMatching(/^#2: /) } } });
  });

  it.skipIf(skipWithoutGdal('ogrinfo'))('is read as a package layer and as an imported layer with the features GDAL counts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-geojson-seq-'));
    try {
      for (const name of ['JQDLTB.geojsons', 'JQDLTB.geojson']) {
        const bytes = new TextEncoder().encode(prettySequence());
        writeFileSync(join(dir, name), bytes);
        const gdalCount = Number(/Feature Count: (\d+)/.exec(gdal('ogrinfo', ['-al', '-so', join(dir, name)]))?.[1]);
        expect(gdalCount, name).toBe(parcels.length);
        const layer = readGeoJsonLayer('JQDLTB', name, bytes);
        expect(layer.ok ? layer.value.features.map((f) => [f.recordNo, f.properties.BSM]) : layer.error, name).toEqual([[1, 1], [2, 2], [3, 3]]);
        const imported = importFiles([{ name, bytes }]);
        expect(imported.ok ? imported.value[0]!.features.length : imported.error, name).toBe(gdalCount);
        // After a BOM too, as the layer import reads it.
        const withBom = readGeoJsonLayer('JQDLTB', name, new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]));
        expect(withBom.ok ? withBom.value.rows : withBom.error, name).toBe(gdalCount);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
