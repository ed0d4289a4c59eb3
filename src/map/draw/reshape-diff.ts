/**
 * Turns one reshape step reported by terra-draw (the whole new polygon) into the command that says what
 * happened: a moved vertex, an inserted one, a deleted one. Only those commands keep shared boundaries
 * shared; a plain geometry replacement is the fallback. Each step joins the open gesture, so a drag of
 * many moves is one undo step when terra-draw reports its finish.
 */
import type { Polygon, Position } from 'geojson';
import type { FeatureId } from '../../domain/ids.ts';
import type { Message } from '../../domain/message.ts';
import { findFeature } from '../../domain/plan.ts';
import { deleteSharedVertex, insertSharedVertex, moveSharedVertex, replaceGeometry } from '../../commands/reshape.command.ts';
import type { CommandResult } from '../../commands/command.ts';
import { ringSignedAreaPlanar } from '../../geo/rings.ts';
import { diffMovedVertex } from '../../geo/topology.ts';
import type { Editor } from '../../store/editor.ts';

export interface ReshapeOutcome {
  readonly ok: boolean;
  readonly message?: Message;
  /** Index in the outer ring of the vertex being dragged, when the step was a move. */
  readonly draggedIndex?: number;
}

const same = (a: Position | undefined, b: Position | undefined) => !!a && !!b && a[0] === b[0] && a[1] === b[1];

/**
 * terra-draw edits only the outer ring and rewinds it to its own right-hand rule. Puts the ring back in
 * the stored winding and the stored holes back, so an unchanged vertex compares equal bit for bit.
 */
function alignWithStored(edited: Polygon, before: Polygon): Polygon {
  const outer = edited.coordinates[0] ?? [];
  const storedOuter = before.coordinates[0] ?? [];
  const aligned = Math.sign(ringSignedAreaPlanar(outer)) === Math.sign(ringSignedAreaPlanar(storedOuter)) ? outer : [...outer].reverse();
  return { type: 'Polygon', coordinates: [aligned, ...before.coordinates.slice(1)] };
}

/**
 * Exact equality of two polygons, ring by ring and vertex by vertex (bit-identical x and y; the plan is
 * 2-D). Stops at the first difference: cheaper than comparing serialisations, and as exact.
 */
export function samePolygon(a: Polygon, b: Polygon): boolean {
  return a.coordinates.length === b.coordinates.length && a.coordinates.every((ring, r) => {
    const other = b.coordinates[r];
    return !!other && ring.length === other.length && ring.every((p, i) => same(p, other[i]));
  });
}

export function applyReshape(editor: Editor, id: FeatureId, reported: Polygon): ReshapeOutcome {
  const stored = findFeature(editor.plan.getState().plan, id);
  if (!stored || stored.geometry.type !== 'Polygon') return { ok: false };
  const before = stored.geometry;
  const edited = alignWithStored(reported, before);
  const ctx = editor.plan.context();

  let result: CommandResult;
  let draggedIndex: number | undefined;
  const moved = diffMovedVertex(before, edited);
  if (moved) {
    result = moveSharedVertex(ctx, moved.from, moved.to);
    const index = (before.coordinates[0] ?? []).findIndex((p) => same(p, moved.from));
    draggedIndex = index >= 0 ? index : undefined;
  } else {
    const changedRing = edited.coordinates.findIndex((ring, r) => ring.length !== (before.coordinates[r]?.length ?? -1));
    const newRing = edited.coordinates[changedRing];
    const oldRing = before.coordinates[changedRing];
    if (newRing && oldRing && newRing.length === oldRing.length + 1) {
      const i = newRing.findIndex((p, k) => !same(p, oldRing[k]));
      const point = newRing[i] as Position;
      result = insertSharedVertex(ctx, id, newRing[i - 1] as Position, newRing[i + 1] as Position, point, edited);
    } else if (newRing && oldRing && newRing.length === oldRing.length - 1) {
      const i = oldRing.findIndex((p, k) => !same(p, newRing[k]));
      // Removing the first vertex also changes the closing one; either way the gone position is oldRing[i].
      result = deleteSharedVertex(ctx, oldRing[i] as Position);
    } else if (samePolygon(edited, before)) {
      // terra-draw also reports steps that change nothing (the press that starts a drag).
      return { ok: true };
    } else {
      result = replaceGeometry(ctx, id, edited);
    }
  }

  if (!result.ok) return { ok: false, message: result.error };
  const opening = !editor.plan.getState().history.gesture;
  if (opening) editor.plan.beginGesture(result.label);
  const outcome = editor.plan.execute(result);
  if (!outcome.ok) {
    // The plan refused the step (read-only while another tab edits the draft): say so like a command's
    // refusal, and close a gesture opened for this step alone.
    if (opening) editor.plan.cancelGesture();
    return { ok: false, ...(outcome.message ? { message: outcome.message } : {}) };
  }
  return { ok: true, ...(draggedIndex !== undefined ? { draggedIndex } : {}) };
}
