/** Axis-aligned bounding boxes in lon/lat degrees, the currency of the spatial index and of quick rejects. */
import type { Geometry, Position } from 'geojson';

/** [minX, minY, maxX, maxY] = [west, south, east, north]. */
export type BBox = [minX: number, minY: number, maxX: number, maxY: number];

/** The box of nothing: intersects no box, and extending it with a point gives that point's box. */
export function emptyBBox(): BBox {
  return [Infinity, Infinity, -Infinity, -Infinity];
}

export function isEmptyBBox(b: Readonly<BBox>): boolean {
  return !(b[0] <= b[2] && b[1] <= b[3]);
}

/** Grows `box` in place to cover `p`; returns it. */
export function extendBBox(box: BBox, p: Position): BBox {
  const x = p[0] as number;
  const y = p[1] as number;
  if (x < box[0]) box[0] = x;
  if (y < box[1]) box[1] = y;
  if (x > box[2]) box[2] = x;
  if (y > box[3]) box[3] = y;
  return box;
}

export function positionsBBox(positions: Iterable<Position>): BBox {
  const box = emptyBBox();
  for (const p of positions) extendBBox(box, p);
  return box;
}

/**
 * Box of any GeoJSON geometry (the plan index also holds points: places and feedback). Hand-written
 * rather than @turf/bbox because this runs on every edit and must not allocate a Feature wrapper.
 */
export function geometryBBox(geometry: Geometry): BBox {
  const box = emptyBBox();
  addGeometry(box, geometry);
  return box;
}

const remembered = new WeakMap<Geometry, Readonly<BBox>>();

/**
 * geometryBBox, made once per geometry object: a plan's geometries are never changed in place (an edit makes
 * a new one, as PreparedArea's cache assumes), and the corridor's checks box its ~2,000 parcels at every edit.
 */
export function rememberedBBox(geometry: Geometry): Readonly<BBox> {
  let box = remembered.get(geometry);
  if (!box) remembered.set(geometry, (box = geometryBBox(geometry)));
  return box;
}

function addGeometry(box: BBox, geometry: Geometry): void {
  switch (geometry.type) {
    case 'Point':
      extendBBox(box, geometry.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      for (const p of geometry.coordinates) extendBBox(box, p);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) for (const p of line) extendBBox(box, p);
      return;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) for (const p of ring) extendBBox(box, p);
      return;
    case 'GeometryCollection':
      for (const member of geometry.geometries) addGeometry(box, member);
      return;
  }
}

/** True when the boxes share at least one point (touching edges count). */
export function bboxIntersects(a: Readonly<BBox>, b: Readonly<BBox>): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** `b` grown by `d` degrees on every side (shrunk when `d` < 0). */
export function expandBBox(b: BBox, d: number): BBox {
  return [b[0] - d, b[1] - d, b[2] + d, b[3] + d];
}

/** The box of one position grown by `margin` on every side. */
export function pointBBox(p: Position, margin: number): BBox {
  return expandBBox([p[0] as number, p[1] as number, p[0] as number, p[1] as number], margin);
}

export function unionBBox(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

export function bboxContainsPosition(b: BBox, p: Position): boolean {
  const x = p[0] as number;
  const y = p[1] as number;
  return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
}

/** The box of flat coordinate lists (x0, y0, x1, y1, …), as the print display list keeps its shapes. */
export function flatBBox(lists: Iterable<ArrayLike<number>>): BBox {
  const box = emptyBBox();
  for (const flat of lists) {
    for (let i = 0; i + 1 < flat.length; i += 2) {
      box[0] = Math.min(box[0], flat[i] as number);
      box[1] = Math.min(box[1], flat[i + 1] as number);
      box[2] = Math.max(box[2], flat[i] as number);
      box[3] = Math.max(box[3], flat[i + 1] as number);
    }
  }
  return box;
}
