/**
 * Only in benchmark builds (`VITE_VILLAGE_BENCH=1`, bench/drafts.bench.ts): moves a vertex through the
 * editor's own command and times the save that holds it. Never part of the app build.
 */
import type { Position } from 'geojson';
import { moveSharedVertex } from '../../commands/reshape.command.ts';
import type { FeatureId } from '../../domain/ids.ts';
import { findFeature } from '../../domain/plan.ts';
import type { DraftController } from '../../persist/session/draft-controller.ts';
import type { Editor } from '../../store/editor.ts';

export interface PersistTiming {
  /** From the patch applied to the save's transaction complete. */
  readonly persistMs: number;
  /** From the command to the save's transaction complete. */
  readonly editToSavedMs: number;
  readonly bytes: number;
  readonly records: number;
}

export interface DraftsBenchHook {
  /** Resolves with the draft's id once the open plan is stored and nothing is waiting to be saved. */
  stored(): Promise<string>;
  persistVertexMove(featureId: string, index: number, dx: number): Promise<PersistTiming>;
}

export function installDraftsBenchHook(editor: Editor, drafts: DraftController): void {
  const vertex = (id: string, index: number): Position => {
    const feature = findFeature(editor.plan.getState().plan, id as FeatureId);
    const ring = feature?.geometry.type === 'Polygon' ? feature.geometry.coordinates[0] : undefined;
    const p = ring?.[index];
    if (!p) throw new Error(`no vertex ${index} of ${id}`);
    return p;
  };
  const hook: DraftsBenchHook = {
    async stored() {
      for (;;) {
        const { draft, save } = drafts.getState();
        if (draft && save.kind === 'saved') return draft.id;
        if (save.kind === 'failed' || save.kind === 'unavailable') throw new Error(`not stored: ${JSON.stringify(save)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async persistVertexMove(featureId, index, dx) {
      const from = vertex(featureId, index);
      const start = performance.now();
      const outcome = editor.plan.execute(moveSharedVertex(editor.plan.context(), from, [(from[0] as number) + dx, from[1] as number]));
      if (!outcome.ok) throw new Error(outcome.message?.key ?? 'refused');
      const applied = performance.now();
      await drafts.flush();
      const saved = performance.now();
      const save = drafts.lastSave();
      if (!save || drafts.hasUnsaved()) throw new Error('the edit was not saved');
      return { persistMs: saved - applied, editToSavedMs: saved - start, bytes: save.bytes, records: save.records };
    },
  };
  Object.defineProperty(window, 'villagePlanDraftsBench', { value: hook, configurable: true });
}
