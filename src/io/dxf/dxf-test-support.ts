/**
 * For the DXF tests: a drawing from its ENTITIES (and BLOCKS) text, what our reader makes of it in drawing
 * coordinates, and what GDAL's DXF driver makes of the same text (`ogr2ogr`, blocks kept apart as ours).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { gdal } from '../../../tests/support/gdal.ts';
import { english } from '../test-support.ts';
import { readEntities, type DxfShape } from './dxf-entities.ts';
import { parseDxfText } from './dxf-parse.ts';

/** A whole DXF: an optional HEADER (GDAL does not open a file that starts with BLOCKS), BLOCKS, ENTITIES. */
export function dxfText(entities: string, options: { header?: string; blocks?: string } = {}): string {
  const header = `0\nSECTION\n2\nHEADER\n${options.header ?? ''}0\nENDSEC\n`;
  const blocks = options.blocks === undefined ? '' : `0\nSECTION\n2\nBLOCKS\n${options.blocks}0\nENDSEC\n`;
  return `${header}${blocks}0\nSECTION\n2\nENTITIES\n${entities}0\nENDSEC\n0\nEOF\n`;
}

/** Our shapes, in drawing coordinates; a refusal throws with its English text. */
export function ourShapes(text: string): DxfShape[] {
  const parsed = parseDxfText('test.dxf', text);
  if (!parsed.ok) throw new Error(english(parsed.error));
  return readEntities(parsed.value).shapes;
}

/** GDAL's features of the same text: handle and every x/y of the geometry (z dropped). */
export function gdalShapes(text: string): { handle: string; positions: Position[] }[] {
  const dir = mkdtempSync(join(tmpdir(), 'vp-dxf-'));
  try {
    writeFileSync(join(dir, 'in.dxf'), text);
    gdal('ogr2ogr', ['--config', 'DXF_MERGE_BLOCK_GEOMETRIES', 'FALSE', '-f', 'GeoJSON', join(dir, 'out.geojson'), join(dir, 'in.dxf')]);
    const features = (JSON.parse(readFileSync(join(dir, 'out.geojson'), 'utf8')) as { features: { properties: { EntityHandle: string }; geometry: Geometry }[] }).features;
    return features.map((f) => ({ handle: f.properties.EntityHandle, positions: positionsOf(f.geometry) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every x/y of a geometry, rings one after the other. */
export function positionsOf(geometry: Geometry): Position[] {
  const xy = (p: Position): Position => [p[0] as number, p[1] as number];
  switch (geometry.type) {
    case 'Point':
      return [xy(geometry.coordinates)];
    case 'LineString':
      return geometry.coordinates.map(xy);
    case 'Polygon':
      return geometry.coordinates.flat().map(xy);
    case 'MultiPolygon':
      return geometry.coordinates.flat(2).map(xy);
    default:
      throw new Error(`unexpected ${geometry.type}`);
  }
}

/** The largest distance from a position of one list to the nearest of the other, both ways (order and repeats aside). */
export function spread(a: readonly Position[], b: readonly Position[]): number {
  const nearest = (p: Position, others: readonly Position[]) => Math.min(...others.map((q) => Math.hypot((p[0] as number) - (q[0] as number), (p[1] as number) - (q[1] as number))));
  return Math.max(...a.map((p) => nearest(p, b)), ...b.map((p) => nearest(p, a)));
}
