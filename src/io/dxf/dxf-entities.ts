/**
 * Entities → shapes in drawing coordinates, one shape per entity as GDAL's DXF driver gives them (with
 * `DXF_MERGE_BLOCK_GEOMETRIES=FALSE`): closed polylines, circles, closed ellipses and splines, solids and
 * hatches as polygons; lines, arcs and open polylines as lines; TEXT, MTEXT and block attributes as points
 * with their text; points as points. Block references are expanded (nested, scaled, rotated, arrays), an
 * entity on layer 0 inside a block taking the reference's layer as CAD draws it. Paper-space entities
 * (title frames, legends of a layout) are left out and counted.
 */
import type { LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { unescapeDxfText } from './dxf-decode.ts';
import { fitSplinePoints } from './dxf-fit-spline.ts';
import { apply, arcPoints, bulgedPolyline, circleRing, compose, ellipsePoints, IDENTITY, ocs, rotateScale, splinePoints, translate, type Affine, type XY } from './dxf-geometry.ts';
import type { HatchEdge, HatchLoop } from './dxf-handlers.ts';
import type { ParsedDxf, RawBlock, RawEntity } from './dxf-parse.ts';
import { nestRings, type HatchStyle } from './dxf-rings.ts';
import { plainMText, plainText } from './dxf-text.ts';

export type ShapeGeometry = Polygon | MultiPolygon | LineString | Point;

export interface DxfShape {
  readonly geometry: ShapeGeometry;
  readonly layer: string;
  readonly entity: string;
  readonly handle: string;
  /** TEXT, MTEXT, ATTRIB: the text as a planner reads it. */
  readonly text: string | null;
  /** ATTRIB: its tag (TBBH, DLBM…). */
  readonly tag: string | null;
  /** Expanded from a block reference: the block's name. */
  readonly block: string | null;
}

export interface EntityReport {
  readonly shapes: DxfShape[];
  paperSpace: number;
  /** Entity types read but not turned into shapes (DIMENSION, 3D meshes, images…), with counts. */
  readonly unsupported: Map<string, number>;
  /** Handles of entities whose data do not make a shape (a hatch with unreadable boundaries, a polyline of one point). */
  readonly damaged: string[];
  readonly missingBlocks: Set<string>;
  /** Stopped at MAX_SHAPES (block arrays can multiply without end). */
  tooMany: boolean;
}

const MAX_SHAPES = 1_000_000;
const MAX_DEPTH = 16;
const SKIPPED_QUIETLY = new Set(['ATTDEF', 'SEQEND', 'VERTEX', 'VIEWPORT']);

const num = (e: RawEntity, key: string, fallback = 0): number => {
  const v = e[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
};
const point = (e: RawEntity, key: string): XY | undefined => {
  const v = e[key] as { x?: unknown; y?: unknown } | undefined;
  return v && typeof v.x === 'number' && typeof v.y === 'number' && Number.isFinite(v.x) && Number.isFinite(v.y) ? { x: v.x, y: v.y } : undefined;
};
const str = (e: RawEntity, key: string): string => (typeof e[key] === 'string' ? (e[key] as string) : '');
/**
 * The entity's handle (code 5, always text), or '' when it has none: dxf-parser numbers handle-less
 * entities (R12 files often have no handles) 0, 1, 2…, which a planner would look for in CAD in vain.
 */
const handleOf = (e: RawEntity): string => str(e, 'handle');

/**
 * Whether a TEXT or ATTRIB sits at its alignment point (11) rather than its first point (10), as GDAL
 * places it: a justified text does, but "aligned" and "fit" text (72 = 3, 5) runs from 10 to 11 and
 * starts at 10.
 */
function byAlignmentPoint(e: RawEntity): boolean {
  const h = num(e, 'halign');
  const v = num(e, 'valign');
  return (h !== 0 || v !== 0) && !((h === 3 || h === 5) && v === 0);
}

/** The extrusion direction under whichever name dxf-parser's handler stored it. */
function extrusionOf(e: RawEntity): { x: number; y: number; z: number } | undefined {
  const direct = e.extrusionDirection ?? e.extrusion;
  if (direct && typeof direct === 'object') {
    const d = direct as { x?: number; y?: number; z?: number };
    return { x: d.x ?? 0, y: d.y ?? 0, z: d.z ?? 1 };
  }
  if (typeof e.extrusionDirectionZ === 'number') return { x: num(e, 'extrusionDirectionX'), y: num(e, 'extrusionDirectionY'), z: num(e, 'extrusionDirectionZ', 1) };
  return undefined;
}

/**
 * The OCS z of an entity's plane (0 when absent): our handlers' `elevation` (LWPOLYLINE 38, POLYLINE,
 * HATCH, CIRCLE, TEXT, ATTRIB 30), else the z dxf-parser keeps of an ARC's centre, a SOLID's first corner
 * (its corners share the plane) or an INSERT's insertion point. Read only where the entity is in its OCS.
 */
function elevationOf(e: RawEntity): number {
  if (typeof e.elevation === 'number') return Number.isFinite(e.elevation) ? e.elevation : 0;
  const corner = Array.isArray(e.points) ? (e.points[0] as unknown) : undefined;
  for (const p of [e.center, corner, e.position]) {
    const z = (p as { z?: unknown } | undefined)?.z;
    if (typeof z === 'number' && Number.isFinite(z)) return z;
  }
  return 0;
}

function closeRing(points: Position[]): Position[] {
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) points.push([first[0] as number, first[1] as number]);
  return points;
}

function distinctCount(points: readonly Position[]): number {
  return new Set(points.map((p) => `${p[0]},${p[1]}`)).size;
}

function edgePoints(edge: HatchEdge): Position[] {
  const rad = Math.PI / 180;
  switch (edge.kind) {
    case 'line':
      return [
        [edge.from.x, edge.from.y],
        [edge.to.x, edge.to.y],
      ];
    case 'arc':
      // Clockwise arcs store their angles as 360° − angle (DXF reference, HATCH boundary data).
      return edge.ccw ? arcPoints(edge.center, edge.radius, edge.start * rad, edge.end * rad, true) : arcPoints(edge.center, edge.radius, -edge.start * rad, -edge.end * rad, false);
    case 'ellipse':
      return edge.ccw ? ellipsePoints(edge.center, edge.major, edge.ratio, edge.start * rad, edge.end * rad, true) : ellipsePoints(edge.center, edge.major, edge.ratio, -edge.start * rad, -edge.end * rad, false);
    case 'spline':
      return splinePoints(edge.degree, edge.knots, edge.controls, edge.weights);
  }
}

function loopRing(loop: HatchLoop): Position[] {
  if (loop.kind === 'polyline') return closeRing(bulgedPolyline(loop.vertices, true));
  const ring: Position[] = [];
  for (const edge of loop.edges) {
    let points = edgePoints(edge);
    const end = ring[ring.length - 1];
    if (end && points.length) {
      const d = (p: Position) => Math.hypot((p[0] as number) - (end[0] as number), (p[1] as number) - (end[1] as number));
      if (d(points[points.length - 1] as Position) < d(points[0] as Position)) points = [...points].reverse();
      if (d(points[0] as Position) < 1e-9) points = points.slice(1);
    }
    ring.push(...points);
  }
  return closeRing(ring);
}

interface Context {
  readonly transform: Affine;
  /** The layer entities on layer 0 take (the block reference's), null at the top level. */
  readonly layer0: string | null;
  readonly block: string | null;
  /** The handle of the top-level block reference, as GDAL gives it to what it expands: what CAD can find. */
  readonly insertHandle: string | null;
  readonly depth: number;
  /** The blocks being expanded, upper-cased (names are case-insensitive): a block that inserts itself stops. */
  readonly path: readonly string[];
}

export function readEntities(parsed: ParsedDxf, onProgress?: (done: number) => void): EntityReport {
  const report: EntityReport = { shapes: [], paperSpace: 0, unsupported: new Map(), damaged: [], missingBlocks: new Set(), tooMany: false };
  const blocks = new Map<string, RawBlock>(Object.entries(parsed.blocks));
  // CAD's symbol names are case-insensitive (ezdxf looks blocks up the same way): an INSERT of `TREE`
  // draws the block `Tree`. GDAL looks them up as written and leaves such a reference out.
  const blocksByUpperName = new Map<string, RawBlock>();
  for (const [name, block] of blocks) if (!blocksByUpperName.has(name.toUpperCase())) blocksByUpperName.set(name.toUpperCase(), block);
  let lastInsert: { handle: string; block: string } | null = null;

  const emit = (e: RawEntity, ctx: Context, geometry: ShapeGeometry, text: string | null = null, tag: string | null = null) => {
    if (report.shapes.length >= MAX_SHAPES) {
      report.tooMany = true;
      return;
    }
    const own = unescapeDxfText(str(e, 'layer') || '0');
    const layer = own === '0' && ctx.layer0 !== null ? ctx.layer0 : own;
    report.shapes.push({ geometry, layer, entity: e.type, handle: ctx.insertHandle ?? handleOf(e), text, tag, block: ctx.block });
  };
  const damaged = (e: RawEntity) => report.damaged.push(handleOf(e) || e.type);
  const map = (m: Affine, points: readonly Position[]): Position[] => points.map((p) => apply(m, p[0] as number, p[1] as number));

  const visit = (e: RawEntity, ctx: Context) => {
    if (e.inPaperSpace === true && ctx.depth === 0) {
      report.paperSpace++;
      return;
    }
    const world = compose(ctx.transform, ocs(extrusionOf(e), elevationOf(e)));
    switch (e.type) {
      case 'LINE': {
        const v = (e.vertices as XY[] | undefined) ?? [];
        if (v.length < 2) return damaged(e);
        return emit(e, ctx, { type: 'LineString', coordinates: map(ctx.transform, v.map((p) => [p.x, p.y])) });
      }
      case 'LWPOLYLINE':
      case 'POLYLINE': {
        if (e.isPolyfaceMesh === true || e.is3dPolygonMesh === true) return count(report, `${e.type} (3D)`);
        const raw = ((e.vertices as (XY & { bulge?: number; splineControlPoint?: boolean })[] | undefined) ?? []).filter((v) => !v.splineControlPoint && Number.isFinite(v.x) && Number.isFinite(v.y));
        const closed = e.shape === true;
        const m = e.is3dPolyline === true ? ctx.transform : world;
        const points = map(m, bulgedPolyline(raw, closed));
        if (closed && distinctCount(points) >= 3) return emit(e, ctx, { type: 'Polygon', coordinates: [closeRing(points)] });
        if (distinctCount(points) < 2) return damaged(e);
        return emit(e, ctx, { type: 'LineString', coordinates: points });
      }
      case 'ARC': {
        const center = point(e, 'center');
        if (!center) return damaged(e);
        return emit(e, ctx, { type: 'LineString', coordinates: map(world, arcPoints(center, num(e, 'radius'), num(e, 'startAngle'), num(e, 'endAngle'))) });
      }
      case 'CIRCLE': {
        const center = point(e, 'center');
        const radius = num(e, 'radius');
        if (!center || !(radius > 0)) return damaged(e);
        return emit(e, ctx, { type: 'Polygon', coordinates: [closeRing(map(world, circleRing(center, radius)))] });
      }
      case 'ELLIPSE': {
        const center = point(e, 'center');
        const major = point(e, 'majorAxisEndPoint');
        if (!center || !major) return damaged(e);
        const start = num(e, 'startAngle');
        const end = num(e, 'endAngle', 2 * Math.PI);
        // Centre and axis are in the drawing, but the parameters run about the extrusion: seen from
        // above, a mirrored ellipse (extrusion 0, 0, −1) runs clockwise, its minor axis on the other side.
        const ratio = num(e, 'axisRatio', 1) * ((extrusionOf(e)?.z ?? 1) < 0 ? -1 : 1);
        const points = map(ctx.transform, ellipsePoints(center, major, ratio, start, end));
        // Writers that print 6 decimals write a whole turn as 6.283185.
        const full = Math.abs(Math.abs(end - start) - 2 * Math.PI) < 1e-6 || Math.abs(end - start) < 1e-12;
        return emit(e, ctx, full ? { type: 'Polygon', coordinates: [closeRing(points)] } : { type: 'LineString', coordinates: points });
      }
      case 'SPLINE': {
        const finite = (points: unknown) => ((points as XY[] | undefined) ?? []).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
        const controls = finite(e.controlPoints);
        const fits = finite(e.fitPoints);
        // Without control points, the smooth curve CAD draws through the fit points, not straight chords.
        const raw = controls.length
          ? splinePoints(num(e, 'degreeOfSplineCurve', 3), (e.knotValues as number[] | undefined) ?? [], controls, (e.weights as number[] | undefined) ?? [])
          : fitSplinePoints(fits, e.closed === true, { start: e.startTangent as XY | undefined, end: e.endTangent as XY | undefined });
        const points = map(ctx.transform, raw);
        if (distinctCount(points) < 2) return damaged(e);
        return emit(e, ctx, e.closed === true && distinctCount(points) >= 3 ? { type: 'Polygon', coordinates: [closeRing(points)] } : { type: 'LineString', coordinates: points });
      }
      case 'SOLID':
      case '3DFACE': {
        const corners = ((e.type === 'SOLID' ? e.points : e.vertices) as (XY | undefined)[] | undefined) ?? [];
        // A SOLID's third and fourth corners are stored crosswise (the "bow-tie" order).
        const order = e.type === 'SOLID' ? [0, 1, 3, 2] : [0, 1, 2, 3];
        const ring = order.map((i) => corners[i]).filter((p): p is XY => p !== undefined).map((p) => [p.x, p.y] as Position);
        const points = map(e.type === 'SOLID' ? world : ctx.transform, ring);
        if (distinctCount(points) < 3) return damaged(e);
        return emit(e, ctx, { type: 'Polygon', coordinates: [closeRing(points)] });
      }
      case 'HATCH':
      case 'MPOLYGON': {
        const loops = (e.loops as HatchLoop[] | undefined) ?? [];
        const geometry = e.damaged === true ? null : nestRings(loops.map((loop) => map(world, loopRing(loop))), num(e, 'style') as HatchStyle);
        if (!geometry) return damaged(e);
        return emit(e, ctx, geometry);
      }
      case 'TEXT': {
        const start = point(e, 'startPoint');
        const end = point(e, 'endPoint');
        const aligned = byAlignmentPoint(e) && end;
        const at = aligned ? end : start;
        const text = plainText(str(e, 'text'));
        if (!at) return damaged(e);
        // TEXT and ATTRIB positions are in the entity's OCS (MTEXT and POINT are in world coordinates).
        return emit(e, ctx, { type: 'Point', coordinates: apply(world, at.x, at.y) }, text);
      }
      case 'MTEXT': {
        const at = point(e, 'position');
        if (!at) return damaged(e);
        return emit(e, ctx, { type: 'Point', coordinates: apply(ctx.transform, at.x, at.y) }, plainMText(str(e, 'text')));
      }
      case 'ATTRIB': {
        const aligned = byAlignmentPoint(e) && point(e, 'alignment');
        const at = aligned || point(e, 'position');
        if (!at) return damaged(e);
        // Attributes belong to the block reference just before them; their position is in the drawing (in their OCS), not in the block.
        const ownBlock = lastInsert && (!e.ownerHandle || e.ownerHandle === lastInsert.handle) ? lastInsert.block : ctx.block;
        return emit(e, { ...ctx, block: ownBlock }, { type: 'Point', coordinates: apply(world, at.x, at.y) }, plainText(str(e, 'text')), str(e, 'tag') || null);
      }
      case 'POINT': {
        const at = point(e, 'position');
        if (!at) return damaged(e);
        return emit(e, ctx, { type: 'Point', coordinates: apply(ctx.transform, at.x, at.y) });
      }
      case 'INSERT':
        return insert(e, ctx);
      default:
        if (!SKIPPED_QUIETLY.has(e.type)) count(report, e.type);
    }
  };

  const insert = (e: RawEntity, ctx: Context) => {
    const name = str(e, 'name');
    lastInsert = ctx.depth === 0 ? { handle: handleOf(e), block: name } : lastInsert;
    const block = blocks.get(name) ?? blocksByUpperName.get(name.toUpperCase());
    if (!block) {
      report.missingBlocks.add(name);
      return;
    }
    if (ctx.depth >= MAX_DEPTH || ctx.path.includes(name.toUpperCase())) return damaged(e);
    const at = point(e, 'position') ?? { x: 0, y: 0 };
    const base = block.position ?? { x: 0, y: 0 };
    const rotation = (num(e, 'rotation') * Math.PI) / 180;
    const local = compose(rotateScale(rotation, num(e, 'xScale', 1), num(e, 'yScale', 1)), translate(-base.x, -base.y));
    const columns = Math.max(1, Math.min(1000, num(e, 'columnCount', 1)));
    const rows = Math.max(1, Math.min(1000, num(e, 'rowCount', 1)));
    const own = unescapeDxfText(str(e, 'layer') || '0');
    const layer = own === '0' && ctx.layer0 !== null ? ctx.layer0 : own;
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const offset = apply(rotateScale(rotation, 1, 1), column * num(e, 'columnSpacing'), row * num(e, 'rowSpacing'));
        const placed = compose(translate(at.x + (offset[0] as number), at.y + (offset[1] as number)), local);
        const transform = compose(ctx.transform, compose(ocs(extrusionOf(e), elevationOf(e)), placed));
        const inner: Context = { transform, layer0: layer, block: ctx.block ?? name, insertHandle: ctx.insertHandle ?? handleOf(e), depth: ctx.depth + 1, path: [...ctx.path, name.toUpperCase()] };
        for (const child of block.entities ?? []) visit(child, inner);
      }
    }
  };

  const top: Context = { transform: IDENTITY, layer0: null, block: null, insertHandle: null, depth: 0, path: [] };
  const entities = parsed.entities;
  for (const [i, e] of entities.entries()) {
    if (e.type !== 'ATTRIB' && e.type !== 'SEQEND' && e.type !== 'INSERT') lastInsert = null;
    visit(e, top);
    if (report.tooMany) break;
    if (onProgress && i % 1000 === 999) onProgress(i / entities.length);
  }
  return report;
}

function count(report: EntityReport, type: string): void {
  report.unsupported.set(type, (report.unsupported.get(type) ?? 0) + 1);
}
