/**
 * LWPOLYLINE and POLYLINE handlers in place of dxf-parser's own, registered like those of dxf-handlers.ts.
 * dxf-parser's LWPOLYLINE reader stops a vertex list at any group it does not know, so the vertex
 * identifiers (code 91) that R2010+ writers put after each vertex left only the last vertex, and the
 * parcel was lost; its POLYLINE reader loops for ever when a VERTEX list does not end in SEQEND (some
 * converters leave it out), which froze the import. These read by group code alone, as GDAL does: a
 * vertex starts at each code 10, and a POLYLINE's vertices end at SEQEND or at the next entity.
 */
import { addCoordinate, common, groupsOf, type CommonProps, type Group, type Scanner } from './dxf-handlers.ts';

interface Vertex {
  x: number;
  y: number;
  bulge?: number;
  /** A spline frame point of a spline-fit POLYLINE: not on the drawn curve. */
  splineControlPoint?: boolean;
}

export interface LwPolylineEntity extends CommonProps {
  readonly type: 'LWPOLYLINE';
  readonly vertices: Vertex[];
  shape: boolean;
}

export interface PolylineEntity extends CommonProps {
  readonly type: 'POLYLINE';
  readonly vertices: Vertex[];
  shape: boolean;
  is3dPolyline: boolean;
  is3dPolygonMesh: boolean;
  isPolyfaceMesh: boolean;
}

export class LwPolylineHandler {
  readonly ForEntityName = 'LWPOLYLINE';
  parseEntity(scanner: Scanner): LwPolylineEntity {
    const entity: LwPolylineEntity = { type: 'LWPOLYLINE', vertices: [], shape: false };
    // A coordinate stays NaN until its code is read: a vertex without both is dropped by the entity reader.
    const fresh = (): Vertex => ({ x: NaN, y: NaN });
    let vertex: Vertex | null = null;
    for (const group of groupsOf(scanner)) {
      const value = Number(group.value);
      switch (group.code) {
        case 10:
          vertex = addCoordinate(entity.vertices, 'x', value, fresh);
          break;
        case 20:
          vertex = addCoordinate(entity.vertices, 'y', value, fresh);
          break;
        case 42:
          if (vertex) vertex.bulge = value;
          break;
        case 70:
          entity.shape = (value & 1) === 1;
          break;
        case 38:
          entity.elevation = value;
          break;
        // Count, widths, thickness and vertex identifiers: nothing a plan keeps.
        case 90:
        case 91:
        case 39:
        case 40:
        case 41:
        case 43:
          break;
        default:
          common(entity, group);
      }
    }
    return entity;
  }
}

function readVertex(groups: readonly Group[]): Vertex {
  const vertex: Vertex = { x: NaN, y: NaN };
  for (const group of groups) {
    if (group.code === 10) vertex.x = Number(group.value);
    else if (group.code === 20) vertex.y = Number(group.value);
    else if (group.code === 42) vertex.bulge = Number(group.value);
    else if (group.code === 70) vertex.splineControlPoint = (Number(group.value) & 16) === 16;
  }
  return vertex;
}

export class PolylineHandler {
  readonly ForEntityName = 'POLYLINE';
  parseEntity(scanner: Scanner): PolylineEntity {
    const entity: PolylineEntity = { type: 'POLYLINE', vertices: [], shape: false, is3dPolyline: false, is3dPolygonMesh: false, isPolyfaceMesh: false };
    for (const group of groupsOf(scanner)) {
      // Codes 10–30 of the POLYLINE itself are a dummy point: x and y 0, z the elevation of a 2D
      // polyline's plane (DXF reference; GDAL leaves it out, so a tilted 2D POLYLINE lies elsewhere there).
      if (group.code === 30) entity.elevation = Number(group.value);
      else if (group.code === 70) {
        const flags = Number(group.value);
        entity.shape = (flags & 1) === 1;
        entity.is3dPolyline = (flags & 8) === 8;
        entity.is3dPolygonMesh = (flags & 16) === 16;
        entity.isPolyfaceMesh = (flags & 64) === 64;
      } else if (group.code !== 10 && group.code !== 20 && group.code !== 30) common(entity, group);
    }
    while (!scanner.isEOF() && scanner.lastReadGroup.value === 'VERTEX') entity.vertices.push(readVertex(groupsOf(scanner)));
    // SEQEND's own groups (handle, layer) are read past; any other entity is left for dxf-parser.
    if (!scanner.isEOF() && scanner.lastReadGroup.value === 'SEQEND') groupsOf(scanner);
    return entity;
  }
}
