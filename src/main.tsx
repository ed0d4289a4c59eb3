/**
 * Start-up. The URL says what to open (ui/drafts/start-route.ts): `?draft=<id>` a draft stored on this
 * machine; `?plan=<path>` a plan file on this site (benchmarks, demos), opened as a new draft;
 * `?database=sample|<path>` a 2026 village database to review (ui/database/); nothing: the
 * start page with the drafts on this machine, or, on a first visit with no drafts yet, the embedded sample
 * village as a new draft (no network, no account).
 */
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import '../styles/app.css';
import '../styles/attribute-table.css';
import '../styles/drafts.css';
import '../styles/notice.css';
import '../styles/database.css';
import sampleUrl from '../samples/sample-village.plan.json?url';
import sampleDatabaseUrl from '../samples/sample-village-2026.database.json?url';
import { failure, type Message, type Result } from './domain/message.ts';
import { parsePlanText } from './domain/plan-file.ts';
import { emptyPlan, type Plan } from './domain/plan.ts';
import { listDrafts } from './persist/draft-store.ts';
import { readDraft } from './persist/read-draft.ts';
import { draftsDb } from './persist/open-drafts-db.ts';
import { draftQuarantine } from './persist/session/quarantine-service.ts';
import { draftVersions } from './persist/session/versions-service.ts';
import { openEditorSession, openStartPage } from './app/browser-session.ts';
import { openDatabaseSession, type DatabaseSession } from './app/database-session.ts';
import { createEditor, type Editor } from './store/editor.ts';
import { App } from './ui/App.tsx';
import { DatabaseApp } from './ui/database/DatabaseApp.tsx';
import type { DatabaseOpenRequest } from './ui/database/DatabaseStart.tsx';
import { startAppWorker } from './ui/drafts/app-worker.ts';
import { installDraftsBenchHook } from './ui/drafts/drafts-bench-hook.ts';
import { saveOnLeave } from './ui/drafts/page-lifecycle.ts';
import { StartApp } from './ui/drafts/StartApp.tsx';
import { draftUrl, fileNameOf, homeUrl, keptPlanUrl, startRoute } from './ui/drafts/start-route.ts';

async function loadStartPlan(url: string): Promise<Result<Plan>> {
  let text: string;
  try {
    const response = await fetch(url);
    if (!response.ok) return failure('startup.planMissing', { url, status: response.status });
    text = await response.text();
  } catch (error) {
    return failure('startup.planMissing', { url, status: String(error) });
  }
  return parsePlanText(text);
}

/** True when this machine has drafts (in the trash too): then `/` is the start page, not the sample. */
async function hasDrafts(): Promise<boolean> {
  const db = await draftsDb();
  if (!db.ok) return false;
  const list = await listDrafts(db.value);
  return list.live.length + list.trash.length + list.unreadable > 0;
}

function showStartPage(root: Root, editor: Editor, notice?: Message): void {
  // The start page lives as long as the page: its service (and channel) with it.
  const drafts = openStartPage(async () => (await fetch(sampleUrl)).text());
  const openDatabase = (request: DatabaseOpenRequest) =>
    showDatabase(root, editor, (session) => {
      if (request.kind === 'text') return session.openText(request.text, request.source);
      if (request.kind === 'survey') return session.reviewSurvey(request.files, request.source);
      return session.openFiles(request.files, request.edition, request.source);
    });
  root.render(
    <StrictMode>
      <StartApp ui={editor.ui} drafts={drafts} openDatabase={openDatabase} {...(notice ? { notice } : {})} />
    </StrictMode>,
  );
  startAppWorker();
}

/** The 2026 database view in place of whatever the page showed; its worker lives as long as the page. */
function showDatabase(root: Root, editor: Editor, open: (session: DatabaseSession) => Promise<void>): void {
  const session = openDatabaseSession();
  // Once the plan is kept on this computer, its address is the kept plan's: a reload opens it again.
  session.store.subscribe((state, before) => {
    if (state.draft && state.draft.id !== before.draft?.id) window.history.replaceState(null, '', keptPlanUrl(state.draft.id));
  });
  root.render(
    <StrictMode>
      <DatabaseApp ui={editor.ui} session={session} onHome={() => window.location.assign(homeUrl())} />
    </StrictMode>,
  );
  void open(session);
}

/** The app and its map start while the plan is still loading: the two overlap instead of queueing. */
async function start() {
  const element = document.getElementById('root');
  if (!element) throw new Error('no #root element');
  const root = createRoot(element);
  const editor = createEditor(emptyPlan(), window.localStorage);
  const route = startRoute(window.location);
  if (route.kind === 'database') {
    const url = route.url === 'sample' ? new URL(sampleDatabaseUrl, window.location.href).href : route.url;
    showDatabase(root, editor, (session) => session.openUrl(url, fileNameOf(url)));
    startAppWorker();
    return;
  }
  if (route.kind === 'keptPlan') {
    showDatabase(root, editor, (session) => session.openDraft(route.id));
    startAppWorker();
    return;
  }
  if (route.kind === 'convert') {
    const db = await draftsDb();
    const read = db.ok ? await readDraft(db.value, route.id) : db;
    if (!read.ok) {
      window.history.replaceState(null, '', homeUrl());
      showStartPage(root, editor, read.error);
      return;
    }
    const { plan, info } = read.value;
    showDatabase(root, editor, (session) => session.review2017(plan, info.name));
    startAppWorker();
    return;
  }
  if (route.kind === 'home' && (await hasDrafts())) {
    showStartPage(root, editor);
    return;
  }

  const session = openEditorSession(editor, (id) => window.history.replaceState(null, '', draftUrl(id)));
  const { drafts } = session;
  saveOnLeave(drafts, editor);
  if (import.meta.env.VITE_VILLAGE_BENCH === '1') installDraftsBenchHook(editor, drafts);
  editor.ui.setPlanLoading(true);
  // Reading the plan starts before the first render, so the two overlap.
  const opening = route.kind === 'draft' ? drafts.openDraft(route.id) : null;
  const fileUrl = route.kind === 'planFile' ? route.url : sampleUrl;
  const fetching = route.kind === 'draft' ? null : loadStartPlan(fileUrl);
  root.render(
    <StrictMode>
      <App session={session} drafts={{ controller: drafts, versions: draftVersions(drafts, editor), quarantine: draftQuarantine(drafts, editor) }} />
    </StrictMode>,
  );

  let problems: Message[] = [];
  let failed = false;
  if (opening) {
    const opened = await opening;
    if (!opened.ok) {
      session.dispose();
      window.history.replaceState(null, '', homeUrl());
      showStartPage(root, editor, opened.error);
      return;
    }
    problems = [...opened.notes];
  } else if (fetching) {
    const loaded = await fetching;
    if (loaded.ok) {
      drafts.startNew(loaded.value, route.kind === 'planFile' ? { kind: 'file', name: fileNameOf(fileUrl) } : { kind: 'sample' });
    } else {
      problems = [{ key: 'startup.planUnreadable', params: { reason: loaded.error.key } }, loaded.error];
      drafts.startUnsaved(problems[0] as Message);
      failed = true;
    }
  }
  performance.mark('village-plan:plan-loaded');
  editor.ui.setPlanLoading(false);
  problems.forEach((message) => editor.messages.toast(failed ? 'error' : 'warning', message, { untilDismissed: true }));
  void drafts.whenReady().then(() => startAppWorker({ beforeUpdate: drafts.flush }));
}

void start();
