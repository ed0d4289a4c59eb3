/**
 * Drawing on the 2026 database map (terra-draw, as the 2017 editor draws): one polygon or one line at a
 * time, handed to the caller when it is finished (a polygon closed by a click on its first vertex; a line
 * by a double-click or a click on its last point again, as terra-draw does) and taken off the map at once:
 * what it becomes is the caller's edit (commands/village-database/draw-over-plan, split-parcels). No
 * snapping: the edits cut the parcels along what was drawn, so it need not meet their outlines.
 *
 * Reshaping: one outline's vertices are draggable (terra-draw's select mode, as the 2017 editor reshapes),
 * and a click on a midpoint inserts a vertex there to drag, as in the 2017 editor; each finished drag is
 * handed over as the stored vertex (or the inserted point) and where it went, and the caller gives back
 * the outline to show next (changed by its edit, or as it was when the edit was refused).
 */
import type { LineString, Polygon, Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode, TerraDrawSelectMode, type GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { DRAW_STYLES } from '../draw/draw-styles.ts';

export interface DatabaseDraw {
  /** Starts drawing a polygon; `onFinish` gets it once it is closed. Drawing again replaces the listener. */
  start(onFinish: (polygon: Polygon) => void): void;
  /** Starts drawing a line; `onFinish` gets it once it is finished. Drawing again replaces the listener. */
  startLine(onFinish: (line: LineString) => void): void;
  /**
   * Makes the vertices of `ring` (an outer ring as stored) draggable; `onDragged` gets each finished drag and
   * returns the ring to show next. Reshaping again replaces the ring and the listener. False when terra-draw
   * cannot hold the ring (then nothing is draggable).
   */
  reshape(ring: readonly Position[], onDragged: (drag: VertexDrag) => readonly Position[]): boolean;
  /** Stops drawing or reshaping, dropping an unfinished shape. */
  stop(): void;
  readonly drawing: boolean;
}

/** A vertex dragged: where it was stored, and where it was dropped. */
export interface VertexDrag {
  readonly from: Position;
  readonly to: Position;
}

/** What is being drawn, and who gets it. */
type Drawing =
  | { readonly kind: 'idle' }
  | { readonly kind: 'polygon'; readonly onFinish: (polygon: Polygon) => void }
  | { readonly kind: 'linestring'; readonly onFinish: (line: LineString) => void }
  /**
   * `ring` is the outline as the caller gave it; `shown` is what terra-draw holds (its 9 decimals) and
   * `stored` the position each shown vertex stands for, vertex for vertex: the caller's, or for a vertex
   * inserted at a midpoint, where it was inserted.
   */
  | {
      readonly kind: 'select';
      readonly ring: readonly Position[];
      readonly stored: readonly Position[];
      readonly shown: readonly Position[];
      readonly onDragged: (drag: VertexDrag) => readonly Position[];
    };

/** terra-draw's `coordinatePrecision`: it refuses a polygon with finer coordinates. */
const PRECISION = 9;
const RESHAPED_ID = 'reshaped-outline';
const key = (p: Position) => `${p[0]},${p[1]}`;
const rounded = (p: Position): Position => [Number((p[0] as number).toFixed(PRECISION)), Number((p[1] as number).toFixed(PRECISION))];

/**
 * The drag between the ring as shown and as terra-draw reports it after the drag (it may have rewound it):
 * the one shown vertex gone and the one new position; undefined when nothing moved.
 */
function dragOf(drawing: Extract<Drawing, { kind: 'select' }>, edited: readonly Position[]): VertexDrag | undefined {
  const shownKeys = new Set(drawing.shown.map(key));
  const editedKeys = new Set(edited.map(key));
  const to = edited.find((p) => !shownKeys.has(key(p)));
  const gone = drawing.shown.findIndex((p) => !editedKeys.has(key(p)));
  const from = drawing.stored[gone];
  return to && from ? { from, to: [...to] } : undefined;
}

/** The stored position of each vertex of `edited`, the shown ring with one vertex inserted: a new vertex stands for itself. */
function insertedInto(drawing: Extract<Drawing, { kind: 'select' }>, edited: readonly Position[]): Position[] {
  const storedOf = new Map(drawing.shown.map((p, i) => [key(p), drawing.stored[i] as Position]));
  return edited.map((p) => storedOf.get(key(p)) ?? [...p]);
}

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
        new TerraDrawSelectMode({
          allowManualSelection: false,
          allowManualDeselection: false,
          keyEvents: null,
          pointerDistance: 20,
          styles: DRAW_STYLES.select,
          flags: { polygon: { feature: { coordinates: { draggable: true, midpoints: true } } } },
        }),
      ],
    });
    created.start();
    created.on('finish', (id, context) => {
      const finished = created.getSnapshotFeature(id);
      const geometry = finished?.geometry;
      if (drawing.kind === 'select') {
        if (geometry?.type !== 'Polygon') return;
        const edited = (geometry as Polygon).coordinates[0] ?? [];
        if (context.action === 'insertMidpoint') {
          // A click on a midpoint inserted a vertex there, to be dragged next: it stands for itself, a point
          // on the stored edge (within terra-draw's 0.1 mm), which that drag's end then moves.
          drawing = { ...drawing, shown: edited, stored: insertedInto(drawing, edited) };
          return;
        }
        if (context.action !== 'dragCoordinate') return;
        const reshaping = drawing;
        const drag = dragOf(reshaping, edited);
        const next = drag ? reshaping.onDragged(drag) : reshaping.ring;
        // Shown again once terra-draw has finished its own handling of the drag.
        setTimeout(() => {
          if (drawing === reshaping) showOutline(next, reshaping.onDragged);
        }, 0);
        return;
      }
      created.removeFeatures([id]);
      if (drawing.kind === 'polygon' && geometry?.type === 'Polygon') drawing.onFinish(geometry);
      if (drawing.kind === 'linestring' && geometry?.type === 'LineString') drawing.onFinish(geometry);
    });
    draw = created;
    return created;
  };
  /** Puts `ring` into terra-draw, selected so its vertices drag; false when terra-draw refuses it. */
  const showOutline = (ring: readonly Position[], onDragged: (drag: VertexDrag) => readonly Position[]): boolean => {
    const terra = made();
    const shown = ring.map(rounded);
    drawing = { kind: 'select', ring, stored: ring, shown, onDragged };
    terra.clear();
    terra.setMode('select');
    const outline: GeoJSONStoreFeatures = { id: RESHAPED_ID, type: 'Feature', geometry: { type: 'Polygon', coordinates: [shown.map((p) => [...p])] }, properties: { mode: 'polygon' } };
    const [added] = terra.addFeatures([outline]);
    if (!added?.valid) return false;
    terra.selectFeature(RESHAPED_ID);
    return true;
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
    reshape(ring, onDragged) {
      if (drawing.kind === 'select' && drawing.ring === ring) {
        drawing = { ...drawing, onDragged };
        return true;
      }
      return showOutline(ring, onDragged);
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
