/**
 * The drawing units a DXF declares (`$INSUNITS`), for drawings whose numbers are not metres. Chinese CAD
 * templates declare millimetres (acadiso.dwt) or inches (acad.dwt) whatever a surveyor then draws in
 * metres, so the header alone decides nothing: the reader first takes the numbers as metres, and only
 * when they are not Gauss-Krüger coordinates of Zhejiang looks at the units. A planner's drawing in
 * millimetres or centimetres (its numbers 1,000 or 100 times GK metres) is read scaled, and said so;
 * inches and feet are not Chinese survey units, and are refused naming them.
 */
import type { Position } from 'geojson';
import type { DxfShape, ShapeGeometry } from './dxf-entities.ts';

export interface DrawingUnit {
  /** Part of the message keys `io.dxf.unitsScaled.*` and `io.dxf.notGeoreferencedUnits.*`. */
  readonly id: 'mm' | 'cm' | 'in' | 'ft';
  readonly metres: number;
  /** Whether numbers in this unit are read as GK metres once scaled (else refused). */
  readonly scaled: boolean;
}

/** `$INSUNITS` codes (DXF reference, HEADER section) that are not metres and matter here. */
const UNITS: Readonly<Record<number, DrawingUnit>> = {
  1: { id: 'in', metres: 0.0254, scaled: false },
  2: { id: 'ft', metres: 0.3048, scaled: false },
  4: { id: 'mm', metres: 0.001, scaled: true },
  5: { id: 'cm', metres: 0.01, scaled: true },
};

/** `$INSUNITS` of millimetres: what numbers 1,000 times GK metres were drawn in, whatever the header says. */
export const MILLIMETRES_CODE = 4;

/** The unit of a `$INSUNITS` value, null for metres, unitless and the rest. */
export function drawingUnit(insUnits: number | null): DrawingUnit | null {
  return insUnits === null ? null : (UNITS[insUnits] ?? null);
}

function scaledPositions(positions: readonly Position[], factor: number): Position[] {
  return positions.map((p) => [(p[0] as number) * factor, (p[1] as number) * factor]);
}

function scaledGeometry(geometry: ShapeGeometry, factor: number): ShapeGeometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: scaledPositions([geometry.coordinates], factor)[0] as Position };
    case 'LineString':
      return { type: 'LineString', coordinates: scaledPositions(geometry.coordinates, factor) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => scaledPositions(ring, factor)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => scaledPositions(ring, factor))) };
  }
}

/** The shapes with their coordinates in metres (about the drawing's origin, as CAD's SCALE with base 0,0). */
export function inMetres(shapes: readonly DxfShape[], unit: DrawingUnit): DxfShape[] {
  return shapes.map((shape) => ({ ...shape, geometry: scaledGeometry(shape.geometry, unit.metres) }));
}
