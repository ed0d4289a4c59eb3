/**
 * Publishing the notice, in pure code: a frozen plan version and the notice details in, the HTML file's
 * bytes out, or a refusal that says why. A notice shorter than 30 days is refused, and so is a plan the
 * rules find errors in (severity error; justified warnings and warnings pass): the refusal lists the rules
 * and how many issues each found, so the planner knows what to fix.
 */
import { failure, type Message, type Result } from '../../domain/message.ts';
import type { Plan } from '../../domain/plan.ts';
import type { Issue } from '../../rules/issue.ts';
import type { Tables } from '../../rules/tables/index.ts';
import type { NoticePayload } from '../payload/payload.ts';
import { buildPayload } from './build-payload.ts';
import { checkNoticeDetails, type NoticeDetails } from './notice-details.ts';
import { noticeHtml, type NoticeTemplate } from './notice-html.ts';

export interface PublishInput {
  readonly plan: Plan;
  /** The frozen version the notice shows (方案名, e.g. 公示稿). */
  readonly versionName: string;
  readonly details: NoticeDetails;
  /** The rule engine's issues for this plan (`fullCheck(plan).issues`). */
  readonly issues: readonly Issue[];
  readonly tables: Tables;
  readonly template: NoticeTemplate;
  /** The moment of publishing (ISO 8601); passed in so the same input makes the same file. */
  readonly publishedAt: string;
}

export interface PublishedNotice {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly payload: NoticePayload;
  readonly contentSecurityPolicy: string;
}

/** Rules with unwaivable findings, most findings first: what stops a plan from being published. */
function blockingRules(issues: readonly Pick<Issue, 'rule' | 'severity'>[]): { rule: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const issue of issues) {
    if (issue.severity !== 'error') continue;
    counts.set(issue.rule, (counts.get(issue.rule) ?? 0) + 1);
  }
  return [...counts].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

/** Why a plan cannot be published (each rule with errors and how many), or null: any plan type's findings. */
export function planHasErrors(issues: readonly Pick<Issue, 'rule' | 'severity'>[]): Message | null {
  const blocking = blockingRules(issues);
  if (blocking.length === 0) return null;
  return {
    key: 'notice.publish.planHasErrors',
    params: { count: blocking.reduce((n, b) => n + b.count, 0), rules: blocking.map((b) => `${b.rule} (${b.count})`).join(', ') },
  };
}

export async function publishNotice(input: PublishInput): Promise<Result<PublishedNotice>> {
  const details = checkNoticeDetails(input.details);
  if (!details.ok) return details;
  const error = planHasErrors(input.issues);
  if (error) return { ok: false, error };
  const noticeId = await noticeIdOf(input.plan.id, input.versionName, details.value, input.publishedAt);
  const payload = buildPayload({ plan: input.plan, versionName: input.versionName, details: details.value, tables: input.tables, noticeId, publishedAt: input.publishedAt });
  if (!hasVillageArea(payload)) return failure('notice.publish.noVillageArea');
  const village = input.plan.meta.villageName || input.plan.id;
  const title = `${village}${village.endsWith('村') ? '' : '村'}土地利用规划公示`;
  const { html, contentSecurityPolicy } = await noticeHtml(input.template, payload, title);
  return {
    ok: true,
    value: { bytes: new TextEncoder().encode(html), fileName: `${village}-规划公示-${details.value.startDate}.html`, payload, contentSecurityPolicy },
    notes: [],
  };
}

/**
 * Whether the payload has a village to show: its box is built from the boundary, else the parcels. With
 * neither the box is infinite, which JSON writes as null, and every position in the file would be null too.
 */
function hasVillageArea(payload: Pick<NoticePayload, 'bbox'>): boolean {
  return payload.bbox.every(Number.isFinite);
}

/** A short stable id: the same plan, version, details and time give the same notice id (any plan type). */
export async function noticeIdOf(planId: string, versionName: string, details: NoticeDetails, publishedAt: string): Promise<string> {
  const text = JSON.stringify([planId, versionName, details, publishedAt]);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...digest.slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
