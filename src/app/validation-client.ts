/**
 * The UI side of the validation worker. Patches from the plan store are queued while the worker is busy
 * and sent as one when it is free, so a vertex drag of fifty moves costs the worker a few checks, not
 * fifty. Stale answers are dropped here, not in the issues store: an answer is kept only when it is for
 * the newest version sent and no newer request is waiting, so the issues panel never shows a plan the
 * page has already left (the map never waits for any of this).
 */
import { wrap } from 'comlink';
import { concatPatches, type Patch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import type { ValidationAnswer } from '../rules/answer.ts';
import type { Editor } from '../store/editor.ts';
import type { IssuesStore } from '../store/issues.store.ts';
import type { PlanStore } from '../store/plan.store.ts';
import type { ValidationApi } from '../worker/validation.worker.ts';

/** The user-timing name of the main thread's handling of one answer (benchmark builds only). */
export const ANSWER_APPLIED = 'village-plan:answer-applied';

/** The worker as the client sees it (`validation.worker.ts` through Comlink, or a fake in tests). */
export interface ValidationLink {
  load(plan: Plan, version: number): Promise<ValidationAnswer>;
  patch(patch: Patch, version: number): Promise<ValidationAnswer>;
}

type Request = { readonly kind: 'load'; readonly plan: Plan; readonly version: number } | { readonly kind: 'patch'; readonly patches: Patch[]; readonly version: number };

/** Starts the validation worker for this editor; the returned function stops it. */
export function startValidation(editor: Editor, issues: IssuesStore): () => void {
  const worker = new Worker(new URL('../worker/validation.worker.ts', import.meta.url), { type: 'module', name: 'validation' });
  const stop = connectValidation(wrap<ValidationApi>(worker), editor.plan, issues);
  return () => {
    stop();
    worker.terminate();
  };
}

/**
 * Feeds `link` from the plan store (the plan once, then patches, each tagged with the store's version)
 * and writes its answers to the issues store. One request at a time; the returned function stops
 * listening and ignores answers still on their way.
 */
export function connectValidation(
  link: ValidationLink,
  plan: Pick<PlanStore, 'getState' | 'onChange'>,
  issues: Pick<IssuesStore, 'accept' | 'fail' | 'setChecking'>,
): () => void {
  let queued: Request | null = null;
  let busy = false;
  let stopped = false;
  let newestSent = -1;

  const enqueue = (request: Request) => {
    if (request.kind === 'patch' && queued?.kind === 'patch') {
      queued = { kind: 'patch', patches: [...queued.patches, ...request.patches], version: request.version };
    } else if (request.kind === 'patch' && queued?.kind === 'load') {
      // A load still waiting: send the plan as it is now instead of the load and then the patch.
      queued = { kind: 'load', plan: plan.getState().plan, version: request.version };
    } else {
      queued = request;
    }
    issues.setChecking(true);
    void pump();
  };

  const pump = async () => {
    if (busy || !queued || stopped) return;
    const request = queued;
    queued = null;
    busy = true;
    newestSent = request.version;
    try {
      const answer = request.kind === 'load' ? await link.load(request.plan, request.version) : await link.patch(concatPatches(request.patches), request.version);
      // Stale: an answer for an older version than the newest sent, or a newer request already waiting
      // (the answer is for a plan the page has left).
      if (answer.version >= newestSent && !queued && !stopped) {
        const received = performance.now();
        issues.accept(answer);
        // For bench:rules: which main-thread long tasks handled a checking answer (and so were caused by it).
        if (import.meta.env.VITE_VILLAGE_BENCH === '1') performance.measure(ANSWER_APPLIED, { start: received });
      }
    } catch (error) {
      if (!stopped) issues.fail(error instanceof Error ? error.message : String(error));
    } finally {
      busy = false;
      if (queued) void pump();
      else if (!stopped) issues.setChecking(false);
    }
  };

  enqueue({ kind: 'load', plan: plan.getState().plan, version: plan.getState().version });
  const off = plan.onChange((event) => {
    // A gesture's moves are checked as they come (coalesced); Escape's rollback is just one more patch.
    if (event.kind === 'reset') enqueue({ kind: 'load', plan: event.plan, version: event.version });
    else enqueue({ kind: 'patch', patches: [event.patch], version: event.version });
  });
  return () => {
    stopped = true;
    queued = null;
    off();
  };
}
