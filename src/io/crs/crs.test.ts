import gcoord from 'gcoord';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { toGaussKruger } from '../../geo/projection.ts';
import { english, THIRD_PARTY } from '../test-support.ts';
import { gcj02ToCgcs2000, looksLikeGcj02 } from './gcj02.ts';
import { checkLocation, inferCrs } from './locate.ts';
import { crsFromPrj } from './prj-read.ts';
import { prjText } from './prj-write.ts';
import { gk, GEOGRAPHIC, type ReadCrs } from './source-crs.ts';

const ZONE_40 = gk({ zone: 40, zonePrefix: true });
const CM_120 = gk({ zone: 40, zonePrefix: false });
// Skipped (not passed) without GDAL; never skipped on CI (tests/support/gdal.ts).
const noGdal = skipWithoutGdal('gdalsrsinfo');

function crsOf(text: string): ReadCrs | string {
  const read = crsFromPrj(text, 'x.prj');
  return read.ok ? read.value.crs : read.error.key;
}

describe('.prj reading', () => {
  it('recognises CGCS2000 zones by ArcGIS name, EPSG name, EPSG code and parameters', () => {
    expect(crsOf(prjText(ZONE_40))).toEqual(ZONE_40);
    expect(crsOf(prjText(CM_120))).toEqual(CM_120);
    expect(crsOf(prjText(gk({ zone: 41, zonePrefix: false })))).toEqual(gk({ zone: 41, zonePrefix: false }));
    expect(crsOf('PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 39",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]]],PROJECTION["Transverse_Mercator"]]')).toEqual(gk({ zone: 39, zonePrefix: true }));
    expect(crsOf('PROJCS["whatever",GEOGCS["g",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]]],PROJECTION["Transverse_Mercator"],AUTHORITY["EPSG","4550"]]')).toEqual(gk({ zone: 41, zonePrefix: false }));
    expect(
      crsOf('PROJCS["my zone",GEOGCS["g",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",41500000.0],PARAMETER["Central_Meridian",123.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'),
    ).toEqual(gk({ zone: 41, zonePrefix: true }));
  });

  it.skipIf(noGdal)('reads GDAL WKT1 and WKT2 of EPSG:4528 and 4549', () => {
    for (const [epsg, crs] of [[4528, ZONE_40], [4549, CM_120], [4490, GEOGRAPHIC]] as const) {
      for (const format of ['wkt1', 'wkt2']) {
        const text = gdal('gdalsrsinfo', ['-o', format, `EPSG:${epsg}`]);
        expect(crsOf(text), `${format} ${epsg}`).toEqual(crs);
      }
    }
  });

  it.skipIf(noGdal)('knows GDAL’s WKT2 of WGS 84 as WGS 84 (its datum is an ENSEMBLE), lon/lat and Web Mercator', () => {
    for (const epsg of [4326, 3857]) {
      const read = crsFromPrj(gdal('gdalsrsinfo', ['-o', 'wkt2', `EPSG:${epsg}`]), 'x.prj');
      expect(read.ok && read.value.datum, String(epsg)).toBe('wgs84');
    }
  });

  it('accepts CGCS2000 and WGS84 lon/lat (geotools fixture: GCS_WGS_1984)', () => {
    const read = crsFromPrj(readFileSync(join(THIRD_PARTY, 'geotools/chinese_poly.prj'), 'utf8'), 'chinese_poly.prj');
    expect(read.ok && read.value).toMatchObject({ crs: GEOGRAPHIC, datum: 'wgs84' });
    expect(crsOf(prjText(GEOGRAPHIC))).toEqual(GEOGRAPHIC);
  });

  it('says clearly when a .prj is an HTML page, another datum or an unknown projection', () => {
    const html = crsFromPrj(readFileSync(join(THIRD_PARTY, 'shapefile-js/htmlprj.prj'), 'utf8'), 'htmlprj.prj');
    expect(!html.ok && html.error.key).toBe('io.crs.prjNotWkt');
    if (!html.ok) expect(english(html.error)).toContain('<!DOCTYPE html>');
    // A foreign datum proj4 has no shift for and not on GRS 80: refused, naming it (not 北京54/西安80).
    expect(crsOf('GEOGCS["GCS_Tokyo",DATUM["D_Tokyo",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')).toBe('io.crs.unsupportedDatum');
    expect(crsOf('PROJCS["Lambert",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]]],PROJECTION["No_Such_Projection"],PARAMETER["central_meridian",123]]')).toBe('io.crs.unsupported');
  });
});

describe('.prj writing', () => {
  it.skipIf(noGdal)('writes exactly what GDAL (and so ArcGIS and QGIS) write for CGCS2000 zones', () => {
    for (const [epsg, crs] of [[4527, gk({ zone: 39, zonePrefix: true })], [4528, ZONE_40], [4529, gk({ zone: 41, zonePrefix: true })], [4548, gk({ zone: 39, zonePrefix: false })], [4549, CM_120], [4550, gk({ zone: 41, zonePrefix: false })], [4490, GEOGRAPHIC]] as const) {
      const esri = gdal('gdalsrsinfo', ['-o', 'wkt_esri', `EPSG:${epsg}`]).replace(/\s+/g, '');
      expect(prjText(crs), String(epsg)).toBe(esri);
    }
  });
});

describe('CRS from coordinate ranges', () => {
  const extentOf = (points: number[][]) => ({
    minX: Math.min(...points.map((p) => p[0] as number)),
    minY: Math.min(...points.map((p) => p[1] as number)),
    maxX: Math.max(...points.map((p) => p[0] as number)),
    maxY: Math.max(...points.map((p) => p[1] as number)),
  });
  const hangzhou = [[120.1, 30.2], [120.2, 30.3]];

  it('lon/lat; zone from the prefix; no prefix → the village zone or 40, alternatives named', () => {
    expect(inferCrs(extentOf(hangzhou))?.crs).toEqual(GEOGRAPHIC);
    expect(inferCrs(extentOf(hangzhou.map((p) => toGaussKruger(p, ZONE_40))))?.crs).toEqual(ZONE_40);
    const noPrefix = inferCrs(extentOf(hangzhou.map((p) => toGaussKruger(p, CM_120))));
    expect(noPrefix?.crs).toEqual(CM_120);
    // Zhoushan (122.2°E) in zone 41 without the prefix: the same numbers read in zone 40 land near 119.2°E,
    // also in Zhejiang, so the village's longitude decides and both readings are offered.
    const zhoushan = [[122.2, 30.0], [122.25, 30.05]].map((p) => toGaussKruger(p, gk({ zone: 41, zonePrefix: false })));
    expect(inferCrs(extentOf(zhoushan))).toMatchObject({ crs: CM_120, alternatives: [gk({ zone: 41, zonePrefix: false })] });
    expect(inferCrs(extentOf(zhoushan), 122.2)?.crs).toEqual(gk({ zone: 41, zonePrefix: false }));
  });

  it('diagnoses swapped X/Y, degrees read as metres, metres read as degrees, and data elsewhere', () => {
    const gkPoints = hangzhou.map((p) => toGaussKruger(p, ZONE_40));
    const key = (r: ReturnType<typeof checkLocation>) => (r.ok ? 'ok' : r.error.key);
    expect(key(checkLocation('a.shp', extentOf(gkPoints), ZONE_40, 'zhejiang'))).toBe('ok');
    expect(key(checkLocation('a.shp', extentOf(gkPoints.map(([x, y]) => [y as number, x as number])), ZONE_40, 'zhejiang'))).toBe('io.crs.swappedXY');
    expect(key(checkLocation('a.shp', extentOf(hangzhou.map(([x, y]) => [y as number, x as number])), GEOGRAPHIC, 'zhejiang'))).toBe('io.crs.swappedXY');
    expect(key(checkLocation('a.shp', extentOf(hangzhou), ZONE_40, 'zhejiang'))).toBe('io.crs.degreesAsMetres');
    expect(key(checkLocation('a.shp', extentOf(gkPoints), GEOGRAPHIC, 'zhejiang'))).toBe('io.crs.metresAsDegrees');
    expect(key(checkLocation('a.shp', extentOf([[126.6, 45.7]]), GEOGRAPHIC, 'zhejiang'))).toBe('io.crs.outsideZhejiang');
    expect(key(checkLocation('a.shp', extentOf([[126.6, 45.7]]), GEOGRAPHIC, 'any'))).toBe('ok');
  });
});

describe('GCJ-02', () => {
  it('is recognised by Amap fields or names and converted only on request, to within 0.5 m', () => {
    expect(looksLikeGcj02('浙江省.shp', null, ['name', 'adcode', 'citycode'])).toBe(true);
    expect(looksLikeGcj02('村界_gcj02.geojson', null, [])).toBe(true);
    expect(looksLikeGcj02('DLTB.shp', prjText(ZONE_40), ['DLBM', 'TBBH'])).toBe(false);
    // Forward with the published formula (gcoord), back with our conversion: the offset is hundreds of
    // metres, the residual well under half a metre.
    const wgs = [120.15, 30.28];
    const gcj = gcoord.transform(wgs as [number, number], gcoord.WGS84, gcoord.GCJ02);
    const back = gcj02ToCgcs2000({ type: 'Point', coordinates: gcj });
    const metres = (a: number[], b: number[]) => {
      const [x1, y1] = toGaussKruger(a, ZONE_40);
      const [x2, y2] = toGaussKruger(b, ZONE_40);
      return Math.hypot(x1 - x2, y1 - y2);
    };
    expect(metres(wgs, gcj)).toBeGreaterThan(100);
    expect(metres(wgs, back.coordinates)).toBeLessThan(0.5);
  });
});
