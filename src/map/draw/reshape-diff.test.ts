import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { asFeatureId } from '../../domain/ids.ts';
import { getFeature } from '../../domain/plan.ts';
import { feature, planWith, rect } from '../../domain/test-support.ts';
import { createEditor } from '../../store/editor.ts';
import { applyReshape, samePolygon } from './reshape-diff.ts';

// Two zones side by side sharing the edge x = 120.001 (vertices [120.001, 30] and [120.001, 30.001]).
const A = rect(120, 30, 120.001, 30.001) as Polygon;
const B = rect(120.001, 30, 120.002, 30.001) as Polygon;

function setup() {
  const editor = createEditor(planWith([feature('functionalZone', 'a', A), feature('functionalZone', 'b', B)]), undefined);
  const ring = (id: string): Position[] => {
    const f = getFeature(editor.plan.getState().plan, 'functionalZone', asFeatureId(id));
    return f?.geometry.type === 'Polygon' ? (f.geometry.coordinates[0] as Position[]) : [];
  };
  return { editor, ring, reshape: (coordinates: Position[]) => applyReshape(editor, asFeatureId('a'), { type: 'Polygon', coordinates: [coordinates] }) };
}

/** The outer ring of A with its vertex `i` (and the closing one, for 0) replaced by `to`. */
function aWith(i: number, to: Position): Position[] {
  const ring = (A.coordinates[0] as Position[]).map((p) => [...p]);
  ring[i] = to;
  if (i === 0) ring[ring.length - 1] = to;
  return ring;
}

describe('applyReshape: what a terra-draw reshape step means', () => {
  it('a moved vertex moves in every drawn feature that has it, as one open gesture, and says which vertex is dragged', () => {
    const { editor, ring, reshape } = setup();
    const outcome = reshape(aWith(1, [120.0012, 29.9999]));
    expect(outcome).toEqual({ ok: true, draggedIndex: 1 });
    expect(ring('a')[1]).toEqual([120.0012, 29.9999]);
    expect(ring('b')[0]).toEqual([120.0012, 29.9999]);
    expect(ring('b')[4]).toEqual([120.0012, 29.9999]);
    expect(editor.plan.getState().history.gesture?.label).toBe('commands.reshape.moveVertex');

    // The next move of the same drag joins the gesture: one undo step when it is committed.
    const current = ring('a').map((p) => [...p]);
    current[1] = [120.0013, 29.9998];
    expect(reshape(current)).toEqual({ ok: true, draggedIndex: 1 });
    expect(ring('b')[0]).toEqual([120.0013, 29.9998]);
    editor.plan.commitGesture();
    expect(editor.plan.getState().history.undo).toHaveLength(1);
    editor.plan.undo();
    expect(ring('a')).toEqual(A.coordinates[0]);
    expect(ring('b')).toEqual(B.coordinates[0]);
  });

  it('a vertex inserted on the shared edge goes into the neighbour too', () => {
    const { ring, reshape } = setup();
    const point: Position = [120.001, 30.0005];
    const before = A.coordinates[0] as Position[];
    const outcome = reshape([before[0]!, before[1]!, point, before[2]!, before[3]!, before[4]!]);
    expect(outcome).toEqual({ ok: true });
    expect(ring('a')).toHaveLength(6);
    expect(ring('b')).toHaveLength(6);
    expect(ring('b').some((p) => p[0] === point[0] && p[1] === point[1])).toBe(true);
  });

  it('a deleted shared vertex is deleted everywhere it can be', () => {
    const { editor, ring, reshape } = setup();
    const before = A.coordinates[0] as Position[];
    // First a vertex in the middle of the shared edge, in both zones (as inserting does)…
    reshape([before[0]!, before[1]!, [120.001, 30.0005], before[2]!, before[3]!, before[4]!]);
    editor.plan.commitGesture();
    expect(ring('b')).toHaveLength(6);
    // …then terra-draw reports A without it.
    expect(reshape(before)).toEqual({ ok: true });
    expect(ring('a')).toEqual(before);
    expect(ring('b')).toEqual(B.coordinates[0]);
    expect(editor.plan.getState().history.gesture?.label).toBe('commands.reshape.deleteVertex');
  });

  it('a step in the other winding that changes nothing changes nothing (terra-draw rewinds rings; the press that starts a drag)', () => {
    const { editor, reshape } = setup();
    const reversed = [...(A.coordinates[0] as Position[])].reverse();
    expect(reshape(reversed)).toEqual({ ok: true });
    expect(editor.plan.getState().version).toBe(0);
    expect(editor.plan.getState().history.gesture).toBeNull();
  });

  it('a moved vertex reported in the other winding is still a move, stored in the stored winding', () => {
    const { ring, reshape } = setup();
    const moved = aWith(2, [120.0012, 30.0012]);
    const outcome = reshape([...moved].reverse());
    expect(outcome).toEqual({ ok: true, draggedIndex: 2 });
    expect(ring('a')).toEqual(moved);
    expect(ring('b')[3]).toEqual([120.0012, 30.0012]);
  });

  it('anything else replaces the geometry of the reshaped feature alone', () => {
    const { editor, ring, reshape } = setup();
    const other: Position[] = [[120, 30], [120.0008, 30], [120.0008, 30.0008], [120, 30.001], [120, 30]];
    expect(reshape(other)).toEqual({ ok: true });
    expect(ring('a')).toEqual(other);
    expect(ring('b')).toEqual(B.coordinates[0]);
    expect(editor.plan.getState().history.gesture?.label).toBe('commands.reshape.replace');
  });

  it('keeps holes: terra-draw edits only the outer ring, the stored holes stay', () => {
    const hole: Position[] = [[120.0002, 30.0002], [120.0002, 30.0004], [120.0004, 30.0004], [120.0004, 30.0002], [120.0002, 30.0002]];
    const editor = createEditor(planWith([feature('functionalZone', 'a', { type: 'Polygon', coordinates: [A.coordinates[0]!, hole] })]), undefined);
    expect(applyReshape(editor, asFeatureId('a'), { type: 'Polygon', coordinates: [aWith(3, [119.9999, 30.0011])] })).toEqual({ ok: true, draggedIndex: 3 });
    const f = getFeature(editor.plan.getState().plan, 'functionalZone', asFeatureId('a'));
    expect(f?.geometry.type === 'Polygon' && f.geometry.coordinates[1]).toEqual(hole);
  });

  it('a refused command comes back with its message and changes nothing', () => {
    const { editor, reshape } = setup();
    // Moving a vertex past the opposite edge makes the ring cross itself.
    const outcome = reshape(aWith(1, [119.9995, 30.0005]));
    expect(outcome.ok).toBe(false);
    expect(outcome.message?.key).toEqual(expect.any(String));
    expect(editor.plan.getState().version).toBe(0);
    expect(editor.plan.getState().history.gesture).toBeNull();
  });

  it('a feature that is gone is no step at all', () => {
    const { editor } = setup();
    expect(applyReshape(editor, asFeatureId('nope'), A)).toEqual({ ok: false });
    expect(editor.plan.getState().version).toBe(0);
  });

  it('a vertex inserted on an edge nobody shares goes into the reshaped feature alone', () => {
    const { ring, reshape } = setup();
    const before = A.coordinates[0] as Position[];
    // The edge from [120, 30] to [120.001, 30] is A's alone.
    const point: Position = [120.0005, 30];
    expect(reshape([before[0]!, point, before[1]!, before[2]!, before[3]!, before[4]!])).toEqual({ ok: true });
    expect(ring('a')).toHaveLength(6);
    expect(ring('a')).toContainEqual(point);
    expect(ring('b')).toEqual(B.coordinates[0]);
  });

  it('deleting the first vertex (terra-draw closes the ring on the next one) deletes that vertex', () => {
    const { editor, ring, reshape } = setup();
    const before = A.coordinates[0] as Position[];
    // A pentagon, so that a vertex can go: its first vertex is A's alone.
    reshape([before[0]!, [120.0005, 29.9995], before[1]!, before[2]!, before[3]!, before[4]!]);
    editor.plan.commitGesture();
    const pentagon = ring('a');
    expect(reshape(pentagon.slice(1, -1).concat([pentagon[1]!]))).toEqual({ ok: true });
    expect(ring('a')).toHaveLength(5);
    expect(ring('a')).not.toContainEqual(before[0]);
    expect(editor.plan.getState().history.gesture?.label).toBe('commands.reshape.deleteVertex');
  });

  it('two vertices moved in one step are no vertex move: the geometry is replaced', () => {
    const { editor, ring, reshape } = setup();
    const twoMoved = aWith(2, [120.0011, 30.0011]);
    twoMoved[3] = [119.9999, 30.0011];
    expect(reshape(twoMoved)).toEqual({ ok: true });
    expect(ring('a')).toEqual(twoMoved);
    expect(editor.plan.getState().history.gesture?.label).toBe('commands.reshape.replace');
  });

  it('a read-only plan refuses the step with its reason and leaves no gesture open', () => {
    const { editor, ring, reshape } = setup();
    editor.plan.setReadOnly({ key: 'drafts.tabs.readOnly' });
    expect(reshape(aWith(1, [120.0012, 29.9999]))).toEqual({ ok: false, message: { key: 'drafts.tabs.readOnly' } });
    expect(ring('a')).toEqual(A.coordinates[0]);
    expect(editor.plan.getState().version).toBe(0);
    expect(editor.plan.getState().history.gesture).toBeNull();
  });

  it('a refused step in the middle of a drag keeps the drag so far open', () => {
    const { editor, ring, reshape } = setup();
    reshape(aWith(1, [120.0012, 29.9999]));
    const current = ring('a').map((p) => [...p]);
    current[1] = [119.9995, 30.0005];
    expect(reshape(current).ok).toBe(false);
    expect(ring('a')[1]).toEqual([120.0012, 29.9999]);
    expect(editor.plan.getState().history.gesture?.label).toBe('commands.reshape.moveVertex');
  });
});

describe('samePolygon', () => {
  const ringOf = (p: Polygon) => p.coordinates[0] as Position[];
  it('is exact equality vertex by vertex, ring by ring', () => {
    expect(samePolygon(A, { type: 'Polygon', coordinates: [ringOf(A).map((p) => [...p])] })).toBe(true);
    expect(samePolygon(A, B)).toBe(false);
    expect(samePolygon(A, { type: 'Polygon', coordinates: [aWith(2, [120.001, 30.001 + 1e-12])] })).toBe(false);
  });

  it('tells another winding, another length and another ring count apart', () => {
    expect(samePolygon(A, { type: 'Polygon', coordinates: [[...ringOf(A)].reverse()] })).toBe(false);
    expect(samePolygon(A, { type: 'Polygon', coordinates: [ringOf(A).slice(0, -1)] })).toBe(false);
    const hole: Position[] = [[120.0002, 30.0002], [120.0002, 30.0004], [120.0004, 30.0004], [120.0002, 30.0002]];
    expect(samePolygon(A, { type: 'Polygon', coordinates: [ringOf(A), hole] })).toBe(false);
    expect(samePolygon({ type: 'Polygon', coordinates: [ringOf(A), hole] }, A)).toBe(false);
  });
});
