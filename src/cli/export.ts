/**
 * `village-plan export <input> --out <folder|file.zip> [--encoding gbk|utf-8] [--no-images]`: the provincial
 * delivery package (io/package/write-delivery.ts) of a plan file or package folder, written as a folder tree
 * or one zip, with the 现状图 and 规划图 JPGs unless `--no-images`. The package's content is always Chinese
 * (the province reads it); `--lang` only changes the messages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { localDate } from '../domain/calendar.ts';
import { createI18n } from '../i18n/index.ts';
import { writeDelivery } from '../io/package/write-delivery.ts';
import { writeZip } from '../io/zip/zip-write.ts';
import { RuleEngine } from '../rules/engine.ts';
import { renderMessage, type Translate } from '../rules/render.ts';
import type { CliArgs } from './args.ts';
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
      for (const file of files) {
        const path = join(out, file.name);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.bytes);
      }
    }
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
    return { code: 2, stdout: '', stderr: notes.join('') + t('cli.cannotWrite', { file: out, reason }) + '\n' };
  }
  const stdout = t('cli.exported', { count: files.length, out, village: input.plan.meta.villageName || '—', crs: manifest.crs.shapefile.name, encoding: args.encoding === 'gbk' ? 'GBK' : 'UTF-8' }) + '\n';
  return { code: 0, stdout, stderr: notes.join('') };
}
