/**
 * Starting the notice viewer. The payload is in the page (`<script type="application/json" id="notice-data">`,
 * the single-file notice) or, for the app's own route (`viewer.html?notice=<path>`), a payload file on the
 * same site. Nothing here draws or edits: the viewer ships no drawing code. The two entries (main.ts for
 * the route, single-file.ts for the notice file) differ only in how MapLibre's worker is started.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import './viewer.css';
import { localDate } from '../publish/notice-details.ts';
import { PAYLOAD_ELEMENT_ID } from '../publish/notice-html.ts';
import type { NoticePayload } from '../payload/payload.ts';
import { el, replaceChildren } from './dom.ts';
import { feedbackStore } from './feedback-store.ts';
import { savedLanguage, translator } from './i18n.ts';
import { createNoticeMap } from './notice-map.ts';
import { decodeNotice, readPayload } from './notice-model.ts';
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

export async function startNoticeViewer(): Promise<void> {
  const root = document.getElementById('viewer') ?? document.body;
  const storage = browserStorage();
  const language = savedLanguage(storage);
  let payload: NoticePayload | null;
  try {
    payload = readPayload(await loadPayload());
  } catch {
    payload = null;
  }
  if (!payload) {
    replaceChildren(root, el('p', { className: 'problem', attrs: { role: 'alert' } }, translator(language)('notice.viewer.unreadable')));
    return;
  }
  const model = decodeNotice(payload);
  const parts = viewerLayout(root);
  const map = createNoticeMap(parts.mapElement, model);
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
  const handle = {
    idle: () =>
      new Promise<void>((resolve) => {
        map.map.once('idle', () => resolve());
        map.map.triggerRepaint();
      }),
    project: (p: [number, number]) => {
      const q = map.map.project(p);
      return { x: q.x, y: q.y };
    },
  };
  Object.defineProperty(window, 'noticeViewer', { value: Object.freeze(handle), configurable: true });
}

