/**
 * `village-plan export <input> --out <folder|file.zip> [--encoding gbk|utf-8] [--no-images]`: the provincial
 * delivery package (io/package/write-delivery.ts) of a plan file or package folder, written as a folder tree
 * or one zip, with the 现状图 and 规划图 JPGs unless `--no-images`. An existing folder ends up holding exactly
 * the new package (export-folder.ts: a previous package of ours is replaced, any other non-empty folder is
 * refused). The package's content is always Chinese (the province reads it); `--lang` only changes the messages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { listSome } from '../domain/message.ts';
import { localDate } from '../domain/calendar.ts';
import { createI18n } from '../i18n/index.ts';
import { writeDelivery } from '../io/package/write-delivery.ts';
import { writeZip } from '../io/zip/zip-write.ts';
import { RuleEngine } from '../rules/engine.ts';
import { renderMessage, type Translate } from '../rules/render.ts';
import type { CliArgs } from './args.ts';
import { writePackageFolder } from './export-folder.ts';
import type { CliOutput } from './output.ts';
import { nodePrintFonts } from './print-fonts.ts';
import type { Input } from './read-input.ts';

const chinese = createI18n('zh-CN');
const packageT: Translate = (key, params) => chinese.t(key, params ?? {});

export async function runExport(t: Translate, args: CliArgs, input: Input): Promise<CliOutput> {
  const out = args.out as string;
  const notes = input.notes.map((n) => `${t('cli.note')}: ${renderMessage(t, n)}\n`);
  // One engine for the package's derived layers and its QC summary: the plan is derived and checked once.
  const engine = new RuleEngine(input.plan);
  const maps = args.images ? { fonts: nodePrintFonts(), date: localDate(new Date()) } : undefined;
  const delivery = await writeDelivery(engine.checkState, { t: packageT, encoding: args.encoding, check: engine.result(), ...(maps ? { maps } : {}) });
  if (!delivery.ok) return { code: 2, stdout: '', stderr: notes.join('') + t('cli.exportFailed', { file: args.input, reason: renderMessage(t, delivery.error) }) + '\n' };
  notes.push(...delivery.notes.map((n) => `${t('cli.note')}: ${renderMessage(t, n)}\n`));
  const { files, manifest } = delivery.value;
  try {
    if (out.toLowerCase().endsWith('.zip')) {
      mkdirSync(dirname(resolve(out)), { recursive: true });
      writeFileSync(out, writeZip(files));
    } else {
      // An existing folder: the previous package replaced, the planner's own files kept, anything else refused (export-folder.ts).
      const written = writePackageFolder(out, files);
      if (!written.ok) return { code: 2, stdout: '', stderr: notes.join('') + renderMessage(t, written.error) + '\n' };
      const { replaced, kept } = written.value;
      if (replaced > 0) notes.push(`${t('cli.note')}: ${t('cli.export.replaced', { folder: out, count: replaced })}\n`);
      if (kept.length > 0) notes.push(`${t('cli.note')}: ${t('cli.export.keptForeign', { count: kept.length, files: listSome(kept) })}\n`);
    }
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
    return { code: 2, stdout: '', stderr: notes.join('') + t('cli.cannotWrite', { file: out, reason }) + '\n' };
  }
  const stdout = t('cli.exported', { count: files.length, out, village: input.plan.meta.villageName || '—', crs: manifest.crs.shapefile.name, encoding: args.encoding === 'gbk' ? 'GBK' : 'UTF-8' }) + '\n';
  return { code: 0, stdout, stderr: notes.join('') };
}
