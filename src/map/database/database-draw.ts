/**
 * Drawing on the 2026 database map (terra-draw, as the 2017 editor draws): one polygon at a time, handed
 * to the caller when it is closed (a click on its first vertex) and taken off the map at once: what it
 * becomes is the caller's edit (commands/village-database/draw-over-plan). No snapping: the edit cuts the
 * parcels along the drawn outline, so the outline need not meet theirs.
 */
import type { Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawPolygonMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { DRAW_STYLES } from '../draw/draw-styles.ts';

export interface DatabaseDraw {
  /** Starts drawing a polygon; `onFinish` gets it once it is closed. Drawing again replaces the listener. */
  start(onFinish: (polygon: Polygon) => void): void;
  /** Stops drawing, dropping an unfinished outline. */
  stop(): void;
  readonly drawing: boolean;
}

export function createDatabaseDraw(map: MapLibreMap): DatabaseDraw {
  let draw: TerraDraw | null = null;
  let listener: ((polygon: Polygon) => void) | null = null;
  const made = (): TerraDraw => {
    if (draw) return draw;
    const created = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 9 }),
      idStrategy: { isValidId: (id) => typeof id === 'string' && id.length > 0, getId: () => crypto.randomUUID() },
      modes: [new TerraDrawPolygonMode({ styles: DRAW_STYLES.polygon, pointerDistance: 20 })],
    });
    created.start();
    created.on('finish', (id) => {
      const finished = created.getSnapshotFeature(id);
      created.removeFeatures([id]);
      if (finished?.geometry.type === 'Polygon') listener?.(finished.geometry as Polygon);
    });
    draw = created;
    return created;
  };
  return {
    start(onFinish) {
      listener = onFinish;
      made().setMode('polygon');
    },
    stop() {
      listener = null;
      if (!draw) return;
      draw.clear();
      draw.setMode('static');
    },
    get drawing() {
      return listener !== null;
    },
  };
}
