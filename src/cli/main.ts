/**
 * `village-plan check|tables|export <input>`: the rules, tables and delivery package of the editor, in Node,
 * for county reviewers and scripts; `survey-table <DLTB>` (survey-table.ts): the Zhejiang 规划用地结构调整表's
 * base year from a 三调 layer; `tables --profile zhejiang-2026 <folder>` (village-tables.ts): the 2026 村庄规划's
 * tables from its database folder, and `check --profile zhejiang-2026 <folder>` (village-check.ts) its checks
 * (rules/ydyh). `--township <file>` checks against the township plan's tasks and
 * control zones (township-input.ts) instead of those the input carries. Exit 0: no errors (a rule not
 * checked for lack of input is listed, not an error; export: written); 1: errors found (with --strict,
 * also anything not checked); 2: arguments, input or township file unusable, or the package could not be
 * written (the message names the file and the reason). Output goes to stdout; notes and failures to stderr.
 */
import { createI18n } from '../i18n/index.ts';
import { loadGeos, startLoadingGeos } from '../geo/geos/geos-module.ts';
import { fullCheck } from '../rules/engine.ts';
import { renderMessage, type Translate } from '../rules/render.ts';
import { tablesToCsv, tablesToJson } from '../rules/tables/serialise.ts';
import { parseArgs, VILLAGE_DATABASE_PROFILE, type CliArgs } from './args.ts';
import { readInput, type Input } from './read-input.ts';
import { isVillageDatabaseFile } from '../io/village-database/read-village-database.ts';
import { jsonReport, textReport } from './report.ts';
import type { FeatureId } from '../domain/ids.ts';
import type { CliOutput } from './output.ts';

export async function runCli(argv: readonly string[]): Promise<CliOutput> {
  const wantsEnglish = argv.includes('--lang=en') || argv.some((a, i) => a === '--lang' && argv[i + 1] === 'en');
  const i18n = createI18n(wantsEnglish ? 'en' : 'zh-CN');
  const t: Translate = (key, params) => i18n.t(key, params ?? {});
  // What a reviewer types first: the usage, on stdout, and success.
  if (argv[0] === '--help' || argv[0] === '-h') return { code: 0, stdout: `${t('cli.usage')}\n`, stderr: '' };
  const parsed = parseArgs(withDatabaseProfile(argv));
  if (!parsed.ok) return { code: 2, stdout: '', stderr: `${renderMessage(t, parsed.error)}\n${t('cli.usage')}\n` };
  return runCommand(cliWording(t), parsed.value);
}

/** The editor's 2026 database file names its profile itself: without --profile, it is read with that profile's options (--edition) as if given. */
function withDatabaseProfile(argv: readonly string[]): readonly string[] {
  const profileGiven = argv.some((a) => a === '--profile' || a.startsWith('--profile='));
  return !profileGiven && argv.slice(1).some((a) => !a.startsWith('--') && isVillageDatabaseFile(a)) ? [...argv, '--profile', VILLAGE_DATABASE_PROFILE] : argv;
}

/**
 * Readers' notes that name what the editor's import dialog offers, as the command line says it: a CRS
 * guess is settled by the `--crs` option (not a .prj), and a DBF encoding guess or a `.cpg` or header byte
 * the text contradicts by a `.cpg` beside it saying the right one (the dialog's encoding switch and preview
 * are not there).
 */
const CLI_WORDING: Readonly<Record<string, string>> = {
  'io.crs.inferred': 'cli.crs.inferredOption',
  'io.crs.inferredAmbiguous': 'cli.crs.inferredAmbiguousOption',
  'package.assumedZone': 'cli.crs.assumedZoneOption',
  'io.dbf.encodingGuessed': 'cli.encodingGuessed',
  'io.dbf.encodingUncertain': 'cli.encodingUncertain',
  'io.dbf.cpgContradicted': 'cli.cpgContradicted',
  'io.dbf.cpgNotUnderstood': 'cli.cpgNotUnderstood',
  'io.dbf.languageDriverContradicted': 'cli.languageDriverContradicted',
};

function cliWording(t: Translate): Translate {
  return (key, params) => t(CLI_WORDING[key] ?? key, params);
}

async function runCommand(t: Translate, args: CliArgs): Promise<CliOutput> {
  // A 三调 layer, not a plan: read by its own module (the formats and the 用地用海 profile), without GEOS.
  if (args.command === 'survey-table') return (await import('./survey-table.ts')).runSurveyTable(t, args);
  // A 2026 village planning database folder, not a 2017 plan: its own reader, checks and tables, without GEOS.
  if (args.profile === VILLAGE_DATABASE_PROFILE) {
    if (args.command === 'tables') return (await import('./village-tables.ts')).runVillageTables(t, args);
    if (args.command === 'check') return (await import('./village-check.ts')).runVillageCheck(t, args);
    if (args.command === 'export') return { code: 2, stdout: '', stderr: `${t('cli.village.exportInEditor', { file: args.input })}\n` };
  }
  await startLoadingGeos();
  const input = readInput(args.input, args.profile, args.crs ?? undefined);
  await loadGeos();
  if (!input.ok) return { code: 2, stdout: '', stderr: `${renderMessage(t, input.error)}\n` };
  let given: Input = input.value;
  if (args.township) {
    // Only with --township: the reader (and exceljs for a workbook) loads when asked for.
    const township = await (await import('./township-input.ts')).withTownship(args.township, given);
    if (!township.ok) return { code: 2, stdout: '', stderr: `${renderMessage(t, township.error)}\n` };
    given = township.value;
  }
  // The package writer (exceljs and the Shapefile writer) loads only for `export`: `check` starts faster.
  if (args.command === 'export') return (await import('./export.ts')).runExport(t, args, given);
  const { plan, labels, notes } = given;
  const stderr = notes.map((n) => `${t('cli.note')}: ${renderMessage(t, n)}\n`).join('');
  const result = fullCheck(plan);
  const { errors, notChecked } = result.summary;
  const code = errors > 0 || (args.strict && notChecked > 0) ? 1 : 0;
  if (args.command === 'tables') {
    const stdout = args.format === 'json' ? JSON.stringify(tablesToJson(t, result.tables, (key) => labels[key as FeatureId] ?? key), null, 2) + '\n' : tablesToCsv(t, result.tables);
    return { code: 0, stdout, stderr };
  }
  const stdout = args.format === 'json' ? jsonReport(t, plan, labels, result, result.tables) : textReport(t, plan, labels, result);
  return { code, stdout, stderr };
}

/** Entry when run as a program (tsx src/cli/main.ts, or bin/village-plan.mjs). */
export async function main(): Promise<void> {
  let output: CliOutput;
  try {
    output = await runCli(process.argv.slice(2));
  } catch (error) {
    // Never a stack trace for a reviewer: a bug still ends with a message and exit 2.
    output = { code: 2, stdout: '', stderr: `village-plan: internal error: ${error instanceof Error ? error.message : String(error)}\n` };
  }
  // A reader that stops early (`village-plan check … | head`) closes the pipe: the report was for it, so that
  // is the end of the run, not an unhandled EPIPE stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(output.code);
  });
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
  process.exitCode = output.code;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/cli/main.ts')) void main();
