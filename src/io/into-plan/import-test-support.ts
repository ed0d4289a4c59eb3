/**
 * For tests: one read, one preview — the reference the io worker's held import is compared with — and the
 * import command run on a whole preview, as the dialog runs it once the target's features came over.
 */
import type { CommandContext, CommandResult } from '../../commands/command.ts';
import type { InputFile } from '../files.ts';
import { success, type Result } from '../result.ts';
import { HeldLayer } from './held-layer.ts';
import { importIntoPlan, type ImportTarget } from './import-command.ts';
import { previewPackage, readForImport } from './import-preview.ts';
import { previewSummary } from './import-session.ts';
import type { ImportPreview, PackagePreview, PreviewOptions } from './preview-types.ts';

export type FilesPreview = { readonly kind: 'layer'; readonly preview: ImportPreview } | { readonly kind: 'package'; readonly package: PackagePreview };

/** The files read once and previewed with the options' choices: a held layer used once. */
export function previewImport(files: readonly InputFile[], options: PreviewOptions): Result<ImportPreview> {
  const read = readForImport(files, options);
  if (!read.ok) return read;
  return success(new HeldLayer(read.value, options).preview(options, options.onProgress), []);
}

/** Files → a delivery package when they hold one, else the first layer's preview. */
export function previewFiles(files: readonly InputFile[], options: PreviewOptions = {}): Result<FilesPreview> {
  const pkg = previewPackage(files, options);
  if (pkg === null) {
    const layer = previewImport(files, options);
    return layer.ok ? success({ kind: 'layer', preview: layer.value }, layer.notes) : layer;
  }
  return pkg.ok ? success({ kind: 'package', package: pkg.value }, pkg.notes) : pkg;
}

export function importPreview(ctx: CommandContext, target: ImportTarget, preview: ImportPreview): CommandResult {
  return importIntoPlan(ctx, previewSummary(preview), target === 'base' ? { target, parcels: preview.survey?.parcels ?? [] } : { target, areas: preview.areas });
}
