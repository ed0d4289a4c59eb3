/**
 * terra-draw as the input device (architecture.md): it holds only the feature being drawn or reshaped,
 * and every finished gesture becomes a command on the plan store. What the controller is doing is one
 * `Gesture` (gesture.ts: idle, drawing for a tool, reshaping a feature, an abandoned drag); the transitions
 * are pure functions there, and this file runs their effects. terra-draw's modes: `polygon` (draw, cut
 * hole), `linestring` (split line), `select` (reshape the one selected drawn feature), `static` (idle).
 */
import type { Polygon, Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { AreaGeometry } from '../../domain/features.ts';
import type { FeatureId } from '../../domain/ids.ts';
import { LAYERS } from '../../profiles/zhejiang-2017/layers.ts';
import type { Message } from '../../domain/message.ts';
import { findFeature } from '../../domain/plan.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { intersection } from '../../geo/overlay.ts';
import { addFeature } from '../../commands/add-feature.command.ts';
import type { CommandResult } from '../../commands/command.ts';
import { drawOverPartition, isPartitionDrawnLayer } from '../../commands/draw-over-partition.command.ts';
import { cutHole } from '../../commands/cut-hole.command.ts';
import { splitFeatures } from '../../commands/split.command.ts';
import { featuresWithVertex } from '../../commands/reshape.command.ts';
import type { Editor } from '../../store/editor.ts';
import { polygonValidation, reshapeValidation, type ProblemReporter } from './draw-validation.ts';
import { draggedOf, escaped, finished, gestureFor, IDLE, modeOf, reshapedId, stepApplied, type DrawingTool, type Gesture } from './gesture.ts';
import { applyReshape, samePolygon } from './reshape-diff.ts';
import { DRAW_PRECISION, forTerraDraw, fromTerraDraw } from './draw-precision.ts';
import { createSnapper } from './snapping.ts';
import { DRAW_STYLES } from './draw-styles.ts';
import { runCommand } from '../../store/run-command.ts';

export interface DrawController {
  /** True when the pointer event is over a vertex or midpoint of the feature being reshaped. */
  isOnReshapeHandle(point: { x: number; y: number }): boolean;
  /** Escape: abandons the drawing or drag in progress. Returns whether there was one. */
  cancel(): boolean;
  destroy(): void;
}

const HANDLE_PX = 12;

export function createDrawController(map: MapLibreMap, editor: Editor): DrawController {
  let gesture: Gesture = IDLE;
  /**
   * The polygon terra-draw holds for reshaping, as last known here (given to it, or read from it after its
   * last change), or null when unknown. Lets a plan change be checked against it without asking terra-draw
   * for a copy, and skipped outright when the stored geometry is the very object `shown` was made from.
   */
  let shown: Polygon | null = null;
  let shownFrom: Polygon | null = null;
  /** How deep the controller is in its own changes to terra-draw, whose change events are not the planner's. */
  let ownChanges = 0;
  /** The switch back to the select tool after a split or a hole (see `runDrawing`). */
  let backToSelect: ReturnType<typeof setTimeout> | undefined;

  const report: ProblemReporter = (message, at) => editor.messages.showAt(message, at);
  const snapToCustom = createSnapper(map, editor, () => excludedFromSnapping());

  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: DRAW_PRECISION }),
    idStrategy: { isValidId: (id) => typeof id === 'string' && id.length > 0, getId: () => crypto.randomUUID() },
    modes: [
      new TerraDrawPolygonMode({
        snapping: { toCustom: snapToCustom },
        validation: polygonValidation(report, (polygon) => finishCheck(polygon)),
        styles: DRAW_STYLES.polygon,
        pointerDistance: 20,
      }),
      new TerraDrawLineStringMode({ snapping: { toCustom: snapToCustom }, styles: DRAW_STYLES.linestring, pointerDistance: 20 }),
      new TerraDrawSelectMode({
        allowManualSelection: false,
        allowManualDeselection: false,
        keyEvents: null,
        pointerDistance: 20,
        styles: DRAW_STYLES.select,
        flags: {
          polygon: {
            feature: {
              validation: reshapeValidation(report),
              coordinates: { draggable: true, deletable: true, midpoints: true, snappable: { toCustom: snapToCustom } },
            },
          },
        },
      }),
    ],
  });
  draw.start();

  /** Runs the controller's own changes to terra-draw; the guard is released however they end. */
  function own<T>(change: () => T): T {
    ownChanges++;
    try {
      return change();
    } finally {
      ownChanges--;
    }
  }

  /** A drawing is refused at the finish when it has nothing to do with the village or the target. */
  function finishCheck(polygon: Polygon): Message | undefined {
    if (gesture.kind === 'drawing' && gesture.tool.kind === 'cutHole') {
      const target = primarySelection();
      if (!target) return { key: 'commands.error.nothingSelected' };
      const inside = intersection(polygon, target.geometry);
      if (!inside.ok || !inside.value) return { key: 'commands.hole.outsideFeature' };
      return undefined;
    }
    const boundaries = Object.values(editor.plan.getState().plan.layers.boundary);
    if (boundaries.length === 0) return undefined;
    const overlaps = boundaries.some((b) => {
      const part = intersection(polygon, b.geometry);
      return part.ok && part.value !== null && ellipsoidalArea(part.value) >= 0.01;
    });
    return overlaps ? undefined : { key: 'commands.add.outsideVillage' };
  }

  function primarySelection(): { id: FeatureId; geometry: AreaGeometry } | undefined {
    const [id] = editor.selection.getState().ids;
    const feature = id ? findFeature(editor.plan.getState().plan, id) : undefined;
    return feature && feature.geometry.type !== 'Point' ? { id: feature.id, geometry: feature.geometry as AreaGeometry } : undefined;
  }

  /** What snapping ignores: the feature being reshaped and, while dragging, everything that moves along. */
  function excludedFromSnapping(): ReadonlySet<string> {
    const id = reshapedId(gesture);
    if (!id) return new Set();
    const target = findFeature(editor.plan.getState().plan, id);
    if (!target || target.geometry.type !== 'Polygon') return new Set([id]);
    const dragged = draggedOf(gesture);
    // The store's position of the vertex terra-draw reports as being dragged.
    const vertex = dragged ? target.geometry.coordinates[0]?.[dragged.index] : undefined;
    const moving = vertex ? featuresWithVertex(editor.plan.context(), vertex).map((h) => h.feature.id) : [];
    return new Set([id, ...moving]);
  }

  /** The stored polygon of a feature, if it is one. */
  function storedPolygon(id: FeatureId): Polygon | undefined {
    const geometry = findFeature(editor.plan.getState().plan, id)?.geometry;
    return geometry?.type === 'Polygon' ? geometry : undefined;
  }

  // ── Gestures follow the tool and the selection ─────────────────────────────────────────────────
  /** The one selected feature that can be reshaped now: an editable polygon on a shown layer. */
  function reshapeTarget(): FeatureId | null {
    const ids = editor.selection.getState().ids;
    if (ids.length !== 1) return null;
    const feature = findFeature(editor.plan.getState().plan, ids[0] as FeatureId);
    if (!feature || !LAYERS[feature.layer].geometryEditable || feature.geometry.type !== 'Polygon') return null;
    return editor.ui.getState().layers[feature.layer].visible ? feature.id : null;
  }

  function wanted(): Gesture {
    return gestureFor(editor.tool.getState().tool, reshapeTarget);
  }

  /** Starts the gesture the tool and the selection call for, with terra-draw emptied. */
  function enter(): void {
    const next = wanted();
    editor.tool.setLiveArea(null);
    gesture = IDLE;
    shown = null;
    shownFrom = null;
    own(() => {
      draw.clear();
      draw.setMode(modeOf(next));
      const id = reshapedId(next);
      if (!id) {
        gesture = next;
        return;
      }
      const polygon = storedPolygon(id);
      const given = polygon && forTerraDraw(polygon);
      const [result] = given ? draw.addFeatures([{ id, type: 'Feature', geometry: given, properties: { mode: 'polygon' } } as GeoJSONStoreFeatures]) : [];
      // A shape terra-draw still refuses (too few distinct vertices at its precision, say) leaves nothing
      // to reshape: select mode without a feature does nothing.
      if (!polygon || !given || !result?.valid) return;
      draw.selectFeature(id);
      gesture = next;
      shown = given;
      shownFrom = polygon;
    });
  }

  /** Puts the store's geometry back into terra-draw (after undo, a refused move, or an Escape). */
  function restore(): void {
    const id = reshapedId(gesture);
    if (!id) return;
    const polygon = storedPolygon(id);
    if (!polygon) {
      enter();
      return;
    }
    try {
      const given = forTerraDraw(polygon);
      own(() => draw.updateFeatureGeometry(id, given));
      shown = given;
      shownFrom = polygon;
    } catch {
      // terra-draw throws on a shape it cannot hold (a ring another tab reduced to a sliver, say): start over as on a new
      // selection, which leaves nothing to reshape, instead of throwing out of a plan listener.
      enter();
    }
  }

  /** Whether terra-draw shows the stored polygon of the reshaped feature as it is. */
  function showsStored(id: FeatureId, stored: Polygon): boolean {
    if (stored === shownFrom) return true;
    const inDraw = shown ?? draw.getSnapshotFeature(id)?.geometry;
    // Both rounded: a vertex snapped onto an imported corner may reach terra-draw at full precision.
    return inDraw?.type === 'Polygon' && samePolygon(forTerraDraw(stored), forTerraDraw(inDraw as Polygon));
  }

  // ── terra-draw events become commands ──────────────────────────────────────────────────────────
  draw.on('change', (ids, type, context) => {
    if (ownChanges > 0 || (context && 'origin' in context && context.origin === 'api')) return;
    if (gesture.kind === 'drawing') {
      if (modeOf(gesture) !== 'polygon') return;
      const drawing = draw.getSnapshot().find((f) => f.properties.currentlyDrawing && f.geometry.type === 'Polygon');
      editor.tool.setLiveArea(drawing && (drawing.geometry as Polygon).coordinates[0]!.length >= 4 ? ellipsoidalArea(drawing.geometry as Polygon) : null);
      return;
    }
    const id = reshapedId(gesture);
    if (!id || !ids.includes(id)) return;
    // terra-draw changed the reshaped feature: what it shows is known again only from a fresh copy.
    shown = null;
    shownFrom = null;
    if (gesture.kind !== 'reshaping' || type !== 'update') return;
    const edited = draw.getSnapshotFeature(id);
    if (!edited || edited.geometry.type !== 'Polygon') return;
    const polygon = edited.geometry as Polygon;
    shown = polygon;
    const stored = storedPolygon(id);
    const outcome = applyReshape(editor, id, stored ? fromTerraDraw(polygon, stored) : polygon);
    gesture = stepApplied(gesture, outcome.draggedIndex);
    if (!outcome.ok) {
      if (outcome.message) report(outcome.message, outcome.message.at ?? polygon.coordinates[0]![0]!);
      restore();
    }
  });

  draw.on('finish', (id, context) => {
    const { gesture: next, effect } = finished(gesture, context.action);
    gesture = next;
    if (effect.kind === 'commit') editor.plan.commitGesture();
    else if (effect.kind === 'restore') restore();
    else if (effect.kind === 'run') runDrawing(id, effect.tool, effect.thenSelect);
  });

  /** A finished drawing leaves terra-draw and becomes the tool's command. */
  function runDrawing(id: string | number, tool: DrawingTool, thenSelect: boolean): void {
    const finishedFeature = draw.getSnapshotFeature(id);
    own(() => draw.removeFeatures([id]));
    editor.tool.setLiveArea(null);
    if (!finishedFeature) return;
    const geometry = finishedFeature.geometry;
    const ctx = editor.plan.context();
    let result: CommandResult | undefined;
    if (tool.kind === 'draw') {
      const clip = editor.tool.getState().clipToNeighbours;
      // On a partition layer "clip" means the new zone takes its area from the zones underneath (rezoning).
      result = clip && isPartitionDrawnLayer(tool.layer)
        ? drawOverPartition(ctx, { layer: tool.layer, geometry: geometry as Polygon })
        : addFeature(ctx, { layer: tool.layer, geometry: geometry as Polygon, clipToNeighbours: clip });
    } else if (tool.kind === 'cutHole') {
      const target = primarySelection();
      result = target ? cutHole(ctx, target.id, geometry as Polygon) : undefined;
    } else {
      result = splitFeatures(ctx, editor.selection.getState().ids, (geometry as { coordinates: Position[] }).coordinates);
    }
    if (!result) return;
    // A refusal (the command's, or the plan's while read-only) is shown where the drawing ended.
    const outcome = runCommand(editor, result, { onRefused: (message) => report(message, message.at ?? lastPosition(geometry)) });
    if (!outcome.ok || !thenSelect) return;
    // Not a state transition: the click that finished the line is still being dispatched. terra-draw
    // finishes on its pointerup, and the map's click that follows (interaction.ts) would, with the select
    // tool already on, select whatever lies under it in place of the pieces just selected. No event marks
    // the end of that dispatch for every way of finishing (Enter has no click, a touch no mouse events);
    // the next task after it does.
    const drewWith = editor.tool.getState().tool;
    clearTimeout(backToSelect);
    backToSelect = setTimeout(() => {
      backToSelect = undefined;
      if (editor.tool.getState().tool === drewWith) editor.tool.setTool({ kind: 'select' });
    }, 0);
  }

  const offTool = editor.tool.subscribe((next, previous) => {
    if (next.tool !== previous.tool) enter();
  });
  const offSelection = editor.selection.subscribe(() => {
    if (reshapedId(wanted()) !== reshapedId(gesture)) enter();
  });
  const offUi = editor.ui.subscribe((next, previous) => {
    if (next.layers !== previous.layers && reshapedId(wanted()) !== reshapedId(gesture)) enter();
  });
  const offPlan = editor.plan.onChange((event) => {
    const id = reshapedId(gesture);
    if (!id) return;
    if (event.kind === 'reset' || event.patch.features.some((c) => c.id === id)) {
      const stored = findFeature(event.plan, id);
      if (!stored || stored.geometry.type !== 'Polygon' || !showsStored(id, stored.geometry)) restore();
    }
  });
  enter();

  return {
    isOnReshapeHandle(point) {
      const id = reshapedId(gesture);
      const polygon = id ? storedPolygon(id) : undefined;
      if (!polygon) return false;
      const ring = polygon.coordinates[0] ?? [];
      return ring.some((p, i) => {
        const next = ring[i + 1];
        const candidates = next ? [p, [((p[0] as number) + (next[0] as number)) / 2, ((p[1] as number) + (next[1] as number)) / 2]] : [p];
        return candidates.some((c) => {
          const q = map.project([c[0] as number, c[1] as number]);
          return Math.hypot(q.x - point.x, q.y - point.y) <= HANDLE_PX;
        });
      });
    },
    cancel() {
      const inProgress = () => draw.getSnapshot().some((f) => f.properties.currentlyDrawing);
      const { gesture: next, effect } = escaped(gesture, editor.plan.getState().history.gesture !== null, inProgress);
      gesture = next;
      if (effect === 'rollback') {
        editor.plan.cancelGesture();
        restore();
      } else if (effect === 'restart') {
        enter();
        editor.messages.clearCursor();
      }
      return effect !== 'none';
    },
    destroy() {
      clearTimeout(backToSelect);
      offTool();
      offSelection();
      offUi();
      offPlan();
      draw.stop();
    },
  };
}

function lastPosition(geometry: GeoJSONStoreFeatures['geometry']): Position {
  if (geometry.type === 'Polygon') return geometry.coordinates[0]?.[0] ?? [0, 0];
  if (geometry.type === 'LineString') return geometry.coordinates.at(-1) ?? [0, 0];
  return [0, 0];
}
