/**
 * Start-up: the embedded sample village, loaded from the app's own files (no network, no account).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import '../styles/app.css';
import sampleUrl from '../samples/sample-village.plan.json?url';
import { parsePlanText } from './domain/plan-file.ts';
import { emptyPlan } from './domain/plan.ts';
import { createEditor } from './store/editor.ts';
import { App } from './ui/App.tsx';

async function loadSample() {
  const response = await fetch(sampleUrl);
  const parsed = parsePlanText(await response.text());
  if (!parsed.ok) throw new Error(`sample plan unreadable: ${parsed.error.key}`);
  return parsed.value;
}

async function start() {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  let plan;
  try {
    plan = await loadSample();
  } catch (error) {
    console.error(error);
    plan = emptyPlan();
  }
  const editor = createEditor(plan, window.localStorage);
  createRoot(root).render(
    <StrictMode>
      <App editor={editor} />
    </StrictMode>,
  );
}

void start();
