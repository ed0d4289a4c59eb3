/**
 * What the page's URL asks to open: `?draft=<id>` a stored draft, `?plan=<path>` a plan file on this site
 * (it becomes a new draft), nothing: the start page (or the sample village on a first visit).
 */
import type { DatabaseDraftId } from '../../persist/database-drafts.ts';
import type { DraftId } from '../../persist/schema.ts';

export type StartRoute =
  | { readonly kind: 'draft'; readonly id: DraftId }
  | { readonly kind: 'planFile'; readonly url: string }
  /** A 2026 village database file on this site to review (`sample`: the embedded 2026 sample village). */
  | { readonly kind: 'database'; readonly url: string | 'sample' }
  /** A 2026 plan kept on this computer (persist/database-drafts.ts), opened to edit. */
  | { readonly kind: 'keptPlan'; readonly id: DatabaseDraftId }
  /** A stored 2017 draft to turn into a 2026 plan (its review list first); the draft is only read. */
  | { readonly kind: 'convert'; readonly id: DraftId }
  | { readonly kind: 'home' };

export function startRoute(location: Location): StartRoute {
  const params = new URLSearchParams(location.search);
  const draft = params.get('draft');
  if (draft) return { kind: 'draft', id: draft as DraftId };
  const kept = params.get('db');
  if (kept) return { kind: 'keptPlan', id: kept as DatabaseDraftId };
  const convert = params.get('convert');
  if (convert) return { kind: 'convert', id: convert as DraftId };
  const plan = sameSite(params.get('plan'), location);
  if (plan) return { kind: 'planFile', url: plan };
  const database = params.get('database');
  if (database === 'sample') return { kind: 'database', url: 'sample' };
  const databaseFile = sameSite(database, location);
  if (databaseFile) return { kind: 'database', url: databaseFile };
  return { kind: 'home' };
}

/** Only a path on this site: a file named in a link must never make the editor fetch from elsewhere. */
function sameSite(path: string | null, location: Location): string | null {
  if (!path) return null;
  const url = new URL(path, location.href);
  return url.origin === location.origin ? url.href : null;
}

export function keptPlanUrl(id: string): string {
  return `${window.location.pathname}?db=${encodeURIComponent(id)}`;
}

export function convertUrl(id: DraftId): string {
  return `${window.location.pathname}?convert=${encodeURIComponent(id)}`;
}

export function databaseUrl(path: string): string {
  return `${window.location.pathname}?database=${encodeURIComponent(path)}`;
}

export function draftUrl(id: string): string {
  return `${window.location.pathname}?draft=${encodeURIComponent(id)}`;
}

export function homeUrl(): string {
  return window.location.pathname;
}

/** The last part of a URL's path, to name a draft made from a plan file. */
export function fileNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
}
