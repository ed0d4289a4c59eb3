/** A damaged record is left out and reported; the rest of the draft opens; the damage is moved aside. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { serialisePlan } from '../domain/plan-file.ts';
import { createI18n } from '../i18n/index.ts';
import { renderMessage } from '../rules/render.ts';
import { feature, rect } from '../domain/test-support.ts';
import { createPlanStore } from '../store/plan.store.ts';
import { createDraft, isolateDamaged, listDrafts } from './draft-store.ts';
import { readDraft } from './read-draft.ts';
import type { DraftId } from './schema.ts';
import { moveVertex, openTestDb, testPlan } from './test-support.ts';

async function storedDraft(edits = 0) {
  const db = await openTestDb();
  const plan = createPlanStore(testPlan(5));
  for (let i = 0; i < edits; i++) plan.execute(moveVertex(plan.getState().plan, `b-${i}`, 1e-5));
  const { info } = await createDraft(db, { plan: plan.getState().plan, history: plan.getState().history, origin: { kind: 'sample' } });
  return { db, id: info.id, plan: plan.getState().plan };
}

async function open(db: Awaited<ReturnType<typeof openTestDb>>, id: DraftId) {
  const loaded = await readDraft(db, id);
  if (!loaded.ok) throw new Error(loaded.error.key);
  return loaded.value;
}

describe('reading a draft', () => {
  it('reads the same draft in a browser without getAllRecords (keys and values in two requests)', async () => {
    const { db, id } = await storedDraft(2);
    const withRecords = await open(db, id);
    const prototype = IDBObjectStore.prototype as { getAllRecords?: unknown };
    const getAllRecords = prototype.getAllRecords;
    delete prototype.getAllRecords;
    try {
      const without = await open(db, id);
      expect(serialisePlan(without.plan)).toBe(serialisePlan(withRecords.plan));
      expect(without.history).toEqual(withRecords.history);
    } finally {
      prototype.getAllRecords = getAllRecords;
    }
  });
});

describe('damaged records', () => {
  it('opens the draft without a feature whose record is damaged, reports it, and moves it aside', async () => {
    const { db, id, plan } = await storedDraft();
    await db.put('features', { feature: { id: 'b-2', layer: 'base', geometry: { type: 'Polygon', coordinates: [[[1, 1]]] }, properties: {} }, order: 3, bytes: 10 }, [id, 'base', 'b-2']);
    await db.put('features', 'garbage' as never, [id, 'base', 'b-3']);
    await db.put('features', { feature: {}, order: 1, bytes: 1 }, [id, 'no-such-layer', 'x']);

    const loaded = await open(db, id);
    expect(Object.keys(loaded.plan.layers.base)).toEqual(['b-0', 'b-1', 'b-4']);
    expect(loaded.plan.layers.demolition).toEqual(plan.layers.demolition);
    expect(loaded.damaged.map((d) => d.problem)).toEqual(['not a feature record', 'bad key', 'planFile.problem.badCoordinates']);
    expect(loaded.notes).toEqual([{ key: 'drafts.open.damagedFeatures', params: { count: 3 } }]);

    await isolateDamaged(db, id, loaded.damaged, loaded.droppedSteps);
    const quarantined = await db.getAll('quarantine');
    expect(quarantined.map((q) => q.store)).toEqual(['features', 'features', 'features']);
    expect(quarantined[0]?.value).toBe('garbage');
    const clean = await open(db, id);
    expect(clean.notes).toEqual([]);
    expect(serialisePlan(clean.plan)).toBe(serialisePlan(loaded.plan));
  });

  it('drops a damaged undo step and the older steps that depend on it, keeping the newer ones', async () => {
    const { db, id } = await storedDraft(4);
    const keys = (await db.getAllKeys('history')) as [string, number][];
    expect(keys).toHaveLength(4);
    await db.put('history', { stack: 'undo', label: 'x', inverse: { features: [{ layer: 'base', id: 'b-1', after: { id: 'other' } }] } } as never, keys[1]!);

    const loaded = await open(db, id);
    expect(loaded.history.undo).toHaveLength(2);
    expect(loaded.damaged).toHaveLength(1);
    expect(loaded.droppedSteps).toEqual([keys[0]]);
    expect(loaded.notes).toEqual([{ key: 'drafts.open.damagedHistory', params: { count: 2 } }]);
    // The steps that remain still undo to the right plan.
    const plan = createPlanStore();
    plan.loadSaved(loaded.plan, loaded.history);
    expect(plan.undo()).toBe('commands.reshape.moveVertex');
    expect(plan.undo()).toBe('commands.reshape.moveVertex');
    expect(plan.undo()).toBeUndefined();

    await isolateDamaged(db, id, loaded.damaged, loaded.droppedSteps);
    expect(await db.count('history')).toBe(2);
  });

  it('sets aside a feature whose id a feature of an earlier layer has, and opens the rest', async () => {
    const { db, id, plan } = await storedDraft();
    await db.put('features', { feature: feature('useChange', 'b-2', rect(120.001, 30, 120.0015, 30.0005)), order: 99, bytes: 10 }, [id, 'useChange', 'b-2']);
    const loaded = await open(db, id);
    expect(loaded.plan.layers.base['b-2' as never]).toEqual(plan.layers.base['b-2' as never]);
    expect(loaded.plan.layers.useChange).toEqual({});
    expect(loaded.damaged).toMatchObject([{ store: 'features', key: [id, 'useChange', 'b-2'], problem: 'planFile.problem.idTaken otherLayerKey=layer.base' }]);
    expect(loaded.notes).toEqual([{ key: 'drafts.open.damagedFeatures', params: { count: 1 } }]);
  });

  it('opens with default meta (and the village name) when the meta record is damaged', async () => {
    const { db, id } = await storedDraft();
    await db.put('planMeta', { draftId: id, oops: true } as never);
    const loaded = await open(db, id);
    expect(loaded.plan.meta.villageName).toBe('测试村');
    expect(Object.keys(loaded.plan.layers.base)).toHaveLength(5);
    expect(loaded.notes).toEqual([{ key: 'drafts.open.damagedMeta' }]);
  });

  it('says which version a draft saved by a newer editor has, not a template with blanks', async () => {
    // An old copy of the app (an offline tab not yet updated) opening a draft a newer one saved.
    const { db, id } = await storedDraft();
    const meta = await db.get('planMeta', id);
    await db.put('planMeta', { ...meta!, planSchemaVersion: 99 });
    const loaded = await readDraft(db, id);
    expect(loaded).toMatchObject({ ok: false, error: { key: 'drafts.open.unreadable', params: { reasonKey: 'planFile.tooNew', version: 99 } } });
    const { t } = createI18n('zh-CN');
    const shown = loaded.ok ? '' : renderMessage((key, values) => t(key, values ?? {}), loaded.error);
    expect(shown).toContain('99');
    expect(shown).not.toContain('{{');
  });

  it('says which meta values it could not keep, instead of opening them as not entered without a word', async () => {
    const { db, id } = await storedDraft();
    const stored = await db.get('planMeta', id);
    await db.put('planMeta', { ...stored!, meta: { ...stored!.meta, population: '2884' } } as never);
    const loaded = await open(db, id);
    expect(loaded.plan.meta.population).toBeNull();
    expect(loaded.notes).toEqual([{ key: 'planFile.metaFieldsReset', params: { fields: 'population' } }]);
  });

  it('lists the drafts it can read and counts the ones it cannot', async () => {
    const { db } = await storedDraft();
    await db.put('drafts', { id: 'broken' } as never);
    const list = await listDrafts(db);
    expect(list.live).toHaveLength(1);
    expect(list.unreadable).toBe(1);
    const broken = await readDraft(db, 'broken' as DraftId);
    expect(broken.ok ? null : broken.error.key).toBe('drafts.open.badDraft');
  });
});
