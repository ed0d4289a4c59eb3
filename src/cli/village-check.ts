/**
 * `village-plan check --profile zhejiang-2026 <folder>`: the checks of a 2026 village planning database
 * (rules/ydyh, domain-2026.md §5) for a county reviewer, on the folder a township hands in (CCTool's
 * inputs or the database's own layer names, read by io/village-database). Plain text or JSON, in the
 * 2017 checker's form; exit 1 when any check finds an error (with --strict, also when any is not checked).
 */
import type { Message } from '../domain/message.ts';
import { readVillageDatabase } from '../io/village-database/read-village-database.ts';
import { declaredEdition, editionNote } from './village-edition.ts';
import { renderMessage, type Translate } from '../rules/render.ts';
import { checkDatabase, type DatabaseCheck } from '../rules/ydyh/index.ts';
import { loadGeos } from '../geo/geos/geos-module.ts';
import type { DatabaseIssue } from '../rules/ydyh/database-rule.ts';
import type { CliArgs } from './args.ts';
import type { CliOutput } from './output.ts';

/** How many feature refs a text line spells out. */
const REFS_SHOWN = 5;

export async function runVillageCheck(t: Translate, args: CliArgs): Promise<CliOutput> {
  const render = (message: Message) => renderMessage(t, message);
  const read = await readVillageDatabase(args.input, declaredEdition(args), args.crs ?? undefined);
  if (!read.ok) return { code: 2, stdout: '', stderr: render(read.error) + '\n' };
  const editionNotes = editionNote(args, read.notes);
  const stderr = [...editionNotes, ...read.notes].map((m) => `${t('cli.note')}: ${render(m)}\n`).join('');
  await loadGeos();
  const result = checkDatabase(read.value);
  const { errors, notChecked } = result.summary;
  const code = errors > 0 || (args.strict && notChecked > 0) ? 1 : 0;
  const villageName = read.value.info.villageName ?? args.input;
  const stdout = args.format === 'json' ? jsonReport(t, villageName, result) : textReport(t, villageName, result);
  return { code, stdout, stderr };
}

// A finding that stands for many others (one cause behind them) comes first, before what it explains.
const order = (issue: DatabaseIssue) => (issue.summarises ? -1 : issue.severity === 'error' ? 0 : issue.severity === 'warning' ? 1 : 2);

function textReport(t: Translate, villageName: string, result: DatabaseCheck): string {
  const { errors, warnings, notChecked } = result.summary;
  const lines = [t('cli.village.checkHeader', { village: villageName, errors, warnings, notChecked })];
  if (result.issues.length === 0) lines.push(t('cli.noIssues'));
  for (const issue of [...result.issues].sort((a, b) => order(a) - order(b))) {
    const label = issue.severity === 'notChecked' ? t('rules.notCheckedLabel') : t(`rules.severity.${issue.severity}`);
    let line = `${label}  ${issue.rule}  ${renderMessage(t, issue.message)}`;
    const refs = issue.features;
    if (refs.length) line += `  [${t('cli.features')}: ${refs.slice(0, REFS_SHOWN).join(', ')}${refs.length > REFS_SHOWN ? ` … +${refs.length - REFS_SHOWN}` : ''}]`;
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}

function jsonReport(t: Translate, villageName: string, result: DatabaseCheck): string {
  const issues = result.issues.map((issue) => ({
    rule: issue.rule,
    severity: issue.severity,
    layer: issue.layer ?? null,
    features: issue.features,
    message: renderMessage(t, issue.message),
    messageKey: issue.message.key,
    params: issue.message.params,
    geometry: issue.geometry ?? null,
    notChecked: issue.severity === 'notChecked',
  }));
  return JSON.stringify({ issues, summary: { village: villageName, profile: 'zhejiang-2026', ...result.summary } }, null, 2) + '\n';
}
