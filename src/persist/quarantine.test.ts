/** Set-aside records: listed after opening, restored or discarded as undo steps, tidied, carried by backups. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { discardSetAside, restoreSetAside } from '../commands/set-aside.command.ts';
import { serialisePlan } from '../domain/plan-file.ts';
import { createPlanStore } from '../store/plan.store.ts';
import { backupText, parseBackup } from './backup.ts';
import { createDraft, isolateDamaged } from './draft-store.ts';
import { listQuarantined, quarantineIdsIn, setAsideText, statesInHistory, tidyQuarantine, writeQuarantineStates } from './quarantine.ts';
import { readDraft } from './read-draft.ts';
import type { DraftId } from './schema.ts';
import { openTestDb, testPlan } from './test-support.ts';

type Db = Awaited<ReturnType<typeof openTestDb>>;

/** A stored draft whose feature record b-2 lost its `order` (a wrapper damaged, the feature intact). */
async function damagedDraft() {
  const db = await openTestDb();
  const original = testPlan(5);
  const { info } = await createDraft(db, { plan: original, origin: { kind: 'sample' } });
  const key = [info.id, 'base', 'b-2'] as [string, string, string];
  const record = (await db.get('features', key)) as { feature: unknown };
  await db.put('features', { feature: record.feature, order: 'broken' } as never, key);
  return { db, id: info.id, original };
}

async function openAndIsolate(db: Db, id: DraftId) {
  const loaded = await readDraft(db, id);
  if (!loaded.ok) throw new Error(loaded.error.key);
  await isolateDamaged(db, id, loaded.value.damaged, loaded.value.droppedSteps);
  return loaded.value;
}

describe('set-aside records', () => {
  it('are listed once moved aside, each with an id, pending, and the record as it was', async () => {
    const { db, id } = await damagedDraft();
    const loaded = await openAndIsolate(db, id);
    expect(Object.keys(loaded.plan.layers.base)).not.toContain('b-2');
    const [record, ...rest] = await listQuarantined(db, id);
    expect(rest).toEqual([]);
    expect(record?.state).toBe('pending');
    expect(record?.store).toBe('features');
    expect(record?.key).toEqual([id, 'base', 'b-2']);
    // Opening again finds nothing new to set aside and lists the same record.
    expect((await openAndIsolate(db, id)).damaged).toEqual([]);
    expect((await listQuarantined(db, id)).map((r) => r.id)).toEqual([record?.id]);
  });

  it('restore brings the plan back to what it was before the damage; undo sets the record pending again', async () => {
    const { db, id, original } = await damagedDraft();
    const loaded = await openAndIsolate(db, id);
    const [record] = await listQuarantined(db, id);
    if (!record) throw new Error('no record');
    const plan = createPlanStore(loaded.plan);
    expect(plan.execute(restoreSetAside(plan.context(), record)).ok).toBe(true);
    expect(serialisePlan(plan.getState().plan)).not.toBe(serialisePlan(loaded.plan));
    expect(plan.getState().plan.layers).toEqual(original.layers);
    expect(statesInHistory(plan.getState().history).get(record.id)).toBe('restored');

    plan.undo();
    expect(plan.getState().plan.layers.base).toEqual(loaded.plan.layers.base);
    expect(statesInHistory(plan.getState().history).get(record.id)).toBe('pending');
    plan.redo();
    expect(statesInHistory(plan.getState().history).get(record.id)).toBe('restored');
  });

  it('a decided record is kept while an undo step names it, and deleted for good once none does', async () => {
    const { db, id } = await damagedDraft();
    await openAndIsolate(db, id);
    const [record] = await listQuarantined(db, id);
    if (!record) throw new Error('no record');
    const plan = createPlanStore(testPlan(1));
    plan.execute(discardSetAside(record));
    await writeQuarantineStates(db, id, new Map([[record.id, 'discarded']]));
    await tidyQuarantine(db, id, quarantineIdsIn(plan.getState().history));
    expect((await listQuarantined(db, id)).map((r) => r.state)).toEqual(['discarded']);
    await tidyQuarantine(db, id, new Set());
    expect(await listQuarantined(db, id)).toEqual([]);
  });

  it('a pending record is never tidied away', async () => {
    const { db, id } = await damagedDraft();
    await openAndIsolate(db, id);
    await tidyQuarantine(db, id, new Set());
    expect((await listQuarantined(db, id)).map((r) => r.state)).toEqual(['pending']);
  });

  it('travel in a backup: pending ones, and decided ones an undo step can bring back, with their ids', async () => {
    const { db, id } = await damagedDraft();
    const loaded = await openAndIsolate(db, id);
    const [record] = await listQuarantined(db, id);
    if (!record) throw new Error('no record');
    const plan = createPlanStore(loaded.plan);
    plan.execute(restoreSetAside(plan.context(), record));
    const { plan: current, history } = plan.getState();
    const text = await backupText({ info: loaded.info, plan: current, history, versions: [], setAside: await listQuarantined(db, id) });
    const parsed = await parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error.key);
    expect(parsed.value.setAside.map((r) => [r.id, r.state])).toEqual([[record.id, 'restored']]);

    const elsewhere = await openTestDb();
    const { info } = await createDraft(elsewhere, { ...parsed.value, origin: { kind: 'backup', name: 'b.json' } });
    const reopened = await readDraft(elsewhere, info.id);
    if (!reopened.ok) throw new Error(reopened.error.key);
    const moved = createPlanStore(reopened.value.plan);
    moved.loadSaved(reopened.value.plan, reopened.value.history);
    moved.undo();
    // Undone on the other machine, the feature leaves the plan and its record is there to decide again.
    expect(Object.keys(moved.getState().plan.layers.base)).not.toContain('b-2');
    expect(statesInHistory(moved.getState().history).get(record.id)).toBe('pending');
    expect((await listQuarantined(elsewhere, info.id)).map((r) => r.id)).toEqual([record.id]);
  });

  it('a backup without set-aside records (an older editor) reads as none; a broken entry is left out with a note', async () => {
    const { db, id } = await damagedDraft();
    const loaded = await openAndIsolate(db, id);
    const withOne = JSON.parse(await backupText({ info: loaded.info, plan: loaded.plan, history: loaded.history, versions: [], setAside: await listQuarantined(db, id) })) as Record<string, unknown>;
    const older = { ...withOne };
    delete older.setAside;
    const readOlder = await parseBackup(JSON.stringify(older));
    expect(readOlder.ok && readOlder.value.setAside).toEqual([]);
    const broken = await parseBackup(JSON.stringify({ ...withOne, setAside: [...(withOne.setAside as unknown[]), { store: 'nowhere' }] }));
    if (!broken.ok) throw new Error(broken.error.key);
    expect(broken.value.setAside).toHaveLength(1);
    expect(broken.notes).toContainEqual({ key: 'drafts.backup.setAsideSkipped', params: { count: 1 } });
  });

  it('can still be saved as a file when an edited backup gave a time no date can hold', async () => {
    const { db, id } = await damagedDraft();
    const loaded = await openAndIsolate(db, id);
    const file = JSON.parse(await backupText({ info: loaded.info, plan: loaded.plan, history: loaded.history, versions: [], setAside: await listQuarantined(db, id) })) as { setAside: { at: unknown }[] };
    file.setAside[0]!.at = 1e20;
    const parsed = await parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error.key);
    const [record] = parsed.value.setAside;
    expect(() => setAsideText(record!)).not.toThrow();
  });

  it('saves as a file whatever the store held, cycles and typed arrays included', () => {
    const cyclic: Record<string, unknown> = { bytes: new Uint8Array([1, 2]) };
    cyclic.self = cyclic;
    const text = setAsideText({ id: 'q1', store: 'features', key: ['d', 'base', 'x'], value: cyclic, problem: 'bad', at: 0, state: 'pending' });
    const file = JSON.parse(text) as { value: { bytes: number[]; self: string }; problem: string };
    expect(file.value.bytes).toEqual([1, 2]);
    expect(file.value.self).toBe('[repeated or cyclic]');
    expect(file.problem).toBe('bad');
  });
});
