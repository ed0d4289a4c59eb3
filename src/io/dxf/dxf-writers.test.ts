/**
 * Drawings as other CAD writers leave them (cases met in the test suites of ezdxf, dxf-parser and
 * skymakerolof/dxf, rebuilt here small in Zhejiang GK coordinates), each checked against a hand
 * computation from the drawn numbers, and against GDAL's DXF driver where GDAL reads it right.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { fromLonLat } from '../crs/reproject.ts';
import { gk } from '../crs/source-crs.ts';
import { importFiles } from '../formats/index.ts';
import type { ImportedLayer } from '../formats/types.ts';
import { english } from '../test-support.ts';
import { encodeText } from '../text/encode-text.ts';

const ZONE_40 = gk({ zone: 40, zonePrefix: true });
const X0 = 40571400;
const Y0 = 3370600;
const dir = mkdtempSync(join(tmpdir(), 'vp-dxf-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const groups = (...pairs: (string | number)[]) => pairs.map((v) => `${v}\n`).join('');
const drawing = (entities: string, header = '') => `${header ? `0\nSECTION\n2\nHEADER\n${header}0\nENDSEC\n` : ''}0\nSECTION\n2\nENTITIES\n${entities}0\nENDSEC\n0\nEOF\n`;
/** Drawing coordinates, metres from (X0, Y0). */
const at = (x: number, y: number) => [10, X0 + x, 20, Y0 + y];

function read(text: string): ImportedLayer {
  const result = importFiles([{ name: 'drawing.dxf', bytes: new TextEncoder().encode(text) }]);
  if (!result.ok) throw new Error(english(result.error));
  return result.value[0] as ImportedLayer;
}

/** Shoelace area relative to the fixtures' origin (GK numbers this large lose centimetres in the products). */
function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  ring.forEach((p, i) => {
    const q = ring[(i + 1) % ring.length] as Position;
    sum += ((p[0] as number) - X0) * ((q[1] as number) - Y0) - ((q[0] as number) - X0) * ((p[1] as number) - Y0);
  });
  return Math.abs(sum) / 2;
}

/** Filled area in drawing units: shells less holes. */
function filled(geometry: Geometry): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : (geometry as MultiPolygon).coordinates;
  return polygons.reduce((sum, [shell, ...holes]) => sum + ringArea(shell as Position[]) - holes.reduce((s, h) => s + ringArea(h), 0), 0);
}

const shapes = (layer: ImportedLayer, name: string) => layer.features.filter((f) => f.properties.Layer === name).map((f) => fromLonLat(f.geometry as Geometry, ZONE_40));

/** GDAL's reading of the same text: its features' geometries. */
function gdalRead(text: string): Geometry[] {
  const path = join(dir, `in-${Math.random().toString(36).slice(2)}.dxf`);
  writeFileSync(path, text);
  const out = `${path}.geojson`;
  gdal('ogr2ogr', ['-f', 'GeoJSON', out, path]);
  return (JSON.parse(readFileSync(out, 'utf8')) as { features: { geometry: Geometry }[] }).features.map((f) => f.geometry);
}

const polylineLoop = (flags: number, corners: readonly (readonly [number, number])[]) => groups(92, flags, 72, 0, 73, 1, 93, corners.length, ...corners.flatMap(([x, y]) => at(x, y)));
const hatch = (layer: string, loops: readonly string[], style: number) => groups(0, 'HATCH', 8, layer, 10, 0, 20, 0, 30, 0, 210, 0, 220, 0, 230, 1, 2, 'SOLID', 70, 1, 71, 0, 91, loops.length) + loops.join('') + groups(75, style, 76, 1, 98, 0);

describe('hatch boundaries', () => {
  it('makes a hole of a loop that touches the outline around it, a hair outside it as CAD coordinates are', () => {
    // The outline has a slanted edge from (100, 100) to (0, 40); the courtyard touches its middle (50, 70),
    // 1e-8 m outside it, as CAD leaves a vertex snapped to a slanted edge in numbers this large.
    const outline = [[0, 0], [100, 0], [100, 100], [0, 40]] as const;
    const out = 1e-8 / Math.hypot(60, 100);
    const courtyard = [[50 - 60 * out, 70 + 100 * out], [40, 30], [60, 30]] as const;
    const text = drawing(hatch('DLTB', [polylineLoop(3, outline), polylineLoop(2, courtyard)], 0));
    const [parcel] = shapes(read(text), 'DLTB');
    expect(parcel?.type).toBe('Polygon');
    expect((parcel as Polygon).coordinates).toHaveLength(2);
    // Outline 7000 m², courtyard ½·20·40 = 400 m².
    expect(filled(parcel as Geometry)).toBeCloseTo(6600, 3);
  });

  it.skipIf(skipWithoutGdal('ogr2ogr'))('…and GDAL reads the same polygon with a hole', () => {
    const outline = [[0, 0], [100, 0], [100, 100], [0, 40]] as const;
    const out = 1e-8 / Math.hypot(60, 100);
    const theirs = gdalRead(drawing(hatch('DLTB', [polylineLoop(3, outline), polylineLoop(2, [[50 - 60 * out, 70 + 100 * out], [40, 30], [60, 30]])], 0)));
    expect(theirs.map((g) => g.type)).toEqual(['Polygon']);
    expect(filled(theirs[0] as Geometry)).toBeCloseTo(6600, 3);
  });

  it('fills an island inside a hole only under the nested style (75 = 0), not under outer (1) or ignore (2)', () => {
    const loops = [
      polylineLoop(3, [[0, 0], [100, 0], [100, 100], [0, 100]]),
      polylineLoop(2, [[20, 20], [80, 20], [80, 80], [20, 80]]),
      polylineLoop(2, [[40, 40], [60, 40], [60, 60], [40, 60]]),
    ];
    const layer = read(drawing(hatch('NESTED', loops, 0) + hatch('OUTER', loops, 1) + hatch('IGNORE', loops, 2)));
    // 100² − 60² + 20², 100² − 60², 100².
    expect(filled(shapes(layer, 'NESTED')[0] as Geometry)).toBeCloseTo(6800, 6);
    expect(filled(shapes(layer, 'OUTER')[0] as Geometry)).toBeCloseTo(6400, 6);
    expect(filled(shapes(layer, 'IGNORE')[0] as Geometry)).toBeCloseTo(10000, 6);
  });

  it('reads a spline edge with the fit-point count (97) that R2010+ writes even when it is 0', () => {
    // A triangle of three edges: a line, a straight spline (degree 1) and a line.
    const edges =
      groups(72, 1, ...at(0, 0), 11, X0 + 100, 21, Y0) +
      groups(72, 4, 94, 1, 73, 0, 74, 0, 95, 4, 96, 2, 40, 0, 40, 0, 40, 1, 40, 1, ...at(100, 0), ...at(100, 50), 97, 0) +
      groups(72, 1, ...at(100, 50), 11, X0, 21, Y0);
    const layer = read(drawing(hatch('H', [groups(92, 1, 93, 3) + edges + groups(97, 0)], 0)));
    expect(layer.features.map((f) => f.geometry?.type)).toEqual(['Polygon']);
    expect(filled(shapes(layer, 'H')[0] as Geometry)).toBeCloseTo(2500, 6);
  });
});

describe('curves', () => {
  // The area of a circle cut into 90 segments, as arcs are: π r² · sin(4°) / (4° in radians).
  const polygonShare = Math.sin((4 * Math.PI) / 180) / ((4 * Math.PI) / 180);

  it('draws a rational spline (a circle, weights √½ at the corners) as the circle, not a rounded square', () => {
    const r = 20;
    const corners = [[r, 0], [r, r], [0, r], [-r, r], [-r, 0], [-r, -r], [0, -r], [r, -r], [r, 0]] as const;
    const knots = [0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4];
    const controls = corners.flatMap(([x, y], i) => [...at(x + 50, y + 50), 41, i % 2 === 1 ? Math.SQRT1_2 : 1]);
    const text = drawing(groups(0, 'SPLINE', 8, 'POND', 70, 15, 71, 2, 72, knots.length, 73, corners.length, 74, 0, ...knots.flatMap((k) => [40, k]), ...controls));
    const [pond] = shapes(read(text), 'POND');
    expect(pond?.type).toBe('Polygon');
    expect(filled(pond as Geometry) / (Math.PI * r * r * polygonShare)).toBeCloseTo(1, 3);
  });

  it('follows a long curved span closely: a cubic Bézier closed by a straight span, 6000 m² by integration', () => {
    // Control points (20,10) → (120,10) straight, then (120,10), (120,110), (20,110), (20,10) as one cubic
    // span: the area between that Bézier and its chord is 3/5 of the 100 × 100 control square.
    const corners = [[20, 10], [53.333333333333336, 10], [86.66666666666667, 10], [120, 10], [120, 110], [20, 110], [20, 10]] as const;
    const knots = [0, 0, 0, 0, 10, 10, 10, 45, 45, 45, 45];
    const text = drawing(groups(0, 'SPLINE', 8, 'POND', 70, 11, 71, 3, 72, knots.length, 73, corners.length, 74, 0, ...knots.flatMap((k) => [40, k]), ...corners.flatMap(([x, y]) => at(x, y))));
    const [pond] = shapes(read(text), 'POND');
    expect(filled(pond as Geometry) / 6000).toBeCloseTo(1, 2);
  });

  const ellipse = (layer: string, start: number, end: number, extrusion = '') => groups(0, 'ELLIPSE', 8, layer, ...at(50, 50), 30, 0, 11, 30, 21, 10, 31, 0, 40, 0.5, 41, start, 42, end) + extrusion;

  it('closes an ellipse whose end parameter is a whole turn printed to 6 decimals (6.283185) into a polygon', () => {
    const [pond] = shapes(read(drawing(ellipse('POND', 0, 6.283185))), 'POND');
    expect(pond?.type).toBe('Polygon');
    // Semi-axes √1000 and ½√1000: π·500, cut into 90 segments as a circle is.
    expect(filled(pond as Geometry) / (Math.PI * 500 * polygonShare)).toBeCloseTo(1, 3);
  });

  it.skipIf(skipWithoutGdal('ogr2ogr'))('turns a mirrored elliptical arc (extrusion 0, 0, −1) clockwise, as GDAL draws it', () => {
    const source = drawing(ellipse('ARC', 0.5, 2.5, groups(210, 0, 220, 0, 230, -1)));
    const ours = (shapes(read(source), 'ARC')[0] as { coordinates: Position[] }).coordinates;
    const theirs = (gdalRead(source)[0] as { coordinates: Position[] }).coordinates;
    const near = (p: Position, q: Position) => Math.hypot((p[0] as number) - (q[0] as number), (p[1] as number) - (q[1] as number)) < 0.001;
    // GDAL runs the line from the end parameter back: the same arc either way.
    const [first, last] = [theirs[theirs.length - 1] as Position, theirs[0] as Position];
    expect([near(ours[0] as Position, first), near(ours[ours.length - 1] as Position, last)]).toEqual([true, true]);
    // By hand: minor axis (−Z) × (30, 10) · ½ = (5, −15); the point at parameter ½ is centre + major·cos ½ + minor·sin ½.
    expect(ours[0]?.map((v, i) => Math.round(((v as number) - (i ? Y0 : X0)) * 1000) / 1000)).toEqual([50 + 30 * Math.cos(0.5) + 5 * Math.sin(0.5), 50 + 10 * Math.cos(0.5) - 15 * Math.sin(0.5)].map((v) => Math.round(v * 1000) / 1000));
  });
});

describe('files other writers leave', () => {
  const square = groups(0, 'LWPOLYLINE', 8, 'P', 90, 4, 70, 1, ...at(0, 0), ...at(100, 0), ...at(100, 100), ...at(0, 100));

  it('reads a LibreCAD header whose flag $XCLIPFRAME is 2 (codes 290–299 are flags, CAD takes non-zero as true)', () => {
    const layer = read(drawing(square, groups(9, '$ACADVER', 1, 'AC1021', 9, '$XCLIPFRAME', 290, 2)));
    expect(filled(shapes(layer, 'P')[0] as Geometry)).toBeCloseTo(10000, 6);
  });

  it('reads a drawing whose last section is whole but that lacks the EOF marker after it', () => {
    const layer = read(drawing(square).replace(/0\nEOF\n$/, ''));
    expect(filled(shapes(layer, 'P')[0] as Geometry)).toBeCloseTo(10000, 6);
  });

  it('reads a drawing whose lines end in CR alone (old Macintosh writers), its code page from the header', () => {
    const text = drawing(square.replace('8\nP\n', '8\n地类图斑\n'), groups(9, '$ACADVER', 1, 'AC1015', 9, '$DWGCODEPAGE', 3, 'ANSI_936')).replace(/\n/g, '\r');
    const result = importFiles([{ name: 'mac.dxf', bytes: encodeText(text, 'gbk').bytes }]);
    if (!result.ok) throw new Error(english(result.error));
    const layer = result.value[0] as ImportedLayer;
    expect(layer.encoding).toMatchObject({ encoding: 'gbk', how: 'header' });
    expect(filled(shapes(layer, '地类图斑')[0] as Geometry)).toBeCloseTo(10000, 6);
  });

  it('reads every ENTITIES section of a drawing written in pieces, not only the last', () => {
    const other = groups(0, 'LWPOLYLINE', 8, 'Q', 90, 3, 70, 1, ...at(200, 0), ...at(300, 0), ...at(300, 100));
    const text = `${drawing(square).replace(/0\nEOF\n$/, '')}0\nSECTION\n2\nENTITIES\n${other}0\nENDSEC\n0\nEOF\n`;
    const layer = read(text);
    expect([...shapes(layer, 'P'), ...shapes(layer, 'Q')].map((g) => Math.round(filled(g)))).toEqual([10000, 5000]);
  });

  it('still refuses a drawing cut inside a section', () => {
    const result = importFiles([{ name: 'cut.dxf', bytes: new TextEncoder().encode(drawing(square).replace(/0\nENDSEC\n0\nEOF\n$/, '')) }]);
    expect(!result.ok && english(result.error)).toContain('is incomplete');
  });

  it('keeps all four corners of a 3DFACE whose edge flags (70) follow them, as ezdxf writes it', () => {
    const face = groups(0, '3DFACE', 8, 'F', ...at(0, 0), 30, 0, 11, X0 + 100, 21, Y0, 31, 0, 12, X0 + 100, 22, Y0 + 100, 32, 0, 13, X0, 23, Y0 + 100, 33, 0, 70, 0);
    expect(filled(shapes(read(drawing(face)), 'F')[0] as Geometry)).toBeCloseTo(10000, 6);
  });

  it.skipIf(skipWithoutGdal('ogr2ogr'))('places "aligned" and "fit" text (72 = 3, 5), which runs from its first point to its second, at its first, as GDAL does', () => {
    const text = (align: number) => groups(0, 'TEXT', 8, `T${align}`, ...at(30, 20), 30, 0, 40, 2.5, 1, '0101', 72, align, 11, X0 + 70, 21, Y0 + 20, 31, 0);
    const source = drawing(square + text(3) + text(5) + text(1));
    const layer = read(source);
    const local = (p: Position) => p.slice(0, 2).map((v, i) => Math.round(((v as number) - (i ? Y0 : X0)) * 1000) / 1000);
    const ours = ['T3', 'T5', 'T1'].map((name) => local((shapes(layer, name)[0] as Point).coordinates));
    const theirs = gdalRead(source)
      .filter((g): g is Point => g.type === 'Point')
      .map((g) => local(g.coordinates));
    expect(ours.slice(0, 2)).toEqual(theirs.slice(0, 2));
    // Centred text sits at its second point (the DXF reference); GDAL keeps the first and shifts the label style.
    expect(ours).toEqual([
      [30, 20],
      [30, 20],
      [70, 20],
    ]);
  });
});
