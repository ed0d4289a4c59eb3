/**
 * Several layers of one zip imported as ONE undoable step: each layer's import command (into-plan/
 * import-command.ts, which replaces its target layer) is made against the plan as the layers before it
 * left it, and the patches are joined. One step rather than one per layer because the import commands
 * refuse whole (nothing half-way): a layer that does not fit refuses them all, the plan untouched, and a
 * single undo takes the whole delivery back, as the planner imported it with one click.
 */
import type { CommandContext, CommandResult } from '../../commands/command.ts';
import type { Message } from '../../domain/message.ts';
import { applyPatch, type FeatureChange, type Patch } from '../../domain/patch.ts';
import { importIntoPlan, type ImportFeatures } from '../../io/into-plan/import-command.ts';
import type { PreviewSummary } from '../../io/into-plan/import-session.ts';

export interface LayerImport {
  readonly preview: PreviewSummary;
  readonly features: ImportFeatures;
}

export function importLayersIntoPlan(ctx: CommandContext, layers: readonly LayerImport[]): CommandResult {
  const targets = layers.map((l) => l.features.target);
  const twice = targets.find((t, i) => targets.indexOf(t) !== i);
  // Each import replaces its target: a second layer into the same one would silently drop the first.
  if (twice) return { ok: false, error: { key: 'io.ui.layersSameTarget', params: { files: layers.filter((l) => l.features.target === twice).map((l) => l.preview.layer.file).join(', '), target: `io.ui.target.${twice}` } } };
  let plan = ctx.plan;
  const features: FeatureChange[] = [];
  const notes: Message[] = [];
  let meta: Patch['meta'];
  for (const layer of layers) {
    const result = importIntoPlan({ ...ctx, plan }, layer.preview, layer.features);
    if (!result.ok) return result;
    features.push(...result.patch.features);
    notes.push(...(result.notes ?? []));
    // Datum parameters: each layer's list is made from the plan with the earlier layers' in it, so the last holds them all.
    if (result.patch.meta) meta = { ...meta, ...result.patch.meta };
    plan = applyPatch(plan, result.patch).plan;
  }
  return { ok: true, label: 'io.ui.importStep', patch: { features, ...(meta ? { meta } : {}) }, notes };
}
