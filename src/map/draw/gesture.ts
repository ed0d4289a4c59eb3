/**
 * What the draw controller is doing with terra-draw, as one value instead of loose flags (style.md: a
 * discriminated union), and what each thing that happens to it means, as pure functions. No MapLibre or
 * terra-draw here, so every transition is tested in Node (gesture.test.ts); draw-controller.ts runs the
 * effects (terra-draw's mode, commands, the plan store's gesture).
 */
import type { FeatureId } from '../../domain/ids.ts';
import type { Tool } from '../../store/tool.store.ts';

/** The tools that draw with terra-draw: a polygon (a new feature, a hole) or a line (a split). */
export type DrawingTool = Extract<Tool, { readonly kind: 'draw' | 'cutHole' | 'split' }>;

/** Where the vertex being dragged sits in the stored outer ring (what moves with it is not snapped to). */
export interface Dragged {
  readonly index: number;
}

export type Gesture =
  /** Nothing to draw or reshape: the map's own selection has the pointer. */
  | { readonly kind: 'idle' }
  /** terra-draw draws for the tool; the finished drawing becomes the tool's command. */
  | { readonly kind: 'drawing'; readonly tool: DrawingTool }
  /**
   * terra-draw holds the one selected feature; each step it reports becomes a reshape command in the plan
   * store's open gesture, committed when terra-draw says the step or drag is finished. `dragged` is known
   * once a step of a drag was a vertex move.
   */
  | { readonly kind: 'reshaping'; readonly id: FeatureId; readonly dragged?: Dragged }
  /**
   * Escape during a drag: the plan went back to where the drag began, but terra-draw drags on until the
   * pointer is released. Its steps are ignored; its finish puts the stored geometry back.
   */
  | { readonly kind: 'dragAbandoned'; readonly id: FeatureId; readonly dragged?: Dragged };

export const IDLE: Gesture = { kind: 'idle' };

/** terra-draw's modes as draw-controller.ts registers them. */
export type DrawMode = 'static' | 'polygon' | 'linestring' | 'select';

/**
 * terra-draw's finish actions (its `FinishActions`; the controller passes `context.action`, so the compiler
 * checks that the two lists agree).
 */
export type FinishAction = 'draw' | 'edit' | 'deleteCoordinate' | 'insertMidpoint' | 'dragCoordinate' | 'dragFeature' | 'dragCoordinateResize';

/**
 * The gesture a tool starts. `reshapeTarget` (the one selected feature that can be reshaped now) is asked
 * only for the selecting tools.
 */
export function gestureFor(tool: Tool, reshapeTarget: () => FeatureId | null): Gesture {
  switch (tool.kind) {
    case 'draw':
    case 'cutHole':
    case 'split':
      return { kind: 'drawing', tool };
    case 'select':
    case 'boxSelect': {
      const id = reshapeTarget();
      return id ? { kind: 'reshaping', id } : IDLE;
    }
    case 'measure':
      return IDLE;
  }
}

export function modeOf(gesture: Gesture): DrawMode {
  switch (gesture.kind) {
    case 'idle':
      return 'static';
    case 'drawing':
      return gesture.tool.kind === 'split' ? 'linestring' : 'polygon';
    case 'reshaping':
    case 'dragAbandoned':
      return 'select';
  }
}

/** The feature terra-draw holds for reshaping, if any. */
export function reshapedId(gesture: Gesture): FeatureId | null {
  return gesture.kind === 'reshaping' || gesture.kind === 'dragAbandoned' ? gesture.id : null;
}

export function draggedOf(gesture: Gesture): Dragged | undefined {
  return gesture.kind === 'reshaping' || gesture.kind === 'dragAbandoned' ? gesture.dragged : undefined;
}

/** A reshape step was applied; a move says which vertex is dragged, other steps leave what was known. */
export function stepApplied(gesture: Gesture, draggedIndex: number | undefined): Gesture {
  if (gesture.kind !== 'reshaping' || draggedIndex === undefined || gesture.dragged?.index === draggedIndex) return gesture;
  return { ...gesture, dragged: { index: draggedIndex } };
}

export type FinishEffect =
  | { readonly kind: 'none' }
  /** Take the drawing out of terra-draw and run the tool's command; then go back to the select tool or not. */
  | { readonly kind: 'run'; readonly tool: DrawingTool; readonly thenSelect: boolean }
  /** The step or drag just finished is one undo step. */
  | { readonly kind: 'commit' }
  /** Put the stored geometry back into terra-draw (the drag was abandoned). */
  | { readonly kind: 'restore' };

const NONE: FinishEffect = { kind: 'none' };

/** terra-draw's finish event, named by its action. */
export function finished(gesture: Gesture, action: FinishAction): { readonly gesture: Gesture; readonly effect: FinishEffect } {
  switch (gesture.kind) {
    case 'idle':
      return { gesture, effect: NONE };
    case 'drawing':
      // The polygon and line modes finish only drawings here ('edit' needs their `editable` option, not set).
      // A new feature keeps its tool for the next one; a split or a hole is done, the pieces get selected.
      return { gesture, effect: action === 'draw' ? { kind: 'run', tool: gesture.tool, thenSelect: gesture.tool.kind !== 'draw' } : NONE };
    case 'reshaping':
      // A moved, inserted or deleted vertex: terra-draw's change events already made it the open gesture.
      return { gesture: { kind: 'reshaping', id: gesture.id }, effect: { kind: 'commit' } };
    case 'dragAbandoned':
      return { gesture: { kind: 'reshaping', id: gesture.id }, effect: { kind: 'restore' } };
  }
}

export type EscapeEffect =
  /** Roll the plan back to where its open gesture began and put that geometry back into terra-draw. */
  | 'rollback'
  /** Throw away the drawing in progress (start the tool afresh). */
  | 'restart'
  /** Nothing to abandon: Escape goes on to whatever else it does. */
  | 'none';

/**
 * Escape. `planGestureOpen`: the plan store has an open gesture (only reshape steps open one);
 * `drawingInProgress`: terra-draw holds a drawing not yet finished, asked only while drawing.
 */
export function escaped(gesture: Gesture, planGestureOpen: boolean, drawingInProgress: () => boolean): { readonly gesture: Gesture; readonly effect: EscapeEffect } {
  if (planGestureOpen) {
    const next: Gesture = gesture.kind === 'reshaping' ? { ...gesture, kind: 'dragAbandoned' } : gesture;
    return { gesture: next, effect: 'rollback' };
  }
  if (gesture.kind === 'drawing' && drawingInProgress()) return { gesture, effect: 'restart' };
  return { gesture, effect: 'none' };
}
