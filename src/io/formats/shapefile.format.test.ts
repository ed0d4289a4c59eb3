import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../domain/features.ts';
import type { Plan } from '../../domain/plan.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { geometryBBox } from '../../geo/bbox.ts';
import { gk } from '../crs/source-crs.ts';
import { readShp } from '../shapefile/shp-read.ts';
import { boundaryShapefile } from '../shapefile/shp-test-support.ts';
import { importSurvey } from '../survey/survey-import.ts';
import { chinese, english, fixtureFiles, shapefileFixture, THIRD_PARTY } from '../test-support.ts';
import { importFiles } from './index.ts';
import { writeShapefile } from './shapefile-write.ts';
import type { ImportedLayer } from './types.ts';

const GEOTOOLS = 'third-party/geotools';
const SHPJS = 'third-party/shapefile-js';
const ANYWHERE = { region: 'any' } as const;

function layerOf(result: ReturnType<typeof importFiles>): ImportedLayer {
  if (!result.ok) throw new Error(english(result.error));
  return result.value[0] as ImportedLayer;
}

describe('Shapefile text encodings', () => {
  it('reads the geotools chinese_poly DBF (GBK, no .cpg) as Chinese, says it guessed, and previews both ways', () => {
    const result = importFiles(shapefileFixture(GEOTOOLS, 'chinese_poly'), ANYWHERE);
    const layer = layerOf(result);
    expect(layer.features[0]?.properties.NAME).toBe('黑龙江省');
    expect(layer.encoding).toMatchObject({ encoding: 'gbk', how: 'detected', confidence: 'high' });
    expect(layer.encoding?.preview?.gbk[0]).toEqual(['黑龙江省']);
    expect(layer.encoding?.preview?.utf8[0]?.[0]).not.toBe('黑龙江省');
    expect(result.ok && result.notes.map((n) => n.key)).toContain('io.dbf.encodingGuessed');
  });

  it('switches encoding on request (the planner picks UTF-8 and sees 乱码)', () => {
    const layer = layerOf(importFiles(shapefileFixture(GEOTOOLS, 'chinese_poly'), { ...ANYWHERE, encoding: 'utf-8' }));
    expect(layer.encoding?.how).toBe('chosen');
    expect(layer.features[0]?.properties.NAME).not.toBe('黑龙江省');
  });

  it('honours .cpg: Windows-1251, ANSI 1250, UTF-8', () => {
    const russian = layerOf(importFiles(shapefileFixture(GEOTOOLS, 'rus-windows-1251'), ANYWHERE));
    expect(russian.features.map((f) => f.properties.TEXT)).toEqual(['Кириллица', 'Смешаный 12345']);
    const czech = layerOf(importFiles(shapefileFixture(SHPJS, 'codepage'), ANYWHERE));
    expect(czech.encoding?.encoding).toBe('windows-1250');
    expect(czech.features[1]?.properties.field).toBe('Hněvošický háj');
    const utf = layerOf(importFiles(shapefileFixture(SHPJS, 'utf'), ANYWHERE));
    expect(utf.features.map((f) => f.properties.field)).toEqual(['💩', 'Hněvošický háj']);
  });

  it('reads UTF-8 without .cpg (Zhejiang districts): detected, not garbled', () => {
    const layer = layerOf(importFiles(shapefileFixture('third-party/zhejiang-districts-utf8-noprj', '浙江省')));
    expect(layer.encoding).toMatchObject({ encoding: 'utf-8', how: 'detected', confidence: 'high' });
    expect(layer.features).toHaveLength(90);
    expect(layer.features[0]?.properties.name).toBe('嵊泗县');
    expect(layer.crs).toMatchObject({ crs: { kind: 'geographic' }, how: 'inferred' });
  });

  it('reads GBK as GBK when a .cpg says UTF-8 but the bytes are not UTF-8 (a .cpg written by the last program, not the first), and says so', () => {
    const files = [...shapefileFixture(GEOTOOLS, 'chinese_poly'), { name: 'chinese_poly.cpg', bytes: new TextEncoder().encode('UTF-8') }];
    const result = importFiles(files, ANYWHERE);
    const layer = layerOf(result);
    expect(layer.encoding).toMatchObject({ encoding: 'gbk', how: 'detected', confidence: 'high' });
    expect(layer.features[0]?.properties).toMatchObject({ NAME: '黑龙江省' });
    expect(result.ok && result.notes.map((n) => n.key)).toContain('io.dbf.cpgContradicted');
  });

  it('keeps a .cpg’s UTF-8 when the bytes are UTF-8', () => {
    const files = [...shapefileFixture('third-party/zhejiang-districts-utf8-noprj', '浙江省'), { name: '浙江省.cpg', bytes: new TextEncoder().encode('UTF-8') }];
    expect(layerOf(importFiles(files)).encoding).toMatchObject({ encoding: 'utf-8', how: 'cpg' });
  });

  it('says so when a .cpg is an HTML page, and falls back to detection', () => {
    const files = [...shapefileFixture(SHPJS, 'htmlcpg'), { ...fixtureFiles(SHPJS, 'codepage.shx')[0]!, name: 'htmlcpg.shx' }];
    const result = importFiles(files, ANYWHERE);
    const layer = layerOf(result);
    expect(result.ok && result.notes.map((n) => n.key)).toContain('io.dbf.cpgNotUnderstood');
    expect(layer.features).toHaveLength(2);
  });
});

describe('Shapefile geometry', () => {
  it('reads multipart polygons with many parts (Zhejiang districts: up to 81 parts), wound RFC 7946', () => {
    const layer = layerOf(importFiles(shapefileFixture('third-party/zhejiang-districts-utf8-noprj', '浙江省')));
    const parts = layer.features.map((f) => (f.geometry?.type === 'MultiPolygon' ? f.geometry.coordinates.length : 1));
    expect(Math.max(...parts)).toBe(81);
  });

  it('assigns holes to their shells, including a hole touching the shell (geotools holeTouchEdge)', () => {
    const read = readShp(new Uint8Array(readFileSync(join(THIRD_PARTY, 'geotools/holeTouchEdge.shp'))), new Uint8Array(readFileSync(join(THIRD_PARTY, 'geotools/holeTouchEdge.shx'))), { shp: 'holeTouchEdge.shp', shx: 'holeTouchEdge.shx' });
    expect(read.ok).toBe(true);
    const geometry = read.ok ? (read.value.geometries[0] as Polygon | MultiPolygon) : undefined;
    expect(geometry?.type).toBe('Polygon');
    expect((geometry as Polygon).coordinates).toHaveLength(2);
  });

  it('geotools extraAtEnd: 72 bytes after the last record; ignored with a note when the .shx says where the records are, refused without it', () => {
    const shp = new Uint8Array(readFileSync(join(THIRD_PARTY, 'geotools/extraAtEnd.shp')));
    // Its three records start at bytes 100, 396 and 1364 and hold 288, 960 and 128 bytes.
    const shx = new Uint8Array(124);
    const view = new DataView(shx.buffer);
    view.setInt32(0, 9994, false);
    view.setInt32(24, 124 / 2, false);
    [[100, 288], [396, 960], [1364, 128]].forEach(([offset, length], i) => {
      view.setInt32(100 + i * 8, offset! / 2, false);
      view.setInt32(104 + i * 8, length! / 2, false);
    });
    const names = { shp: 'extraAtEnd.shp', shx: 'extraAtEnd.shx' };
    const indexed = readShp(shp, shx, names);
    expect(indexed.ok && indexed.notes.map((n) => n.key)).toEqual(['io.shp.trailingBytes']);
    expect(indexed.ok && indexed.value.geometries).toHaveLength(3);
    expect(readShp(shp, null, names)).toMatchObject({ ok: false, error: { key: 'io.shp.shxNotRebuilt', params: { record: 4, offset: 1500 } } });
  });

  it('reads PolyLineZ, MultiPointZ and null shapes (shapefile-js fixtures)', () => {
    const line = importFiles(shapefileFixture(SHPJS, 'export_polylinez'), ANYWHERE);
    // As GDAL reads them (MULTILINESTRING ZM / MULTIPOINT ZM), Z and M left out.
    expect(layerOf(line).features[0]?.geometry).toEqual({ type: 'MultiLineString', coordinates: [[[-120, 45], [-119, 44], [-118, 43]], [[-115, 40], [-114, 39], [-113, 38]]] });
    expect(line.ok && line.notes[0]).toEqual({ key: 'io.shp.zmDropped', params: { file: 'export_polylinez.shp', type: 'PolyLineZ' } });
    expect(layerOf(importFiles(shapefileFixture(SHPJS, 'export_multipointz'), ANYWHERE)).features[0]?.geometry).toEqual({ type: 'MultiPoint', coordinates: [[-123, 48], [-122, 47], [-121, 46]] });
    const result = importFiles(fixtureFiles(SHPJS, 'zero-len-line.zip'), ANYWHERE);
    expect(layerOf(result).features.some((f) => f.geometry === null)).toBe(true);
    expect(result.ok && result.notes.map((n) => n.key)).toContain('io.shp.nullShapes');
  });
});

describe('Shapefile errors name the file and the fix', () => {
  it('a .dbf without its .shp', () => {
    const noShp = importFiles(fixtureFiles(SHPJS, 'noshp.zip'));
    expect(!noShp.ok && noShp.error).toEqual({ key: 'io.shp.missingParts', params: { file: 'counties', missing: 'counties.shp' } });
  });

  it('record counts that disagree between .shp/.shx and .dbf', () => {
    const files = shapefileFixture(GEOTOOLS, 'rus-windows-1251').map((f) => {
      if (!f.name.endsWith('.dbf')) return f;
      // One record where the .shp has 2, in the header and in the file (a header alone that disagrees with
      // the file's records is corrected: dbf-record-count.test.ts).
      const view = new DataView(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
      const bytes = f.bytes.slice(0, view.getUint16(8, true) + view.getUint16(10, true));
      new DataView(bytes.buffer).setUint32(4, 1, true);
      return { ...f, bytes };
    });
    const result = importFiles(files, ANYWHERE);
    expect(!result.ok && result.error).toMatchObject({ key: 'io.shp.countMismatch', params: { shpCount: 2, dbfCount: 1 } });
  });

  it('a .shp cut short, and a .dbf cut short', () => {
    const shortShp = shapefileFixture(GEOTOOLS, 'rus-windows-1251').map((f) => (f.name.endsWith('.shp') ? { ...f, bytes: f.bytes.subarray(0, f.bytes.length - 10) } : f));
    const shp = importFiles(shortShp, ANYWHERE);
    expect(!shp.ok && shp.error).toMatchObject({ key: 'io.shp.truncated', params: { record: 2 } });
    const shortDbf = shapefileFixture(GEOTOOLS, 'rus-windows-1251').map((f) => (f.name.endsWith('.dbf') ? { ...f, bytes: f.bytes.subarray(0, f.bytes.length - 20) } : f));
    const dbf = importFiles(shortDbf, ANYWHERE);
    expect(!dbf.ok && dbf.error.key).toBe('io.dbf.truncated');
  });

  it('a .prj that is an HTML page: noted, CRS judged from the numbers', () => {
    const files = [...shapefileFixture(SHPJS, 'htmlprj'), { ...fixtureFiles(SHPJS, 'codepage.shx')[0]!, name: 'htmlprj.shx' }];
    const result = importFiles(files, ANYWHERE);
    expect(result.ok && result.notes.map((n) => n.key)).toEqual(expect.arrayContaining(['io.crs.prjNotWkt', 'io.crs.inferred']));
  });

  it('a .shp that is really a DBF (shapefile-js bad.shp)', () => {
    const files = [...shapefileFixture(SHPJS, 'bad'), { ...fixtureFiles(SHPJS, 'codepage.shx')[0]!, name: 'bad.shx' }];
    const result = importFiles(files, ANYWHERE);
    expect(!result.ok && result.error.key).toBe('io.shp.notShp');
  });
});

describe('Shapefiles with geometry only', () => {
  const plan = JSON.parse(readFileSync('samples/sample-village.plan.json', 'utf8')) as Plan;
  const boundary = Object.values(plan.layers.boundary)[0]!;

  it('reads a .shp + .shx without .dbf: every feature without attributes, and a note naming the missing file', () => {
    const result = importFiles(boundaryShapefile(boundary.geometry, plan.meta.villageName, ['dbf']));
    const layer = layerOf(result);
    expect(layer.fields).toEqual([]);
    expect(layer.missingDbf).toBe('村界.dbf');
    expect(layer.features.map((f) => [f.recordNo, Object.keys(f.properties)])).toEqual([[1, []]]);
    expect(Math.abs(ellipsoidalArea(layer.features[0]!.geometry as AreaGeometry) - ellipsoidalArea(boundary.geometry))).toBeLessThan(0.01);
    expect(result.ok && result.notes.map((n) => n.key)).toEqual(['io.shp.noDbf']);
    expect(result.ok && chinese(result.notes[0]!)).toContain('村界.dbf');
    expect(result.ok && english(result.notes[0]!)).toContain('reference or outline layer');
  });

  it('reads a lone .shp (no .dbf, no .shx): the index rebuilt, the same shapes', () => {
    const withShx = layerOf(importFiles(boundaryShapefile(boundary.geometry, plan.meta.villageName, ['dbf'])));
    const result = importFiles(boundaryShapefile(boundary.geometry, plan.meta.villageName, ['dbf', 'shx']));
    expect(layerOf(result).features).toEqual(withShx.features);
    expect(result.ok && result.notes.map((n) => n.key)).toEqual(['io.shp.shxRebuilt', 'io.shp.noDbf']);
    expect(result.ok && result.notes[0]?.params).toMatchObject({ shx: '村界.shx', count: 1 });
  });

  it('refuses it as survey parcels, saying the .dbf is missing (not which field)', () => {
    const layer = layerOf(importFiles(boundaryShapefile(boundary.geometry, plan.meta.villageName, ['dbf'])));
    const survey = importSurvey(layer);
    expect(!survey.ok && survey.error).toEqual({ key: 'io.survey.noAttributeTable', params: { file: layer.file, dbf: '村界.dbf' } });
    expect(!survey.ok && chinese(survey.error)).toContain('缺少 村界.dbf');
  });
});

describe('GCJ-02 data (Zhejiang districts from Amap)', () => {
  it('is recognised and converted only when asked', () => {
    const files = shapefileFixture('third-party/zhejiang-districts-utf8-noprj', '浙江省');
    const plain = importFiles(files);
    expect(plain.ok && plain.notes.map((n) => n.key)).toContain('io.crs.maybeGcj02');
    const converted = importFiles(files, { convertGcj02: true });
    expect(converted.ok && converted.notes.map((n) => n.key)).toContain('io.crs.gcj02Converted');
    const first = (r: typeof plain) => (r.ok && r.value[0]?.features[0]?.geometry?.type === 'MultiPolygon' ? r.value[0].features[0].geometry.coordinates[0]![0]![0]! : [0, 0]);
    const [lon1, lat1] = first(plain);
    const [lon2, lat2] = first(converted);
    // GCJ-02 in Zhejiang is shifted ~+0.0045° east and ~−0.0025° north of the true position.
    expect((lon1 as number) - (lon2 as number)).toBeGreaterThan(0.003);
    expect(Math.abs((lat1 as number) - (lat2 as number))).toBeGreaterThan(0.001);
  });
});

describe('a keep test asked before reprojecting (the package reader leaves out most GHYT and TDGHDL rows)', () => {
  // The districts written in GK zone 40 (GBK): a projected layer like a package's, reaching ±3° off the
  // central meridian, where a box turns most.
  const districts = layerOf(importFiles(shapefileFixture('third-party/zhejiang-districts-utf8-noprj', '浙江省')));
  const written = writeShapefile(
    {
      name: 'districts',
      geometryType: 'polygon',
      fields: [{ name: 'NAME', type: 'C', length: 40, decimals: 0 }, { name: 'ADCODE', type: 'N', length: 10, decimals: 0 }],
      features: districts.features.map((f) => ({ geometry: f.geometry as Polygon | MultiPolygon, properties: { NAME: f.properties.name as string, ADCODE: f.properties.adcode as number } })),
    },
    { crs: gk({ zone: 40, zonePrefix: true }), date: new Date(Date.UTC(2024, 5, 30)) },
  );
  if (!written.ok) throw new Error(written.error.key);
  const files = written.value;
  const every = layerOf(importFiles(files, ANYWHERE));

  it('keeps the records it takes, each as a read of every record gives it, asked one field at a time with a box that holds the exact one', () => {
    const byRecord = new Map(every.features.map((f) => [f.recordNo, f]));
    const asked: string[] = [];
    let boxesHeld = 0;
    const kept = layerOf(
      importFiles(files, {
        ...ANYWHERE,
        keepRecord: (record) => {
          const name = record.field('NAME');
          asked.push(String(name));
          expect(record.field('NO_SUCH_FIELD')).toBeUndefined();
          const exact = geometryBBox(byRecord.get(asked.length)?.geometry as Polygon | MultiPolygon);
          const box = record.box();
          if (box[0] <= exact[0] && box[1] <= exact[1] && box[2] >= exact[2] && box[3] >= exact[3]) boxesHeld++;
          return typeof name === 'string' && name.endsWith('县') && box[2] > 120.5;
        },
      }),
    );
    expect(asked).toEqual(every.features.map((f) => f.properties.NAME));
    expect(boxesHeld).toBe(every.features.length);
    const expected = every.features.filter((f) => (f.properties.NAME as string).endsWith('县') && geometryBBox(f.geometry as Polygon | MultiPolygon)[2] > 120.5);
    expect(expected.length).toBeGreaterThan(5);
    expect(kept.features.length).toBeLessThan(every.features.length);
    // The box is a little larger than the exact one: a record at the margin may be kept, never one missed.
    for (const f of expected) expect(kept.features.map((k) => k.recordNo)).toContain(f.recordNo);
    for (const f of kept.features) expect(f).toEqual(byRecord.get(f.recordNo));
  });

  it('keeps every record when GCJ-02 is to be converted (the box would be off by the offset)', () => {
    const lonLat = shapefileFixture('third-party/zhejiang-districts-utf8-noprj', '浙江省');
    expect(layerOf(importFiles(lonLat, { convertGcj02: true, keepRecord: () => false })).features).toHaveLength(90);
    expect(layerOf(importFiles(lonLat, { keepRecord: () => false })).features).toHaveLength(0);
  });
});
