/**
 * A small anti-aliased rasteriser for the JPG of the printed map, in plain TypeScript so the same code runs
 * in the browser and in Node: polygons filled with the non-zero rule on 4 sub-scanlines per pixel row with
 * exact horizontal coverage, blended over an RGBA image that starts white.
 */
import type { Rgb } from './display-list.ts';

const SUB = 4;

/** Paint per pixel: a solid colour, or a colour with a mask (hatch lines) evaluated at pixel centres. */
export interface Paint {
  readonly colour: Rgb;
  /** 0..1 how much of the colour shows at a pixel centre; absent = everywhere. */
  readonly mask?: (x: number, y: number) => number;
}

export class Raster {
  readonly data: Uint8ClampedArray;
  private coverage = new Float32Array(0);
  /** Paint only inside this box (pixels, to whole pixels): a series sheet's map cut at its frame. */
  clip: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number } | null = null;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8ClampedArray(width * height * 4).fill(255);
  }

  /** Fills rings given in pixels ([x0, y0, x1, y1, …], each closed implicitly). */
  fill(rings: readonly (readonly number[])[], paint: Paint): void {
    const edges: number[] = [];
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of rings) {
      const n = ring.length >> 1;
      for (let i = 0; i < n; i++) {
        const j = (i + 1) % n;
        const [x0, y0, x1, y1] = [ring[2 * i] as number, ring[2 * i + 1] as number, ring[2 * j] as number, ring[2 * j + 1] as number];
        if (y0 === y1) continue;
        edges.push(x0, y0, x1, y1);
        minX = Math.min(minX, x0, x1);
        maxX = Math.max(maxX, x0, x1);
        minY = Math.min(minY, y0, y1);
        maxY = Math.max(maxY, y0, y1);
      }
    }
    if (edges.length === 0) return;
    const box = this.clip ?? { x0: 0, y0: 0, x1: this.width, y1: this.height };
    const left = Math.max(0, Math.floor(minX), Math.round(box.x0));
    const right = Math.min(this.width - 1, Math.ceil(maxX), Math.round(box.x1) - 1);
    if (right < left) return;
    const span = right - left + 1;
    if (this.coverage.length < span + 1) this.coverage = new Float32Array(span + 1);
    const cov = this.coverage;
    const crossings: number[] = [];
    for (let row = Math.max(0, Math.floor(minY), Math.round(box.y0)); row <= Math.min(this.height - 1, Math.ceil(maxY), Math.round(box.y1) - 1); row++) {
      cov.fill(0, 0, span + 1);
      let any = false;
      for (let s = 0; s < SUB; s++) {
        const sy = row + (s + 0.5) / SUB;
        crossings.length = 0;
        for (let e = 0; e < edges.length; e += 4) {
          const [x0, y0, x1, y1] = [edges[e] as number, edges[e + 1] as number, edges[e + 2] as number, edges[e + 3] as number];
          if ((sy >= y0 && sy < y1) || (sy >= y1 && sy < y0)) crossings.push(x0 + ((sy - y0) * (x1 - x0)) / (y1 - y0), y1 > y0 ? 1 : -1);
        }
        if (crossings.length === 0) continue;
        const order = [...Array(crossings.length / 2).keys()].sort((a, b) => (crossings[2 * a] as number) - (crossings[2 * b] as number));
        let winding = 0;
        let start = 0;
        for (const i of order) {
          const x = crossings[2 * i] as number;
          const before = winding;
          winding += crossings[2 * i + 1] as number;
          if (before === 0 && winding !== 0) start = x;
          else if (before !== 0 && winding === 0) {
            this.addSpan(cov, left, span, start, x);
            any = true;
          }
        }
      }
      if (any) this.blendRow(row, left, span, paint);
    }
  }

  private addSpan(cov: Float32Array, left: number, span: number, xa: number, xb: number): void {
    const a = Math.max(0, xa - left);
    const b = Math.min(span, xb - left);
    if (b <= a) return;
    const ia = Math.floor(a);
    const ib = Math.floor(b);
    if (ia === ib) {
      cov[ia] = (cov[ia] as number) + (b - a) / SUB;
      return;
    }
    cov[ia] = (cov[ia] as number) + (ia + 1 - a) / SUB;
    for (let i = ia + 1; i < ib; i++) cov[i] = (cov[i] as number) + 1 / SUB;
    if (ib < span) cov[ib] = (cov[ib] as number) + (b - ib) / SUB;
  }

  private blendRow(row: number, left: number, span: number, paint: Paint): void {
    const cov = this.coverage;
    const [r, g, b] = paint.colour;
    for (let i = 0; i < span; i++) {
      let alpha = Math.min(1, cov[i] as number);
      if (alpha <= 0) continue;
      if (paint.mask) alpha *= paint.mask(left + i + 0.5, row + 0.5);
      if (alpha <= 0) continue;
      const p = (row * this.width + left + i) * 4;
      this.data[p] = (this.data[p] as number) * (1 - alpha) + r * alpha;
      this.data[p + 1] = (this.data[p + 1] as number) * (1 - alpha) + g * alpha;
      this.data[p + 2] = (this.data[p + 2] as number) * (1 - alpha) + b * alpha;
    }
  }
}
