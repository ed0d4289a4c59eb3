/**
 * GeoJSON that names its CRS by an OGC URN and writes coordinates in the EPSG's axis order (latitude or
 * northing first), as GeoServer's WFS does: read in that order with a note, where only that order puts
 * the data in Zhejiang. GDAL 3.6 reads such a file easting first (its extent is 30.455, 120.7475: a
 * longitude of 30°), so it is no reference here.
 */
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { toGaussKruger } from '../../geo/projection.ts';
import { english } from '../test-support.ts';
import { importFiles } from './index.ts';

const LON = 120.7475;
const LAT = 30.455;
const D = 0.0002;
const lonLatSquare: Position[] = [[LON, LAT], [LON + D, LAT], [LON + D, LAT + D], [LON, LAT + D], [LON, LAT]];

function file(crsName: string | null, ring: readonly Position[]) {
  const collection = {
    type: 'FeatureCollection',
    ...(crsName ? { crs: { type: 'name', properties: { name: crsName } } } : {}),
    features: [{ type: 'Feature', properties: { DLBM: '0103' }, geometry: { type: 'Polygon', coordinates: [ring] } }],
  };
  return [{ name: 'DLTB.geojson', bytes: new TextEncoder().encode(JSON.stringify(collection)) }];
}

const swapped = (ring: readonly Position[]) => ring.map(([x, y]) => [y as number, x as number]);

function firstCorner(read: ReturnType<typeof importFiles>): Position {
  if (!read.ok) throw new Error(english(read.error));
  const geometry = read.value[0]!.features[0]!.geometry;
  if (geometry?.type !== 'Polygon') throw new Error('not a polygon');
  return geometry.coordinates[0]![0]!;
}

describe('GeoJSON in the EPSG axis order its URN names (GeoServer WFS)', () => {
  it('reads CGCS2000 written latitude first under urn:ogc:def:crs:EPSG::4490, and says so', () => {
    const read = importFiles(file('urn:ogc:def:crs:EPSG::4490', swapped(lonLatSquare)));
    const [lon, lat] = firstCorner(read) as [number, number];
    expect(lon).toBeCloseTo(LON, 9);
    expect(lat).toBeCloseTo(LAT, 9);
    expect(read.ok && read.notes.map(english)).toContainEqual(expect.stringContaining('names its coordinate system as urn:ogc:def:crs:EPSG::4490, which puts latitude (northing) before longitude'));
  });

  it('reads CGCS2000 Gauss-Krüger written northing first under the OGC URI of EPSG:4549', () => {
    const gkRing = lonLatSquare.map((p) => toGaussKruger(p, { zone: 40, zonePrefix: false }));
    const read = importFiles(file('http://www.opengis.net/def/crs/EPSG/0/4549', swapped(gkRing)));
    const [lon, lat] = firstCorner(read) as [number, number];
    expect(lon).toBeCloseTo(LON, 8);
    expect(lat).toBeCloseTo(LAT, 8);
  });

  it('reads easting-first data under the URN as it is, and refuses latitude first without a URN as swapped', () => {
    const asIs = importFiles(file('urn:ogc:def:crs:EPSG::4490', lonLatSquare));
    expect(firstCorner(asIs)[0]).toBeCloseTo(LON, 9);
    expect(asIs.ok && asIs.notes.some((n) => n.key === 'io.crs.epsgAxisOrder')).toBe(false);
    expect(importFiles(file('EPSG:4490', swapped(lonLatSquare)))).toMatchObject({ ok: false, error: { key: 'io.crs.swappedXY' } });
  });
});
