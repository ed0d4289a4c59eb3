/**
 * Writes a frozen fixture of the drafts database at the current storage schema version:
 *   npx tsx scripts/drafts-fixture.ts --out tests/fixtures/drafts/v<N>.drafts-db.json
 * Run it once per schema version, before the schema changes, and never regenerate an existing file:
 * src/persist/migrations.test.ts opens every fixture with today's code. The database holds one draft
 * with undo and redo steps and a published version, and one draft in the trash.
 */
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDraft, trashDraft } from '../src/persist/draft-store.ts';
import { attachDraftWriter } from '../src/persist/draft-writer.ts';
import { moveVertex, openTestDb, dumpDatabase, soon, testPlan } from '../src/persist/test-support.ts';
import { createVersion, publishVersion } from '../src/persist/versions.ts';
import { createPlanStore } from '../src/store/plan.store.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) throw new Error('--out <file> is required');

const db = await openTestDb();
const plan = createPlanStore(testPlan(6));
const { info, ledger } = await createDraft(db, { plan: plan.getState().plan, origin: { kind: 'sample' } });
const writer = attachDraftWriter({ db, draftId: info.id, plan, ledger, revision: info.revision, schedule: soon, onState: () => undefined });
plan.execute(moveVertex(plan.getState().plan, 'd-1', 1e-5));
plan.execute(moveVertex(plan.getState().plan, 'b-2', 1e-5));
plan.execute(moveVertex(plan.getState().plan, 'b-3', 1e-5));
plan.undo();
await writer.flush();
const version = await createVersion(db, info.id, '公示稿', plan.getState().plan);
if (!version.ok) throw new Error(version.error.key);
await publishVersion(db, version.value.id);
const trashed = await createDraft(db, { plan: testPlan(2), name: '旧方案', origin: { kind: 'file', name: 'old.plan.json' } });
await trashDraft(db, trashed.info.id);
writer.detach();

writeFileSync(values.out, `${JSON.stringify(await dumpDatabase(db as never), null, 1)}\n`);
console.log(`wrote ${values.out}`);
