import { describe, expect, it } from 'vitest';
import type { BBox } from '../../geo/bbox.ts';
import { parseGeoJsonLayer, readGeoJsonLayer } from './geojson-layer.ts';
import { skimFeature, utf8Sequence } from './geojson-skim.ts';
import type { RowSummary } from './package-layers.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const FIRST = '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[120,30],[120.1,30],[120,30.1],[120,30]]]}}';
/** Every field name the rows below have, and some they have not: what the keep tests saw of each row is compared. */
const FIELDS = ['GHYTDM', 'XZQMC', 'MJ', 'CJJX', 'F', 'A', '', '名称', 'DUP', 'HTML', 'constructor', '__proto__', 'toString', 'missing'];
const PLAIN = [
  '{"type":"Feature","properties":{"GHYTDM":"X2121","XZQMC":"沈家埭村","MJ":2713.78,"CJJX":null,"F":true},"geometry":{"type":"Polygon","coordinates":[[[120.722587051,30.474608819],[120.722703265,30.4746613],[120.722713805,30.475247184],[120.722587051,30.474608819]]]}}',
  '{ "type": "Feature", "geometry": { "coordinates": [ [ [ [ -0.5, 0 , 7 ], [ 1.0, 2 ], [0,1], [ -0.5, 0 ] ] ] ], "bbox": [1, 2, 3, 4], "type": "MultiPolygon" },\n "properties": { "A": [1, {"b": "\\u6c88\\n"}], "": null }, "id": 12 }',
  '{"type":"Feature","properties":null,"geometry":{"type":"Polygon","coordinates":[[[121,29,0,1],[121.5,29],[121,29.5],[121,29]],[[121.1,29.1],[121.2,29.1],[121.1,29.2],[121.1,29.1]]]}}',
  '{"type":"Feature","properties":{"名称":"沈家埭","DUP":1,"DUP":"二","constructor":"x","HTML":"<\\/b>\\t"},"geometry":{"type":"Polygon","coordinates":[[[120,30],[120.5,30],[120,30.5],[120,30]]]}}',
  '{"type":"Feature","properties":{"G\\u0048YTDM":"X111","CJJX":"C1"},"geometry":{"type":"Polygon","coordinates":[[[120,30],[120.5,30],[120,30.5],[120,30]]]}}',
];

/** The same file read feature by feature with skimming and whole without: what each keep saw, and the result. */
function bothWays(text: string) {
  const seen = (log: { fields: unknown[]; box: BBox }[]) => (row: RowSummary) => {
    log.push({ fields: FIELDS.map((name) => row.field(name)), box: row.box() });
    return false;
  };
  const skimmedLog: { fields: unknown[]; box: BBox }[] = [];
  const exactLog: { fields: unknown[]; box: BBox }[] = [];
  const skimmed = readGeoJsonLayer('GHYT', 'GHYT.geojson', encode(text), seen(skimmedLog));
  const exact = parseGeoJsonLayer('GHYT', 'GHYT.geojson', text, seen(exactLog));
  return { skimmed, exact, skimmedLog, exactLog, text };
}

function expectSame(feature: string): void {
  expectSameFile(`{"type":"FeatureCollection","features":[${FIRST},${feature}]}`);
}

function expectSameFile(file: string): void {
  const { skimmed, exact, skimmedLog, exactLog, text } = bothWays(file);
  let parses = true;
  try {
    JSON.parse(text);
  } catch {
    parses = false;
  }
  // Not JSON: the bytes path finds it too (its message is JSON.parse's for the whole text).
  if (!parses) {
    expect(skimmed.ok, text).toBe(false);
    return;
  }
  expect(skimmed, text).toEqual(exact);
  // A file refused after its features were walked (its envelope is wrong) was still shown row by row: the
  // keep tests are pure, so only a file that is read is compared row by row.
  if (!exact.ok) return;
  expect(skimmedLog.map((l) => l.fields), text).toEqual(exactLog.map((l) => l.fields));
  skimmedLog.forEach((l, k) => {
    const box = exactLog[k]?.box as BBox;
    expect(l.box[0] <= box[0] && l.box[1] <= box[1] && l.box[2] >= box[2] && l.box[3] >= box[3], `${text}: ${JSON.stringify(l.box)} ⊇ ${JSON.stringify(box)}`).toBe(true);
    expect(box[0] - l.box[0]).toBeLessThan(1e-8);
  });
}

describe('skimming a feature', () => {
  it('reads plain polygons: properties exact, the box around the exact one by a hair', () => {
    for (const feature of PLAIN) {
      const bytes = encode(feature);
      expect(skimFeature(bytes, 0)?.end, feature).toBe(bytes.length);
      expectSame(feature);
    }
  });

  it('leaves everything unusual to JSON.parse', () => {
    const unusual = [
      '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[120,30]}}',
      '{"type":"Feature","properties":{},"geometry":null}',
      '{"type":"Feature","properties":{}}',
      '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[120,30],[1e999,30],[120,31],[120,30]]]}}',
      '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[120,30],[121,"30"],[120,31],[120,30]]]}}',
      '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[120],[121,30],[120,31],[120,30]]]}}',
      '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[]}}',
      '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[]]}}',
      '{"type":"Feature","properties":{},"geometry":{"type":"Polygon"}}',
      '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[120,30],[121,30],[120,31],[120,30]]],"type":"Point"}}',
      '{"type":"Feature","properties":{},"geo\\u006detry":{"type":"Point","coordinates":[1,2]},"geometry":{"type":"Polygon","coordinates":[[[120,30],[121,30],[120,31],[120,30]]]}}',
      '{"type":"Feature","properties":{"A":1},"properties":{"A":2},"geometry":{"type":"Polygon","coordinates":[[[120,30],[121,30],[120,31],[120,30]]]}}',
      '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[120,30],[121,30],[120,31],[120,30]]]},"geometry":null}',
      '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[120,30],[121,30],[120,31],[120,30]]]},"名":1}',
      '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[120,30],[121,30],[120,31],[120,30]]],"crs":"沈"}}',
      '{"type":"Feature","properties":{},"geometry":{"type":"polygon","coordinates":[[[120,30],[121,30],[120,31],[120,30]]]}}',
    ];
    for (const feature of unusual) {
      const bytes = encode(feature);
      expect(skimFeature(bytes, 0), feature).toBeNull();
      expectSame(feature);
    }
  });

  it('refuses a row whose text is not UTF-8, as reading it whole does', () => {
    const head = encode(`{"type":"FeatureCollection","features":[${FIRST},{"type":"Feature","properties":{"A":"`);
    const tail = encode('"},"geometry":{"type":"Polygon","coordinates":[[[120,30],[121,30],[120,31],[120,30]]]}}]}');
    const gbk = new Uint8Array([...head, 0xc9, 0xf2, ...tail]);
    expect(readGeoJsonLayer('GHYT', 'GHYT.geojson', gbk, () => false)).toEqual({ ok: false, error: { key: 'package.notUtf8', params: { file: 'GHYT.geojson' } } });
  });

  it('reads bytes damaged into bad UTF-8 the same as decoding them whole', () => {
    let seed = 18030;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const file = encode(`{"type":"FeatureCollection","features":[${FIRST},${PLAIN.join(',')}]}`);
    const fatal = new TextDecoder('utf-8', { fatal: true });
    for (let round = 0; round < 2000; round++) {
      const bytes = file.slice();
      for (let edits = 1 + random(2); edits > 0; edits--) bytes[random(bytes.length)] = 0x80 + random(128);
      let exact;
      try {
        exact = parseGeoJsonLayer('GHYT', 'GHYT.geojson', fatal.decode(bytes), () => false);
      } catch {
        exact = { ok: false, error: { key: 'package.notUtf8', params: { file: 'GHYT.geojson' } } };
      }
      const ours = readGeoJsonLayer('GHYT', 'GHYT.geojson', bytes, () => false);
      if (exact.ok) expect(ours).toEqual(exact);
      else expect(ours.ok).toBe(false);
      if (!exact.ok && exact.error.key === 'package.notUtf8') expect(ours).toEqual(exact);
    }
  });

  it('checks UTF-8 as TextDecoder’s fatal mode does (random bytes)', () => {
    let seed = 936;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const edges = [0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x41];
    for (let round = 0; round < 20000; round++) {
      const bytes = Uint8Array.from({ length: 1 + random(5) }, () => (random(2) ? (edges[random(edges.length)] as number) : 0x80 + random(128)));
      let ours = true;
      for (let i = 0; i < bytes.length && ours; ) {
        if ((bytes[i] as number) < 0x80) i++;
        else {
          const next = utf8Sequence(bytes, i);
          if (next < 0) ours = false;
          else i = next;
        }
      }
      let theirs = true;
      try {
        fatal.decode(bytes);
      } catch {
        theirs = false;
      }
      expect(ours, Array.from(bytes, (b) => b.toString(16)).join(' ')).toBe(theirs);
    }
  });

  it('never accepts what JSON.parse refuses or reads differently (random damage to plain features)', () => {
    // A seeded generator, so a failure names a case that can be replayed.
    let seed = 20171;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let skimmed = 0;
    const pieces = ['{', '}', '[', ']', '"', ':', ',', '.', '-', '+', 'e', 'E', '0', '1', '9', ' ', '\\', 'u', 'a', 'n', 't', 'null', '1e5', '\u0001', '沈', '[1,2]', '{}'];
    for (let round = 0; round < 3000; round++) {
      let feature = PLAIN[random(PLAIN.length)] as string;
      for (let edits = 1 + random(2); edits > 0; edits--) {
        const at = random(feature.length);
        const kind = random(3);
        const piece = pieces[random(pieces.length)] as string;
        feature = kind === 0 ? feature.slice(0, at) + feature.slice(at + 1) : kind === 1 ? feature.slice(0, at) + piece + feature.slice(at) : feature.slice(0, at) + piece + feature.slice(at + 1);
      }
      expectSame(feature);
      const bytes = encode(feature);
      if (skimFeature(bytes, 0)) skimmed++;
    }
    // The damage must also leave many rows skimmable, or the test would prove nothing about what is accepted.
    expect(skimmed).toBeGreaterThan(300);
  });

  it('reads a damaged file the same feature by feature as whole (damage between and around the features too)', () => {
    let seed = 2020;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = ['{', '}', '[', ']', '"', ':', ',', ' ', '\\', 'x', '1', '"features":[]', '"features":', '{"type":"Feature"}'];
    const file = `{"type":"FeatureCollection","name":"GHYT","features":[${FIRST},\n${PLAIN.join(' ,')}],"bbox":[1,2,3,4]}`;
    for (let round = 0; round < 2000; round++) {
      const at = random(file.length);
      const piece = pieces[random(pieces.length)] as string;
      const kind = random(3);
      expectSameFile(kind === 0 ? file.slice(0, at) + file.slice(at + 1) : kind === 1 ? file.slice(0, at) + piece + file.slice(at) : file.slice(0, at) + piece + file.slice(at + 1));
    }
  });
});
