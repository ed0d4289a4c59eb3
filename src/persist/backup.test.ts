import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY } from '../commands/history.ts';
import { serialisePlan } from '../domain/plan-file.ts';
import { createI18n } from '../i18n/index.ts';
import { sha256Hex } from '../io/sha256.ts';
import { renderMessage } from '../rules/render.ts';
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
    expect(await parseBackup('{"format": "village-plan-backup", ')).toMatchObject({ ok: false, error: { key: 'planFile.notJson' } });
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

  it('says which feature of the backup\'s plan cannot be read, not a template with blanks', async () => {
    // A backup written by another tool: its checksum matches, but a parcel has a class code that does not exist.
    const { text } = await exported();
    const file = JSON.parse(text) as { plan: { layers: { base: Record<string, { properties: { classCode: string } }> } }; planSha256: string };
    file.plan.layers.base['b-2']!.properties.classCode = '9999';
    file.planSha256 = await sha256Hex(JSON.stringify(file.plan));
    const parsed = await parseBackup(JSON.stringify(file));
    expect(parsed).toMatchObject({ ok: false, error: { key: 'drafts.backup.badPlan', params: { reasonKey: 'planFile.badFeatures', count: 1 } } });
    const { t } = createI18n('zh-CN');
    const shown = parsed.ok ? '' : renderMessage((key, values) => t(key, values ?? {}), parsed.error);
    expect(shown).toContain('1 个要素无效');
    expect(shown).toContain('例如“基期地类图斑”中的 b-2：字段 classCode 的值 "9999" 无效');
    expect(shown).not.toContain('{{');
    const english = createI18n('en').t;
    expect(parsed.ok ? '' : renderMessage((key, values) => english(key, values ?? {}), parsed.error)).toContain('For example b-2 in “Base-year parcels”: the field classCode has the value "9999", which is not valid.');
  });

  it('is still written when a stored version\'s time is damaged, and reads back with the time of import', async () => {
    const db = await openTestDb();
    const plan = testPlan(2);
    const { info } = await createDraft(db, { plan, origin: { kind: 'sample' } });
    const version = await createVersion(db, info.id, '方案一', plan);
    if (!version.ok) throw new Error(version.error.key);
    const damaged = { ...version.value, createdAt: undefined as unknown as number };
    const text = await backupText({ info: { ...info, createdAt: 1e20 }, plan, history: EMPTY_HISTORY, versions: [{ record: damaged, planJson: serialisePlan(plan) }] }, Date.UTC(2026, 11, 6));
    const parsed = await parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error.key);
    expect(parsed.value.versions.map((v) => [v.name, Number.isFinite(v.createdAt)])).toEqual([['方案一', true]]);
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
