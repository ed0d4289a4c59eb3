/**
 * Land-class labels on the printed map. A label goes at a point inside its area (geo/interior-point.ts: in
 * the largest part of a multipart parcel, beside a hole rather than in it, inside an L-shaped parcel), only
 * where the whole label lies inside the area, never where a change drawn over the area hides that spot (a
 * demolition parcel made from a base parcel has the base parcel's very outline), and never over another
 * label or grid cross: the topmost area's label is placed first, so the plan's use wins over the base-year
 * class. Where that point is taken (a new build over the parcel's middle, a neighbour's label), the label
 * moves to the nearest free place of a grid over the area: a parcel whose visible part is large enough to
 * hold its name always shows it.
 */
import RBush from 'rbush';
import type { AreaGeometry } from '../domain/features.ts';
import { interiorPoint } from '../geo/interior-point.ts';
import { BLACK, roughTextWidth, type Rings, type TextOp } from './display-list.ts';
import { insideRings, pointToPaper, type PaperProjection } from './project.ts';
import { addToList } from '../domain/lists.ts';

export const LABEL_MM = 1.6;

/** An area drawn on the map, in drawing order, with the name its label would print. */
export interface LabelCandidate {
  readonly geometry: AreaGeometry;
  readonly rings: Rings;
  readonly name: string;
}

export type Box = readonly [number, number, number, number];

function ringsBox(rings: Rings): Box {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) for (let i = 0; i + 1 < ring.length; i += 2) [x0, y0, x1, y1] = [Math.min(x0, ring[i] as number), Math.min(y0, ring[i + 1] as number), Math.max(x1, ring[i] as number), Math.max(y1, ring[i + 1] as number)];
  return [x0, y0, x1, y1];
}

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
const inBox = (b: Box, x: number, y: number) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

/** The label's box around its anchor, with a little air so neighbouring labels stay apart. */
function labelBox(name: string, x: number, y: number): Box {
  const halfW = roughTextWidth(name, LABEL_MM) / 2 + 0.5;
  const halfH = LABEL_MM * 0.6;
  return [x - halfW, y - halfH, x + halfW, y + halfH];
}

/** Whether every one of the box's corners, edge midpoints and centre passes the test. */
function everyBoxPoint(b: Box, test: (x: number, y: number) => boolean): boolean {
  for (const x of [b[0], (b[0] + b[2]) / 2, b[2]]) for (const y of [b[1], (b[1] + b[3]) / 2, b[3]]) if (!test(x, y)) return false;
  return true;
}

/** The box's corners and edge midpoints all inside the area (the even-odd rule keeps holes out). */
const boxInside = (rings: Rings, b: Box) => everyBoxPoint(b, (x, y) => insideRings(rings, x, y));

/** Placed boxes in 10 mm cells, so thousands of labels are checked against their neighbours only. */
class PlacedBoxes {
  private readonly cells = new Map<string, Box[]>();
  private keys(b: Box): string[] {
    const keys: string[] = [];
    for (let cx = Math.floor(b[0] / 10); cx <= Math.floor(b[2] / 10); cx++) for (let cy = Math.floor(b[1] / 10); cy <= Math.floor(b[3] / 10); cy++) keys.push(`${cx}:${cy}`);
    return keys;
  }
  collides(b: Box): boolean {
    return this.keys(b).some((k) => this.cells.get(k)?.some((other) => overlaps(b, other)));
  }
  add(b: Box): void {
    for (const k of this.keys(b)) addToList(this.cells, k, b);
  }
}

/** At most this many grid points per side are tried when the interior point is taken (12 × 12 places). */
const GRID_SIDE = 12;

/**
 * Where a label may go, best first: the interior point, then a grid over the part of the area's box on
 * paper where a label of this size can stand (its centre half a label in from the edges), its points at
 * least half a label's height apart, nearest the interior point first (a label stays near the middle of
 * what is visible).
 */
function anchors(interior: readonly [number, number], area: Box, size: Box): (readonly [number, number])[] {
  const [halfW, halfH] = [(size[2] - size[0]) / 2, (size[3] - size[1]) / 2];
  const [x0, y0, x1, y1] = [area[0] + halfW, area[1] + halfH, area[2] - halfW, area[3] - halfH];
  const columns = Math.min(GRID_SIDE, Math.floor((x1 - x0) / halfH) + 1);
  const rows = Math.min(GRID_SIDE, Math.floor((y1 - y0) / halfH) + 1);
  const grid: (readonly [number, number])[] = [];
  for (let i = 0; i < columns; i++) for (let j = 0; j < rows; j++) grid.push([columns === 1 ? (x0 + x1) / 2 : x0 + (i * (x1 - x0)) / (columns - 1), rows === 1 ? (y0 + y1) / 2 : y0 + (j * (y1 - y0)) / (rows - 1)]);
  const distance = (p: readonly [number, number]) => (p[0] - interior[0]) ** 2 + (p[1] - interior[1]) ** 2;
  return [interior, ...grid.sort((a, b) => distance(a) - distance(b))];
}

/**
 * Labels for the areas (bottom first, as drawn); areas later in the list cover earlier ones. `avoid`: what
 * is drawn over the labels' places (the coordinate grid's crosses), kept clear like another label.
 */
export function placeLabels(candidates: readonly LabelCandidate[], projection: PaperProjection, avoid: readonly Box[] = []): TextOp[] {
  const boxes = candidates.map((c) => ringsBox(c.rings));
  const tree = new RBush<{ minX: number; minY: number; maxX: number; maxY: number; index: number }>().load(boxes.map(([minX, minY, maxX, maxY], index) => ({ minX, minY, maxX, maxY, index })));
  const placed = new PlacedBoxes();
  for (const box of avoid) placed.add(box);
  const labels: TextOp[] = [];
  for (let i = candidates.length - 1; i >= 0; i--) {
    const { geometry, rings, name } = candidates[i] as LabelCandidate;
    const area = boxes[i] as Box;
    const size = labelBox(name, 0, 0);
    // Most parcels at 1:2000 are too small for their name: told from their box, before any point is tried.
    if (size[2] - size[0] > area[2] - area[0] || size[3] - size[1] > area[3] - area[1]) continue;
    const point = interiorPoint(geometry);
    if (!point) continue;
    // Areas drawn over this one whose box meets it: the only ones that can hide a place of its label.
    const above = tree
      .search({ minX: area[0], minY: area[1], maxX: area[2], maxY: area[3] })
      .flatMap((hit) => (hit.index > i ? [hit.index] : []));
    const hidden = (x: number, y: number) => above.some((j) => inBox(boxes[j] as Box, x, y) && insideRings((candidates[j] as LabelCandidate).rings, x, y));
    const free = ([x, y]: readonly [number, number]) => {
      // Its centre first: most places of a covered or oddly shaped area fail there, at a ninth of the cost.
      if (!insideRings(rings, x, y) || hidden(x, y)) return null;
      const box = labelBox(name, x, y);
      if (!boxInside(rings, box) || placed.collides(box)) return null;
      return everyBoxPoint(box, (px, py) => !hidden(px, py)) ? box : null;
    };
    for (const anchor of anchors(pointToPaper(projection, point), area, size)) {
      const box = free(anchor);
      if (!box) continue;
      placed.add(box);
      labels.push({ kind: 'text', text: name, x: anchor[0], y: anchor[1] + LABEL_MM / 3, sizeMm: LABEL_MM, bold: false, align: 'center', colour: BLACK });
      break;
    }
  }
  return labels;
}

