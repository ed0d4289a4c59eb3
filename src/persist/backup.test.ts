import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { serialisePlan } from '../domain/plan-file.ts';
import { createPlanStore } from '../store/plan.store.ts';
import { backupText, BACKUP_VERSION, parseBackup } from './backup.ts';
import { createDraft } from './draft-store.ts';
import { readDraft } from './read-draft.ts';
import { moveVertex, openTestDb, testPlan } from './test-support.ts';
import { createVersion, listVersions, publishVersion, readVersionText } from './versions.ts';

/** A stored draft with history and two versions (one published), exported to a backup file. */
async function exported() {
  const db = await openTestDb();
  const plan = createPlanStore(testPlan(5));
  plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-5));
  const { info } = await createDraft(db, { plan: plan.getState().plan, history: plan.getState().history, name: '东片', origin: { kind: 'sample' } });
  const first = await createVersion(db, info.id, '方案一', plan.getState().plan, Date.UTC(2026, 9, 1));
  plan.execute(moveVertex(plan.getState().plan, 'b-1', 1e-5));
  const notice = await createVersion(db, info.id, '公示稿', plan.getState().plan, Date.UTC(2026, 9, 2));
  if (!first.ok || !notice.ok) throw new Error('versions');
  await publishVersion(db, notice.value.id, Date.UTC(2026, 10, 1));
  const versions = await Promise.all(
    (await listVersions(db, info.id)).map(async (record) => ({ record, planJson: ((await readVersionText(db, record.id)) as { value: string }).value })),
  );
  const text = await backupText({ info, plan: plan.getState().plan, history: plan.getState().history, versions });
  return { text, plan: plan.getState().plan, history: plan.getState().history };
}

describe('backups', () => {
  it('round-trips a draft with history and versions, bit for bit, on another machine', async () => {
    const { text, plan } = await exported();
    const parsed = await parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error.key);
    expect(parsed.notes).toEqual([]);
    expect(serialisePlan(parsed.value.plan)).toBe(serialisePlan(plan));

    const elsewhere = await openTestDb();
    const { plan: imported, history, versions, name } = parsed.value;
    const { info } = await createDraft(elsewhere, { plan: imported, history, versions, name, origin: { kind: 'backup', name: 'x.json' } });
    const loaded = await readDraft(elsewhere, info.id);
    if (!loaded.ok) throw new Error(loaded.error.key);
    expect(serialisePlan(loaded.value.plan)).toBe(serialisePlan(plan));
    expect(loaded.value.history.undo).toHaveLength(2);
    const stored = await listVersions(elsewhere, info.id);
    expect(stored.map((v) => [v.name, v.publishedAt])).toEqual([['方案一', null], ['公示稿', Date.UTC(2026, 10, 1)]]);

    // Exported again from the other machine, the plan and versions are the same bytes.
    const again = await backupText({
      info: loaded.value.info,
      plan: loaded.value.plan,
      history: loaded.value.history,
      versions: await Promise.all(stored.map(async (record) => ({ record, planJson: ((await readVersionText(elsewhere, record.id)) as { value: string }).value }))),
    });
    const strip = (t: string) => JSON.stringify({ ...JSON.parse(t), exportedAt: null, draft: null });
    expect(strip(again)).toBe(strip(text));
  });

  it('refuses a file that is not JSON, not a backup, or from a newer editor', async () => {
    expect(await parseBackup('{"format": "village-plan-backup", ')).toMatchObject({ ok: false, error: { key: 'drafts.backup.notJson' } });
    expect(await parseBackup('{"format": "something-else"}')).toMatchObject({ ok: false, error: { key: 'drafts.backup.notABackup' } });
    const { text } = await exported();
    const newer = text.replace(`"backupVersion":${BACKUP_VERSION}`, `"backupVersion":${BACKUP_VERSION + 1}`);
    expect(await parseBackup(newer)).toMatchObject({ ok: false, error: { key: 'drafts.backup.tooNew', params: { version: BACKUP_VERSION + 1 } } });
  });

  it('refuses a plan that does not match its checksum (a damaged or edited file)', async () => {
    const { text } = await exported();
    const damaged = text.replace('"parcelNo":"JQ3"', '"parcelNo":"JQ8"');
    expect(damaged).not.toBe(text);
    expect(await parseBackup(damaged)).toMatchObject({ ok: false, error: { key: 'drafts.backup.damaged' } });
  });

  it('imports the rest, with a note, when a version or an undo step is damaged', async () => {
    const { text } = await exported();
    const file = JSON.parse(text) as { versions: { planSha256: string }[]; history: { undo: { label: unknown }[] } };
    file.versions[0]!.planSha256 = '0'.repeat(64);
    file.history.undo[0]!.label = 42;
    const parsed = await parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error.key);
    expect(parsed.value.versions.map((v) => v.name)).toEqual(['公示稿']);
    expect(parsed.value.history.undo).toHaveLength(1);
    expect(parsed.notes).toEqual([
      { key: 'drafts.backup.historyDropped', params: { count: 1 } },
      { key: 'drafts.backup.versionSkipped', params: { name: '方案一' } },
    ]);
  });
});
