/**
 * The notice as one self-contained HTML file: the viewer's two scripts (the small first one that draws the
 * village at once, and MapLibre's half, which the first runs after the first paint), MapLibre's worker,
 * the styles and the payload inline, under a Content-Security-Policy that lets nothing load from anywhere:
 * the two scripts and the one style block run by their SHA-256 hashes, and the map's worker may start
 * only from a `blob:` URL the script makes itself (app/map-worker.ts). Nothing may be fetched but such a
 * blob: no http(s), no data:, no file.
 */
import type { AnyNoticePayload } from '../payload/payload-2026.ts';
import { OWN_LICENCE, THIRD_PARTY_NOTICES } from './third-party-notices.ts';

/** The built viewer (scripts/build/notice-template.ts makes it): the first classic script (app/single-file.ts),
 * MapLibre's half as a classic script (app/map-inline.ts: carried as text, run by the first after it has
 * painted), their stylesheet, and MapLibre's worker as a classic script (carried as text, started by the
 * viewer from a blob: URL). */
export interface NoticeTemplate {
  readonly script: string;
  readonly mapScript: string;
  readonly css: string;
  readonly worker: string;
}

export const PAYLOAD_ELEMENT_ID = 'notice-data';
export const WORKER_ELEMENT_ID = 'map-worker';
export const MAP_CODE_ELEMENT_ID = 'map-code';
/** The licences the file's code comes under (ours and the bundled libraries', MapLibre's among them), as hidden text. */
export const LICENCES_ELEMENT_ID = 'licences';
/** The global the map script's IIFE assigns its exports to. */
export const NOTICE_MAP_GLOBAL = 'noticeMapCode';

async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * JSON that can sit inside a <script> element: every `<` becomes `\u003c`, so no text in the plan (a
 * place name, the issuer, a note) can close the element or open a comment.
 */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * A script body that cannot end its element early. `</script` can only occur inside a string, template or
 * regular expression of minified code, where `<\/script` means the same; `<!--` would switch the HTML
 * parser into its escaped-script state, so the template build refuses it rather than rewrite code.
 */
function scriptSafeCode(code: string): string {
  if (code.includes('<!--')) throw new Error('viewer script contains "<!--"; it cannot be inlined safely');
  // The HTML parser turns CR and CRLF into LF, so the browser would hash other text than we did.
  if (code.includes('\r')) throw new Error('viewer script contains a carriage return; its hash would not match');
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface NoticeHtml {
  readonly html: string;
  readonly contentSecurityPolicy: string;
}

export async function noticeHtml(template: NoticeTemplate, payload: AnyNoticePayload, title: string): Promise<NoticeHtml> {
  const script = scriptSafeCode(template.script);
  // Run by the first script as an inline <script> with exactly this text, so its hash is the same.
  const mapScript = scriptSafeCode(template.mapScript);
  const css = template.css.replace(/<\/(style)/gi, '<\\/$1');
  const [scriptHash, mapScriptHash, styleHash] = await Promise.all([sha256Base64(script), sha256Base64(mapScript), sha256Base64(css)]);
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}' 'sha256-${mapScriptHash}'`,
    `style-src 'sha256-${styleHash}'`,
    // MapLibre's worker: started from a blob: URL of the worker code inlined in the script. Under file://
    // MapLibre reads that blob back with fetch() before starting it (map-worker.ts), hence connect-src blob:.
    'worker-src blob:',
    'connect-src blob:',
    // MapLibre's stylesheet draws its control icons as data: SVGs.
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const html = [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeText(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<div id="viewer"></div>',
    `<script type="application/json" id="${PAYLOAD_ELEMENT_ID}">${scriptSafeJson(payload)}</script>`,
    // Data, not code: a text/plain script never runs (so no hash); the viewer reads it to start the worker.
    `<script type="text/plain" id="${WORKER_ELEMENT_ID}">${scriptSafeCode(template.worker)}</script>`,
    // MapLibre's half of the viewer: not run by the parser (nothing to compile before the first paint).
    `<script type="text/plain" id="${MAP_CODE_ELEMENT_ID}">${mapScript}</script>`,
    `<script>${script}</script>`,
    // The notice bundles MapLibre, React and more: their licences travel with it (scripts/third-party-notices.ts).
    `<pre hidden id="${LICENCES_ELEMENT_ID}">${escapeText(`${OWN_LICENCE}\n${THIRD_PARTY_NOTICES}`)}</pre>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { html, contentSecurityPolicy };
}
