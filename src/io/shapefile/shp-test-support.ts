/**
 * Shapefiles for the reader's tests, unit and browser. Hand-made `.shp`/`.shx` bytes (our writer writes
 * plain 2-D types only): any shape type, with or without the Z and M blocks, laid out as the ESRI
 * whitepaper (1998) describes; and a village boundary written by our writer with parts left out.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { extensionOf, type InputFile } from '../files.ts';
import { writeShapefile } from '../formats/shapefile-write.ts';

/** The measures a record carries after its X/Y: a Z value and/or an M value per vertex. */
export interface Measures {
  readonly z?: readonly number[];
  readonly m?: readonly number[];
}

const POINT_TYPES = [1, 11, 21];
const MULTIPOINT_TYPES = [8, 18, 28];

/** A record's content (without its 8-byte header): `parts` are rings or lines, or one list of points. */
export function shapeContent(type: number, parts: readonly Position[][], measures: Measures = {}): Uint8Array {
  if (type === 0) return new Uint8Array(4); // a null shape: its type alone
  const points = parts.flat();
  const values: { kind: 'i' | 'd'; v: number }[] = [{ kind: 'i', v: type }];
  const doubles = (...vs: number[]) => vs.forEach((v) => values.push({ kind: 'd', v }));
  const ints = (...vs: number[]) => vs.forEach((v) => values.push({ kind: 'i', v }));
  // Points store bare values; every other type a range (min, max) before each array.
  const block = (array: readonly number[]) => {
    if (!POINT_TYPES.includes(type)) doubles(Math.min(...array), Math.max(...array));
    doubles(...array);
  };
  if (POINT_TYPES.includes(type)) doubles(...(points[0] as number[]).slice(0, 2));
  else {
    const xs = points.map((p) => p[0] as number);
    const ys = points.map((p) => p[1] as number);
    doubles(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
    if (MULTIPOINT_TYPES.includes(type)) ints(points.length);
    else {
      ints(parts.length, points.length);
      let start = 0;
      for (const part of parts) {
        ints(start);
        start += part.length;
      }
    }
    points.forEach((p) => doubles(p[0] as number, p[1] as number));
  }
  if (measures.z) block(measures.z);
  if (measures.m) block(measures.m);
  const bytes = new Uint8Array(values.reduce((n, x) => n + (x.kind === 'i' ? 4 : 8), 0));
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const x of values) {
    if (x.kind === 'i') view.setInt32(at, x.v, true);
    else view.setFloat64(at, x.v, true);
    at += x.kind === 'i' ? 4 : 8;
  }
  return bytes;
}

/** A `.shp` and its `.shx` holding these record contents (a header per record added). */
export function shapefileBytes(type: number, contents: readonly Uint8Array[]): { shp: Uint8Array; shx: Uint8Array } {
  const shpLength = 100 + contents.reduce((n, c) => n + 8 + c.length, 0);
  const shp = header(type, shpLength);
  const shx = header(type, 100 + 8 * contents.length);
  const shpView = new DataView(shp.buffer);
  const shxView = new DataView(shx.buffer);
  let at = 100;
  contents.forEach((content, i) => {
    shxView.setInt32(100 + i * 8, at / 2, false);
    shxView.setInt32(104 + i * 8, content.length / 2, false);
    shpView.setInt32(at, i + 1, false);
    shpView.setInt32(at + 4, content.length / 2, false);
    shp.set(content, at + 8);
    at += 8 + content.length;
  });
  return { shp, shx };
}

function header(type: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, length / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, type, true);
  return bytes;
}

/** A village boundary as a GBK Shapefile in its GK zone (`村界.shp`…), without the parts named. */
export function boundaryShapefile(geometry: Polygon | MultiPolygon, villageName: string, leaveOut: readonly string[]): InputFile[] {
  const written = writeShapefile(
    { name: '村界', geometryType: 'polygon', fields: [{ name: 'XZQMC', type: 'C', length: 60, decimals: 0 }], features: [{ geometry, properties: { XZQMC: villageName } }] },
    { date: new Date(Date.UTC(2024, 5, 30)) },
  );
  if (!written.ok) throw new Error(written.error.key);
  return written.value.filter((f) => !leaveOut.includes(extensionOf(f.name)));
}
