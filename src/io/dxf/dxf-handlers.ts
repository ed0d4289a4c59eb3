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
  readonly type: 'HATCH';
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
    case 210:
      entity.extrusion = { x: Number(group.value), y: 0, z: 1 };
      break;
    case 220:
      if (entity.extrusion) entity.extrusion.y = Number(group.value);
      break;
    case 230:
      if (entity.extrusion) entity.extrusion.z = Number(group.value);
      break;
  }
}

/** The entity's groups up to (not including) the next code 0, where the scanner is left as dxf-parser expects. */
export function groupsOf(scanner: Scanner): Group[] {
  const groups: Group[] = [];
  for (let group = scanner.next(); !scanner.isEOF() && group.code !== 0; group = scanner.next()) groups.push(group);
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
    const hasBulge = c.number(72) !== 0;
    c.number(73);
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
  readonly ForEntityName = 'HATCH';
  parseEntity(scanner: Scanner): HatchEntity {
    const groups = groupsOf(scanner);
    const entity: HatchEntity = { type: 'HATCH', pattern: '', loops: [], style: 0, damaged: false };
    const start = groups.findIndex((g) => g.code === 91);
    for (const [i, group] of groups.entries()) {
      if (start >= 0 && i >= start) break;
      if (group.code === 2) (entity as { pattern: string }).pattern = String(group.value);
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
    let x = 0;
    let ax = 0;
    for (const group of groupsOf(scanner)) {
      const value = group.value;
      switch (group.code) {
        case 1:
          entity.text = String(value);
          break;
        case 2:
          entity.tag = String(value);
          break;
        case 10:
          x = Number(value);
          break;
        case 20:
          entity.position = { x, y: Number(value) };
          break;
        case 11:
          ax = Number(value);
          break;
        case 21:
          entity.alignment = { x: ax, y: Number(value) };
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
    let x = 0;
    let ax = 0;
    for (const group of groupsOf(scanner)) {
      const value = group.value;
      if (group.code === 1) entity.text = String(value);
      else if (group.code === 10) x = Number(value);
      else if (group.code === 20) entity.startPoint = { x, y: Number(value) };
      else if (group.code === 11) ax = Number(value);
      else if (group.code === 21) entity.endPoint = { x: ax, y: Number(value) };
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
    let x = 0;
    for (const group of groupsOf(scanner)) {
      if (group.code === 10) x = Number(group.value);
      else if (group.code === 20) entity.center = { x, y: Number(group.value) };
      else if (group.code === 40) entity.radius = Number(group.value);
      else common(entity, group);
    }
    return entity;
  }
}
