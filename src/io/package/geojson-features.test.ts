import { describe, expect, it } from 'vitest';
import { FeatureCursor, NO_MORE } from './geojson-features.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** Each feature's text and the envelope, as the reader walks them; null where the reader would parse the file whole. */
function cut(text: string): { envelope: Uint8Array; features: string[] } | null {
  const b = bytes(text);
  const cursor = FeatureCursor.open(b);
  if (!cursor) return null;
  const features: string[] = [];
  let start = cursor.first();
  while (start >= 0) {
    const end = cursor.end(start);
    if (end < 0) return null;
    features.push(decode(b.subarray(start, end)));
    start = cursor.after(end);
  }
  const envelope = start === NO_MORE ? cursor.envelope() : null;
  return envelope ? { envelope, features } : null;
}

function pieces(text: string): { envelope: unknown; features: unknown[] } | null {
  const parts = cut(text);
  return parts && { envelope: JSON.parse(decode(parts.envelope)), features: parts.features.map((f) => JSON.parse(f) as unknown) };
}

describe('cutting a FeatureCollection into its features', () => {
  it('finds each feature and leaves the rest as the envelope, whatever the strings hold', () => {
    const doc = {
      type: 'FeatureCollection',
      name: '沈家埭 "features": [ ] { }',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      features: [
        { type: 'Feature', properties: { A: 'a "quoted" ]}, \\ back\\', features: [1, 2] }, geometry: null },
        { type: 'Feature', properties: { B: '沈家埭村' }, geometry: { type: 'Polygon', coordinates: [[[120, 30], [121, 30], [120, 31], [120, 30]]] } },
        'not a feature',
        12.5e-3,
        null,
      ],
      bbox: [120, 30, 121, 31],
    };
    for (const text of [JSON.stringify(doc), JSON.stringify(doc, null, 2), `\uFEFF ${JSON.stringify(doc, null, '\t')}\r\n`]) {
      expect(pieces(text)).toEqual({ envelope: { ...doc, features: [] }, features: doc.features });
    }
    expect(pieces('{"type":"FeatureCollection","features":[]}')).toEqual({ envelope: { type: 'FeatureCollection', features: [] }, features: [] });
  });

  it('gives up (the caller parses the file whole) on any layout it does not expect', () => {
    const odd = [
      '{"type":"Feature","properties":{},"geometry":null}',
      '{"type":"FeatureCollection"}',
      '{"type":"FeatureCollection","features":{}}',
      '{"type":"FeatureCollection","features":[{"a":1}],"features":[]}',
      '{"type":"FeatureCollection","features":[{"a":1},]}',
      '{"type":"FeatureCollection","features":[{"a":1} {"b":2}]}',
      '{"type":"FeatureCollection","features":[{"a":1}]} trailing',
      '{"type":"FeatureCollection","features":[{"a":"unterminated}]}',
      '{"type":"FeatureCollection","features":[{"a":1}',
      '[{"type":"FeatureCollection","features":[]}]',
      '{}',
      '',
    ];
    for (const text of odd) expect(cut(text), text).toBeNull();
  });

  it('cuts even where a piece is broken: parsing the piece is what finds it', () => {
    expect(cut('{"type":"FeatureCollection","features":[{"a":1],{"b":2}]}')?.features).toEqual(['{"a":1]', '{"b":2}']);
    expect(() => pieces('{"type":"FeatureCollection","features":[{"a":1],{"b":2}]}')).toThrow(SyntaxError);
  });
});
