/**
 * Start-up: the embedded sample village, loaded from the app's own files (no network, no account), or a
 * plan file named by `?plan=` (a path on the same site, e.g. for benchmarks and demos).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import '../styles/app.css';
import sampleUrl from '../samples/sample-village.plan.json?url';
import type { Message, Result } from './domain/message.ts';
import { parsePlanText } from './domain/plan-file.ts';
import { emptyPlan, type Plan } from './domain/plan.ts';
import { createEditor } from './store/editor.ts';
import { App } from './ui/App.tsx';

/** Only a path on this site: a plan named in a link must never make the editor fetch from elsewhere. */
function startPlanUrl(): string {
  const requested = new URLSearchParams(window.location.search).get('plan');
  if (!requested) return sampleUrl;
  const url = new URL(requested, window.location.href);
  return url.origin === window.location.origin ? url.href : sampleUrl;
}

async function loadStartPlan(url: string): Promise<Result<Plan>> {
  let text: string;
  try {
    const response = await fetch(url);
    if (!response.ok) return { ok: false, error: { key: 'startup.planMissing', params: { url, status: response.status } } };
    text = await response.text();
  } catch (error) {
    return { ok: false, error: { key: 'startup.planMissing', params: { url, status: String(error) } } };
  }
  return parsePlanText(text);
}

/** The app and its map start while the plan is still loading: the two overlap instead of queueing. */
async function start() {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  const editor = createEditor(emptyPlan(), window.localStorage);
  editor.ui.setPlanLoading(true);
  createRoot(root).render(
    <StrictMode>
      <App editor={editor} />
    </StrictMode>,
  );
  const loaded = await loadStartPlan(startPlanUrl());
  performance.mark('village-plan:plan-loaded');
  if (loaded.ok) editor.plan.load(loaded.value);
  editor.ui.setPlanLoading(false);
  const problems: Message[] = loaded.ok ? [...loaded.notes] : [{ key: 'startup.planUnreadable', params: { reason: loaded.error.key } }, loaded.error];
  problems.forEach((message) => editor.messages.toast(loaded.ok ? 'warning' : 'error', message));
}

void start();
