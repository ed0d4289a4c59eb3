import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyEdit, type DatabaseEdit } from '../commands/village-database/database-edit.ts';
import { EMPTY_DATABASE_HISTORY, record, undo, type DatabaseHistory } from '../commands/village-database/database-history.ts';
import { reclassify } from '../commands/village-database/reclassify.command.ts';
import type { Message, Result } from '../domain/message.ts';
import { strings } from '../i18n/texts.ts';
import { parseVillageDatabaseText, serialiseVillageDatabase } from '../io/village-database/database-file.ts';
import type { VillageDatabase } from '../profiles/zhejiang-2026/village-database.ts';
import { database, parcels } from '../rules/ydyh/test-support.ts';
import { openDatabaseDrafts, type DatabaseDraftId, type DatabaseDrafts } from './database-drafts.ts';
import { uniqueDbName } from './test-support.ts';

const ZH = strings('zh');

function village(codes: readonly string[]): VillageDatabase {
  return database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', codes), GHDLTB: parcels('GHDLTB', 'GHDLBM', codes) });
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.key}`);
  return result.value;
}

/** The refusal's message, which must be one the planner can read. */
function refusal(result: Result<unknown>): Message {
  if (result.ok) throw new Error('expected a refusal');
  expect(ZH[result.error.key], result.error.key).toBeDefined();
  return result.error;
}

async function opened(name = uniqueDbName()): Promise<DatabaseDrafts> {
  return valueOf(await openDatabaseDrafts(name));
}

/** Which stores each transaction of the page asks for, while the spy is on. */
function transactionsSpy() {
  const original = IDBDatabase.prototype.transaction;
  const stores: string[][] = [];
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const [names] = args;
    stores.push(typeof names === 'string' ? [names] : [...names]);
    return original.apply(this, args);
  });
  return stores;
}

/** A full disk as browsers report it: each readwrite transaction aborts once its writes are queued, with a QuotaExceededError. */
function diskFull(): void {
  const failed = new WeakSet<IDBTransaction>();
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = original.apply(this, args);
      const tx = this.transaction;
      if (!failed.has(tx)) {
        failed.add(tx);
        Object.defineProperty(tx, 'error', { value: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
        queueMicrotask(() => tx.abort());
      }
      return request;
    });
  }
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('2026 plans on this computer', () => {
  it('keeps the sample plan and gives the same database back', async () => {
    const drafts = await opened();
    const sample = valueOf(parseVillageDatabaseText(readFileSync('samples/sample-village-2026.database.json', 'utf8'), 'sample-village-2026.database.json'));
    const meta = valueOf(await drafts.create(sample, { name: ' 示例村 2026 ', source: 'sample' }));
    expect(meta).toMatchObject({ name: '示例村 2026', source: 'sample', villageName: sample.info.villageName, revision: 1, parcels: sample.layers.GHDLTB?.features.length });
    expect(meta.bytes).toBe(new TextEncoder().encode(serialiseVillageDatabase(sample)).byteLength);

    const read = valueOf(await drafts.read(meta.id));
    expect(read.meta).toEqual(meta);
    expect(serialiseVillageDatabase(read.database)).toBe(serialiseVillageDatabase(sample));
    expect(read.database.layers.GHDLTB?.features).toEqual(sample.layers.GHDLTB?.features);
    drafts.close();
  });

  it('lists plans newest first from the meta store alone', async () => {
    const drafts = await opened();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000);
    const older = valueOf(await drafts.create(village(['0101']), { name: '甲村', source: 'survey' }));
    vi.setSystemTime(2_000);
    const newer = valueOf(await drafts.create(village(['0101', '0301']), { name: '乙村', source: 'plan2017' }));

    const stores = transactionsSpy();
    const listed = await drafts.list();
    expect(valueOf(listed).map((m) => m.id)).toEqual([newer.id, older.id]);
    expect(valueOf(listed)[0]).toMatchObject({ name: '乙村', source: 'plan2017', parcels: 2, createdAt: 2_000, updatedAt: 2_000 });
    expect(stores).toEqual([['meta']]);
    drafts.close();
  });

  it('saves over the revision it read and refuses a stale one, leaving the stored plan as it was', async () => {
    const drafts = await opened();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000);
    const created = valueOf(await drafts.create(village(['0101']), { name: '甲村', source: 'file' }));
    vi.setSystemTime(5_000);
    const saved = valueOf(await drafts.save(created.id, village(['0101', '0301', '0701']), created.revision));
    expect(saved).toMatchObject({ id: created.id, name: '甲村', revision: 2, parcels: 3, createdAt: 1_000, updatedAt: 5_000 });

    const stale = await drafts.save(created.id, village(['1101']), created.revision);
    expect(refusal(stale)).toEqual({ key: 'databaseDrafts.save.stale', params: { name: '甲村' } });
    const kept = valueOf(await drafts.read(created.id));
    expect(kept.meta).toEqual(saved);
    expect(kept.database.layers.GHDLTB?.features.map((f) => f.properties['GHDLBM'])).toEqual(['0101', '0301', '0701']);
    drafts.close();
  });

  it('reports a damaged text naming the plan, and keeps it', async () => {
    const name = uniqueDbName();
    const drafts = await opened(name);
    const meta = valueOf(await drafts.create(village(['0101']), { name: '甲村', source: 'survey' }));
    const raw = await openDB(name);
    await raw.put('texts', '{"format": "village-database", "layers": [', meta.id);

    expect(refusal(await drafts.read(meta.id))).toEqual({ key: 'databaseDrafts.read.damaged', params: { name: '甲村' } });
    expect(await raw.get('texts', meta.id)).toBe('{"format": "village-database", "layers": [');
    expect(valueOf(await drafts.list()).map((m) => m.id)).toEqual([meta.id]);
    raw.close();
    drafts.close();
  });

  it('says a plan a newer version of the app saved needs an update, not that it is damaged', async () => {
    const name = uniqueDbName();
    const drafts = await opened(name);
    const meta = valueOf(await drafts.create(village(['0101']), { name: '甲村', source: 'survey' }));
    const raw = await openDB(name);
    const text = (await raw.get('texts', meta.id)) as string;
    await raw.put('texts', text.replace(/"schemaVersion": \d+/, '"schemaVersion": 99'), meta.id);

    expect(refusal(await drafts.read(meta.id))).toMatchObject({ key: 'villageDb.file.tooNew', params: { file: '甲村', version: 99 } });
    raw.close();
    drafts.close();
  });

  it('leaves out a damaged meta record from the list with a note', async () => {
    const name = uniqueDbName();
    const drafts = await opened(name);
    const meta = valueOf(await drafts.create(village(['0101']), { name: '甲村', source: 'survey' }));
    const raw = await openDB(name);
    await raw.put('meta', { id: 'broken', name: 7 });

    const listed = await drafts.list();
    expect(valueOf(listed).map((m) => m.id)).toEqual([meta.id]);
    expect(listed.ok && listed.notes).toEqual([{ key: 'databaseDrafts.list.unreadable', params: { count: 1 } }]);
    expect(refusal(await drafts.read('broken' as DatabaseDraftId))).toEqual({ key: 'databaseDrafts.read.damaged', params: { name: 'broken' } });
    raw.close();
    drafts.close();
  });

  it('says the disk is full and keeps the previous stored version whole', async () => {
    const drafts = await opened();
    const created = valueOf(await drafts.create(village(['0101']), { name: '甲村', source: 'survey' }));
    diskFull();
    expect(refusal(await drafts.save(created.id, village(['0101', '0301']), created.revision))).toEqual({ key: 'databaseDrafts.write.quota' });
    expect(refusal(await drafts.create(village(['0101']), { name: '乙村', source: 'survey' }))).toEqual({ key: 'databaseDrafts.write.quota' });
    vi.restoreAllMocks();

    const kept = valueOf(await drafts.read(created.id));
    expect(kept.meta).toEqual(created);
    expect(kept.database.layers.GHDLTB?.features).toHaveLength(1);
    expect(valueOf(await drafts.list())).toHaveLength(1);
    expect(valueOf(await drafts.save(created.id, village(['0101', '0301']), created.revision)).revision).toBe(2);
    drafts.close();
  });

  it('renames without a new revision, and removes', async () => {
    const drafts = await opened();
    const created = valueOf(await drafts.create(village(['0101']), { name: '甲村', source: 'survey' }));
    const renamed = valueOf(await drafts.rename(created.id, '  甲村（修改稿） '));
    expect(renamed).toEqual({ ...created, name: '甲村（修改稿）' });
    expect(refusal(await drafts.rename(created.id, '   '))).toEqual({ key: 'databaseDrafts.name.empty' });
    expect(valueOf(await drafts.save(created.id, village(['0301']), created.revision)).name).toBe('甲村（修改稿）');

    valueOf(await drafts.remove(created.id));
    expect(valueOf(await drafts.list())).toEqual([]);
    expect(refusal(await drafts.read(created.id))).toEqual({ key: 'databaseDrafts.notFound' });
    expect(refusal(await drafts.rename(created.id, '乙村'))).toEqual({ key: 'databaseDrafts.notFound' });
    expect(refusal(await drafts.save(created.id, village(['0301']), 2))).toEqual({ key: 'databaseDrafts.notFound' });
    expect((await drafts.remove(created.id)).ok).toBe(true);
    drafts.close();
  });

  it('names a plan after its village when given no name, and refuses a plan with neither', async () => {
    const drafts = await opened();
    const named = valueOf(await drafts.create(village(['0101']), { name: '', source: 'survey' }));
    expect(named.name).toBe('杭州市西湖区示例村');
    const nameless = database({ GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101']) }, { info: { ...village([]).info, villageName: null } });
    expect(refusal(await drafts.create(nameless, { name: ' ', source: 'survey' }))).toEqual({ key: 'databaseDrafts.name.empty' });
    drafts.close();
  });

  it('fails with a message when the connection is closed, or the browser has no IndexedDB or a newer database', async () => {
    const drafts = await opened();
    drafts.close();
    expect(refusal(await drafts.list())).toEqual({ key: 'databaseDrafts.write.closed' });
    expect(refusal(await drafts.create(village(['0101']), { name: '甲村', source: 'survey' }))).toEqual({ key: 'databaseDrafts.write.closed' });

    const name = uniqueDbName();
    (await openDB(name, 3)).close();
    expect(refusal(await openDatabaseDrafts(name))).toEqual({ key: 'databaseDrafts.storage.tooNew' });

    vi.stubGlobal('indexedDB', undefined);
    expect(refusal(await openDatabaseDrafts(uniqueDbName())).key).toBe('databaseDrafts.storage.unavailable');
    vi.unstubAllGlobals();
  });
});

/** The plan with its parcels reclassified one edit at a time, recorded as the editor does. */
function edited(start: VillageDatabase, steps: readonly (readonly [string, string])[]): { database: VillageDatabase; history: DatabaseHistory } {
  return steps.reduce(({ database: db, history }, [ref, code]) => {
    const edit = valueOf(reclassify(db, [ref], code));
    return { database: applyEdit(db, edit, 'forward'), history: record(history, edit) };
  }, { database: start, history: EMPTY_DATABASE_HISTORY });
}

const codesOf = (db: VillageDatabase) => db.layers.GHDLTB?.features.map((f) => f.properties['GHDLBM']);

describe('the undo history kept with a 2026 plan', () => {
  it('is saved in the same transaction as the plan and read back with it', async () => {
    const drafts = await opened();
    const start = village(['0101', '0103', '0201']);
    const created = valueOf(await drafts.create(start, { name: '甲村', source: 'survey' }));
    expect(valueOf(await drafts.read(created.id)).history).toEqual(EMPTY_DATABASE_HISTORY);

    const two = edited(start, [['GHDLTB#1', '0301'], ['GHDLTB#2', '0703']]);
    const back = undo(two.database, two.history);
    if (back === null) throw new Error('nothing undone');
    const stores = transactionsSpy();
    valueOf(await drafts.save(created.id, back.db, created.revision, back.history));
    expect(stores).toEqual([['meta', 'texts', 'histories']]);
    vi.restoreAllMocks();

    const read = valueOf(await drafts.read(created.id));
    expect(read.notes).toEqual([]);
    expect(read.history).toEqual(JSON.parse(JSON.stringify(back.history)));
    expect(read.history.done).toHaveLength(1);
    expect(read.history.undone).toHaveLength(1);
    expect(codesOf(read.database)).toEqual(['0301', '0103', '0201']);
    drafts.close();
  });

  it('is left out with a note when it does not fit the plan, damaged or of another format, and the plan still opens', async () => {
    const name = uniqueDbName();
    const drafts = await opened(name);
    const start = village(['0101', '0103']);
    const created = valueOf(await drafts.create(start, { name: '甲村', source: 'survey' }));
    const one = edited(start, [['GHDLTB#1', '0301']]);
    // A history saved with another plan than the one stored (an edit of another version would not fit either).
    valueOf(await drafts.save(created.id, start, created.revision, one.history));
    const raw = await openDB(name);
    const storedText = String(await raw.get('histories', created.id));
    const dropped = [{ key: 'databaseDrafts.history.dropped', params: { name: '甲村' } }];
    for (const text of [storedText, '{"format":1,"done":[{"labelKey":', storedText.replace('"format":1', '"format":2'), 42]) {
      await raw.put('histories', text, created.id);
      const read = valueOf(await drafts.read(created.id));
      expect(read.notes).toEqual(dropped);
      expect(ZH[dropped[0]?.key ?? '']).toBeDefined();
      expect(read.history).toEqual(EMPTY_DATABASE_HISTORY);
      expect(codesOf(read.database)).toEqual(['0101', '0103']);
    }
    raw.close();
    drafts.close();
  });

  it('is deleted with its plan', async () => {
    const name = uniqueDbName();
    const drafts = await opened(name);
    const start = village(['0101']);
    const created = valueOf(await drafts.create(start, { name: '甲村', source: 'survey' }));
    const one = edited(start, [['GHDLTB#1', '0301']]);
    valueOf(await drafts.save(created.id, one.database, created.revision, one.history));
    valueOf(await drafts.remove(created.id));
    const raw = await openDB(name);
    expect(await raw.count('histories')).toBe(0);
    raw.close();
    drafts.close();
  });

  it('drops its oldest steps beyond 20 MB, and what it keeps still fits the plan', async () => {
    const drafts = await opened();
    const start = village(['0101']);
    const created = valueOf(await drafts.create(start, { name: '甲村', source: 'survey' }));
    // Three steps of 8 MB each (a note the size of a redrawn village before and after), the last one undone.
    const note = 'x'.repeat(4 * 1024 * 1024);
    const step = (n: number): DatabaseEdit => ({ labelKey: 'databaseEdit.reclassify.label', params: { n }, changes: [{ layer: 'GHDLTB', ref: 'GHDLTB#1', before: { BZ: `${n - 1}${note}` }, after: { BZ: `${n}${note}` } }] });
    const [first, second, third] = [1, 2, 3].map(step);
    if (!first || !second || !third) throw new Error('no steps');
    const database = [first, second].reduce((db, edit) => applyEdit(db, edit, 'forward'), applyEdit(start, { labelKey: 'x', params: {}, changes: [{ layer: 'GHDLTB', ref: 'GHDLTB#1', before: {}, after: { BZ: `0${note}` } }] }, 'forward'));
    valueOf(await drafts.save(created.id, database, created.revision, { done: [first, second], undone: [third] }));
    const read = valueOf(await drafts.read(created.id));
    expect(read.notes).toEqual([]);
    expect(read.history.done.map((edit) => edit.params)).toEqual([{ n: 2 }]);
    expect(read.history.undone.map((edit) => edit.params)).toEqual([{ n: 3 }]);
    drafts.close();
  });

  it('opens a plan kept by the version before histories (database version 1), keeping every record', async () => {
    const name = uniqueDbName();
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('meta', { keyPath: 'id' });
        db.createObjectStore('texts');
      },
    });
    const start = village(['0101', '0103']);
    const text = serialiseVillageDatabase(start);
    const meta = { id: 'kept-by-v1', name: '甲村', villageName: '杭州市西湖区示例村', source: 'survey', createdAt: 1_000, updatedAt: 1_000, bytes: new TextEncoder().encode(text).byteLength, parcels: 2, revision: 1 };
    await v1.put('meta', meta);
    await v1.put('texts', text, meta.id);
    v1.close();

    const drafts = await opened(name);
    expect(valueOf(await drafts.list())).toEqual([meta]);
    const read = valueOf(await drafts.read(meta.id as DatabaseDraftId));
    expect(read).toMatchObject({ meta, history: EMPTY_DATABASE_HISTORY, notes: [] });
    expect(codesOf(read.database)).toEqual(['0101', '0103']);
    const one = edited(read.database, [['GHDLTB#2', '0301']]);
    valueOf(await drafts.save(meta.id as DatabaseDraftId, one.database, meta.revision, one.history));
    expect(valueOf(await drafts.read(meta.id as DatabaseDraftId)).history.done).toHaveLength(1);
    drafts.close();
  });
});
