/**
 * What the page's URL asks to open: `?draft=<id>` a stored draft, `?plan=<path>` a plan file on this site
 * (it becomes a new draft), nothing: the start page (or the sample village on a first visit).
 */
import type { DraftId } from '../../persist/schema.ts';

export type StartRoute = { readonly kind: 'draft'; readonly id: DraftId } | { readonly kind: 'planFile'; readonly url: string } | { readonly kind: 'home' };

export function startRoute(location: Location): StartRoute {
  const params = new URLSearchParams(location.search);
  const draft = params.get('draft');
  if (draft) return { kind: 'draft', id: draft as DraftId };
  const plan = params.get('plan');
  if (plan) {
    // Only a path on this site: a plan named in a link must never make the editor fetch from elsewhere.
    const url = new URL(plan, location.href);
    if (url.origin === location.origin) return { kind: 'planFile', url: url.href };
  }
  return { kind: 'home' };
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
