/** Geometries between a source CRS and lon/lat (CGCS2000), every geometry type, third coordinates dropped. */
import type { Geometry, Position } from 'geojson';
import { expandBBox, isEmptyBBox, positionsBBox, type BBox } from '../../geo/bbox.ts';
import { fromGaussKruger, toGaussKruger } from '../../geo/projection.ts';
import { foreignToLonLat } from './datum-transform.ts';
import type { ReadCrs, SourceCrs } from './source-crs.ts';

export function mapGeometry<G extends Geometry>(geometry: G, fn: (p: Position) => Position): G {
  const g = geometry as Geometry;
  switch (g.type) {
    case 'Point':
      return { type: g.type, coordinates: fn(g.coordinates) } as G;
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(fn) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((line) => line.map(fn)) } as G;
    case 'MultiPolygon':
      return { type: g.type, coordinates: g.coordinates.map((polygon) => polygon.map((ring) => ring.map(fn))) } as G;
    case 'GeometryCollection':
      return { type: g.type, geometries: g.geometries.map((child) => mapGeometry(child, fn)) } as G;
  }
}

/** The plan keeps lon/lat in 2-D; Z and M of survey files carry nothing the plan uses. */
export function toLonLat<G extends Geometry>(geometry: G, crs: ReadCrs): G {
  if (crs.kind === 'foreign') return mapGeometry(geometry, foreignToLonLat(crs));
  if (crs.kind === 'geographic') return mapGeometry(geometry, (p) => [p[0] as number, p[1] as number]);
  return mapGeometry(geometry, (p) => fromGaussKruger(p, crs));
}

/**
 * A source-CRS box brought to lon/lat: the box around its four corners, grown by a thousandth of its size
 * and 1e-7° (~1 cm). The corners carry the meridian convergence (a turn of up to ~1° at a zone's edge);
 * what they miss is how a straight Gauss-Krüger edge bends in lon/lat, ~1e-7° over a kilometre, which the
 * growth covers. It only says which records may matter, never what they are.
 */
export function lonLatBox(box: BBox, crs: ReadCrs): BBox {
  if (isEmptyBBox(box) || crs.kind === 'geographic') return box;
  const [minX, minY, maxX, maxY] = box;
  const toLonLatPoint = crs.kind === 'foreign' ? foreignToLonLat(crs) : (p: Position) => fromGaussKruger(p, crs);
  const out = positionsBBox([toLonLatPoint([minX, minY]), toLonLatPoint([maxX, minY]), toLonLatPoint([minX, maxY]), toLonLatPoint([maxX, maxY])]);
  return expandBBox(out, Math.max(out[2] - out[0], out[3] - out[1]) * 1e-3 + 1e-7);
}

export function fromLonLat<G extends Geometry>(geometry: G, crs: SourceCrs): G {
  if (crs.kind === 'geographic') return mapGeometry(geometry, (p) => [p[0] as number, p[1] as number]);
  return mapGeometry(geometry, (p) => toGaussKruger(p, crs));
}

export function swapXY<G extends Geometry>(geometry: G): G {
  return mapGeometry(geometry, (p) => [p[1] as number, p[0] as number]);
}
