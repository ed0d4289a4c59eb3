/**
 * SPLINE, ELLIPSE and 3DFACE handlers in place of dxf-parser's own, registered like those of dxf-handlers.ts.
 * dxf-parser's SPLINE reader drops the weights (41) of a rational spline, so a circle or an arc drawn as
 * a spline (what CAD makes of a pond or a curved road edge that was smoothed, joined or converted) came out
 * as a rounded square, 5 % larger; its 3DFACE reader drops the fourth corner when any group but a corner
 * follows it (the edge flags, 70, that ezdxf writes), halving a square face; its ELLIPSE reader drops the
 * extrusion, which turns a mirrored elliptical arc the other way round. These read by group code alone.
 */
import { addCoordinate, common, groupsOf, pointAt, type CommonProps, type Scanner, type Vec } from './dxf-handlers.ts';

export interface SplineEntity extends CommonProps {
  readonly type: 'SPLINE';
  readonly controlPoints: Vec[];
  readonly fitPoints: Vec[];
  readonly knotValues: number[];
  /** One per control point when the spline is rational, else empty. */
  readonly weights: number[];
  /** The end tangents (12/22, 13/23) a fit-point spline may carry; directions only. */
  startTangent?: Vec;
  endTangent?: Vec;
  degreeOfSplineCurve: number;
  closed: boolean;
}

export interface EllipseEntity extends CommonProps {
  readonly type: 'ELLIPSE';
  center?: Vec;
  /** The end of the major axis, relative to the centre. */
  majorAxisEndPoint?: Vec;
  axisRatio: number;
  /** Parameters (radians), counter-clockwise about the extrusion direction. */
  startAngle: number;
  endAngle: number;
}

export interface Face3dEntity extends CommonProps {
  readonly type: '3DFACE';
  readonly vertices: Vec[];
}

/** Points from x and y groups (x code, x code + 10), paired as GDAL pairs a polyline's vertices. */
function collectPoints(points: { x: number; y: number }[], code: number, xCode: number, value: number): void {
  addCoordinate(points, code === xCode ? 'x' : 'y', value, () => ({ x: NaN, y: NaN }));
}

export class SplineHandler {
  readonly ForEntityName = 'SPLINE';
  parseEntity(scanner: Scanner): SplineEntity {
    const entity: SplineEntity = { type: 'SPLINE', controlPoints: [], fitPoints: [], knotValues: [], weights: [], degreeOfSplineCurve: 3, closed: false };
    for (const group of groupsOf(scanner)) {
      const value = Number(group.value);
      switch (group.code) {
        case 10:
        case 20:
          collectPoints(entity.controlPoints, group.code, 10, value);
          break;
        case 11:
        case 21:
          collectPoints(entity.fitPoints, group.code, 11, value);
          break;
        case 12:
        case 22:
          entity.startTangent = { x: NaN, y: NaN, ...entity.startTangent, [group.code === 12 ? 'x' : 'y']: value };
          break;
        case 13:
        case 23:
          entity.endTangent = { x: NaN, y: NaN, ...entity.endTangent, [group.code === 13 ? 'x' : 'y']: value };
          break;
        case 40:
          entity.knotValues.push(value);
          break;
        case 41:
          entity.weights.push(value);
          break;
        case 70:
          entity.closed = (value & 1) === 1;
          break;
        case 71:
          entity.degreeOfSplineCurve = value;
          break;
        default:
          common(entity, group);
      }
    }
    // Weights count only when every control point has one (writers leave them all out when all are 1).
    if (entity.weights.length !== entity.controlPoints.length) entity.weights.length = 0;
    return entity;
  }
}

export class EllipseHandler {
  readonly ForEntityName = 'ELLIPSE';
  parseEntity(scanner: Scanner): EllipseEntity {
    const entity: EllipseEntity = { type: 'ELLIPSE', axisRatio: 1, startAngle: 0, endAngle: 2 * Math.PI };
    const groups = groupsOf(scanner);
    entity.center = pointAt(groups, 10);
    entity.majorAxisEndPoint = pointAt(groups, 11);
    for (const group of groups) {
      const value = Number(group.value);
      if (group.code === 40) entity.axisRatio = value;
      else if (group.code === 41) entity.startAngle = value;
      else if (group.code === 42) entity.endAngle = value;
      else common(entity, group);
    }
    return entity;
  }
}

export class Face3dHandler {
  readonly ForEntityName = '3DFACE';
  parseEntity(scanner: Scanner): Face3dEntity {
    const entity: Face3dEntity = { type: '3DFACE', vertices: [] };
    const groups = groupsOf(scanner);
    for (const group of groups) if (group.code < 10 || group.code > 33) common(entity, group);
    entity.vertices.push(...[10, 11, 12, 13].map((code) => pointAt(groups, code)).filter((c): c is Vec => c !== undefined));
    return entity;
  }
}
