/**
 * Publishing from the editor: the frozen version's plan read back (checked against its hash), the rules
 * run on it, and the pure `publishNotice` given the built viewer. The rule engine and the 1.7 MB viewer
 * template load only here, when a planner publishes.
 */
import type { Result } from '../../domain/message.ts';
import type { DraftsDb } from '../../persist/open-drafts-db.ts';
import type { VersionRecord } from '../../persist/schema.ts';
import { loadGeos } from '../../geo/geos/geos-module.ts';
import { readVersionPlan } from '../../persist/versions.ts';
import type { NoticeDetails } from '../../viewer/publish/notice-details.ts';
import type { PublishedNotice } from '../../viewer/publish/publish-notice.ts';

export async function publishFromVersion(db: DraftsDb, version: VersionRecord, details: NoticeDetails, publishedAt: string): Promise<Result<PublishedNotice>> {
  const plan = await readVersionPlan(db, version.id);
  if (!plan.ok) return plan;
  const [{ fullCheck }, { default: template }, { publishNotice }] = await Promise.all([
    import('../../rules/engine.ts'),
    import('virtual:notice-template'),
    import('../../viewer/publish/publish-notice.ts'),
    loadGeos(),
  ]);
  const checked = fullCheck(plan.value);
  return publishNotice({ plan: plan.value, versionName: version.name, details, issues: checked.issues, tables: checked.tables, template, publishedAt });
}
