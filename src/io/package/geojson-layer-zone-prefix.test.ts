/**
 * A package layer whose GeoJSON `crs` member disagrees with its numbers by exactly the zone prefix, as
 * ArcGIS and county tools write it (one drops the prefix, another keeps it in the metadata): EPSG:4528 (zone
 * 40 with the prefix) over eastings of 5xx,xxx, or EPSG:4549 (CM 120°E, no prefix) over 40,5xx,xxx. Read as
 * the `.prj` path reads the same slip (crs/zone-prefix.test.ts): in that zone as the numbers are written,
 * with a note. Another zone's prefix is not a slip and stays refused. GDAL applies the member as it is.
 * The pair below is from GDAL: gdaltransform -s_srs EPSG:4528 -t_srs EPSG:4490 gives 120.2, 30.2.
 */
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { describeCrs, gk } from '../crs/source-crs.ts';
import { parseGeoJsonLayer, readGeoJsonLayer } from './geojson-layer.ts';

const EASTING = 519258.463226;
const NORTHING = 3342301.13159526;
const ZONE_40 = gk({ zone: 40, zonePrefix: true });
const CM_120 = gk({ zone: 40, zonePrefix: false });

/** A 100 m square at 120.2°E 30.2°N with `prefix` (a zone number, or 0 for none) written in the eastings. */
function square(prefix: number): number[][] {
  const x = prefix * 1_000_000 + EASTING;
  return [[x, NORTHING], [x + 100, NORTHING], [x + 100, NORTHING + 100], [x, NORTHING + 100], [x, NORTHING]];
}

function layerText(ring: number[][], crsName: string, crsAfter = false): string {
  const crs = { type: 'name', properties: { name: crsName } };
  const features = [{ type: 'Feature', properties: { DLDM: '0101' }, geometry: { type: 'Polygon', coordinates: [ring] } }];
  return JSON.stringify(crsAfter ? { type: 'FeatureCollection', features, crs } : { type: 'FeatureCollection', name: 'JQDLTB', crs, features });
}

/** The streaming reader (CLI, editor) and the whole-text one, which must agree. */
const readers = {
  streamed: (text: string) => readGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', new TextEncoder().encode(text)),
  whole: (text: string) => parseGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', text),
};

function firstPosition(result: ReturnType<typeof readGeoJsonLayer>): Position {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const geometry = result.value.features[0]?.geometry;
  if (geometry?.type !== 'Polygon') throw new Error('one polygon expected');
  return geometry.coordinates[0]?.[0] as Position;
}

describe('a package layer whose crs member differs from its numbers only by the zone prefix', () => {
  it.each([
    ['eastings with the 40 prefix under EPSG:4549 (CM 120°E, no prefix)', 40, 'EPSG:4549', CM_120, ZONE_40],
    ['eastings without a prefix under EPSG:4528 (zone 40 with the prefix)', 0, 'EPSG:4528', ZONE_40, CM_120],
    ['eastings without a prefix under urn:ogc:def:crs:EPSG::4528', 0, 'urn:ogc:def:crs:EPSG::4528', ZONE_40, CM_120],
  ] as const)('%s: read in zone 40 as the numbers are written, and said', (_, prefix, crsName, declared, read) => {
    for (const [how, readLayer] of Object.entries(readers)) {
      for (const crsAfter of [false, true]) {
        const result = readLayer(layerText(square(prefix), crsName, crsAfter));
        const [lon, lat] = firstPosition(result);
        // 1e-8° is ~1 mm on the ground: the parcel is where it was written, not a zone (3°) away.
        expect(lon, how).toBeCloseTo(120.2, 8);
        expect(lat, how).toBeCloseTo(30.2, 8);
        expect(result.ok && result.notes, how).toEqual([{ key: 'io.crs.zonePrefixCorrectedMember', params: { file: 'JQDLTB.geojson', declared: describeCrs(declared), crs: describeCrs(read) } }]);
      }
    }
  });

  it('still refuses another zone’s prefix: 39,xxx,xxx under a zone 40 system is not a slip', () => {
    for (const crsName of ['EPSG:4528', 'EPSG:4549']) {
      for (const readLayer of Object.values(readers)) {
        expect(readLayer(layerText(square(39), crsName))).toMatchObject({ ok: false, error: { key: 'package.crsContradicted', params: { file: 'JQDLTB.geojson', x: 39_000_000 + EASTING, y: NORTHING } } });
      }
    }
    // Zone 41's prefix under CM 120°E too.
    expect(readers.streamed(layerText(square(41), 'EPSG:4549'))).toMatchObject({ ok: false, error: { key: 'package.crsContradicted' } });
  });

  it('still refuses Gauss-Krüger numbers under lon/lat, and a system the reader was given (--crs), as the .prj path does', () => {
    expect(readers.streamed(layerText(square(40), 'EPSG:4490'))).toMatchObject({ ok: false, error: { key: 'package.crsContradicted' } });
    expect(readers.streamed(layerText(square(0), 'urn:ogc:def:crs:OGC:1.3:CRS84'))).toMatchObject({ ok: false, error: { key: 'package.crsContradicted' } });
    // A system chosen by the planner is taken as said (georeference.ts corrects only a file's own).
    const chosen = readGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', new TextEncoder().encode(layerText(square(40), 'EPSG:4528')), undefined, CM_120);
    expect(chosen).toMatchObject({ ok: false, error: { key: 'package.crsContradicted' } });
  });
});
