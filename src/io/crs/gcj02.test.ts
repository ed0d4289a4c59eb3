/**
 * GCJ-02 recognised from what Amap's and DataV's district files carry, read through the GeoJSON reader as
 * a planner's file would be. The DataV-like file is written by hand after DataV.GeoAtlas's layout
 * (https://geo.datav.aliyun.com/areas_v3/bound/330402.json): a district around 120.75°E 30.75°N.
 */
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { localLengthMetres } from '../../geo/local-metric.ts';
import { importFiles } from '../formats/index.ts';
import { looksLikeGcj02 } from './gcj02.ts';

const DISTRICT_RING = [
  [120.712, 30.728],
  [120.781, 30.719],
  [120.823, 30.751],
  [120.806, 30.796],
  [120.741, 30.803],
  [120.703, 30.771],
  [120.712, 30.728],
];

function districtFile(name: string, properties: Record<string, unknown>) {
  const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates: [[DISTRICT_RING]] } }] };
  return [{ name, bytes: new TextEncoder().encode(JSON.stringify(collection)) }];
}

const DATAV_PROPERTIES = {
  adcode: 330402,
  name: '南湖区',
  center: [120.749953, 30.764652],
  centroid: [120.769411, 30.761958],
  childrenNum: 7,
  level: 'district',
  parent: { adcode: 330400 },
  subFeatureIndex: 0,
  acroutes: [100000, 330000, 330400],
};

const noteKeys = (files: ReturnType<typeof districtFile>) => {
  const read = importFiles(files);
  if (!read.ok) throw new Error(read.error.key);
  return read.notes.map((n) => n.key);
};

describe('GCJ-02 recognised from Amap and DataV district fields', () => {
  it('recognises a DataV district GeoJSON (adcode with center, parent, acroutes…) and offers the conversion', () => {
    expect(noteKeys(districtFile('南湖区.json', DATAV_PROPERTIES))).toContain('io.crs.maybeGcj02');
    // Any one companion is enough: files cut down to a few fields keep one of them.
    for (const companion of ['center', 'centroid', 'childrenNum', 'parent', 'subFeatureIndex', 'acroutes', 'citycode']) {
      expect(looksLikeGcj02('区县.json', null, ['adcode', 'name', companion])).toBe(true);
    }
    // The same names cut to a DBF's ten characters.
    expect(looksLikeGcj02('区县.shp', null, ['ADCODE', 'NAME', 'CHILDRENNU'])).toBe(true);
  });

  it('does not take adcode alone (or with name and level) for GCJ-02: CGCS2000 government data has it too', () => {
    const keys = noteKeys(districtFile('行政区.geojson', { adcode: 330402, name: '南湖区', level: 'district' }));
    expect(keys).not.toContain('io.crs.maybeGcj02');
    expect(keys).not.toContain('io.crs.gcj02Converted');
    expect(looksLikeGcj02('行政区.shp', null, ['XZQDM', 'adcode', 'name', 'level'])).toBe(false);
  });

  it('converts a recognised file only when asked', () => {
    const read = importFiles(districtFile('南湖区.json', DATAV_PROPERTIES), { convertGcj02: true });
    if (!read.ok) throw new Error(read.error.key);
    expect(read.notes.map((n) => n.key)).toContain('io.crs.gcj02Converted');
    const geometry = read.value[0]?.features[0]?.geometry;
    const first = (geometry?.type === 'MultiPolygon' ? geometry.coordinates[0]?.[0]?.[0] : undefined) as [number, number];
    // The published formula (CGCS2000 → GCJ-02) takes the converted vertex back to the file's, which was
    // some 500 m away: here GCJ-02 lies east and south of CGCS2000.
    const back = gcoord.transform(first, gcoord.WGS84, gcoord.GCJ02);
    expect(localLengthMetres(back, [120.712, 30.728])).toBeLessThan(0.2);
    expect(localLengthMetres(first, [120.712, 30.728])).toBeGreaterThan(300);
    expect(first[0]).toBeLessThan(120.712);
    expect(first[1]).toBeGreaterThan(30.728);
  });
});
