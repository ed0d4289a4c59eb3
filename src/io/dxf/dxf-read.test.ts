/**
 * The DXF reader on the hand-made fixtures (tests/fixtures/dxf/README.md): what each entity becomes, the
 * text and its encodings, the curves, and a clear refusal for every broken file. GDAL's reading of the
 * same files is compared in dxf-gdal.test.ts.
 */
import type { Geometry, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../geo/area.ts';
import { fromLonLat } from '../crs/reproject.ts';
import { gk } from '../crs/source-crs.ts';
import { importFiles } from '../formats/index.ts';
import type { ImportedFeature, ImportedLayer } from '../formats/types.ts';
import { chinese, english, fixtureFiles } from '../test-support.ts';
import { encodeText } from '../text/encode-text.ts';
import { decodeDxf, unescapeDxfText } from './dxf-decode.ts';
import { arcPoints, bulgePoints, ocs, splinePoints } from './dxf-geometry.ts';
import { parcelNumber, plainMText, plainText, readLabels } from './dxf-text.ts';

const ZONE_40 = gk({ zone: 40, zonePrefix: true });
const X0 = 40571400;
const Y0 = 3370600;

function read(name: string): ImportedLayer {
  const result = importFiles(fixtureFiles('dxf', name));
  if (!result.ok) throw new Error(english(result.error));
  return result.value[0] as ImportedLayer;
}

function refusal(name: string): string {
  const result = importFiles(fixtureFiles('dxf', name));
  if (result.ok) throw new Error(`${name} was read`);
  return english(result.error);
}

/** Drawing coordinates back from lon/lat (the reader projects to lon/lat). */
function drawing(feature: ImportedFeature): Geometry {
  return fromLonLat(feature.geometry as Geometry, ZONE_40);
}

/** Shoelace area, relative to the fixtures' origin (GK numbers this large lose centimetres in the products). */
const planarArea = (ring: readonly Position[]) =>
  Math.abs(
    ring.reduce((s, p, i) => {
      const q = ring[(i + 1) % ring.length] as Position;
      return s + ((p[0] as number) - X0) * ((q[1] as number) - Y0) - ((q[0] as number) - X0) * ((p[1] as number) - Y0);
    }, 0),
  ) / 2;

const byLayer = (layer: ImportedLayer, name: string) => layer.features.filter((f) => f.properties.Layer === name);

describe('DXF R12 (hand-made, GBK)', () => {
  const layer = read('r12-hand.dxf');

  it('reads every model-space entity as GDAL lists them, with Chinese layer names and the zone from the numbers', () => {
    expect(layer.format).toBe('dxf');
    expect(layer.features).toHaveLength(19);
    expect(layer.crs).toMatchObject({ how: 'inferred', crs: { kind: 'gk', zone: 40, zonePrefix: true } });
    expect(layer.encoding).toMatchObject({ encoding: 'gbk', how: 'header' });
    expect([...new Set(layer.features.map((f) => f.properties.Layer))].sort()).toEqual(['地类图斑', '地类注记', '水塘', '独立地物', '村界', '道路'].sort());
    const kinds = layer.features.map((f) => `${f.properties.EntityType}:${f.geometry?.type}`);
    expect(kinds.filter((k) => k === 'POLYLINE:Polygon')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'LINE:LineString')).toHaveLength(5);
    expect(kinds).toContain('POLYLINE:LineString');
    expect(kinds.filter((k) => k === 'CIRCLE:Polygon')).toHaveLength(2);
  });

  it('reads texts, and block attributes with their tags (R12 has no subclass markers)', () => {
    const texts = layer.features.filter((f) => f.geometry?.type === 'Point').map((f) => [f.properties.Text, f.properties.Tag, f.properties.Block]);
    expect(texts).toEqual([
      ['T1', null, null],
      ['0101', null, null],
      ['T2', 'TBBH', 'TBZJ'],
      ['0103', 'DLBM', 'TBZJ'],
      ['T3/0201', null, null],
      ['T4 0702', null, null],
      ['T5', null, null],
    ]);
  });

  it('draws a bulge as the arc it stands for: the parcel gains the circular segment', () => {
    const p2 = byLayer(layer, '地类图斑')[1] as ImportedFeature;
    const ring = (drawing(p2) as Polygon).coordinates[0] as Position[];
    // Bulge 0.2 on a 100 m chord: θ = 4·atan(0.2), r = 50/sin(θ/2), segment = r²/2·(θ − sin θ).
    const theta = 4 * Math.atan(0.2);
    const r = 50 / Math.sin(theta / 2);
    const segment = (r * r * (theta - Math.sin(theta))) / 2;
    expect(planarArea(ring)).toBeCloseTo(10_000 + segment, -1);
    expect(Math.max(...ring.map((p) => p[0] as number))).toBeCloseTo(X0 + 200 + 0.2 * 50, 3);
    // 12 segments of at most 4° (GDAL's default step).
    expect(ring.filter((p) => (p[0] as number) > X0 + 200 + 1e-6)).toHaveLength(11);
  });

  it('expands a block reference: scaled, turned, and on the reference layer where the block entity is on layer 0', () => {
    const tree = layer.features.filter((f) => f.properties.Block === 'TREE');
    expect(tree.map((f) => f.properties.Layer)).toEqual(['独立地物', '独立地物']);
    const circle = (drawing(tree[0] as ImportedFeature) as Polygon).coordinates[0] as Position[];
    const cx = circle.slice(0, -1).reduce((s, p) => s + (p[0] as number), 0) / (circle.length - 1);
    const cy = circle.slice(0, -1).reduce((s, p) => s + (p[1] as number), 0) / (circle.length - 1);
    // Centre (0, 2) in the block, ×2 and turned 30°: (−4·sin 30°, 4·cos 30°) from the insertion point.
    expect(cx).toBeCloseTo(X0 + 300 - 2, 6);
    expect(cy).toBeCloseTo(Y0 + 150 + 4 * Math.cos(Math.PI / 6), 6);
    expect(Math.hypot((circle[0]![0] as number) - cx, (circle[0]![1] as number) - cy)).toBeCloseTo(2, 6);
    expect(circle).toHaveLength(91);
  });

  it('notes the version, the encoding and the inferred zone', () => {
    const result = importFiles(fixtureFiles('dxf', 'r12-hand.dxf'));
    const notes = result.ok ? result.notes.map(chinese) : [];
    expect(notes[0]).toBe('“r12-hand.dxf”：DXF AC1009 (R12)，文字编码 GBK，共 19 个图元。');
    expect(notes.some((n) => n.includes('EPSG:4528'))).toBe(true);
  });
});

describe('DXF R2000 (hand-made, GBK, subclass markers)', () => {
  const layer = read('r2000-hand.dxf');

  it('leaves out paper space and a stray point at the origin, and says so', () => {
    expect(layer.features).toHaveLength(14);
    expect(layer.features.some((f) => f.properties.Layer === '图框' || f.properties.EntityType === 'POINT')).toBe(false);
    const result = importFiles(fixtureFiles('dxf', 'r2000-hand.dxf'));
    const notes = result.ok ? result.notes.map(english) : [];
    expect(notes.some((n) => n.includes('1 entities in the layouts (paper space)'))).toBe(true);
    expect(notes.some((n) => n.includes('0 POINT #115'))).toBe(true);
  });

  it('reads hatches: a hole, a boundary of edges with a half circle, and a polyline loop with a bulge', () => {
    const hatches = layer.features.filter((f) => f.properties.EntityType === 'HATCH');
    expect(hatches.map((h) => h.properties.Layer)).toEqual(['JQDLTB', 'JQDLTB', 'JQDLTB', 'JBNT']);
    const withHole = drawing(hatches[1] as ImportedFeature) as Polygon;
    expect(withHole.coordinates).toHaveLength(2);
    expect(planarArea(withHole.coordinates[0] as Position[]) - planarArea(withHole.coordinates[1] as Position[])).toBeCloseTo(10_000 - 1_600, 6);
    const edges = drawing(hatches[2] as ImportedFeature) as Polygon;
    // 100 × 100 square with a half disc of radius 50 on top, the arc cut into 45 segments of 4°.
    const halfDisc = 0.5 * 45 * 50 * 50 * Math.sin((4 * Math.PI) / 180);
    expect(planarArea(edges.coordinates[0] as Position[])).toBeCloseTo(10_000 + halfDisc, 6);
    // The hatch over Q1 and Q1's outline are the same shape (both with the bulge).
    const outline = drawing(layer.features[0] as ImportedFeature) as Polygon;
    expect(planarArea(outline.coordinates[0] as Position[])).toBeCloseTo(planarArea((drawing(hatches[0] as ImportedFeature) as Polygon).coordinates[0] as Position[]), 6);
  });

  it('reads MTEXT without its formatting, \\U+ escapes as characters, and attributes with their tags', () => {
    const texts = layer.features.filter((f) => f.geometry?.type === 'Point').map((f) => [f.properties.EntityType, f.properties.Text, f.properties.Tag]);
    expect(texts).toEqual([
      ['MTEXT', 'Q1\n0101', null],
      ['TEXT', 'Q2 0201', null],
      ['ATTRIB', 'Q3', 'TBBH'],
      ['ATTRIB', '0301', 'DLBM'],
      ['TEXT', 'Q4 0702 宅基地', null],
      ['TEXT', '010', null],
    ]);
  });

  it('places a mirrored circle (extrusion 0, 0, −1) where CAD draws it', () => {
    const pond = byLayer(layer, '坑塘')[0] as ImportedFeature;
    const ring = (drawing(pond) as Polygon).coordinates[0] as Position[];
    const xs = ring.map((p) => p[0] as number);
    expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(X0 + 300, 6);
    expect(ellipsoidalArea(pond.geometry as Polygon)).toBeCloseTo(0.5 * 90 * 400 * Math.sin((4 * Math.PI) / 180), -1);
  });
});

describe('encodings', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const dxf = (header: string, text: string) => `0\nSECTION\n2\nHEADER\n${header}0\nENDSEC\n0\nSECTION\n2\nENTITIES\n0\nTEXT\n8\n0\n10\n40571400\n20\n3370600\n40\n2\n1\n${text}\n0\nENDSEC\n0\nEOF\n`;

  it('reads R2007+ as UTF-8, a GDAL file that says ANSI_1252 but holds UTF-8 as UTF-8, and lets the planner choose', () => {
    expect(decodeDxf('a.dxf', bytes(dxf('9\n$ACADVER\n1\nAC1021\n', '宅基地')))).toMatchObject({ ok: true, value: { encoding: 'utf-8', how: 'utf8Version', text: expect.stringContaining('宅基地') } });
    const gdalLike = decodeDxf('a.dxf', bytes(dxf('9\n$ACADVER\n1\nAC1018\n9\n$DWGCODEPAGE\n3\nANSI_1252\n', '宅基地宅基地宅基地')));
    expect(gdalLike).toMatchObject({ ok: true, value: { encoding: 'utf-8', how: 'detected' } });
    expect(gdalLike.ok && gdalLike.notes.map(english)[0]).toContain('declares code page ANSI_1252');
    expect(decodeDxf('a.dxf', bytes(dxf('', '宅基地')), 'gbk')).toMatchObject({ ok: true, value: { encoding: 'gbk', how: 'chosen' } });
  });

  it('reads UTF-8 as UTF-8 under ANSI_936 (GDAL given a Chinese header as its template), and GBK under ANSI_936 as GBK', () => {
    const header = '9\n$ACADVER\n1\nAC1018\n9\n$DWGCODEPAGE\n3\nANSI_936\n';
    const utf8 = decodeDxf('a.dxf', bytes(dxf(header, '宅基地宅基地宅基地')));
    expect(utf8).toMatchObject({ ok: true, value: { encoding: 'utf-8', how: 'detected', text: expect.stringContaining('宅基地宅基地宅基地') } });
    expect(utf8.ok && utf8.notes.map(english)[0]).toContain('declares code page ANSI_936');
    const gbk = decodeDxf('a.dxf', encodeText(dxf(header, '宅基地宅基地宅基地'), 'gbk').bytes);
    expect(gbk).toMatchObject({ ok: true, value: { encoding: 'gbk', how: 'codepage', text: expect.stringContaining('宅基地宅基地宅基地') } });
  });

  it('reads an R2007 drawing end to end: UTF-8 layer names and text, no code page needed', () => {
    const r2007 = dxf('9\n$ACADVER\n1\nAC1021\n', '宅基地 T9').replace('8\n0\n', '8\n地类注记\n');
    const result = importFiles([{ name: '新图.dxf', bytes: bytes(r2007) }]);
    if (!result.ok) throw new Error(english(result.error));
    expect(result.value[0]!.features.map((f) => [f.properties.Layer, f.properties.Text])).toEqual([['地类注记', '宅基地 T9']]);
    expect(result.value[0]!.encoding).toMatchObject({ encoding: 'utf-8', how: 'header' });
  });

  it('turns \\U+ and \\M+5 escapes, MTEXT codes and %% specials into text', () => {
    expect(unescapeDxfText('\\U+5B85\\U+57FA\\U+5730 \\M+18140')).toBe('宅基地 \\M+18140');
    expect(unescapeDxfText('\\M+5D5AC')).toBe('宅');
    expect(plainMText('{\\fSimSun|b0|i0|c134;T12}\\P{\\H0.7x;\\C1;0101}\\P\\S1^2;')).toBe('T12\n0101\n1/2');
    expect(plainMText('a\\\\b \\{c\\}')).toBe('a\\b {c}');
    expect(plainText('%%c20 %%d %%p0.5 %%u下划线%%u')).toBe('⌀20 ° ±0.5 下划线');
  });
});

describe('labels', () => {
  it('finds the code and the parcel number in the ways drawings write them', () => {
    const read = (...texts: string[]) => {
      const reading = readLabels(texts.map((text) => ({ text, tag: null })));
      return { codes: reading.codes, fromLabels: parcelNumber(reading, reading.codes[0] ?? null), fromLayer: parcelNumber(reading, null) };
    };
    expect(read('T1', '0101')).toEqual({ codes: ['0101'], fromLabels: 'T1', fromLayer: 'T1' });
    expect(read('12 0101')).toEqual({ codes: ['0101', '12'], fromLabels: '12', fromLayer: '12' });
    expect(read('T3/0201')).toMatchObject({ codes: ['0201'], fromLabels: 'T3' });
    expect(read('Q4 0702 宅基地')).toMatchObject({ codes: ['0702'], fromLabels: 'Q4' });
    expect(read('5 2121')).toMatchObject({ codes: ['2121'], fromLabels: '5' });
    expect(read('010')).toEqual({ codes: ['010'], fromLabels: null, fromLayer: '010' });
    expect(read('G2 1104A')).toMatchObject({ codes: ['1104A'], fromLabels: 'G2' });
    // With the class from the layer, numbers that read as codes are parcel numbers.
    expect(read('111')).toEqual({ codes: ['111'], fromLabels: null, fromLayer: '111' });
    expect(read('1001')).toMatchObject({ fromLayer: '1001' });
    const tagged = readLabels([{ text: 'T2', tag: 'TBBH' }, { text: '0103', tag: 'DLBM' }, { text: '9', tag: null }]);
    expect(tagged.codes).toEqual(['0103']);
    expect(parcelNumber(tagged, '0103')).toBe('T2');
  });
});

describe('curves', () => {
  it('cuts arcs into segments of at most 4° in either direction, and a semicircle bulge into 45', () => {
    expect(arcPoints({ x: 0, y: 0 }, 1, 0, Math.PI / 2)).toHaveLength(24);
    const cw = arcPoints({ x: 0, y: 0 }, 1, Math.PI / 2, 0, false);
    expect(cw[1]![0]).toBeGreaterThan(0);
    expect(cw[cw.length - 1]![0]).toBeCloseTo(1, 12);
    const half = bulgePoints({ x: 0, y: 0 }, { x: 2, y: 0 }, 1);
    expect(half).toHaveLength(45);
    // Bulge 1 counter-clockwise from (0,0) to (2,0): the arc passes below the chord, through (1, −1).
    expect(Math.min(...half.map((p) => p[1] as number))).toBeCloseTo(-1, 2);
  });

  it('turns OCS into the drawing for a mirrored entity, and evaluates a spline through its end points', () => {
    expect(ocs({ x: 0, y: 0, z: -1 })).toEqual([-1, 0, 0, 1, 0, 0]);
    expect(ocs({ x: 0, y: 0, z: 1 })).toEqual([1, 0, 0, 1, 0, 0]);
    const spline = splinePoints(2, [0, 0, 0, 1, 1, 1], [{ x: 0, y: 0 }, { x: 1, y: 2 }, { x: 2, y: 0 }]);
    expect(spline[0]).toEqual([0, 0]);
    expect(spline[spline.length - 1]).toEqual([2, 0]);
    // The apex y = 1 at t = ½: the curve turns 2·atan 2 ≈ 127°, cut into at least 32 segments (≤ 4° each),
    // so a vertex lies within 1/64 of t = ½, where y = 4t(1 − t) ≥ 0.999.
    expect(spline.length).toBeGreaterThanOrEqual(33);
    expect(Math.max(...spline.map((p) => p[1] as number))).toBeGreaterThan(0.999);
  });
});

describe('polylines as other writers leave them', () => {
  const drawing = (entities: string) => `0\nSECTION\n2\nENTITIES\n${entities}0\nENDSEC\n0\nEOF\n`;
  const corners: readonly (readonly [number, number])[] = [
    [X0, Y0],
    [X0 + 100, Y0],
    [X0 + 100, Y0 + 100],
    [X0, Y0 + 100],
  ];
  const readText = (text: string) => {
    const result = importFiles([{ name: 'drawing.dxf', bytes: new TextEncoder().encode(text) }]);
    if (!result.ok) throw new Error(english(result.error));
    return result.value[0] as ImportedLayer;
  };
  const squareArea = (layer: ImportedLayer, name: string) => ellipsoidalArea(byLayer(layer, name)[0]?.geometry as Polygon);

  it('reads an R2010 LWPOLYLINE with a vertex identifier (91) after each vertex', () => {
    const vertices = corners.map(([x, y], i) => `10\n${x}\n20\n${y}\n91\n${i + 1}\n`).join('');
    const layer = readText(drawing(`0\nLWPOLYLINE\n5\nA1\n8\nP\n90\n4\n70\n1\n${vertices}`));
    expect(byLayer(layer, 'P').map((f) => f.geometry?.type)).toEqual(['Polygon']);
    expect(squareArea(layer, 'P')).toBeCloseTo(9998.7, 0);
  });

  it('ends a POLYLINE whose SEQEND is missing at the next entity, and reads that entity too', () => {
    const vertices = corners.map(([x, y]) => `0\nVERTEX\n8\nP\n10\n${x}\n20\n${y}\n`).join('');
    const layer = readText(drawing(`0\nPOLYLINE\n8\nP\n66\n1\n70\n1\n${vertices}0\nLINE\n8\nL\n10\n${X0}\n20\n${Y0}\n11\n${X0 + 10}\n21\n${Y0 + 10}\n`));
    expect(squareArea(layer, 'P')).toBeCloseTo(9998.7, 0);
    expect(byLayer(layer, 'L').map((f) => f.geometry?.type)).toEqual(['LineString']);
  });

  it('names a skipped entity without a handle by its type, not by a number CAD does not know', () => {
    const square = corners.map(([x, y]) => `10\n${x}\n20\n${y}\n`).join('');
    const result = importFiles([{ name: 'r12.dxf', bytes: new TextEncoder().encode(drawing(`0\nLWPOLYLINE\n8\nP\n90\n4\n70\n1\n${square}0\nLWPOLYLINE\n8\nQ\n90\n1\n70\n0\n10\n${X0}\n20\n${Y0}\n`)) }]);
    expect(result.ok && result.notes.map(english).find((n) => n.includes('incomplete data'))).toContain('skipped: #LWPOLYLINE.');
    expect(result.ok && result.value[0]?.features.map((f) => f.properties.EntityHandle)).toEqual(['']);
  });

  it('places mirrored labels as GDAL does: TEXT and ATTRIB in their OCS (x negated), POINT and MTEXT in world coordinates', () => {
    const mirrored = '210\n0\n220\n0\n230\n-1\n';
    const square = corners.map(([x, y]) => `10\n${x}\n20\n${y}\n`).join('');
    const layer = readText(
      drawing(
        `0\nLWPOLYLINE\n5\nA1\n8\nP\n90\n4\n70\n1\n${square}` +
          `0\nTEXT\n8\nT\n10\n${-(X0 + 30)}\n20\n${Y0 + 30}\n40\n2\n1\n0101\n${mirrored}` +
          `0\nATTRIB\n8\nA\n10\n${-(X0 + 50)}\n20\n${Y0 + 50}\n40\n2\n1\nT7\n2\nTBBH\n70\n0\n${mirrored}` +
          `0\nPOINT\n8\nD\n10\n${X0 + 10}\n20\n${Y0 + 20}\n${mirrored}` +
          `0\nMTEXT\n8\nM\n10\n${X0 + 40}\n20\n${Y0 + 40}\n40\n2\n1\n0102\n${mirrored}`,
      ),
    );
    const at = (name: string) => (fromLonLat(byLayer(layer, name)[0]?.geometry as Geometry, ZONE_40) as Point).coordinates.map((v) => Math.round(v));
    expect([at('T'), at('A'), at('D'), at('M')]).toEqual([
      [X0 + 30, Y0 + 30],
      [X0 + 50, Y0 + 50],
      [X0 + 10, Y0 + 20],
      [X0 + 40, Y0 + 40],
    ]);
  });

  it('gives what a block reference expands to the reference’s handle, as GDAL does: the one CAD can find', () => {
    const square = corners.map(([x, y]) => `10\n${x - X0}\n20\n${y - Y0}\n`).join('');
    const block = `0\nSECTION\n2\nBLOCKS\n0\nBLOCK\n8\n0\n2\nB\n70\n0\n10\n0\n20\n0\n0\nLWPOLYLINE\n5\n1F\n8\n0\n90\n4\n70\n1\n${square}0\nENDBLK\n0\nENDSEC\n`;
    const layer = readText(`${block}${drawing(`0\nINSERT\n5\nA7\n8\nP\n2\nB\n10\n${X0}\n20\n${Y0}\n`)}`);
    expect(byLayer(layer, 'P').map((f) => [f.properties.EntityHandle, f.properties.Block])).toEqual([['A7', 'B']]);
  });
});

describe('broken and foreign files are refused with what to do, and nothing is read half-way', () => {
  it.each([
    ['truncated.dxf', 'is incomplete: it ends before its end marker'],
    ['binary.dxf', 'is a binary DXF'],
    ['no-entities.dxf', 'has no drawing in model space'],
    ['local-coordinates.dxf', 'are not CGCS2000 Gauss-Krüger coordinates of Zhejiang'],
    ['drawing.dwg', 'is a DWG drawing'],
  ])('%s', (name, says) => {
    expect(refusal(name)).toContain(says);
  });

  it('refuses text that is not a DXF, an empty file and a malformed group', () => {
    const one = (name: string, text: string) => {
      const result = importFiles([{ name, bytes: new TextEncoder().encode(text) }]);
      return result.ok ? 'read' : english(result.error);
    };
    expect(one('notes.dxf', '这不是图纸')).toContain('is not a DXF drawing');
    expect(one('empty.dxf', '')).toContain('is empty');
    expect(one('bad.dxf', '0\nSECTION\n2\nENTITIES\n0\nLINE\n8\n0\n10\n1\n30\n2\n0\nENDSEC\n0\nEOF\n')).toContain('has coordinate group 10 without its partner 20');
  });

  it('names the drawing in Chinese first', () => {
    const result = importFiles(fixtureFiles('dxf', 'truncated.dxf'));
    expect(!result.ok && chinese(result.error)).toBe('“truncated.dxf”不完整：文件在结束标记（EOF）之前就断了，可能是复制或下载时被截断。未导入任何数据，请重新获取或从 CAD 重新导出。');
  });
});
