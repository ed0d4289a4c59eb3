/**
 * The UI side of the validation worker. Patches from the plan store are queued while the worker is busy
 * and sent as one when it is free, so a vertex drag of fifty moves costs the worker a few checks, not
 * fifty; an answer for a plan version older than the newest one sent is dropped (the map never waits).
 */
import { wrap, type Remote } from 'comlink';
import { concatPatches, type Patch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import type { Editor } from '../store/editor.ts';
import type { IssuesStore } from '../store/issues.store.ts';
import type { ValidationAnswer } from '../rules/answer.ts';
import type { ValidationApi } from './validation.worker.ts';

/** The user-timing name of the main thread's handling of one answer (benchmark builds only). */
export const ANSWER_APPLIED = 'village-plan:answer-applied';

type Request = { readonly kind: 'load'; readonly plan: Plan; readonly version: number } | { readonly kind: 'patch'; readonly patches: Patch[]; readonly version: number };

export function startValidation(editor: Editor, issues: IssuesStore): () => void {
  const worker = new Worker(new URL('./validation.worker.ts', import.meta.url), { type: 'module', name: 'validation' });
  const api: Remote<ValidationApi> = wrap<ValidationApi>(worker);
  let queued: Request | null = null;
  let busy = false;
  let newestSent = -1;

  const enqueue = (request: Request) => {
    if (request.kind === 'patch' && queued?.kind === 'patch') {
      queued = { kind: 'patch', patches: [...queued.patches, ...request.patches], version: request.version };
    } else if (request.kind === 'patch' && queued?.kind === 'load') {
      // A load still waiting: send the plan as it is now instead of the load and then the patch.
      queued = { kind: 'load', plan: editor.plan.getState().plan, version: request.version };
    } else {
      queued = request;
    }
    issues.setChecking(true);
    void pump();
  };

  const pump = async () => {
    if (busy || !queued) return;
    const request = queued;
    queued = null;
    busy = true;
    newestSent = request.version;
    try {
      const answer: ValidationAnswer =
        request.kind === 'load' ? await api.load(request.plan, request.version) : await api.patch(concatPatches(request.patches), request.version);
      if (answer.version >= newestSent && !queued) {
        const received = performance.now();
        issues.accept(answer);
        // For bench:rules: which main-thread long tasks handled a checking answer (and so were caused by it).
        if (import.meta.env.VITE_VILLAGE_BENCH === '1') performance.measure(ANSWER_APPLIED, { start: received });
      }
    } catch (error) {
      issues.fail(error instanceof Error ? error.message : String(error));
    } finally {
      busy = false;
      if (queued) void pump();
      else issues.setChecking(false);
    }
  };

  enqueue({ kind: 'load', plan: editor.plan.getState().plan, version: editor.plan.getState().version });
  const off = editor.plan.onChange((event) => {
    // A gesture's moves are checked as they come (coalesced); Escape's rollback is just one more patch.
    if (event.kind === 'reset') enqueue({ kind: 'load', plan: event.plan, version: event.version });
    else enqueue({ kind: 'patch', patches: [event.patch], version: event.version });
  });
  return () => {
    off();
    worker.terminate();
  };
}
