/** For tests: the import command run on a whole preview, as the dialog runs it once the target's features came over. */
import type { CommandContext, CommandResult } from '../../commands/command.ts';
import { importIntoPlan, type ImportTarget } from './import-command.ts';
import type { ImportPreview } from './preview-types.ts';
import { previewSummary } from './import-session.ts';

export function importPreview(ctx: CommandContext, target: ImportTarget, preview: ImportPreview): CommandResult {
  return importIntoPlan(ctx, previewSummary(preview), target === 'base' ? { target, parcels: preview.survey?.parcels ?? [] } : { target, areas: preview.areas });
}
