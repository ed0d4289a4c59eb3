/** The versions panel's operations on the open draft: name, list, publish, delete, compare, restore. */
import { failure, type Result } from '../../domain/message.ts';
import type { Plan } from '../../domain/plan.ts';
import type { Editor } from '../../store/editor.ts';
import { comparePlans, type PlanComparison } from '../compare-plans.ts';
import { createDraft } from '../draft-store.ts';
import type { DraftId, VersionId, VersionRecord } from '../schema.ts';
import { createVersion, deleteVersion, listVersions, publishVersion, readVersionPlan } from '../versions.ts';
import type { DraftController } from './draft-controller.ts';

/** One side of a comparison: a stored version, or the draft as it is now. */
export type PlanRef = VersionId | 'current';

const NO_DRAFT: Result<never> = failure('drafts.versions.notStored');

export function draftVersions(drafts: DraftController, editor: Pick<Editor, 'plan'>) {
  const withDb = async <T>(run: (db: Parameters<typeof listVersions>[0], draftId: DraftId) => Promise<Result<T>>): Promise<Result<T>> => {
    const id = drafts.draftId();
    const db = id ? await drafts.database() : null;
    return db && id ? run(db, id) : NO_DRAFT;
  };
  const changed = () => {
    const id = drafts.draftId();
    if (id) drafts.announce({ kind: 'versionsChanged', draftId: id });
  };
  const planOf = async (ref: PlanRef): Promise<Result<Plan>> =>
    ref === 'current' ? { ok: true, value: editor.plan.getState().plan, notes: [] } : withDb((db) => readVersionPlan(db, ref));

  return {
    list: (): Promise<Result<VersionRecord[]>> => withDb(async (db, id) => ({ ok: true, value: await listVersions(db, id), notes: [] })),

    /** A snapshot of the plan as it is on screen now. */
    async create(name: string): Promise<Result<VersionRecord>> {
      const created = await withDb((db, id) => createVersion(db, id, name, editor.plan.getState().plan));
      if (created.ok) {
        changed();
        void drafts.refreshStorage();
      }
      return created;
    },

    async publish(id: VersionId): Promise<Result<VersionRecord>> {
      const published = await withDb((db) => publishVersion(db, id));
      if (published.ok) changed();
      return published;
    },

    async remove(id: VersionId): Promise<Result<null>> {
      const removed = await withDb((db) => deleteVersion(db, id));
      if (removed.ok) changed();
      return removed;
    },

    /** `from` → `to`: what was added, removed and changed. */
    async compare(from: PlanRef, to: PlanRef): Promise<Result<PlanComparison>> {
      const [a, b] = await Promise.all([planOf(from), planOf(to)]);
      if (!a.ok) return a;
      if (!b.ok) return b;
      return { ok: true, value: comparePlans(a.value, b.value), notes: [] };
    },

    /** A new draft holding the version's plan; the version itself stays as it is. */
    async restoreAsDraft(version: VersionRecord): Promise<Result<DraftId>> {
      return withDb(async (db) => {
        const plan = await readVersionPlan(db, version.id);
        if (!plan.ok) return plan;
        const base = drafts.getState().draft?.name ?? plan.value.meta.villageName;
        const created = await createDraft(db, { plan: plan.value, name: `${base} · ${version.name}`, origin: { kind: 'version', versionName: version.name } });
        drafts.announce({ kind: 'listChanged' });
        return { ok: true, value: created.info.id, notes: [] };
      });
    },
  };
}

export type DraftVersions = ReturnType<typeof draftVersions>;
