/**
 * Every earlier storage schema version, as a frozen fixture (tests/fixtures/drafts/v<N>.drafts-db.json,
 * written by scripts/drafts-fixture.ts), opens with today's code; the migration machinery runs steps in
 * the upgrade transaction, records them with strict durability, and leaves a database untouched when a
 * step fails.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listDrafts } from './draft-store.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';
import { openDraftsDb } from './open-drafts-db.ts';
import { readDraft } from './read-draft.ts';
import { STORAGE_SCHEMA_VERSION } from './schema.ts';
import { restoreDatabase, uniqueDbName, type DatabaseDump } from './test-support.ts';
import { listVersions, readVersionPlan } from './versions.ts';

const FIXTURES = new URL('../../tests/fixtures/drafts/', import.meta.url);
const fixtures = readdirSync(FIXTURES)
  .filter((f) => /^v\d+\.drafts-db\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(new URL(f, FIXTURES), 'utf8')) as DatabaseDump);

afterEach(() => vi.restoreAllMocks());

describe('stored drafts of every schema version', () => {
  it('has a fixture for every version up to today', () => {
    expect(fixtures.map((f) => f.schemaVersion).sort()).toEqual(Array.from({ length: STORAGE_SCHEMA_VERSION }, (_, i) => i + 1));
    expect(MIGRATIONS).toHaveLength(STORAGE_SCHEMA_VERSION);
  });

  for (const fixture of fixtures) {
    it(`opens a v${fixture.schemaVersion} database: drafts, plan, undo, trash and a published version`, async () => {
      const name = uniqueDbName();
      await restoreDatabase(name, fixture, MIGRATIONS);
      const opened = await openDraftsDb({ name });
      if (!opened.ok) throw new Error(opened.error.key);
      const db = opened.value;
      expect(db.version).toBe(STORAGE_SCHEMA_VERSION);

      const list = await listDrafts(db);
      expect(list.live.map((d) => d.name)).toEqual(['测试村']);
      expect(list.trash.map((d) => d.name)).toEqual(['旧方案']);
      const draft = await readDraft(db, list.live[0]!.id);
      if (!draft.ok) throw new Error(draft.error.key);
      expect(draft.value.notes).toEqual([]);
      expect(Object.keys(draft.value.plan.layers.base)).toHaveLength(6);
      expect(draft.value.history.undo).toHaveLength(2);
      expect(draft.value.history.redo).toHaveLength(1);

      const [version] = await listVersions(db, list.live[0]!.id);
      expect(version).toMatchObject({ name: '公示稿', publishedAt: expect.any(Number) });
      const snapshot = await readVersionPlan(db, version!.id);
      expect(snapshot.ok && Object.keys(snapshot.value.layers.base)).toHaveLength(6);
      db.close();
    });
  }
});

describe('the migration machinery', () => {
  const v1 = fixtures.find((f) => f.schemaVersion === 1) as DatabaseDump;
  /** A made-up next version, to run the machinery on the v1 fixture. */
  const addUpdatedIndex: Migration = {
    version: 2,
    description: 'index drafts by creation; names get a suffix',
    async upgrade(_db, transaction) {
      const drafts = transaction.objectStore('drafts');
      drafts.createIndex('byCreated', 'createdAt');
      for (const draft of (await drafts.getAll()) as { name: string }[]) await drafts.put({ ...draft, name: `${draft.name}（迁移）` });
    },
  };

  it('runs a new step inside the upgrade and records it with durability strict', async () => {
    const name = uniqueDbName();
    await restoreDatabase(name, v1, MIGRATIONS);
    const durabilities: string[] = [];
    const original = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, stores, mode, options) {
      if (mode === 'readwrite') durabilities.push(options?.durability ?? 'default');
      return original.call(this, stores, mode, options);
    });
    const opened = await openDraftsDb({ name, migrations: [...MIGRATIONS, addUpdatedIndex] });
    if (!opened.ok) throw new Error(opened.error.key);
    const db = opened.value;
    expect(db.version).toBe(2);
    expect(durabilities).toEqual(['strict']);
    expect(await db.getAll('migrations')).toEqual([expect.objectContaining({ version: 1 }), { version: 2, appliedAt: expect.any(Number) }]);
    const raw = db as unknown as { getAllFromIndex(store: string, index: string): Promise<{ name: string }[]> };
    expect((await raw.getAllFromIndex('drafts', 'byCreated')).map((d) => d.name).sort()).toEqual(['旧方案（迁移）', '测试村（迁移）']);
    db.close();
  });

  it('leaves the database as it was when a step fails, and says so', async () => {
    const name = uniqueDbName();
    await restoreDatabase(name, v1, MIGRATIONS);
    const broken: Migration = {
      version: 2,
      description: 'fails half-way',
      async upgrade(_db, transaction) {
        await transaction.objectStore('drafts').clear();
        throw new Error('bug in migration');
      },
    };
    const opened = await openDraftsDb({ name, migrations: [...MIGRATIONS, broken] });
    expect(opened.ok ? null : opened.error).toMatchObject({ key: 'drafts.storage.migrationFailed', params: { detail: 'Error: bug in migration' } });
    const db = await openDB(name);
    expect(db.version).toBe(1);
    expect(await db.count('drafts')).toBe(2);
    db.close();
  });

  it('refuses a database written by a newer version of the editor, untouched', async () => {
    const name = uniqueDbName();
    (await openDB(name, STORAGE_SCHEMA_VERSION + 1)).close();
    const opened = await openDraftsDb({ name });
    expect(opened.ok ? null : opened.error.key).toBe('drafts.storage.tooNew');
  });
});
