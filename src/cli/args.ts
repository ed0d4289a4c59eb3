/** Command-line arguments of the checker, parsed into a value (bad arguments are a message, never a throw). */
import type { Message, Result } from '../domain/message.ts';
import { CGCS2000_GEOGRAPHIC_EPSG, gkCrsFromEpsg } from '../geo/projection.ts';
import { GEOGRAPHIC, gk, type SourceCrs } from '../io/crs/source-crs.ts';

export type Command = 'check' | 'tables' | 'export' | 'survey-table';
const COMMANDS: readonly string[] = ['check', 'tables', 'export', 'survey-table'] satisfies readonly Command[];
export type Format = 'text' | 'json' | 'csv';

export interface CliArgs {
  readonly command: Command;
  readonly input: string;
  readonly format: Format;
  readonly profile: string;
  readonly language: 'zh-CN' | 'en';
  /** export: the folder to write the package into, or a `.zip` file. */
  readonly out: string | null;
  /** export: Shapefile text encoding. */
  readonly encoding: 'gbk' | 'utf-8';
  /** check: a rule not checked for lack of input counts as an error (exit 1). */
  readonly strict: boolean;
  /** The township plan's tasks and control zones (township-input.ts), replacing what the input carries. */
  readonly township: string | null;
  /** export: the 现状图 and 规划图 JPGs in 4.图像文件/ (off with --no-images: they take seconds each). */
  readonly images: boolean;
  /** survey-table: the planner's choice per 待细分 三调 code (`--decide 1006=060101`), checked against the table later. */
  readonly decisions: Readonly<Record<string, string>>;
  /** tables --profile zhejiang-2026: the 用地用海 edition the database's codes are written in; null = not given (2023). */
  readonly edition: '2020' | '2023' | null;
  /** The layers' CRS (`--crs EPSG:4549`), whatever their .prj or `crs` member says or their numbers suggest; null = from the files. */
  readonly crs: SourceCrs | null;
}

/** The profile whose `check` and `tables` read a village planning database folder (village-check.ts, village-tables.ts). */
export const VILLAGE_DATABASE_PROFILE = 'zhejiang-2026';

const FORMATS: Readonly<Record<Command, readonly Format[]>> = { check: ['text', 'json'], tables: ['csv', 'json'], export: ['text'], 'survey-table': ['csv', 'json'] };

/** Options taking a value, per command. */
const OPTIONS: Readonly<Record<Command, readonly string[]>> = {
  check: ['format', 'profile', 'lang', 'township', 'edition', 'crs'],
  tables: ['format', 'profile', 'lang', 'township', 'edition', 'crs'],
  export: ['format', 'profile', 'lang', 'township', 'out', 'encoding', 'crs'],
  'survey-table': ['format', 'lang', 'decide', 'crs'],
};

export function parseArgs(argv: readonly string[]): Result<CliArgs> {
  const [command, ...rest] = argv;
  if (command === undefined || !isCommand(command)) return command ? bad('cli.args.unknownCommand', { command }) : bad('cli.args.noCommand');
  const options: Record<string, string> = {};
  const decisions: Record<string, string> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    // `--decide=1006=060101`: the value is everything after the first `=`.
    const body = arg.slice(2);
    const equals = body.indexOf('=');
    const name = equals < 0 ? body : body.slice(0, equals);
    const inline = equals < 0 ? undefined : body.slice(equals + 1);
    if (inline === undefined && ((name === 'strict' && command === 'check') || (name === 'no-images' && command === 'export'))) {
      flags.add(name);
      continue;
    }
    if (!OPTIONS[command].includes(name)) return bad('cli.args.unknownOption', { option: `--${name}` });
    const value = inline ?? rest[++i];
    if (value === undefined) return bad('cli.args.needsValue', { option: `--${name}` });
    if (name !== 'decide') options[name] = value;
    else {
      const added = addDecisions(decisions, value);
      if (added) return { ok: false, error: added };
    }
  }
  if (positional.length !== 1) return positional.length === 0 ? bad('cli.args.noInput') : bad('cli.args.oneInput', { count: positional.length, inputs: positional.join(' ') });
  const format = (options.format ?? FORMATS[command][0]) as Format;
  if (!FORMATS[command].includes(format)) return bad('cli.args.format', { formats: FORMATS[command].join(' | '), command });
  const lang = options.lang ?? 'zh';
  if (!['zh', 'zh-CN', 'en'].includes(lang)) return bad('cli.args.lang');
  if (command === 'export' && !options.out) return bad('cli.args.exportOut');
  const edition = options.edition ?? null;
  if (edition !== null && edition !== '2020' && edition !== '2023') return bad('cli.args.edition');
  if (edition !== null && options.profile !== VILLAGE_DATABASE_PROFILE) return bad('cli.args.editionProfile', { profile: VILLAGE_DATABASE_PROFILE });
  if ((command === 'tables' || command === 'check') && options.profile === VILLAGE_DATABASE_PROFILE && options.township !== undefined) return bad('cli.args.townshipProfile', { profile: VILLAGE_DATABASE_PROFILE });
  const crs = options.crs === undefined ? null : crsOf(options.crs);
  if (crs === undefined) return bad('cli.args.crs');
  const encoding = (options.encoding ?? 'gbk').toLowerCase().replace(/^utf8$/, 'utf-8');
  if (encoding !== 'gbk' && encoding !== 'utf-8') return bad('cli.args.encoding');
  return {
    ok: true,
    notes: [],
    value: { command, input: positional[0] as string, format, profile: options.profile ?? 'zhejiang-2017', language: lang === 'en' ? 'en' : 'zh-CN', out: options.out ?? null, encoding, strict: flags.has('strict'), township: options.township ?? null, images: !flags.has('no-images'), decisions, edition, crs },
  };
}

/** `EPSG:4549` or `4549`: a CRS the formats read (io/crs/source-crs.ts); undefined for any other. */
function crsOf(value: string): SourceCrs | undefined {
  const match = /^(?:EPSG:)?(\d{4,5})$/i.exec(value.trim());
  if (!match) return undefined;
  const epsg = Number(match[1]);
  if (epsg === CGCS2000_GEOGRAPHIC_EPSG) return GEOGRAPHIC;
  const zone = gkCrsFromEpsg(epsg);
  return zone ? gk(zone) : undefined;
}

function isCommand(name: string): name is Command {
  return COMMANDS.includes(name);
}

/** `1006=060101`, or several joined by commas; a code decided twice two ways is refused. */
function addDecisions(decisions: Record<string, string>, value: string): Message | undefined {
  for (const pair of value.split(',')) {
    const [from, to, ...extra] = pair.split('=').map((part) => part.trim());
    if (!from || !to || extra.length > 0) return { key: 'cli.survey.badDecide', params: { value: pair } };
    const code = from.toUpperCase();
    const earlier = decisions[code];
    if (earlier !== undefined && earlier !== to) return { key: 'cli.survey.decidedTwice', params: { from: code, first: earlier, second: to } };
    decisions[code] = to;
  }
  return undefined;
}

/** What is wrong, as an i18n key (`cli.args.*`) shown inside 参数错误 / Bad arguments, in the language asked for. */
function bad(detailKey: string, params: Record<string, string | number> = {}): Result<CliArgs> {
  const error: Message = { key: 'cli.badArguments', params: { detailKey, ...params } };
  return { ok: false, error };
}
