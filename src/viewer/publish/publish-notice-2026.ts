/**
 * Publishing the notice of a 2026 村庄规划, in pure code, as a 2017 plan's is published (publish-notice.ts):
 * the database, its checks and tables and the notice details in, the single HTML file out (the same viewer
 * template, which tells the plan types apart by the payload's `profile`), or a refusal: a notice shorter
 * than 30 days, or a plan the 2026 checks find errors in, each rule named with its count.
 */
import type { Result } from '../../domain/message.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseTables } from '../../rules/ydyh/database-tables.ts';
import { textOf } from '../../rules/ydyh/database-parcels.ts';
import type { DatabaseCheck } from '../../rules/ydyh/index.ts';
import type { NoticePayload2026 } from '../payload/payload-2026.ts';
import { buildPayload2026 } from './build-payload-2026.ts';
import { checkNoticeDetails, type NoticeDetails } from './notice-details.ts';
import { noticeHtml, type NoticeTemplate } from './notice-html.ts';
import { noticeIdOf, planHasErrors, type PublishedNotice } from './publish-notice.ts';

export interface PublishDatabaseInput {
  readonly database: VillageDatabase;
  /** What feedback files name the plan by: the kept plan's id, or the file it was opened from. */
  readonly planId: string;
  /** The village as the notice names it (村庄名称). */
  readonly villageName: string;
  /** The draft the notice shows (方案名, e.g. 公示稿). */
  readonly versionName: string;
  readonly details: NoticeDetails;
  readonly check: DatabaseCheck;
  readonly tables: DatabaseTables;
  readonly template: NoticeTemplate;
  /** The moment of publishing (ISO 8601); passed in so the same input makes the same file. */
  readonly publishedAt: string;
}

/** The village as a notice names it: the 村级调查区's 坐落单位名称 (沈家埭村), else `fallback`. */
export function villageNameOf(database: VillageDatabase, fallback: string): string {
  for (const feature of database.layers.CJDCQ?.features ?? []) {
    const name = textOf(feature.properties.ZLDWMC);
    if (name) return name;
  }
  return fallback;
}

export type PublishedDatabaseNotice = Omit<PublishedNotice, 'payload'> & { readonly payload: NoticePayload2026 };

export async function publishDatabaseNotice(input: PublishDatabaseInput): Promise<Result<PublishedDatabaseNotice>> {
  const details = checkNoticeDetails(input.details);
  if (!details.ok) return details;
  const error = planHasErrors(input.check.issues);
  if (error) return { ok: false, error };
  const versionName = input.versionName.trim() || '—';
  const noticeId = await noticeIdOf(input.planId, versionName, details.value, input.publishedAt);
  const village = input.villageName.trim() || input.planId;
  const payload = buildPayload2026({ database: input.database, planId: input.planId, villageName: village, versionName, details: details.value, tables: input.tables, noticeId, publishedAt: input.publishedAt });
  const { html, contentSecurityPolicy } = await noticeHtml(input.template, payload, `${village}村庄规划公示`);
  return {
    ok: true,
    value: { bytes: new TextEncoder().encode(html), fileName: `${village}-村庄规划公示-${details.value.startDate}.html`, payload, contentSecurityPolicy },
    notes: [],
  };
}
