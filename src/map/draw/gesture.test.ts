import { describe, expect, it } from 'vitest';
import { asFeatureId } from '../../domain/ids.ts';
import type { Tool } from '../../store/tool.store.ts';
import {
  draggedOf,
  escaped,
  finished,
  gestureFor,
  IDLE,
  modeOf,
  reshapedId,
  stepApplied,
  type FinishAction,
  type Gesture,
} from './gesture.ts';

const a = asFeatureId('a');
const drawTool: Tool = { kind: 'draw', layer: 'newBuild' };
const reshaping: Gesture = { kind: 'reshaping', id: a };
const dragging: Gesture = { kind: 'reshaping', id: a, dragged: { index: 2 } };
const never = () => {
  throw new Error('not asked');
};

describe('gestureFor: what a tool starts', () => {
  it('the drawing tools draw, each with its terra-draw mode, without asking for a reshape target', () => {
    for (const tool of [drawTool, { kind: 'cutHole' }, { kind: 'split' }] as const) {
      expect(gestureFor(tool, never)).toEqual({ kind: 'drawing', tool });
    }
    expect(modeOf(gestureFor(drawTool, never))).toBe('polygon');
    expect(modeOf(gestureFor({ kind: 'cutHole' }, never))).toBe('polygon');
    expect(modeOf(gestureFor({ kind: 'split' }, never))).toBe('linestring');
  });

  it('the selecting tools reshape the target when there is one, else are idle', () => {
    for (const kind of ['select', 'boxSelect'] as const) {
      expect(gestureFor({ kind }, () => a)).toEqual(reshaping);
      expect(gestureFor({ kind }, () => null)).toBe(IDLE);
    }
    expect(modeOf(reshaping)).toBe('select');
    expect(modeOf(IDLE)).toBe('static');
  });

  it('measuring never touches terra-draw', () => {
    expect(gestureFor({ kind: 'measure' }, never)).toBe(IDLE);
  });
});

describe('reshape steps', () => {
  it('a move says which vertex is dragged; an insert or delete (no index) keeps what was known', () => {
    const moved = stepApplied(reshaping, 2);
    expect(moved).toEqual(dragging);
    expect(draggedOf(moved)).toEqual({ index: 2 });
    expect(stepApplied(moved, undefined)).toBe(moved);
    expect(stepApplied(moved, 2)).toBe(moved);
    expect(stepApplied(moved, 3)).toEqual({ kind: 'reshaping', id: a, dragged: { index: 3 } });
  });

  it('only a reshaping gesture takes steps', () => {
    const abandoned: Gesture = { kind: 'dragAbandoned', id: a };
    expect(stepApplied(abandoned, 1)).toBe(abandoned);
    expect(stepApplied(IDLE, 1)).toBe(IDLE);
  });

  it('the reshaped feature is known while reshaping and while an abandoned drag ends', () => {
    expect(reshapedId(dragging)).toBe(a);
    expect(reshapedId({ kind: 'dragAbandoned', id: a })).toBe(a);
    expect(reshapedId(IDLE)).toBeNull();
    expect(reshapedId({ kind: 'drawing', tool: { kind: 'split' } })).toBeNull();
  });
});

describe('finished: terra-draw names what finished', () => {
  it('a finished drawing runs the tool; a new feature keeps the tool, a split or a hole goes back to select', () => {
    const drawing: Gesture = { kind: 'drawing', tool: drawTool };
    expect(finished(drawing, 'draw')).toEqual({ gesture: drawing, effect: { kind: 'run', tool: drawTool, thenSelect: false } });
    const split: Gesture = { kind: 'drawing', tool: { kind: 'split' } };
    expect(finished(split, 'draw').effect).toEqual({ kind: 'run', tool: { kind: 'split' }, thenSelect: true });
    const hole: Gesture = { kind: 'drawing', tool: { kind: 'cutHole' } };
    expect(finished(hole, 'draw').effect).toEqual({ kind: 'run', tool: { kind: 'cutHole' }, thenSelect: true });
  });

  it('an edit of a finished drawing (the polygon mode’s `editable`, not used) runs nothing', () => {
    const drawing: Gesture = { kind: 'drawing', tool: drawTool };
    expect(finished(drawing, 'edit')).toEqual({ gesture: drawing, effect: { kind: 'none' } });
  });

  it('a finished drag, insert or delete commits the open gesture and forgets the dragged vertex', () => {
    for (const action of ['dragCoordinate', 'insertMidpoint', 'deleteCoordinate'] satisfies FinishAction[]) {
      expect(finished(dragging, action)).toEqual({ gesture: reshaping, effect: { kind: 'commit' } });
    }
  });

  it('the end of an abandoned drag puts the stored geometry back and reshapes on', () => {
    expect(finished({ kind: 'dragAbandoned', id: a, dragged: { index: 2 } }, 'dragCoordinate')).toEqual({ gesture: reshaping, effect: { kind: 'restore' } });
  });

  it('nothing finishes while idle', () => {
    expect(finished(IDLE, 'draw')).toEqual({ gesture: IDLE, effect: { kind: 'none' } });
  });
});

describe('escaped: Escape abandons what is in progress', () => {
  it('during a drag (the plan has an open gesture): rolls back, and the rest of the drag is ignored', () => {
    expect(escaped(dragging, true, never)).toEqual({ gesture: { kind: 'dragAbandoned', id: a, dragged: { index: 2 } }, effect: 'rollback' });
  });

  it('an open plan gesture outside a reshape is rolled back without changing the gesture', () => {
    expect(escaped(IDLE, true, never)).toEqual({ gesture: IDLE, effect: 'rollback' });
  });

  it('while drawing: throws the drawing in progress away, or leaves Escape to others when there is none', () => {
    const drawing: Gesture = { kind: 'drawing', tool: drawTool };
    expect(escaped(drawing, false, () => true)).toEqual({ gesture: drawing, effect: 'restart' });
    expect(escaped(drawing, false, () => false)).toEqual({ gesture: drawing, effect: 'none' });
  });

  it('reshaping with no drag, an abandoned drag, or idle: nothing to abandon (terra-draw is not asked)', () => {
    expect(escaped(reshaping, false, never).effect).toBe('none');
    expect(escaped({ kind: 'dragAbandoned', id: a }, false, never).effect).toBe('none');
    expect(escaped(IDLE, false, never).effect).toBe('none');
  });
});
