/** Shape type codes of the ESRI Shapefile Technical Description (1998), and what each becomes. */
const SHAPE_TYPES = {
  0: 'Null',
  1: 'Point',
  3: 'PolyLine',
  5: 'Polygon',
  8: 'MultiPoint',
  11: 'PointZ',
  13: 'PolyLineZ',
  15: 'PolygonZ',
  18: 'MultiPointZ',
  21: 'PointM',
  23: 'PolyLineM',
  25: 'PolygonM',
  28: 'MultiPointM',
  31: 'MultiPatch',
} as const;

export type ShapeFamily = 'null' | 'point' | 'multipoint' | 'polyline' | 'polygon' | 'multipatch';

/** Z and M variants share the X/Y layout of their plain type; the Z and M arrays after it are not kept. */
export function shapeFamily(type: number): ShapeFamily | undefined {
  switch (type) {
    case 0: return 'null';
    case 1: case 11: case 21: return 'point';
    case 8: case 18: case 28: return 'multipoint';
    case 3: case 13: case 23: return 'polyline';
    case 5: case 15: case 25: return 'polygon';
    case 31: return 'multipatch';
    default: return undefined;
  }
}

export function shapeTypeName(type: number): string {
  return (SHAPE_TYPES as Record<number, string>)[type] ?? `type ${type}`;
}

/**
 * What a type stores after its X/Y part: Z types a Z range and array, then an M range and array that the
 * 1998 whitepaper marks optional; M types the M range and array, optional too, except a PointM, whose M is
 * its last field.
 */
export function shapeMeasures(type: number): { readonly z: boolean; readonly m: 'none' | 'optional' | 'required' } {
  if (type === 21) return { z: false, m: 'required' };
  if (type === 11 || type === 13 || type === 15 || type === 18 || type === 31) return { z: true, m: 'optional' };
  if (type === 23 || type === 25 || type === 28) return { z: false, m: 'optional' };
  return { z: false, m: 'none' };
}
