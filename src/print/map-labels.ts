/**
 * Land-class labels on the printed map. A label goes at a point inside its area (geo/interior-point.ts: in
 * the largest part of a multipart parcel, beside a hole rather than in it, inside an L-shaped parcel), only
 * where the whole label lies inside the area, never where a change drawn over the area hides that spot (a
 * demolition parcel made from a base parcel has the base parcel's very outline), and never over another
 * label or grid cross: the topmost area's label is placed first, so the plan's use wins over the base-year
 * class.
 */
import type { AreaGeometry } from '../domain/features.ts';
import { interiorPoint } from '../geo/interior-point.ts';
import { BLACK, roughTextWidth, type Rings, type TextOp } from './display-list.ts';
import { insideRings, pointToPaper, type PaperProjection } from './project.ts';

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

/** The box's corners and edge midpoints all inside the area (the even-odd rule keeps holes out). */
function boxInside(rings: Rings, b: Box): boolean {
  const xs = [b[0], (b[0] + b[2]) / 2, b[2]];
  const ys = [b[1], (b[1] + b[3]) / 2, b[3]];
  return xs.every((x) => ys.every((y) => insideRings(rings, x, y)));
}

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
    for (const k of this.keys(b)) this.cells.set(k, [...(this.cells.get(k) ?? []), b]);
  }
}

/**
 * Labels for the areas (bottom first, as drawn); areas later in the list cover earlier ones. `avoid`: what
 * is drawn over the labels' places (the coordinate grid's crosses), kept clear like another label.
 */
export function placeLabels(candidates: readonly LabelCandidate[], projection: PaperProjection, avoid: readonly Box[] = []): TextOp[] {
  const boxes = candidates.map((c) => ringsBox(c.rings));
  const placed = new PlacedBoxes();
  for (const box of avoid) placed.add(box);
  const labels: TextOp[] = [];
  for (let i = candidates.length - 1; i >= 0; i--) {
    const { geometry, rings, name } = candidates[i] as LabelCandidate;
    const point = interiorPoint(geometry);
    if (!point) continue;
    const [x, y] = pointToPaper(projection, point);
    const box = labelBox(name, x, y);
    if (!boxInside(rings, box) || placed.collides(box)) continue;
    let covered = false;
    for (let j = i + 1; j < candidates.length && !covered; j++) covered = inBox(boxes[j] as Box, x, y) && insideRings((candidates[j] as LabelCandidate).rings, x, y);
    if (covered) continue;
    placed.add(box);
    labels.push({ kind: 'text', text: name, x, y: y + LABEL_MM / 3, sizeMm: LABEL_MM, bold: false, align: 'center', colour: BLACK });
  }
  return labels;
}
