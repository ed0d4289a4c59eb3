/**
 * A `.prj` whose false easting disagrees with the numbers by exactly the zone prefix: “CGCS2000_3_Degree_GK_CM_120E”
 * over coordinates written as 40,5xx,xxx, or “…_Zone_40” over 5xx,xxx. Read with the `.prj` as it is, not one
 * point lands on Earth (gdaltransform: “transformation failed”); the same zone with the prefix the numbers
 * carry puts the parcel where it was written.
 */
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { toGaussKruger } from '../../geo/projection.ts';
import { importFiles } from '../formats/index.ts';
import { writeShapefile } from '../formats/shapefile-write.ts';
import type { Region } from './locate.ts';
import { prjText } from './prj-write.ts';
import { gk, type GkSourceCrs } from './source-crs.ts';

const ZONE_40 = gk({ zone: 40, zonePrefix: true });
const CM_120 = gk({ zone: 40, zonePrefix: false });
const RING: Position[] = [[120.2, 30.2], [120.201, 30.2], [120.201, 30.201], [120.2, 30.2]];

/** A parcel written in `written`, with the `.prj` of `declared` beside it. */
function files(written: GkSourceCrs, declared: GkSourceCrs) {
  const out = writeShapefile(
    { name: 'DLTB', geometryType: 'polygon', fields: [{ name: 'DLBM', type: 'C', length: 5, decimals: 0 }], features: [{ geometry: { type: 'Polygon', coordinates: [RING] }, properties: { DLBM: '0103' } }] },
    { crs: written, date: new Date(Date.UTC(2024, 5, 30)) },
  );
  if (!out.ok) throw new Error(out.error.key);
  return out.value.map((f) => (f.name.endsWith('.prj') ? { name: f.name, bytes: new TextEncoder().encode(prjText(declared)) } : f));
}

function maxOffset(ring: readonly Position[]): number {
  return Math.max(...RING.map((p) => Math.min(...ring.map((q) => Math.hypot((q[0] as number) - (p[0] as number), (q[1] as number) - (p[1] as number))))));
}

describe('a .prj whose zone prefix disagrees with the numbers', () => {
  it.each<[string, GkSourceCrs, GkSourceCrs, Region]>([
    ['numbers with the 40 prefix, .prj for CM 120°E without it', ZONE_40, CM_120, 'zhejiang'],
    ['numbers without a prefix, .prj for zone 40 with it', CM_120, ZONE_40, 'zhejiang'],
    ['numbers with the 40 prefix, .prj without it, any region', ZONE_40, CM_120, 'any'],
  ])('%s: read in the zone the numbers are written in, and said', (_, written, declared, region) => {
    const result = importFiles(files(written, declared), { region });
    if (!result.ok) throw new Error(result.error.key);
    const layer = result.value[0]!;
    expect(layer.crs.crs).toEqual(written);
    expect(maxOffset((layer.features[0]!.geometry as Polygon).coordinates[0]!)).toBeLessThan(1e-8);
    expect(result.notes.find((n) => n.key === 'io.crs.zonePrefixCorrected')?.params).toMatchObject({ file: 'DLTB.shp' });
  });

  it('says the same of a GeoJSON crs member, naming the member to correct, not a .prj it does not have', () => {
    const [x, y] = toGaussKruger(RING[0] as [number, number], CM_120) as [number, number];
    const json = `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4528"}},"features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[${x},${y}]}}]}`;
    const result = importFiles([{ name: 'DLTB.geojson', bytes: new TextEncoder().encode(json) }]);
    if (!result.ok) throw new Error(result.error.key);
    expect(result.value[0]!.crs.crs).toEqual(CM_120);
    expect(result.notes.map((n) => n.key)).toContain('io.crs.zonePrefixCorrectedMember');
    expect(result.notes.map((n) => n.key)).not.toContain('io.crs.zonePrefixCorrected');
  });

  it('leaves numbers of another zone to the location check: a 39 prefix under a zone 40 .prj is not a slip', () => {
    const result = importFiles(files(gk({ zone: 39, zonePrefix: true }), CM_120), { region: 'any' });
    expect(result.ok ? result.notes.map((n) => n.key) : [result.error.key]).not.toContain('io.crs.zonePrefixCorrected');
  });

  it.skipIf(skipWithoutGdal('gdaltransform'))('(GDAL applies the .prj as it is and places no point; with the prefix it places the parcel)', () => {
    const x40 = '40519258.463226 3342301.13159526';
    expect(gdal('gdaltransform', ['-s_srs', 'EPSG:4549', '-t_srs', 'EPSG:4490', '-output_xy'], x40)).toContain('transformation failed');
    expect(gdal('gdaltransform', ['-s_srs', 'EPSG:4528', '-t_srs', 'EPSG:4490', '-output_xy'], x40).trim().split(/\s+/).map(Number)).toEqual([expect.closeTo(120.2, 8), expect.closeTo(30.2, 8)]);
  });
});
