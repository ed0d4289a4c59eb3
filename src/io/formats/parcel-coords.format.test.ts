import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../geo/area.ts';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import type { SevenParameters } from '../../domain/datum-parameters.ts';
import { english, fixtureFiles } from '../test-support.ts';
import { importFiles } from './index.ts';

const FOLDER = 'io/parcel-coords';
const text = (name: string, content: string) => ({ name, bytes: new TextEncoder().encode(content) });
const noGdal = skipWithoutGdal('gdaltransform');
const SEVEN: SevenParameters = { kind: 'sevenParameter', dx: -52.3412, dy: -15.7021, dz: 46.2153, rx: 1.23456, ry: -2.34567, rz: 3.45678, scalePpm: -2.5, convention: 'coordinateFrame' };

describe('界址点 coordinate files', () => {
  it('reads a GBK file with two parcels, a hole, the zone from the header', () => {
    const result = importFiles(fixtureFiles(FOLDER, 'two-parcels-hole.gbk.txt'));
    if (!result.ok) throw new Error(english(result.error));
    const layer = result.value[0]!;
    expect(layer.format).toBe('parcel-coords');
    expect(layer.encoding).toMatchObject({ encoding: 'gbk', how: 'detected' });
    expect(layer.crs).toMatchObject({ how: 'header', crs: { kind: 'gk', zone: 40, zonePrefix: true } });
    expect(layer.features.map((f) => f.properties['地块名称'])).toEqual(['沈家埭村拆旧地块一', '沈家埭村拆旧地块二']);
    expect(layer.features[0]!.properties['地块面积']).toBe(0.232);
    const first = layer.features[0]!.geometry as Polygon;
    expect(first.type).toBe('Polygon');
    expect(first.coordinates).toHaveLength(2);
    // 60 × 40 m less a 10 × 8 m hole; Gauss-Krüger scale near 120.74°E makes plane metres ~0.007 % long.
    expect(ellipsoidalArea(first)).toBeCloseTo(2320, -1);
    expect(ellipsoidalArea(layer.features[1]!.geometry as Polygon)).toBeCloseTo(2032.5, -1);
    const [lon, lat] = first.coordinates[0]![0]!;
    expect(lon).toBeCloseTo(120.742, 2);
    expect(lat).toBeCloseTo(30.461, 2);
  });

  it('reads UTF-8 with BOM, eastings without the prefix, two outlines, an unclosed ring (noted)', () => {
    const result = importFiles(fixtureFiles(FOLDER, 'two-outlines-noprefix.utf8.txt'));
    if (!result.ok) throw new Error(english(result.error));
    const layer = result.value[0]!;
    expect(layer.encoding?.encoding).toBe('utf-8');
    expect(layer.crs.crs).toEqual({ kind: 'gk', zone: 40, zonePrefix: false });
    const geometry = layer.features[0]!.geometry as MultiPolygon;
    expect(geometry.type).toBe('MultiPolygon');
    expect(ellipsoidalArea(geometry)).toBeCloseTo(1400, -1);
    expect(result.notes.map((n) => n.key)).toContain('io.parcelCoords.ringsClosed');
  });

  it('refuses a bad line, another datum, 6° zones, with the line and the fix', () => {
    const bad = importFiles([text('a.txt', '[属性描述]\n带号=40\n[地块坐标]\n4,1,1,a,面,,,,@\nJ1,1,三三七,40571261\n')]);
    expect(!bad.ok && bad.error).toMatchObject({ key: 'io.parcelCoords.badLine', params: { line: 5 } });
    const local = importFiles([text('b.txt', '[属性描述]\n坐标系=杭州地方坐标系\n带号=40\n[地块坐标]\n4,1,1,a,面,,,,@\nJ1,1,3371452,40571261\n')]);
    expect(!local.ok && local.error.key).toBe('io.crs.unsupportedDatum');
    const six = importFiles([text('c.txt', '[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=6\n带号=20\n[地块坐标]\n4,1,1,a,面,,,,@\nJ1,1,3371452,20571261\n')]);
    expect(!six.ok && six.error.key).toBe('io.parcelCoords.sixDegreeZones');
  });

  /** A 30 × 30 m square in the old survey's plane, as a 报批 file of the 1980s–2010s gives it. */
  const oldSurvey = (system: string, zoneLine: string, easting: number) =>
    text('old.txt', `[属性描述]\n坐标系=${system}\n几度分带=3\n${zoneLine}[地块坐标]\n5,0.09,1,a,面,,,,@\nJ1,1,3371452,${easting}\nJ2,1,3371452,${easting + 30}\nJ3,1,3371482,${easting + 30}\nJ4,1,3371482,${easting}\nJ1,1,3371452,${easting}\n`);

  it('asks for the county parameters of Xian 1980 / Beijing 1954 coordinates, as for a Shapefile in them', () => {
    for (const [system, datumId] of [['80国家大地坐标系', 'xian1980'], ['1980西安坐标系', 'xian1980'], ['54北京坐标系', 'beijing1954']] as const) {
      const read = importFiles([oldSurvey(system, '带号=40\n', 40_571_261)]);
      expect(!read.ok && read.error, system).toMatchObject({ key: 'io.crs.needsDatumParameters', params: { datumId, centralMeridian: 120, falseEasting: 40_500_000 } });
    }
    const noPrefix = importFiles([oldSurvey('80国家大地坐标系', '带号=40\n', 571_261)]);
    expect(!noPrefix.ok && noPrefix.error).toMatchObject({ params: { centralMeridian: 120, falseEasting: 500_000 } });
    const zoneFromPrefix = importFiles([oldSurvey('80国家大地坐标系', '', 40_571_261)]);
    expect(!zoneFromPrefix.ok && zoneFromPrefix.error).toMatchObject({ params: { centralMeridian: 120, falseEasting: 40_500_000 } });
    const noZone = importFiles([oldSurvey('80国家大地坐标系', '', 571_261)]);
    expect(!noZone.ok && noZone.error.key).toBe('io.crs.unsupportedDatum');
  });

  it.skipIf(noGdal)('with the saved Xian 1980 parameters: the corner where GDAL puts it (1 mm)', () => {
    const read = importFiles([oldSurvey('80国家大地坐标系', '带号=40\n', 40_571_261)], { datumParameters: [{ datum: 'xian1980', transformation: SEVEN }] });
    if (!read.ok) throw new Error(english(read.error));
    const flipped = [SEVEN.dx, SEVEN.dy, SEVEN.dz, -SEVEN.rx, -SEVEN.ry, -SEVEN.rz, SEVEN.scalePpm].join(',');
    const out = gdal('gdaltransform', ['-s_srs', `+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=IAU76 +towgs84=${flipped} +units=m`, '-t_srs', '+proj=longlat +ellps=GRS80 +towgs84=0,0,0', '-output_xy'], '40571261 3371452\n');
    const [lon, lat] = out.trim().split(/\s+/).map(Number) as [number, number];
    const ring = (read.value[0]!.features[0]!.geometry as Polygon).coordinates[0]!;
    expect(ring.some((p) => Math.abs(p[0]! - lon) < 1e-8 && Math.abs(p[1]! - lat) < 1e-8), `${lon} ${lat} in ${JSON.stringify(ring)}`).toBe(true);
  });

  it('detects northing and easting given the wrong way round', () => {
    const swapped = importFiles([text('d.txt', '[属性描述]\n坐标系=2000国家大地坐标系\n[地块坐标]\n4,1,1,a,面,,,,@\nJ1,1,40571261,3371452\nJ2,1,40571291,3371452\nJ3,1,40571291,3371482\nJ1,1,40571261,3371452\n')]);
    expect(!swapped.ok && swapped.error.key).toBe('io.crs.swappedXY');
    const fixed = importFiles([text('d.txt', '[属性描述]\n坐标系=2000国家大地坐标系\n[地块坐标]\n4,1,1,a,面,,,,@\nJ1,1,40571261,3371452\nJ2,1,40571291,3371452\nJ3,1,40571291,3371482\nJ1,1,40571261,3371452\n')], { swapXY: true });
    expect(fixed.ok).toBe(true);
  });

  it('ignores .txt files that are not coordinate files', () => {
    const result = importFiles([text('readme.txt', 'hello')]);
    expect(!result.ok && result.error.key).toBe('io.import.nothingToImport');
  });
});
