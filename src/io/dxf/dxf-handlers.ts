/**
 * Entity handlers that dxf-parser lacks, registered through its public `registerEntityHandler`: HATCH
 * (boundary paths of polylines with bulges, or of line, arc, ellipse and spline edges), ATTRIB (a block
 * attribute: the tag and the value a parcel label carries), and CIRCLE and TEXT (dxf-parser's own drop
 * the extrusion direction, so a mirrored circle or label would land on the wrong side of the drawing).
 *
 * Each reads its groups up to the next entity (group code 0) and reads them by group code alone, never by
 * subclass marker, so R12 files (which have none) read like R2000 ones. A hatch whose boundary data do not
 * follow the DXF reference is marked `damaged` instead of guessed at; the reader reports it.
 */

/** dxf-parser's scanner as these handlers use it (`DxfArrayScanner`). */
export interface Scanner {
  next(): Group;
  isEOF(): boolean;
  /** The group read last: after a handler, the code 0 that starts the next entity. */
  readonly lastReadGroup: Group;
}

export interface Group {
  readonly code: number;
  readonly value: number | string | boolean;
}

export interface Vec {
  readonly x: number;
  readonly y: number;
}

export interface CommonProps {
  handle?: string;
  layer?: string;
  colorIndex?: number;
  inPaperSpace?: boolean;
  ownerHandle?: string;
  extrusion?: { x: number; y: number; z: number };
  /** The OCS z of the entity's plane (dxf-geometry.ts `ocs`): it moves the entity only on a tilted extrusion. */
  elevation?: number;
}

export type HatchEdge =
  | { readonly kind: 'line'; readonly from: Vec; readonly to: Vec }
  | { readonly kind: 'arc'; readonly center: Vec; readonly radius: number; readonly start: number; readonly end: number; readonly ccw: boolean }
  | { readonly kind: 'ellipse'; readonly center: Vec; readonly major: Vec; readonly ratio: number; readonly start: number; readonly end: number; readonly ccw: boolean }
  | { readonly kind: 'spline'; readonly degree: number; readonly knots: readonly number[]; readonly controls: readonly Vec[]; readonly weights: readonly number[] };

export type HatchLoop =
  | { readonly kind: 'polyline'; readonly vertices: readonly (Vec & { readonly bulge: number })[]; readonly flags: number }
  | { readonly kind: 'edges'; readonly edges: readonly HatchEdge[]; readonly flags: number };

export interface HatchEntity extends CommonProps {
  readonly type: 'HATCH' | 'MPOLYGON';
  readonly pattern: string;
  readonly loops: HatchLoop[];
  /** Island detection (75): 0 nested, 1 outermost, 2 ignore (HatchStyle, dxf-rings.ts). */
  style: number;
  /** Boundary data that do not follow the DXF reference: what was read is not trusted. */
  damaged: boolean;
}

export interface AttribEntity extends CommonProps {
  readonly type: 'ATTRIB';
  tag: string;
  text: string;
  position?: Vec;
  alignment?: Vec;
  halign?: number;
  valign?: number;
  invisible: boolean;
}

export interface CircleEntity extends CommonProps {
  readonly type: 'CIRCLE';
  center?: Vec;
  radius?: number;
}

export interface TextEntity extends CommonProps {
  readonly type: 'TEXT';
  text: string;
  startPoint?: Vec;
  endPoint?: Vec;
  halign?: number;
  valign?: number;
}

/** Codes every entity may carry (DXF reference, "common group codes for entities"). */
export function common(entity: CommonProps, group: Group): void {
  switch (group.code) {
    case 5:
      entity.handle = String(group.value);
      break;
    case 8:
      entity.layer = String(group.value);
      break;
    case 62:
      entity.colorIndex = Number(group.value);
      break;
    case 67:
      entity.inPaperSpace = Number(group.value) === 1;
      break;
    case 330:
      entity.ownerHandle ??= String(group.value);
      break;
    // Each part on its own, the others (0, 0, 1) until read, as GDAL reads them: a writer may leave out
    // the zero parts (`230 -1` alone is a mirrored entity) or write them in another order.
    case 210:
      entity.extrusion = { ...(entity.extrusion ?? { x: 0, y: 0, z: 1 }), x: Number(group.value) };
      break;
    case 220:
      entity.extrusion = { ...(entity.extrusion ?? { x: 0, y: 0, z: 1 }), y: Number(group.value) };
      break;
    case 230:
      entity.extrusion = { ...(entity.extrusion ?? { x: 0, y: 0, z: 1 }), z: Number(group.value) };
      break;
  }
}

/**
 * The point of codes `xCode` and `xCode + 10` among an entity's groups, in whichever order and with
 * whatever between them (a y before its x, the layer between x and y): GDAL reads each code on its own,
 * so such files open there. Undefined without both.
 */
export function pointAt(groups: readonly Group[], xCode: number): Vec | undefined {
  let x: number | undefined;
  let y: number | undefined;
  for (const group of groups) {
    if (group.code === xCode) x = Number(group.value);
    else if (group.code === xCode + 10) y = Number(group.value);
  }
  return x !== undefined && y !== undefined ? { x, y } : undefined;
}

/** The number of a code's last group, undefined without one. */
export function numberAt(groups: readonly Group[], code: number): number | undefined {
  let value: number | undefined;
  for (const group of groups) if (group.code === code) value = Number(group.value);
  return value;
}

/**
 * An x or a y of a list of vertices (LWPOLYLINE, SPLINE) added as GDAL pairs them: the last vertex takes
 * it while that coordinate is still missing (NaN), else it starts the next vertex. So 10/20 pairs are read
 * in either order (a writer putting 20 first), and with widths or bulges between them. Returns the vertex.
 */
export function addCoordinate<V extends { x: number; y: number }>(vertices: V[], axis: 'x' | 'y', value: number, fresh: () => V): V {
  const last = vertices[vertices.length - 1];
  if (last && Number.isNaN(last[axis])) {
    last[axis] = value;
    return last;
  }
  const vertex = fresh();
  vertex[axis] = value;
  vertices.push(vertex);
  return vertex;
}

/**
 * The entity's groups up to (not including) the next code 0, where the scanner is left as dxf-parser
 * expects. An embedded object (code 101, R2018: the MTEXT of a multiline attribute) is read past and left
 * out: its groups reuse the entity's codes (its own 10/20, its text with MTEXT formatting), and the
 * entity's own come before it, as GDAL reads them.
 */
export function groupsOf(scanner: Scanner): Group[] {
  const groups: Group[] = [];
  let embedded = false;
  for (let group = scanner.next(); !scanner.isEOF() && group.code !== 0; group = scanner.next()) {
    embedded ||= group.code === 101;
    if (!embedded) groups.push(group);
  }
  return groups;
}

/** Reads groups in order with expectations; any surprise makes `ok` false. */
class Cursor {
  ok = true;
  constructor(
    private readonly groups: readonly Group[],
    public at: number,
  ) {}
  peek(): Group | undefined {
    return this.groups[this.at];
  }
  number(code: number): number {
    const group = this.groups[this.at];
    if (!group || group.code !== code || typeof group.value !== 'number' || !Number.isFinite(group.value)) {
      this.ok = false;
      return 0;
    }
    this.at++;
    return group.value;
  }
  optional(code: number, fallback: number): number {
    return this.groups[this.at]?.code === code ? this.number(code) : fallback;
  }
  point(xCode: number): Vec {
    const x = this.number(xCode);
    const y = this.number(xCode + 10);
    return { x, y };
  }
  skip(code: number): void {
    while (this.groups[this.at]?.code === code) this.at++;
  }
}

function readEdge(c: Cursor, last: boolean): HatchEdge | null {
  const type = c.number(72);
  if (type === 1) return { kind: 'line', from: c.point(10), to: c.point(11) };
  if (type === 2) {
    const center = c.point(10);
    const radius = c.number(40);
    const start = c.number(50);
    const end = c.number(51);
    return { kind: 'arc', center, radius, start, end, ccw: c.optional(73, 1) !== 0 };
  }
  if (type === 3) {
    const center = c.point(10);
    const major = c.point(11);
    const ratio = c.number(40);
    const start = c.number(50);
    const end = c.number(51);
    return { kind: 'ellipse', center, major, ratio, start, end, ccw: c.optional(73, 1) !== 0 };
  }
  if (type === 4) {
    const degree = c.number(94);
    const rational = c.number(73) !== 0;
    c.number(74);
    const knotCount = c.number(95);
    const controlCount = c.number(96);
    if (!c.ok || knotCount > 1e6 || controlCount > 1e6) return null;
    const knots: number[] = [];
    for (let i = 0; i < knotCount; i++) knots.push(c.number(40));
    const controls: Vec[] = [];
    const weights: number[] = [];
    for (let i = 0; i < controlCount; i++) {
      controls.push(c.point(10));
      weights.push(rational ? c.optional(42, 1) : 1);
    }
    // R2010+: fit points and end tangents follow (97 count, 11/21 points, 12/22 and 13/23 tangents), a
    // count of 0 too. A 97 after the loop's last edge can also be its count of source objects (then
    // followed by their 330 handles, or by nothing of the edge).
    if (c.peek()?.code === 97 && (!last || [11, 12, 13, 97].includes(nextCode(c, 1)))) {
      const fits = c.number(97);
      for (let i = 0; i < fits; i++) c.point(11);
      if (c.peek()?.code === 12) c.point(12);
      if (c.peek()?.code === 13) c.point(13);
    }
    return { kind: 'spline', degree, knots, controls, weights };
  }
  c.ok = false;
  return null;
}

function nextCode(c: Cursor, ahead: number): number {
  const saved = c.at;
  c.at += ahead;
  const code = c.peek()?.code ?? -1;
  c.at = saved;
  return code;
}

function readLoop(c: Cursor): HatchLoop | null {
  const flags = c.number(92);
  if (!c.ok) return null;
  let loop: HatchLoop;
  if (flags & 2) {
    // Has-bulge (72) then is-closed (73) in a HATCH; the other way round in an MPOLYGON, as AutoCAD writes it.
    const closedFirst = c.peek()?.code === 73;
    if (closedFirst) c.number(73);
    const hasBulge = c.number(72) !== 0;
    if (!closedFirst) c.number(73);
    const count = c.number(93);
    if (!c.ok || count > 1e7) return null;
    const vertices: (Vec & { bulge: number })[] = [];
    for (let i = 0; i < count && c.ok; i++) {
      const p = c.point(10);
      vertices.push({ ...p, bulge: hasBulge ? c.optional(42, 0) : 0 });
    }
    loop = { kind: 'polyline', vertices, flags };
  } else {
    const count = c.number(93);
    if (!c.ok || count > 1e7) return null;
    const edges: HatchEdge[] = [];
    for (let i = 0; i < count && c.ok; i++) {
      const edge = readEdge(c, i === count - 1);
      if (edge) edges.push(edge);
    }
    loop = { kind: 'edges', edges, flags };
  }
  // Source boundary objects (associative hatches): a count and that many handles.
  if (c.peek()?.code === 97) {
    const sources = c.number(97);
    for (let i = 0; i < sources && c.peek()?.code === 330; i++) c.at++;
  }
  return c.ok ? loop : null;
}

export class HatchHandler {
  readonly ForEntityName: HatchEntity['type'] = 'HATCH';
  parseEntity(scanner: Scanner): HatchEntity {
    const groups = groupsOf(scanner);
    const entity: HatchEntity = { type: this.ForEntityName, pattern: '', loops: [], style: 0, damaged: false };
    const start = groups.findIndex((g) => g.code === 91);
    for (const [i, group] of groups.entries()) {
      if (start >= 0 && i >= start) break;
      if (group.code === 2) (entity as { pattern: string }).pattern = String(group.value);
      // The elevation point (10, 20, 30; x and y always 0): its z is the plane of the boundary.
      else if (group.code === 30) entity.elevation = Number(group.value);
      else common(entity, group);
    }
    if (start < 0) {
      entity.damaged = true;
      return entity;
    }
    const c = new Cursor(groups, start);
    const count = c.number(91);
    for (let i = 0; i < count && c.ok; i++) {
      const loop = readLoop(c);
      if (loop) entity.loops.push(loop);
    }
    if (!c.ok || entity.loops.length !== count) entity.damaged = true;
    // After the paths: style, pattern and seed points; the style and the common codes matter there.
    for (const group of groups.slice(c.at)) {
      if (group.code === 75 && [0, 1, 2].includes(Number(group.value))) entity.style = Number(group.value);
      else if (group.code === 8 || group.code === 62 || group.code === 67) common(entity, group);
    }
    return entity;
  }
}

export class AttribHandler {
  readonly ForEntityName = 'ATTRIB';
  parseEntity(scanner: Scanner): AttribEntity {
    const entity: AttribEntity = { type: 'ATTRIB', tag: '', text: '', invisible: false };
    const groups = groupsOf(scanner);
    entity.position = pointAt(groups, 10);
    entity.alignment = pointAt(groups, 11);
    entity.elevation = numberAt(groups, 30);
    for (const group of groups) {
      const value = group.value;
      switch (group.code) {
        case 1:
          entity.text = String(value);
          break;
        case 2:
          entity.tag = String(value);
          break;
        case 70:
          entity.invisible = (Number(value) & 1) === 1;
          break;
        case 72:
          entity.halign = Number(value);
          break;
        case 74:
          entity.valign = Number(value);
          break;
        default:
          common(entity, group);
      }
    }
    return entity;
  }
}

/** dxf-parser's TEXT reader drops the extrusion; a mirrored label's position is in its OCS (negated x). */
export class TextHandler {
  readonly ForEntityName = 'TEXT';
  parseEntity(scanner: Scanner): TextEntity {
    const entity: TextEntity = { type: 'TEXT', text: '' };
    const groups = groupsOf(scanner);
    entity.startPoint = pointAt(groups, 10);
    entity.endPoint = pointAt(groups, 11);
    entity.elevation = numberAt(groups, 30);
    for (const group of groups) {
      const value = group.value;
      if (group.code === 1) entity.text = String(value);
      else if (group.code === 72) entity.halign = Number(value);
      else if (group.code === 73) entity.valign = Number(value);
      else common(entity, group);
    }
    return entity;
  }
}

export class CircleHandler {
  readonly ForEntityName = 'CIRCLE';
  parseEntity(scanner: Scanner): CircleEntity {
    const entity: CircleEntity = { type: 'CIRCLE' };
    const groups = groupsOf(scanner);
    entity.center = pointAt(groups, 10);
    entity.elevation = numberAt(groups, 30);
    for (const group of groups) {
      if (group.code === 40) entity.radius = Number(group.value);
      else common(entity, group);
    }
    return entity;
  }
}

/**
 * MPOLYGON: AutoCAD Map 3D's polygon with holes, what FME and ArcGIS write for a parcel when the target is
 * Map 3D. Its boundary paths are a hatch's (DXF reference, MPOLYGON), read the same way. dxf-parser has no
 * reader for it and dropped it without a word (GDAL 3.6 does not read it either).
 */
export class MPolygonHandler extends HatchHandler {
  override readonly ForEntityName = 'MPOLYGON';
}

/**
 * Entity types with no reader here that CAD drawings hold (multilines, leaders, tables, images, ACIS
 * solids, proxies…). dxf-parser drops an entity it has no reader for without a word; read as their type
 * and common codes, they are counted in the note of what was not imported (or as paper space).
 */
export const UNREAD_ENTITY_TYPES = [
  'MLINE',
  'LEADER',
  'MULTILEADER',
  'ACAD_TABLE',
  'TOLERANCE',
  'WIPEOUT',
  'IMAGE',
  'OLE2FRAME',
  'REGION',
  '3DSOLID',
  'BODY',
  'SURFACE',
  'MESH',
  'ACAD_PROXY_ENTITY',
  'RAY',
  'XLINE',
  'TRACE',
  'SHAPE',
  'HELIX',
  'PDFUNDERLAY',
  'DWFUNDERLAY',
  'DGNUNDERLAY',
  'ARCALIGNEDTEXT',
  'RTEXT',
] as const;

/** A handler that keeps an entity of one of those types as its type and common codes. */
export function unreadEntityHandler(type: string): new () => { readonly ForEntityName: string; parseEntity(scanner: Scanner): CommonProps & { type: string } } {
  return class {
    readonly ForEntityName = type;
    parseEntity(scanner: Scanner): CommonProps & { type: string } {
      const entity: CommonProps & { type: string } = { type };
      for (const group of groupsOf(scanner)) common(entity, group);
      return entity;
    }
  };
}
