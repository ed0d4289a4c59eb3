/**
 * Hatch patterns drawn on a canvas at start-up: hatching carries meaning where colour cannot (villagers
 * print in grey; domain.md §3.4). Made here rather than shipped as sprites so there is nothing to fetch.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { HATCH_IMAGES } from './plan-style.ts';

type Stroke = { colour: string; width: number; directions: readonly ('/' | '\\' | '-' | '|')[]; spacing: number };

const PATTERNS: Readonly<Record<(typeof HATCH_IMAGES)[keyof typeof HATCH_IMAGES], Stroke>> = {
  [HATCH_IMAGES.demolition]: { colour: 'rgba(0,0,0,0.85)', width: 1.2, directions: ['/', '\\'], spacing: 10 },
  [HATCH_IMAGES.reserve]: { colour: 'rgba(170,120,0,0.9)', width: 1.4, directions: ['/'], spacing: 8 },
  [HATCH_IMAGES.forbidden]: { colour: 'rgba(0,130,60,0.7)', width: 1, directions: ['\\'], spacing: 10 },
  [HATCH_IMAGES.redline]: { colour: 'rgba(210,0,0,0.6)', width: 1, directions: ['/'], spacing: 12 },
  [HATCH_IMAGES.pbfModel]: { colour: 'rgba(160,120,0,0.8)', width: 1, directions: ['-', '|'], spacing: 8 },
};

function drawPattern(stroke: Stroke, pixelRatio: number): ImageData {
  const size = stroke.spacing * 2 * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.strokeStyle = stroke.colour;
  ctx.lineWidth = stroke.width * pixelRatio;
  const s = size;
  for (const dir of stroke.directions) {
    ctx.beginPath();
    // Lines are drawn across the tile edges too, so the pattern joins seamlessly when repeated.
    for (const offset of [-s, 0, s]) {
      if (dir === '/') { ctx.moveTo(offset, s); ctx.lineTo(offset + s, 0); }
      if (dir === '\\') { ctx.moveTo(offset, 0); ctx.lineTo(offset + s, s); }
    }
    if (dir === '-') { ctx.moveTo(0, s / 2); ctx.lineTo(s, s / 2); }
    if (dir === '|') { ctx.moveTo(s / 2, 0); ctx.lineTo(s / 2, s); }
    ctx.stroke();
  }
  return ctx.getImageData(0, 0, size, size);
}

export function addHatchPatterns(map: MapLibreMap): void {
  const pixelRatio = Math.max(1, Math.round(window.devicePixelRatio || 1));
  for (const [name, stroke] of Object.entries(PATTERNS)) {
    if (!map.hasImage(name)) map.addImage(name, drawPattern(stroke, pixelRatio), { pixelRatio });
  }
}
