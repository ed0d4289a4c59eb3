/**
 * The notice's first view: the village drawn with Canvas 2D straight from the decoded payload, before
 * MapLibre's 1.1 MB of code is even compiled, and the whole map on phones without WebGL. It paints the
 * notice style (notice-style.ts, i.e. the editor's plan-style.ts layers) itself: fills, outlines, dashes,
 * circles; pattern fills (hatching) are left to MapLibre. MapLibre's own expression evaluator is in its
 * style-spec package, which would bring back the code this view exists to avoid, so the few expression
 * forms the plan style uses are evaluated here (`evaluate`); anything else makes that paint fall back to
 * its default, never an error.
 */
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { inverseMercator, mercator, worldSize, type Camera } from './notice-style.ts';

type Value = string | number | boolean | null;
type Properties = Readonly<Record<string, unknown>>;

/** Evaluates a style value for one feature at a zoom: literals, get, match, case, ==, !=, slice, linear interpolate on zoom. */
export function evaluate(expression: unknown, properties: Properties, zoom: number): Value {
  if (!Array.isArray(expression)) return typeof expression === 'string' || typeof expression === 'number' || typeof expression === 'boolean' ? expression : null;
  const [op, ...args] = expression as [unknown, ...unknown[]];
  const at = (i: number) => evaluate(args[i], properties, zoom);
  switch (op) {
    case 'get': {
      const value = properties[String(args[0])];
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
    }
    case 'zoom': return zoom;
    case '==': return at(0) === at(1);
    case '!=': return at(0) !== at(1);
    case 'slice': {
      const text = at(0);
      return typeof text === 'string' ? text.slice(Number(at(1)), args.length > 2 ? Number(at(2)) : undefined) : null;
    }
    case 'match': {
      const input = at(0);
      for (let i = 1; i + 1 < args.length; i += 2) {
        const label = args[i];
        if (Array.isArray(label) ? (label as unknown[]).includes(input) : label === input) return at(i + 1);
      }
      return at(args.length - 1);
    }
    case 'case': {
      for (let i = 0; i + 1 < args.length; i += 2) if (at(i) === true) return at(i + 1);
      return at(args.length - 1);
    }
    case 'interpolate': {
      // ['interpolate', ['linear'], input, stop, value, …]: the plan style interpolates line widths on zoom.
      const input = Number(at(1));
      const stops: [number, number][] = [];
      for (let i = 2; i + 1 < args.length; i += 2) stops.push([Number(args[i]), Number(at(i + 1))]);
      const first = stops[0];
      const last = stops[stops.length - 1];
      if (!first || !last) return null;
      if (input <= first[0]) return first[1];
      if (input >= last[0]) return last[1];
      for (let i = 1; i < stops.length; i++) {
        const [z0, v0] = stops[i - 1] as [number, number];
        const [z1, v1] = stops[i] as [number, number];
        if (input <= z1) return v0 + ((v1 - v0) * (input - z0)) / (z1 - z0);
      }
      return last[1];
    }
    default: return null;
  }
}

/** A view of the map: the camera and the canvas's size in CSS pixels. */
export interface CanvasView {
  readonly camera: Camera;
  readonly width: number;
  readonly height: number;
}

/** CSS-pixel position of a lon/lat in a view (as MapLibre's `project`). */
export function projectPoint(view: CanvasView, lonLat: Position): [number, number] {
  const size = worldSize(view.camera.zoom);
  const [cx, cy] = mercator(view.camera.center[0], view.camera.center[1]);
  const [x, y] = mercator(lonLat[0] as number, lonLat[1] as number);
  return [(x - cx) * size + view.width / 2, (y - cy) * size + view.height / 2];
}

/** Rings in world units, kept per ring: a redraw (a search, a resize) only scales and shifts them. */
const worldRings = new WeakMap<readonly Position[], Float64Array>();

function worldRing(ring: readonly Position[]): Float64Array {
  let xy = worldRings.get(ring);
  if (!xy) {
    xy = new Float64Array(ring.length * 2);
    ring.forEach((p, i) => {
      const [x, y] = mercator(p[0] as number, p[1] as number);
      (xy as Float64Array)[2 * i] = x;
      (xy as Float64Array)[2 * i + 1] = y;
    });
    worldRings.set(ring, xy);
  }
  return xy;
}

export function unprojectPoint(view: CanvasView, x: number, y: number): [number, number] {
  const size = worldSize(view.camera.zoom);
  const [cx, cy] = mercator(view.camera.center[0], view.camera.center[1]);
  return inverseMercator(cx + (x - view.width / 2) / size, cy + (y - view.height / 2) / size);
}

function addRings(path: Path2D, view: CanvasView, rings: readonly (readonly Position[])[], close: boolean): void {
  const size = worldSize(view.camera.zoom);
  const [cx, cy] = mercator(view.camera.center[0], view.camera.center[1]);
  const dx = view.width / 2 - cx * size;
  const dy = view.height / 2 - cy * size;
  for (const ring of rings) {
    const xy = worldRing(ring);
    if (xy.length < 2) continue;
    path.moveTo((xy[0] as number) * size + dx, (xy[1] as number) * size + dy);
    for (let i = 2; i < xy.length; i += 2) path.lineTo((xy[i] as number) * size + dx, (xy[i + 1] as number) * size + dy);
    if (close) path.closePath();
  }
}

function featureRings(feature: Feature): Position[][] {
  const g = feature.geometry;
  switch (g.type) {
    case 'Polygon': return g.coordinates;
    case 'MultiPolygon': return g.coordinates.flat();
    case 'LineString': return [g.coordinates];
    case 'MultiLineString': return g.coordinates;
    default: return [];
  }
}

function points(feature: Feature): Position[] {
  const g = feature.geometry;
  return g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : [];
}

/** Features of a layer grouped by their evaluated paint, so each group is one path filled or stroked once. */
function groups(features: readonly Feature[], paintOf: (properties: Properties) => string | null): Map<string, Feature[]> {
  const out = new Map<string, Feature[]>();
  for (const feature of features) {
    const key = paintOf(feature.properties ?? {});
    if (key === null) continue;
    const list = out.get(key);
    if (list) list.push(feature);
    else out.set(key, [feature]);
  }
  return out;
}

function passes(layer: LayerSpecification, properties: Properties, zoom: number): boolean {
  return !('filter' in layer) || layer.filter === undefined || evaluate(layer.filter, properties, zoom) === true;
}

/**
 * Draws `layers` from `sources` into the canvas at `view`: the canvas's backing store is sized for the
 * device's pixel ratio, so lines stay as crisp as MapLibre's.
 */
export function drawLayers(canvas: HTMLCanvasElement, view: CanvasView, pixelRatio: number, layers: readonly LayerSpecification[], sources: ReadonlyMap<string, FeatureCollection>): void {
  const width = Math.max(1, Math.round(view.width * pixelRatio));
  const height = Math.max(1, Math.round(view.height * pixelRatio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return;
  const zoom = view.camera.zoom;
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.clearRect(0, 0, view.width, view.height);
  for (const layer of layers) {
    if (layer.layout?.visibility === 'none') continue;
    // Paint is read as plain data: its members are expressions evaluate() understands or ignores.
    const paint = (layer.paint ?? {}) as Readonly<Record<string, unknown>>;
    const value = (name: string, properties: Properties, fallback: Value): Value => (name in paint ? evaluate(paint[name], properties, zoom) : fallback) ?? fallback;
    if (layer.type === 'background') {
      context.fillStyle = String(value('background-color', {}, '#000000'));
      context.fillRect(0, 0, view.width, view.height);
      continue;
    }
    if (!('source' in layer) || typeof layer.source !== 'string') continue;
    const features = (sources.get(layer.source)?.features ?? []).filter((f) => passes(layer, f.properties ?? {}, zoom));
    if (features.length === 0) continue;
    if (layer.type === 'fill') {
      // Hatching (fill-pattern) needs MapLibre's pattern images: the first view shows the colours only.
      if ('fill-pattern' in paint) continue;
      const byPaint = groups(features, (p) => {
        const opacity = Number(value('fill-opacity', p, 1));
        return opacity > 0 ? `${String(value('fill-color', p, '#000000'))}|${opacity}` : null;
      });
      for (const [key, list] of byPaint) {
        const [colour, opacity] = key.split('|') as [string, string];
        const path = new Path2D();
        for (const f of list) addRings(path, view, featureRings(f), true);
        context.globalAlpha = Number(opacity);
        context.fillStyle = colour;
        context.fill(path, 'evenodd');
      }
    } else if (layer.type === 'line') {
      const byPaint = groups(features, (p) => `${String(value('line-color', p, '#000000'))}|${Number(value('line-width', p, 1))}|${Number(value('line-opacity', p, 1))}`);
      // Dashes in MapLibre are in multiples of the line's width.
      const dashes = Array.isArray(paint['line-dasharray']) ? (paint['line-dasharray'] as unknown[]).map(Number) : [];
      for (const [key, list] of byPaint) {
        const [colour, lineWidth, opacity] = key.split('|') as [string, string, string];
        const path = new Path2D();
        for (const f of list) addRings(path, view, featureRings(f), f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
        context.globalAlpha = Number(opacity);
        context.strokeStyle = colour;
        context.lineWidth = Number(lineWidth);
        context.setLineDash(dashes.map((d) => d * Number(lineWidth)));
        context.stroke(path);
      }
      context.setLineDash([]);
    } else if (layer.type === 'circle') {
      for (const f of features) {
        const p = f.properties ?? {};
        const radius = Number(value('circle-radius', p, 5));
        const stroke = Number(value('circle-stroke-width', p, 0));
        for (const at of points(f)) {
          const [x, y] = projectPoint(view, at);
          context.globalAlpha = 1;
          context.beginPath();
          context.arc(x, y, radius, 0, 2 * Math.PI);
          context.fillStyle = String(value('circle-color', p, '#000000'));
          context.fill();
          if (stroke > 0) {
            context.lineWidth = stroke;
            context.strokeStyle = String(value('circle-stroke-color', p, '#000000'));
            context.stroke();
          }
        }
      }
    }
    context.globalAlpha = 1;
  }
}
