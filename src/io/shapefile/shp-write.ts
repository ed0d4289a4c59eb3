/**
 * Writing `.shp` and `.shx` for polygon, line and point layers, coordinates already projected. Rings are
 * written as the format wants them whatever their winding on input: shells clockwise, holes counter-clockwise,
 * each closed.
 * Lines (PolyLine, type 3) keep their direction: a MultiLineString is one record with a part per line.
 */
import type { LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { closeRing, ringSignedAreaPlanar } from '../../geo/rings.ts';

const HEADER_BYTES = 100;
const POINT = 1;
const POLYLINE = 3;
const POLYGON = 5;

export type WritableGeometry = Polygon | MultiPolygon | LineString | MultiLineString | Point | null;

/** What one file holds: a Shapefile has one shape type for all its records. */
export type ShapeKind = 'polygon' | 'polyline' | 'point';

const SHAPE_TYPE: Record<ShapeKind, number> = { point: POINT, polyline: POLYLINE, polygon: POLYGON };

export interface ShpFiles {
  readonly shp: Uint8Array;
  readonly shx: Uint8Array;
}

function orientedRings(geometry: Polygon | MultiPolygon): Position[][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((rings) =>
    rings.map((open, i) => {
      // A ring the plan holds open (geometry-valid reports it; the package is still written) is closed: the
      // format wants "a closed loop", GDAL warns on an open one and ArcGIS may drop the shape.
      const ring = closeRing(open);
      const clockwise = ringSignedAreaPlanar(ring) < 0;
      const wantClockwise = i === 0;
      return clockwise === wantClockwise ? ring : ring.reverse();
    }),
  );
}

/** A record's parts: the rings of a polygon (wound as the format wants), the lines of a line, none for a point. */
function partsOf(geometry: Exclude<WritableGeometry, null>): Position[][] {
  switch (geometry.type) {
    case 'Point': return [];
    case 'LineString': return [geometry.coordinates];
    case 'MultiLineString': return geometry.coordinates;
    default: return orientedRings(geometry);
  }
}

/** No shape, or one without a vertex (an empty line from GeoJSON): a null record, which every reader takes. */
const isNullShape = (geometry: WritableGeometry): geometry is null => geometry === null || (geometry.type !== 'Point' && partsOf(geometry).every((part) => part.length === 0));

function contentBytes(geometry: WritableGeometry, kind: ShapeKind): number {
  if (isNullShape(geometry)) return 4;
  if (kind === 'point') return 20;
  const parts = partsOf(geometry);
  const points = parts.reduce((n, r) => n + r.length, 0);
  return 44 + parts.length * 4 + points * 16;
}

export function writeShp(geometries: readonly WritableGeometry[], kind: ShapeKind): ShpFiles {
  const sizes = geometries.map((g) => contentBytes(g, kind));
  const shpLength = HEADER_BYTES + sizes.reduce((n, s) => n + 8 + s, 0);
  const shp = new DataView(new ArrayBuffer(shpLength));
  const shx = new DataView(new ArrayBuffer(HEADER_BYTES + geometries.length * 8));
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  let at = HEADER_BYTES;
  geometries.forEach((geometry, i) => {
    shx.setInt32(HEADER_BYTES + i * 8, at / 2, false);
    shx.setInt32(HEADER_BYTES + i * 8 + 4, (sizes[i] as number) / 2, false);
    shp.setInt32(at, i + 1, false);
    shp.setInt32(at + 4, (sizes[i] as number) / 2, false);
    writeRecord(shp, at + 8, geometry, kind, box);
    at += 8 + (sizes[i] as number);
  });
  const shapeType = SHAPE_TYPE[kind];
  const empty = box.minX > box.maxX;
  writeHeader(shp, shpLength, shapeType, empty ? undefined : box);
  writeHeader(shx, shx.byteLength, shapeType, empty ? undefined : box);
  return { shp: new Uint8Array(shp.buffer), shx: new Uint8Array(shx.buffer) };
}

type Box = { minX: number; minY: number; maxX: number; maxY: number };

function writeHeader(view: DataView, length: number, shapeType: number, box: Box | undefined): void {
  view.setInt32(0, 9994, false);
  view.setInt32(24, length / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  const b = box ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  [b.minX, b.minY, b.maxX, b.maxY].forEach((v, i) => view.setFloat64(36 + i * 8, v, true));
}

function writeRecord(view: DataView, at: number, geometry: WritableGeometry, kind: ShapeKind, fileBox: Box): void {
  if (isNullShape(geometry)) {
    view.setInt32(at, 0, true);
    return;
  }
  if (kind === 'point' && geometry.type === 'Point') {
    const [x, y] = geometry.coordinates as [number, number];
    view.setInt32(at, POINT, true);
    view.setFloat64(at + 4, x, true);
    view.setFloat64(at + 12, y, true);
    grow(fileBox, { minX: x, minY: y, maxX: x, maxY: y });
    return;
  }
  const rings = partsOf(geometry);
  const points = rings.flat();
  const box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const p of points) grow(box, { minX: p[0] as number, minY: p[1] as number, maxX: p[0] as number, maxY: p[1] as number });
  grow(fileBox, box);
  view.setInt32(at, SHAPE_TYPE[kind], true);
  [box.minX, box.minY, box.maxX, box.maxY].forEach((v, i) => view.setFloat64(at + 4 + i * 8, v, true));
  view.setInt32(at + 36, rings.length, true);
  view.setInt32(at + 40, points.length, true);
  let start = 0;
  rings.forEach((ring, i) => {
    view.setInt32(at + 44 + i * 4, start, true);
    start += ring.length;
  });
  let p = at + 44 + rings.length * 4;
  for (const point of points) {
    view.setFloat64(p, point[0] as number, true);
    view.setFloat64(p + 8, point[1] as number, true);
    p += 16;
  }
}

function grow(box: Box, by: Box): void {
  box.minX = Math.min(box.minX, by.minX);
  box.minY = Math.min(box.minY, by.minY);
  box.maxX = Math.max(box.maxX, by.maxX);
  box.maxY = Math.max(box.maxY, by.maxY);
}
