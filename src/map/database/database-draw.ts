/**
 * Drawing on the 2026 database map (terra-draw, as the 2017 editor draws): one polygon or one line at a
 * time, handed to the caller when it is finished (a polygon closed by a click on its first vertex; a line
 * by a double-click or a click on its last point again, as terra-draw does) and taken off the map at once:
 * what it becomes is the caller's edit (commands/village-database/draw-over-plan, split-parcels). No
 * snapping: the edits cut the parcels along what was drawn, so it need not meet their outlines.
 */
import type { LineString, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { DRAW_STYLES } from '../draw/draw-styles.ts';

export interface DatabaseDraw {
  /** Starts drawing a polygon; `onFinish` gets it once it is closed. Drawing again replaces the listener. */
  start(onFinish: (polygon: Polygon) => void): void;
  /** Starts drawing a line; `onFinish` gets it once it is finished. Drawing again replaces the listener. */
  startLine(onFinish: (line: LineString) => void): void;
  /** Stops drawing, dropping an unfinished shape. */
  stop(): void;
  readonly drawing: boolean;
}

/** What is being drawn, and who gets it. */
type Drawing =
  | { readonly kind: 'idle' }
  | { readonly kind: 'polygon'; readonly onFinish: (polygon: Polygon) => void }
  | { readonly kind: 'linestring'; readonly onFinish: (line: LineString) => void };

export function createDatabaseDraw(map: MapLibreMap): DatabaseDraw {
  let draw: TerraDraw | null = null;
  let drawing: Drawing = { kind: 'idle' };
  const made = (): TerraDraw => {
    if (draw) return draw;
    const created = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 9 }),
      idStrategy: { isValidId: (id) => typeof id === 'string' && id.length > 0, getId: () => crypto.randomUUID() },
      modes: [
        new TerraDrawPolygonMode({ styles: DRAW_STYLES.polygon, pointerDistance: 20 }),
        new TerraDrawLineStringMode({ styles: DRAW_STYLES.linestring, pointerDistance: 20 }),
      ],
    });
    created.start();
    created.on('finish', (id) => {
      const finished = created.getSnapshotFeature(id);
      created.removeFeatures([id]);
      const geometry = finished?.geometry;
      if (drawing.kind === 'polygon' && geometry?.type === 'Polygon') drawing.onFinish(geometry);
      if (drawing.kind === 'linestring' && geometry?.type === 'LineString') drawing.onFinish(geometry);
    });
    draw = created;
    return created;
  };
  const begin = (next: Exclude<Drawing, { kind: 'idle' }>) => {
    drawing = next;
    made().setMode(next.kind);
  };
  return {
    start(onFinish) {
      begin({ kind: 'polygon', onFinish });
    },
    startLine(onFinish) {
      begin({ kind: 'linestring', onFinish });
    },
    stop() {
      drawing = { kind: 'idle' };
      if (!draw) return;
      draw.clear();
      draw.setMode('static');
    },
    get drawing() {
      return drawing.kind !== 'idle';
    },
  };
}
