/** Export the open draft to a backup file; import a backup (or a plain plan file) as a new draft. */
import type { Message, Result } from '../../domain/message.ts';
import { parseJsonText, parsePlan } from '../../domain/plan-file.ts';
import { featureCount } from '../../domain/plan.ts';
import type { Editor } from '../../store/editor.ts';
import { backupFileName, backupText, isBackup, readBackup } from '../backup.ts';
import { createDraft } from '../draft-store.ts';
import type { DraftsDb } from '../open-drafts-db.ts';
import { listQuarantined } from '../quarantine.ts';
import { readDraft } from '../read-draft.ts';
import type { DraftId, DraftRecord, VersionRecord } from '../schema.ts';
import { listVersions, readVersionText } from '../versions.ts';
import type { DraftController } from './draft-controller.ts';

export interface BackupDownload {
  readonly fileName: string;
  readonly text: string;
}

/**
 * The draft as it is in memory (so it works when the disk is full and saving fails), with its undo
 * history and every version that can still be read.
 */
export async function exportDraftBackup(drafts: DraftController, editor: Pick<Editor, 'plan'>): Promise<Result<BackupDownload>> {
  await drafts.flush();
  const { plan, history } = editor.plan.getState();
  const now = Date.now();
  const info: DraftRecord = drafts.getState().draft ?? {
    id: 'unsaved' as DraftId,
    name: plan.meta.villageName,
    villageName: plan.meta.villageName,
    planId: plan.id,
    origin: { kind: 'file', name: '' },
    createdAt: now,
    updatedAt: now,
    bytes: 0,
    featureCount: featureCount(plan),
    revision: 0,
    deletedAt: null,
  };
  const id = drafts.draftId();
  const db = id ? await drafts.database() : null;
  const { versions, notes } = db && id ? await readableVersions(db, id) : { versions: [], notes: [] };
  const setAside = db && id ? await listQuarantined(db, id) : [];
  return { ok: true, value: { fileName: backupFileName(info, now), text: await backupText({ info, plan, history, versions, setAside }, now) }, notes };
}

/** A draft as stored (the start page's "导出备份"), with its history and versions. */
export async function exportStoredDraft(db: DraftsDb, id: DraftId): Promise<Result<BackupDownload>> {
  const loaded = await readDraft(db, id);
  if (!loaded.ok) return loaded;
  const { versions, notes } = await readableVersions(db, id);
  const { info, plan, history, damaged } = loaded.value;
  // Damage found by this reading has not been moved aside yet (the draft is not open): it travels too.
  const setAside = [...(await listQuarantined(db, id)), ...damaged.map((d) => ({ ...d, id: globalThis.crypto.randomUUID(), at: Date.now(), state: 'pending' as const }))];
  const now = Date.now();
  return { ok: true, value: { fileName: backupFileName(info, now), text: await backupText({ info, plan, history, versions, setAside }, now) }, notes: [...loaded.notes, ...notes] };
}

async function readableVersions(db: DraftsDb, id: DraftId): Promise<{ versions: { record: VersionRecord; planJson: string }[]; notes: Message[] }> {
  const versions: { record: VersionRecord; planJson: string }[] = [];
  const notes: Message[] = [];
  for (const record of await listVersions(db, id)) {
    const text = await readVersionText(db, record.id);
    if (text.ok) versions.push({ record, planJson: text.value });
    else notes.push(text.error);
  }
  return { versions, notes };
}

/** A file chosen on the start page: a backup (draft, history, versions) or the editor's own plan file. */
export async function importDraftFile(db: DraftsDb, text: string, fileName: string): Promise<Result<DraftId>> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const raw = json.value;
  if (isBackup(raw)) {
    const backup = await readBackup(raw);
    if (!backup.ok) return backup;
    const { plan, history, versions, name, setAside } = backup.value;
    const created = await createDraft(db, { plan, history, versions, name, setAside, origin: { kind: 'backup', name: fileName } });
    return { ok: true, value: created.info.id, notes: backup.notes };
  }
  const plan = parsePlan(raw);
  if (!plan.ok) return plan;
  const created = await createDraft(db, { plan: plan.value, origin: { kind: 'file', name: fileName } });
  return { ok: true, value: created.info.id, notes: plan.notes };
}
