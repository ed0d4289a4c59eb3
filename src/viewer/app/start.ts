/**
 * Starting the notice viewer. The payload is in the page (`<script type="application/json" id="notice-data">`,
 * the single-file notice) or, for the app's own route (`viewer.html?notice=<path>`), a payload file on the
 * same site. Nothing here edits: the viewer ships no drawing (editing) tools. The order is what makes the
 * first view fast: decode, draw the village on a canvas (map-host.ts), build the panels, let the browser
 * paint (`notice:first-map-render`), and only then load MapLibre (`loadMap`: the single-file notice runs
 * its second script, the route imports a chunk), which takes over at its first idle (`notice:map-idle`).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import './viewer.css';
import { localDate } from '../../domain/calendar.ts';
import { PAYLOAD_ELEMENT_ID } from '../publish/notice-html.ts';
import type { AnyNoticePayload } from '../payload/payload-2026.ts';
import { el, replaceChildren } from './dom.ts';
import { feedbackStore } from './feedback-store.ts';
import { savedLanguage, translator } from './i18n.ts';
import { createMapHost } from './map-host.ts';
import type { NoticeMapModule } from './notice-map.ts';
import { readPayload } from './notice-model.ts';
import { decodeAnyNotice, mapContentOf } from './profile-view.ts';
import { startViewer, viewerLayout } from './viewer-app.ts';

async function loadPayload(): Promise<unknown> {
  const embedded = document.getElementById(PAYLOAD_ELEMENT_ID);
  if (embedded?.textContent) return JSON.parse(embedded.textContent);
  const path = new URLSearchParams(location.search).get('notice');
  if (!path) return null;
  // Only a file on this site: a link must never make the viewer fetch from elsewhere.
  const url = new URL(path, location.href);
  if (url.origin !== location.origin) return null;
  const response = await fetch(url);
  return response.ok ? response.json() : null;
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Runs `then` once the frame now being prepared has been painted (the task after its animation frame). */
function afterNextPaint(then: () => void): void {
  requestAnimationFrame(() => setTimeout(then, 0));
}

export async function startNoticeViewer(loadMap: () => Promise<NoticeMapModule>): Promise<void> {
  const root = document.getElementById('viewer') ?? document.body;
  const storage = browserStorage();
  const language = savedLanguage(storage);
  let payload: AnyNoticePayload | null;
  try {
    payload = readPayload(await loadPayload());
  } catch {
    payload = null;
  }
  if (!payload) {
    replaceChildren(root, el('p', { className: 'problem', attrs: { role: 'alert' } }, translator(language)('notice.viewer.unreadable')));
    return;
  }
  const model = decodeAnyNotice(payload);
  const parts = viewerLayout(root);
  const map = createMapHost(parts.mapElement, mapContentOf(model));
  startViewer(parts, model, map, feedbackStore(storage, payload.noticeId), storage, localDate(new Date()), {
    language,
    tab: 'legend',
    view: 'plan',
    tapped: null,
    pinMode: false,
    commentPlace: null,
    feedbackNote: null,
    qrText: null,
  });
  // A read-only handle for browser tests and the benchmark (like the editor's window.villagePlan).
  const handle = { idle: () => map.idle(), project: (p: [number, number]) => map.project(p), mode: () => map.mode() };
  Object.defineProperty(window, 'noticeViewer', { value: Object.freeze(handle), configurable: true });
  afterNextPaint(() => {
    // The first frame with the village's parcels drawn (the benchmark's "first map render").
    performance.mark('notice:first-map-render');
    void map.startInteractive(loadMap);
  });
}
