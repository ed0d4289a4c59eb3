/**
 * The sheet as a JPG for the package's 4.图像文件/: the display list rasterised by raster.ts, text drawn
 * from the same embedded font's glyph outlines (fontkit), so the image matches the PDF. Encoding uses the
 * browser's own JPEG encoder where there is one (OffscreenCanvas), else jpeg-js (Node).
 */
import fontkit from '@pdf-lib/fontkit';
import type { DrawOp, Hatch, Rgb, Rings, Sheet, TextOp } from './display-list.ts';
import type { PrintFonts } from './pdf.ts';
import { Raster } from './raster.ts';
import { woffToSfnt } from './woff.ts';

type Font = ReturnType<typeof fontkit.create>;
type PathCommand = { command: string; args: number[] };

const MM_PER_INCH = 25.4;
/** Curves become this many straight pieces: below a pixel at label sizes. */
const CURVE_STEPS = 6;

function strokeQuads(points: readonly number[], width: number, dash: readonly number[] | undefined): number[][] {
  const quads: number[][] = [];
  const half = width / 2;
  const pushSegment = (ax: number, ay: number, bx: number, by: number) => {
    const len = Math.hypot(bx - ax, by - ay);
    if (len === 0) return;
    const [nx, ny] = [(-(by - ay) / len) * half, ((bx - ax) / len) * half];
    // Extended by half the width at both ends: joins between segments have no gaps.
    const [ex, ey] = [((bx - ax) / len) * half, ((by - ay) / len) * half];
    quads.push([ax - ex + nx, ay - ey + ny, bx + ex + nx, by + ey + ny, bx + ex - nx, by + ey - ny, ax - ex - nx, ay - ey - ny]);
  };
  let dashIndex = 0;
  let dashLeft = dash?.[0] ?? Infinity;
  let on = true;
  for (let i = 0; i + 3 < points.length; i += 2) {
    let [ax, ay] = [points[i] as number, points[i + 1] as number];
    const [bx, by] = [points[i + 2] as number, points[i + 3] as number];
    let len = Math.hypot(bx - ax, by - ay);
    if (!dash || dash.length === 0) {
      pushSegment(ax, ay, bx, by);
      continue;
    }
    while (len > 0) {
      const step = Math.min(len, dashLeft);
      const [cx, cy] = [ax + ((bx - ax) * step) / len, ay + ((by - ay) * step) / len];
      if (on) pushSegment(ax, ay, cx, cy);
      [ax, ay] = [cx, cy];
      len -= step;
      dashLeft -= step;
      if (dashLeft <= 1e-9) {
        dashIndex = (dashIndex + 1) % dash.length;
        dashLeft = dash[dashIndex] as number;
        on = !on;
      }
    }
  }
  return quads;
}

function hatchMask(hatch: Hatch, pxPerMm: number): (x: number, y: number) => number {
  const lines = hatch.angles.map((angle) => {
    const a = (-angle * Math.PI) / 180;
    return [-Math.sin(a), Math.cos(a)] as const;
  });
  const spacing = hatch.spacingMm * pxPerMm;
  const half = Math.max(0.5, (hatch.widthMm * pxPerMm) / 2);
  return (x, y) => {
    let best = 0;
    for (const [nx, ny] of lines) {
      const o = x * nx + y * ny;
      const d = Math.abs(o - Math.round(o / spacing) * spacing);
      best = Math.max(best, Math.min(1, Math.max(0, half + 0.5 - d)));
    }
    return best;
  };
}

function textRings(font: Font, op: TextOp, pxPerMm: number): number[][] {
  const run = font.layout(op.text);
  const size = op.sizeMm * pxPerMm;
  const scale = size / font.unitsPerEm;
  const width = run.advanceWidth * scale;
  let pen = op.x * pxPerMm - (op.align === 'center' ? width / 2 : op.align === 'right' ? width : 0);
  const baseline = op.y * pxPerMm;
  const rings: number[][] = [];
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i];
    const ox = pen + (position?.xOffset ?? 0) * scale;
    const oy = baseline - (position?.yOffset ?? 0) * scale;
    let ring: number[] = [];
    let [cx, cy] = [0, 0];
    const to = (x: number, y: number) => ring.push(ox + x * scale, oy - y * scale);
    for (const { command, args } of (glyph.path as unknown as { commands: PathCommand[] }).commands) {
      if (command === 'moveTo') {
        if (ring.length) rings.push(ring);
        ring = [];
        [cx, cy] = [args[0] as number, args[1] as number];
        to(cx, cy);
      } else if (command === 'lineTo') {
        [cx, cy] = [args[0] as number, args[1] as number];
        to(cx, cy);
      } else if (command === 'quadraticCurveTo') {
        const [qx, qy, x, y] = args as [number, number, number, number];
        for (let k = 1; k <= CURVE_STEPS; k++) {
          const t = k / CURVE_STEPS;
          const u = 1 - t;
          to(u * u * cx + 2 * u * t * qx + t * t * x, u * u * cy + 2 * u * t * qy + t * t * y);
        }
        [cx, cy] = [x, y];
      } else if (command === 'bezierCurveTo') {
        const [ax, ay, bx, by, x, y] = args as [number, number, number, number, number, number];
        for (let k = 1; k <= CURVE_STEPS; k++) {
          const t = k / CURVE_STEPS;
          const u = 1 - t;
          to(u * u * u * cx + 3 * u * u * t * ax + 3 * u * t * t * bx + t * t * t * x, u * u * u * cy + 3 * u * u * t * ay + 3 * u * t * t * by + t * t * t * y);
        }
        [cx, cy] = [x, y];
      } else if (command === 'closePath' && ring.length) {
        rings.push(ring);
        ring = [];
      }
    }
    if (ring.length) rings.push(ring);
    pen += (position?.xAdvance ?? 0) * scale;
  });
  return rings;
}

/** The sheet as RGBA pixels at `dpi`. */
function rasteriseSheet(sheet: Sheet, fonts: PrintFonts, dpi: number): Raster {
  const pxPerMm = dpi / MM_PER_INCH;
  const raster = new Raster(Math.round(sheet.widthMm * pxPerMm), Math.round(sheet.heightMm * pxPerMm));
  const faces = { regular: fontkit.create(woffToSfnt(fonts.regular)) as Font, bold: fontkit.create(woffToSfnt(fonts.bold)) as Font };
  const px = (rings: Rings) => rings.map((ring) => ring.map((v) => v * pxPerMm));
  const strokeOf = (points: readonly number[], colour: Rgb, widthMm: number, dash?: readonly number[]) => {
    const quads = strokeQuads(points.map((v) => v * pxPerMm), Math.max(1, widthMm * pxPerMm), dash?.map((d) => d * pxPerMm));
    for (const quad of quads) raster.fill([quad], { colour });
  };
  const draw = (ops: readonly DrawOp[]) => {
    for (const op of ops) {
      if (op.kind === 'shape') {
        const rings = px(op.rings);
        if (op.fill) raster.fill(rings, { colour: op.fill });
        if (op.hatch) raster.fill(rings, { colour: op.hatch.colour, mask: hatchMask(op.hatch, pxPerMm) });
        if (op.stroke) for (const ring of op.rings) strokeOf([...ring, ring[0] as number, ring[1] as number], op.stroke, op.strokeMm ?? 0.2, op.dashMm);
      } else if (op.kind === 'line') strokeOf(op.points, op.stroke, op.strokeMm);
      else if (op.kind === 'clip') {
        raster.clip = { x0: op.x * pxPerMm, y0: op.y * pxPerMm, x1: (op.x + op.w) * pxPerMm, y1: (op.y + op.h) * pxPerMm };
        draw(op.ops);
        raster.clip = null;
      } else raster.fill(textRings(op.bold ? faces.bold : faces.regular, op, pxPerMm), { colour: op.colour });
    }
  };
  draw(sheet.ops);
  return raster;
}

async function encodeJpeg(raster: Raster, quality = 0.88): Promise<Uint8Array> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(raster.width, raster.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('2D canvas unavailable');
    context.putImageData(new ImageData(raster.data as Uint8ClampedArray<ArrayBuffer>, raster.width, raster.height), 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    return new Uint8Array(await blob.arrayBuffer());
  }
  // Node: no canvas; jpeg-js writes through Node's Buffer (which is why the browser does not use it).
  const { default: jpeg } = await import('jpeg-js');
  const encoded = jpeg.encode({ data: raster.data, width: raster.width, height: raster.height }, Math.round(quality * 100));
  return new Uint8Array(encoded.data);
}

/** The JFIF header (APP0) right after the start of the image: identifier, version, then units and X/Y density. */
const JFIF_IDENTIFIER = [0x4a, 0x46, 0x49, 0x46, 0x00];
const JFIF_DOTS_PER_INCH = 1;

/**
 * The JPG with the resolution it was drawn at in its JFIF header. Both encoders (the browser's and jpeg-js)
 * write a density of 1:1 without units, so image viewers and printers assume 72 or 96 dpi and a sheet drawn
 * at 1:2000 prints at another scale than it states.
 */
function withResolution(jpeg: Uint8Array, dpi: number): Uint8Array {
  const hasJfif = jpeg[2] === 0xff && jpeg[3] === 0xe0 && JFIF_IDENTIFIER.every((b, i) => jpeg[6 + i] === b);
  if (!hasJfif) return jpeg;
  const out = jpeg.slice();
  const density = Math.round(dpi);
  out[13] = JFIF_DOTS_PER_INCH;
  out.set([density >> 8, density & 0xff, density >> 8, density & 0xff], 14);
  return out;
}

export async function sheetJpeg(sheet: Sheet, fonts: PrintFonts, dpi: number): Promise<Uint8Array> {
  return withResolution(await encodeJpeg(rasteriseSheet(sheet, fonts, dpi)), dpi);
}
