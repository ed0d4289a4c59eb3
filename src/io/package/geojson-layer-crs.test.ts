/**
 * The system a package layer's GeoJSON is read in. Without the zone prefix, GK numbers of western Zhejiang
 * (开化, zone 39) are also numbers of zone 40 (the east coast): a file that names its system (GDAL and QGIS
 * write a GeoJSON 2008 `crs` member for projected data) or the reader's --crs must decide, not the guess.
 * Expected positions come from GDAL (PROJ), not from our projection.
 */
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import type { SourceCrs } from '../crs/source-crs.ts';
import { readGeoJsonLayer } from './geojson-layer.ts';

const KAIHUA: [number, number] = [118.41, 29.14];
const ZONE_39 = 'EPSG:4548';

function gdalTransform(from: string, to: string, points: readonly (readonly number[])[]): [number, number][] {
  const out = gdal('gdaltransform', ['-s_srs', from, '-t_srs', to, '-output_xy'], points.map((p) => `${p[0]} ${p[1]}`).join('\n'));
  return out.trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
}

/** A 100 m square in zone 39 GK without the prefix, around Kaihua. */
function kaihuaSquare(): number[][] {
  const [[x, y]] = gdalTransform('+proj=longlat +ellps=GRS80 +no_defs', ZONE_39, [KAIHUA]) as [[number, number]];
  return [[x, y], [x + 100, y], [x + 100, y + 100], [x, y + 100], [x, y]];
}

const crsMember = (name: string) => ({ type: 'name', properties: { name } });
const layerText = (ring: number[][], crs: unknown, crsAfter = false) => {
  const features = [{ type: 'Feature', properties: { DLDM: '0101' }, geometry: { type: 'Polygon', coordinates: [ring] } }];
  const body = crsAfter ? { type: 'FeatureCollection', features, crs } : { type: 'FeatureCollection', name: 'JQDLTB', crs, features };
  return new TextEncoder().encode(JSON.stringify(body));
};
const read = (bytes: Uint8Array, chosen?: SourceCrs) => readGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', bytes, undefined, chosen);

function firstRing(result: ReturnType<typeof read>): number[][] {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const geometry = result.value.features[0]?.geometry;
  if (geometry?.type !== 'Polygon') throw new Error('one polygon expected');
  return geometry.coordinates[0] as number[][];
}

function expectSamePositions(actual: number[][], expected: [number, number][]): void {
  expect(actual).toHaveLength(expected.length);
  // 1e-9° is ~0.1 mm on the ground.
  actual.forEach((p, i) => {
    expect(p[0]).toBeCloseTo((expected[i] as [number, number])[0], 9);
    expect(p[1]).toBeCloseTo((expected[i] as [number, number])[1], 9);
  });
}

describe('the system of a package layer in GeoJSON', () => {
  it.skipIf(skipWithoutGdal('gdaltransform'))('reads zone 39 without the prefix where the file’s crs member names it, before or after the features, without a guess note', () => {
    const ring = kaihuaSquare();
    const expected = gdalTransform(ZONE_39, '+proj=longlat +ellps=GRS80 +no_defs', ring);
    for (const crsAfter of [false, true]) {
      for (const name of ['urn:ogc:def:crs:EPSG::4548', 'EPSG:4548']) {
        const result = read(layerText(ring, crsMember(name), crsAfter));
        expectSamePositions(firstRing(result), expected);
        expect(result.ok && result.notes).toEqual([]);
      }
    }
    // Two members, as JSON.parse reads them: the last one counts.
    const twice = JSON.stringify({ type: 'FeatureCollection', crs: crsMember('EPSG:4549'), features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }] }).replace(/}$/, `,"crs":${JSON.stringify(crsMember('EPSG:4548'))}}`);
    expectSamePositions(firstRing(read(new TextEncoder().encode(twice))), expected);
    // The old guess put the same numbers 3° east, in zone 40.
    const guessed = read(layerText(ring, undefined));
    expect(firstRing(guessed)[0]?.[0]).toBeCloseTo(KAIHUA[0] + 3, 1);
    expect(guessed.ok && guessed.notes).toEqual([{ key: 'package.assumedZone', params: { file: 'JQDLTB.geojson', zone: 40 } }]);
  });

  it.skipIf(skipWithoutGdal('gdaltransform'))('takes the zone the reader is given (--crs) over the file’s member and the guess', () => {
    const ring = kaihuaSquare();
    const expected = gdalTransform(ZONE_39, '+proj=longlat +ellps=GRS80 +no_defs', ring);
    const zone39: SourceCrs = { kind: 'gk', zone: 39, zonePrefix: false };
    expectSamePositions(firstRing(read(layerText(ring, undefined), zone39)), expected);
    expectSamePositions(firstRing(read(layerText(ring, crsMember('EPSG:4549')), zone39)), expected);
  });

  it('refuses a system it cannot read, and numbers that cannot be in the system said, naming the file', () => {
    const ring = [[600000, 3300000], [600100, 3300000], [600100, 3300100], [600000, 3300000]];
    expect(read(layerText(ring, crsMember('EPSG:3857')))).toEqual({ ok: false, error: { key: 'io.crs.unsupported', params: { file: 'JQDLTB.geojson', name: 'EPSG:3857' } } });
    expect(read(layerText(ring, crsMember('urn:ogc:def:crs:OGC:1.3:CRS84')))).toMatchObject({ ok: false, error: { key: 'package.crsContradicted', params: { file: 'JQDLTB.geojson', x: 600000, y: 3300000 } } });
    // Another zone's prefix than the one said (numbers that differ only by the prefix are read with a note:
    // geojson-layer-zone-prefix.test.ts).
    const zone39Prefixed = ring.map(([x, y]) => [39_000_000 + (x as number), y as number]);
    expect(read(layerText(zone39Prefixed, crsMember('EPSG:4528')))).toMatchObject({ ok: false, error: { key: 'package.crsContradicted' } });
    const lonLat = [[120, 30], [120.001, 30], [120.001, 30.001], [120, 30]];
    expect(read(layerText(lonLat, undefined), { kind: 'gk', zone: 40, zonePrefix: false })).toMatchObject({ ok: false, error: { key: 'package.crsContradicted', params: { x: 120, y: 30 } } });
  });

  it('reads lon/lat as before when the member says so, and a null member as none', () => {
    const lonLat = [[120, 30], [120.001, 30], [120.001, 30.001], [120, 30]];
    expect(firstRing(read(layerText(lonLat, crsMember('urn:ogc:def:crs:OGC:1.3:CRS84'))))).toEqual(lonLat);
    expect(firstRing(read(layerText(lonLat, null)))).toEqual(lonLat);
  });
});
