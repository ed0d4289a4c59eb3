/**
 * Slips in DXF text that CAD reads past but dxf-parser does not, put right before parsing or after it fails.
 */

/**
 * The text with what dxf-parser chokes on but GDAL and CAD read put right, or null when it is not one of
 * these: a file whose last section is whole but that lacks the `0 EOF` after it (older exporters and
 * scripts leave it out: nothing is missing), and a flag (codes 290–299) written as a number other than
 * 0 or 1 (LibreCAD's `$XCLIPFRAME 2`), which CAD reads as true; and a point whose y does not follow its x
 * (`withPointsInOrder`).
 */
export function repair(text: string, detail: string): string | null {
  if (/Unexpected end of input/i.test(detail) && /(?:^|[\r\n])[ \t]*0[ \t]*(?:\r\n?|\n)[ \t]*ENDSEC\s*$/.test(text)) return `${text.trimEnd()}\n0\nEOF\n`;
  if (/Expected code for point value/i.test(detail)) return withPointsInOrder(text);
  if (!/cannot be cast to Boolean/i.test(detail)) return null;
  const lines = text.split(/\r\n|\r|\n/);
  let changed = false;
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const code = Number((lines[i] as string).trim());
    const value = (lines[i + 1] as string).trim();
    if (code >= 290 && code <= 299 && value !== '0' && value !== '1') {
      lines[i + 1] = Number(value) === 0 ? '0' : '1';
      changed = true;
    }
  }
  return changed ? lines.join('\n') : null;
}

const ENTITIES_HEADER = /(?:^|[\r\n])[ \t]*2[ \t]*(?:\r\n?|\n)ENTITIES[ \t]*(?:\r|\n|$)/g;

/**
 * The text with every ENTITIES section after the first moved into the first. Some exporters write a
 * drawing in pieces, each its own ENTITIES section; dxf-parser keeps only the last and GDAL only the first,
 * while CAD's RECOVER (and ezdxf's) merges them.
 */
export function withOneEntitiesSection(text: string): string {
  if ((text.match(ENTITIES_HEADER) ?? []).length < 2) return text;
  const lines = text.split(/\r\n|\r|\n/);
  const value = (i: number) => (lines[i] ?? '').trim();
  const sections: { start: number; end: number }[] = [];
  for (let i = 0; i + 3 < lines.length; i += 2) {
    if (value(i) !== '0' || value(i + 1) !== 'SECTION' || value(i + 2) !== '2' || value(i + 3) !== 'ENTITIES') continue;
    let end = i + 4;
    while (end + 1 < lines.length && !(value(end) === '0' && value(end + 1) === 'ENDSEC')) end += 2;
    sections.push({ start: i, end });
    i = end;
  }
  const [first, ...others] = sections;
  if (!first || others.length === 0) return text;
  const moved = others.flatMap((s) => lines.slice(s.start + 4, s.end));
  const kept = lines.filter((_, i) => !others.some((s) => i >= s.start && i < s.end + 2));
  return [...kept.slice(0, first.end), ...moved, ...kept.slice(first.end)].join('\n');
}

/** A point's x code whose y (x + 10) dxf-parser wants next, then its z (x + 20): 10–18, UCS 110–112, extrusion 210. */
function isXCode(code: number): boolean {
  return (code >= 10 && code <= 18) || (code >= 110 && code <= 112) || code === 210;
}

/** The x code a y or z code belongs to, or null (38 is an elevation, 39 a thickness: no point's z). */
function pointCode(code: number): { x: number; axis: 0 | 1 | 2 } | null {
  if (isXCode(code)) return { x: code, axis: 0 };
  if (isXCode(code - 10)) return { x: code - 10, axis: 1 };
  if (isXCode(code - 20) && code !== 38) return { x: code - 20, axis: 2 };
  return null;
}

/** Group indexes of one point: x, y, z (−1 when absent). */
type PointGroups = [number, number, number];

interface PointsOfText {
  readonly lines: string[];
  /** Every point of the text, each as GDAL pairs its codes. */
  readonly points: PointGroups[];
  /** The group that starts the entity (code 0) each group belongs to. */
  readonly entityOf: Int32Array;
}

/**
 * The points of a DXF text, its coordinate groups paired as GDAL reads them: within an entity, per x code,
 * an x, a y and a z make one point in whatever order and with whatever groups between them, and a code
 * arriving for a point that already has it starts the next point.
 */
function pointsOf(text: string): PointsOfText {
  const lines = text.split(/\r\n|\r|\n/);
  const count = Math.floor(lines.length / 2);
  const points: PointGroups[] = [];
  const entityOf = new Int32Array(count);
  let open = new Map<number, PointGroups>();
  let entity = 0;
  for (let g = 0; g < count; g++) {
    const code = Number((lines[2 * g] as string).trim());
    if (code === 0) {
      open = new Map();
      entity = g;
    }
    entityOf[g] = entity;
    const at = pointCode(code);
    if (!at) continue;
    let point = open.get(at.x);
    if (!point || point[at.axis] >= 0) {
      point = [-1, -1, -1];
      points.push(point);
      open.set(at.x, point);
    }
    point[at.axis] = g;
  }
  return { lines, points, entityOf };
}

/**
 * The text with each point's x, y and z groups next to each other in that order, as dxf-parser reads
 * them, or null when they already are. Writers (scripts, converters) sometimes put the y before the x or
 * the layer between them; GDAL and CAD read such files. A point missing its x or y is left as it is, so
 * the file is refused (`unpairedPoint` names it), but for an extrusion direction, whose missing part is 0.
 */
export function withPointsInOrder(text: string): string | null {
  const { lines, points } = pointsOf(text);
  const count = Math.floor(lines.length / 2);
  const group = (g: number) => [lines[2 * g] as string, lines[2 * g + 1] as string];
  /** At a point's first group: the point's groups in order. */
  const moved = new Map<number, string[]>();
  const skipped = new Set<number>();
  for (const [x, y, z] of points) {
    const present = [x, y, z].filter((g) => g >= 0);
    const first = Math.min(...present);
    // An extrusion direction with a part left out (`210 0` then `230 -1`): GDAL takes the part as 0.
    const extrusion = Number((lines[2 * first] as string).trim()) >= 210;
    if ((x < 0 || y < 0) && !extrusion) continue;
    if (x >= 0 && y >= 0 && present.every((g, i) => i === 0 || g === (present[i - 1] as number) + 1)) continue;
    const axis = (g: number, code: number) => (g >= 0 ? group(g) : [String(code), '0']);
    const base = extrusion ? 210 : -1;
    moved.set(first, [...axis(x, base), ...axis(y, base + 10), ...(z >= 0 ? group(z) : [])]);
    for (const g of present) if (g !== first) skipped.add(g);
  }
  if (moved.size === 0) return null;
  const out: string[] = [];
  for (let g = 0; g < count; g++) if (!skipped.has(g)) out.push(...(moved.get(g) ?? group(g)));
  out.push(...lines.slice(2 * count));
  return out.join('\n');
}

/** The first point of an entity (a block or a table record too) with an x but no y, or a y but no x: its entity, handle, layer and codes. */
export function unpairedPoint(text: string): { entity: string; handle: string; layer: string; code: number; missing: number } | null {
  const { lines, points, entityOf } = pointsOf(text);
  const value = (g: number) => (lines[2 * g + 1] ?? '').trim();
  const code = (g: number) => Number((lines[2 * g] ?? '').trim());
  for (const [x, y, z] of points) {
    if (x >= 0 && y >= 0) continue;
    const present = x >= 0 ? x : y >= 0 ? y : z;
    const xCode = x >= 0 ? code(x) : (pointCode(code(present))?.x ?? 0);
    const start = entityOf[present] as number;
    let handle = '';
    let layer = '';
    for (let g = start + 1; g < lines.length / 2 && code(g) !== 0; g++) {
      if (code(g) === 5 && !handle) handle = value(g);
      else if (code(g) === 8 && !layer) layer = value(g);
    }
    return { entity: value(start), handle, layer, code: code(present), missing: x >= 0 ? xCode + 10 : xCode };
  }
  return null;
}
