/**
 * terra-draw as the input device (architecture.md): it holds only the feature being drawn or reshaped,
 * and every finished gesture becomes a command on the plan store. Modes: `polygon` (draw, cut hole),
 * `linestring` (split line), `select` (reshape the one selected drawn feature), `static` (idle).
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
import { LAYERS } from '../../domain/layers.ts';
import type { Message } from '../../domain/message.ts';
import { findFeature } from '../../domain/plan.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { intersection } from '../../geo/overlay.ts';
import { addFeature } from '../../commands/add-feature.command.ts';
import { drawOverPartition, isPartitionDrawnLayer } from '../../commands/draw-over-partition.command.ts';
import { cutHole } from '../../commands/cut-hole.command.ts';
import { splitFeatures } from '../../commands/split.command.ts';
import { featuresWithVertex } from '../../commands/reshape.command.ts';
import type { Editor } from '../../store/editor.ts';
import { polygonValidation, reshapeValidation, type ProblemReporter } from './draw-validation.ts';
import { applyReshape } from './reshape-diff.ts';
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
  let reshapeId: FeatureId | null = null;
  let dragCancelled = false;
  let syncing = false;

  const report: ProblemReporter = (message, at) => editor.messages.showAt(message, at);
  const snapToCustom = createSnapper(map, editor, () => excludedFromSnapping());

  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 9 }),
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

  /** A drawing is refused at the finish when it has nothing to do with the village or the target. */
  function finishCheck(polygon: Polygon): Message | undefined {
    const tool = editor.tool.getState().tool;
    const plan = editor.plan.getState().plan;
    if (tool.kind === 'cutHole') {
      const target = primarySelection();
      if (!target) return { key: 'commands.error.nothingSelected' };
      const inside = intersection(polygon, target.geometry);
      if (!inside.ok || !inside.value) return { key: 'commands.hole.outsideFeature' };
      return undefined;
    }
    const boundaries = Object.values(plan.layers.boundary);
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

  /** What snapping ignores: the feature being drawn and, while dragging, everything that moves along. */
  function excludedFromSnapping(): ReadonlySet<string> {
    if (!reshapeId) return new Set();
    const target = findFeature(editor.plan.getState().plan, reshapeId);
    if (!target || target.geometry.type !== 'Polygon') return new Set([reshapeId]);
    const dragged = draggedVertex(target.geometry);
    const moving = dragged ? featuresWithVertex(editor.plan.context(), dragged).map((f) => f.id) : [];
    return new Set([reshapeId, ...moving]);
  }

  /** The store's position of the vertex terra-draw reports as being dragged. */
  let draggedIndex: number | null = null;
  function draggedVertex(polygon: Polygon): Position | undefined {
    return draggedIndex === null ? undefined : polygon.coordinates[0]?.[draggedIndex];
  }

  // ── Modes follow the tool and the selection ────────────────────────────────────────────────────
  function reshapeTarget(): FeatureId | null {
    const tool = editor.tool.getState().tool;
    if (tool.kind !== 'select' && tool.kind !== 'boxSelect') return null;
    const ids = editor.selection.getState().ids;
    if (ids.length !== 1) return null;
    const feature = findFeature(editor.plan.getState().plan, ids[0] as FeatureId);
    if (!feature || !LAYERS[feature.layer].geometryEditable || feature.geometry.type !== 'Polygon') return null;
    return editor.ui.getState().layers[feature.layer].visible ? feature.id : null;
  }

  function applyMode(): void {
    const tool = editor.tool.getState().tool;
    editor.tool.setLiveArea(null);
    syncing = true;
    try {
      draw.clear();
      reshapeId = null;
      if (tool.kind === 'draw' || tool.kind === 'cutHole') draw.setMode('polygon');
      else if (tool.kind === 'split') draw.setMode('linestring');
      else {
        const target = reshapeTarget();
        const feature = target ? findFeature(editor.plan.getState().plan, target) : undefined;
        if (target && feature) {
          draw.setMode('select');
          const [result] = draw.addFeatures([{ id: target, type: 'Feature', geometry: feature.geometry, properties: { mode: 'polygon' } } as GeoJSONStoreFeatures]);
          if (result?.valid) {
            draw.selectFeature(target);
            reshapeId = target;
          }
        } else {
          draw.setMode('static');
        }
      }
    } finally {
      syncing = false;
    }
  }

  /** Puts the store's geometry back into terra-draw (after undo, a refused move, or an Escape). */
  function resyncReshape(): void {
    if (!reshapeId) return;
    const feature = findFeature(editor.plan.getState().plan, reshapeId);
    if (!feature || feature.geometry.type !== 'Polygon') {
      applyMode();
      return;
    }
    syncing = true;
    try {
      draw.updateFeatureGeometry(reshapeId, feature.geometry);
    } finally {
      syncing = false;
    }
  }

  // ── terra-draw events become commands ──────────────────────────────────────────────────────────
  draw.on('change', (ids, type, context) => {
    if (syncing || (context && 'origin' in context && context.origin === 'api')) return;
    const mode = draw.getMode();
    if (mode === 'polygon') {
      const drawing = draw.getSnapshot().find((f) => f.properties.currentlyDrawing && f.geometry.type === 'Polygon');
      editor.tool.setLiveArea(drawing && (drawing.geometry as Polygon).coordinates[0]!.length >= 4 ? ellipsoidalArea(drawing.geometry as Polygon) : null);
      return;
    }
    if (mode !== 'select' || type !== 'update' || !reshapeId || !ids.includes(reshapeId) || dragCancelled) return;
    const edited = draw.getSnapshotFeature(reshapeId);
    if (!edited || edited.geometry.type !== 'Polygon') return;
    const outcome = applyReshape(editor, reshapeId, edited.geometry as Polygon);
    draggedIndex = outcome.draggedIndex ?? draggedIndex;
    if (!outcome.ok) {
      if (outcome.message) report(outcome.message, outcome.message.at ?? (edited.geometry as Polygon).coordinates[0]![0]!);
      resyncReshape();
    }
  });

  draw.on('finish', (id, context) => {
    const mode = context.mode;
    if (mode === 'select') {
      if (dragCancelled) resyncReshape();
      else editor.plan.commitGesture();
      dragCancelled = false;
      draggedIndex = null;
      return;
    }
    const finished = draw.getSnapshotFeature(id);
    syncing = true;
    draw.removeFeatures([id]);
    syncing = false;
    editor.tool.setLiveArea(null);
    if (!finished) return;
    const tool = editor.tool.getState().tool;
    const ctx = editor.plan.context();
    let result;
    if (mode === 'polygon' && tool.kind === 'draw') {
      const clip = editor.tool.getState().clipToNeighbours;
      // On a partition layer "clip" means the new zone takes its area from the zones underneath (rezoning).
      result = clip && isPartitionDrawnLayer(tool.layer)
        ? drawOverPartition(ctx, { layer: tool.layer, geometry: finished.geometry as Polygon })
        : addFeature(ctx, { layer: tool.layer, geometry: finished.geometry as Polygon, clipToNeighbours: clip });
    } else if (mode === 'polygon' && tool.kind === 'cutHole') {
      const target = primarySelection();
      result = target ? cutHole(ctx, target.id, finished.geometry as Polygon) : undefined;
    } else if (mode === 'linestring' && tool.kind === 'split') {
      result = splitFeatures(ctx, editor.selection.getState().ids, (finished.geometry as { coordinates: Position[] }).coordinates);
    }
    if (!result) return;
    // A refusal (the command's, or the plan's while read-only) is shown where the drawing ended.
    const outcome = runCommand(editor, result, { onRefused: (message) => report(message, message.at ?? lastPosition(finished.geometry)) });
    if (!outcome.ok) return;
    // After the click that finished the line has been handled: otherwise that same click would select
    // whatever lies under it and replace the pieces just selected.
    if (tool.kind !== 'draw') setTimeout(() => editor.tool.setTool({ kind: 'select' }), 0);
  });

  const offTool = editor.tool.subscribe((next, previous) => {
    if (next.tool !== previous.tool) applyMode();
  });
  const offSelection = editor.selection.subscribe(() => {
    if (reshapeTarget() !== reshapeId) applyMode();
  });
  const offUi = editor.ui.subscribe((next, previous) => {
    if (next.layers !== previous.layers && reshapeTarget() !== reshapeId) applyMode();
  });
  const offPlan = editor.plan.onChange((event) => {
    if (!reshapeId) return;
    if (event.kind === 'reset' || event.patch.features.some((c) => c.id === reshapeId)) {
      const stored = findFeature(event.plan, reshapeId);
      const shown = draw.getSnapshotFeature(reshapeId);
      if (!stored || JSON.stringify(stored.geometry) !== JSON.stringify(shown?.geometry)) resyncReshape();
    }
  });
  applyMode();

  return {
    isOnReshapeHandle(point) {
      if (!reshapeId) return false;
      const feature = findFeature(editor.plan.getState().plan, reshapeId);
      if (!feature || feature.geometry.type !== 'Polygon') return false;
      const ring = feature.geometry.coordinates[0] ?? [];
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
      if (editor.plan.getState().history.gesture) {
        dragCancelled = true;
        editor.plan.cancelGesture();
        resyncReshape();
        return true;
      }
      const drawing = draw.getSnapshot().some((f) => f.properties.currentlyDrawing);
      if (drawing) {
        applyMode();
        editor.messages.clearCursor();
        return true;
      }
      return false;
    },
    destroy() {
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
