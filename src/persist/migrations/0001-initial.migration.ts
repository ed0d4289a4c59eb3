/** Storage schema v1: drafts and their save statistics, plan meta, one record per feature and per undo step, versions. */
import type { Migration } from './migration.ts';

export const initialMigration: Migration = {
  version: 1,
  description: 'drafts, draftStats, planMeta, features, history, versions, versionPlans, quarantine, migrations',
  async upgrade(db) {
    db.createObjectStore('drafts', { keyPath: 'id' });
    db.createObjectStore('draftStats', { keyPath: 'draftId' });
    db.createObjectStore('planMeta', { keyPath: 'draftId' });
    // [draftId, layer, featureId] and [draftId, seq]: one key range reads or deletes a whole draft.
    db.createObjectStore('features');
    db.createObjectStore('history');
    db.createObjectStore('versions', { keyPath: 'id' }).createIndex('byDraft', 'draftId');
    db.createObjectStore('versionPlans');
    db.createObjectStore('quarantine', { autoIncrement: true }).createIndex('byDraft', 'draftId');
    db.createObjectStore('migrations', { keyPath: 'version' });
  },
};
