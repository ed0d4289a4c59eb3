import { describe, expect, it } from 'vitest';
import { refuse, type CommandResult } from '../commands/command.ts';
import type { FeatureId } from '../domain/ids.ts';
import { putFeature, type Patch } from '../domain/patch.ts';
import { getFeature } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { createPlanStore, type PlanEvent } from './plan.store.ts';

const zone = (id: string, size: number) => feature('functionalZone', id, rect(120, 30, 120 + size * 1e-4, 30 + size * 1e-4));
const put = (id: string, size: number, label = 'commands.reshape.moveVertex'): Extract<CommandResult, { ok: true }> => ({ ok: true, patch: { features: [putFeature(zone(id, size))] }, label });
const sizeOf = (store: ReturnType<typeof createPlanStore>, id: string) => {
  const f = getFeature(store.getState().plan, 'functionalZone', id as FeatureId);
  return f?.geometry.type === 'Polygon' ? Math.round(((f.geometry.coordinates[0]?.[2]?.[0] ?? 0) - 120) * 1e4) : null;
};

function storeWith(...sizes: [string, number][]) {
  const store = createPlanStore(planWith(sizes.map(([id, size]) => zone(id, size))));
  const events: PlanEvent[] = [];
  store.onChange((e) => events.push(e));
  return { store, events };
}

describe('plan store', () => {
  it('executes a result: the plan, the version, one undo step, and the patch to every listener', () => {
    const { store, events } = storeWith(['a', 1]);
    const outcome = store.execute({ ...put('a', 2), notes: [{ key: 'commands.note' }] });
    expect(outcome).toEqual({ ok: true, notes: [{ key: 'commands.note' }] });
    expect(sizeOf(store, 'a')).toBe(2);
    const { version, history, plan } = store.getState();
    expect(version).toBe(1);
    expect(history.undo.map((s) => s.label)).toEqual(['commands.reshape.moveVertex']);
    expect(history.redo).toHaveLength(0);
    expect(events).toEqual([{ kind: 'patch', patch: { features: [putFeature(zone('a', 2))] }, plan, version: 1 }]);
  });

  it('keeps the spatial index in step: the context finds a feature the store added', () => {
    const { store } = storeWith(['a', 1]);
    store.execute(put('far', 1, 'commands.add.label'));
    const hits = store.context().index.search('functionalZone', [120, 30, 120.0002, 30.0002]);
    expect(hits.map((h) => h.id).sort()).toEqual(['a', 'far']);
    store.undo();
    expect(store.context().index.search('functionalZone', [120, 30, 120.0002, 30.0002]).map((h) => h.id)).toEqual(['a']);
  });

  it('reports a refusal and changes nothing', () => {
    const { store, events } = storeWith(['a', 1]);
    const before = store.getState();
    const outcome = store.execute(refuse('commands.reshape.noVertex'));
    expect(outcome).toEqual({ ok: false, message: { key: 'commands.reshape.noVertex' } });
    expect(store.getState()).toBe(before);
    expect(events).toHaveLength(0);
  });

  it('undoes and redoes, each a patch event with a new version; nothing to undo gives undefined', () => {
    const { store, events } = storeWith(['a', 1]);
    store.execute(put('a', 2));
    store.execute(put('a', 3, 'commands.split.label'));
    expect(store.undo()).toBe('commands.split.label');
    expect(sizeOf(store, 'a')).toBe(2);
    expect(store.undo()).toBe('commands.reshape.moveVertex');
    expect(sizeOf(store, 'a')).toBe(1);
    expect(store.undo()).toBeUndefined();
    expect(store.redo()).toBe('commands.reshape.moveVertex');
    expect(sizeOf(store, 'a')).toBe(2);
    expect(store.getState().version).toBe(5);
    expect(events.map((e) => [e.kind, e.version])).toEqual([['patch', 1], ['patch', 2], ['patch', 3], ['patch', 4], ['patch', 5]]);
    const undone = events[2] as Extract<PlanEvent, { kind: 'patch' }>;
    expect(undone.patch.features.map((c) => c.id)).toEqual(['a']);

    // A new edit drops the redo step.
    store.execute(put('a', 7));
    expect(store.redo()).toBeUndefined();
    expect(store.getState().history.redo).toHaveLength(0);
  });

  describe('gestures', () => {
    it('many moves are one undo step labelled by the gesture', () => {
      const { store, events } = storeWith(['a', 1], ['b', 1]);
      store.beginGesture('commands.reshape.drag');
      for (const size of [2, 3, 4, 5]) store.execute(put('a', size));
      store.execute(put('b', 6));
      expect(store.getState().history.undo).toHaveLength(0);
      // Undo and redo wait for the gesture to end.
      expect(store.undo()).toBeUndefined();
      expect(store.redo()).toBeUndefined();
      store.commitGesture();
      const { history } = store.getState();
      expect(history.gesture).toBeNull();
      expect(history.undo.map((s) => s.label)).toEqual(['commands.reshape.drag']);
      expect(history.undo[0]?.inverse.features).toHaveLength(2);
      expect(events).toHaveLength(5);

      expect(store.undo()).toBe('commands.reshape.drag');
      expect([sizeOf(store, 'a'), sizeOf(store, 'b')]).toEqual([1, 1]);
      expect(store.redo()).toBe('commands.reshape.drag');
      expect([sizeOf(store, 'a'), sizeOf(store, 'b')]).toEqual([5, 6]);
    });

    it('cancel takes the plan back to where the gesture began, as one patch event', () => {
      const { store, events } = storeWith(['a', 1]);
      store.execute(put('a', 2));
      const start = store.getState().plan;
      store.beginGesture('commands.reshape.drag');
      store.execute(put('a', 3));
      store.execute(put('new', 1, 'commands.add.label'));
      store.execute({ ok: true, patch: { features: [], meta: { population: 99 } }, label: 'commands.meta.label' });
      store.cancelGesture();
      const { plan, history, version } = store.getState();
      expect(plan).toEqual(start);
      expect(history.gesture).toBeNull();
      expect(history.undo).toHaveLength(1);
      expect(version).toBe(5);
      const last = events.at(-1) as Extract<PlanEvent, { kind: 'patch' }>;
      expect(last).toMatchObject({ kind: 'patch', version: 5 });
      expect(last.plan).toBe(plan);
      expect(last.patch.features.map((c) => [c.id, c.after === null])).toEqual(expect.arrayContaining([['a', false], ['new', true]]));
      expect(store.context().index.search('functionalZone', [119, 29, 121, 31]).map((h) => h.id)).toEqual(['a']);
    });

    it('an empty gesture: commit records nothing, cancel emits nothing', () => {
      const { store, events } = storeWith(['a', 1]);
      store.beginGesture('commands.reshape.drag');
      store.commitGesture();
      store.beginGesture('commands.reshape.drag');
      store.cancelGesture();
      expect(store.getState().history).toEqual({ undo: [], redo: [], gesture: null });
      expect(store.getState().version).toBe(0);
      expect(events).toHaveLength(0);
    });

    it('a second gesture cannot begin while one is open', () => {
      const { store } = storeWith(['a', 1]);
      store.beginGesture('commands.reshape.drag');
      expect(() => store.beginGesture('commands.reshape.drag')).toThrow(/still open/);
    });
  });

  describe('read-only (the draft is edited in another tab)', () => {
    const reason = { key: 'drafts.tabs.readOnly' };

    it('refuses edits, undo and redo with the reason, and changes nothing', () => {
      const { store, events } = storeWith(['a', 1]);
      store.execute(put('a', 2));
      store.undo();
      store.setReadOnly(reason);
      const before = store.getState();
      expect(store.execute(put('a', 3))).toEqual({ ok: false, message: reason });
      expect(store.undo()).toBeUndefined();
      expect(store.redo()).toBeUndefined();
      expect(store.getState().plan).toBe(before.plan);
      expect(store.getState().history).toBe(before.history);
      expect(events).toHaveLength(2);
    });

    it('a refused command keeps its own error, not the read-only reason', () => {
      const { store } = storeWith(['a', 1]);
      store.setReadOnly(reason);
      expect(store.execute(refuse('commands.reshape.noVertex'))).toEqual({ ok: false, message: { key: 'commands.reshape.noVertex' } });
    });

    it('still shows what the editing tab saved, without making it an undo step here; editable again after', () => {
      const { store, events } = storeWith(['a', 1]);
      store.setReadOnly(reason);
      const saved: Patch = { features: [putFeature(zone('a', 4))] };
      store.applyExternal(saved);
      expect(sizeOf(store, 'a')).toBe(4);
      expect(store.getState().history.undo).toHaveLength(0);
      expect(events).toMatchObject([{ kind: 'patch', patch: saved, version: 1 }]);
      store.setReadOnly(null);
      expect(store.execute(put('a', 5)).ok).toBe(true);
      expect(store.undo()).toBe('commands.reshape.moveVertex');
      expect(sizeOf(store, 'a')).toBe(4);
    });
  });

  describe('loading', () => {
    it('load replaces the plan as a baseline: a reset event, no undo', () => {
      const { store, events } = storeWith(['a', 1]);
      store.execute(put('a', 2));
      const next = planWith([zone('x', 3)]);
      store.load(next);
      expect(store.getState()).toMatchObject({ plan: next, version: 2, history: { undo: [], redo: [], gesture: null } });
      expect(events.at(-1)).toEqual({ kind: 'reset', plan: next, version: 2 });
      expect(store.undo()).toBeUndefined();
      expect(store.context().index.search('functionalZone', [119, 29, 121, 31]).map((h) => h.id)).toEqual(['x']);
    });

    it('loadSaved keeps the saved undo history (never an open gesture); adoptHistory takes only the history', () => {
      const source = storeWith(['a', 1]).store;
      source.execute(put('a', 2));
      source.beginGesture('commands.reshape.drag');
      const saved = { ...source.getState(), history: { ...source.getState().history } };

      const { store, events } = storeWith(['z', 1]);
      store.loadSaved(saved.plan, saved.history);
      expect(store.getState().history).toEqual({ undo: saved.history.undo, redo: [], gesture: null });
      expect(events).toEqual([{ kind: 'reset', plan: saved.plan, version: 1 }]);
      expect(store.undo()).toBe('commands.reshape.moveVertex');
      expect(sizeOf(store, 'a')).toBe(1);

      const follower = storeWith(['a', 2]);
      follower.store.adoptHistory(saved.history);
      expect(follower.store.getState().history.gesture).toBeNull();
      expect(follower.store.getState().history.undo).toBe(saved.history.undo);
      expect(follower.events).toHaveLength(0);
      expect(follower.store.undo()).toBe('commands.reshape.moveVertex');
      expect(sizeOf(follower.store, 'a')).toBe(1);
    });
  });

  it('a listener that unsubscribes hears nothing more; zustand subscribers see each state', () => {
    const { store } = storeWith(['a', 1]);
    const heard: number[] = [];
    const off = store.onChange((e) => heard.push(e.version));
    const versions: number[] = [];
    store.subscribe((s) => versions.push(s.version));
    store.execute(put('a', 2));
    off();
    store.execute(put('a', 3));
    expect(heard).toEqual([1]);
    expect(versions).toEqual([1, 2]);
  });
});
