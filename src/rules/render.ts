/**
 * Turns a message into text with any i18next `t`: each number formatted by the kind its parameter's name
 * says (`formatParam`), and a parameter named `…Key` holds an i18n key whose text is passed under the name
 * without `Key` (a layer name, a missing input), so messages stay language-neutral values. The UI, the CLI
 * and the notice all render through this one formatter.
 */
import { formatDecimals } from '../domain/units.ts';
import type { IssueMessage } from './issue.ts';

export type Translate = (key: string, params?: Record<string, unknown>) => string;


/**
 * A message number as people write it, by the unit its name ends with: `…M2` square metres and `…Mu` 亩
 * with two decimals ("1,234.50 m²"), `…Ha` 公顷 with two to four, `…M` metres to the millimetre ("0.004 m",
 * "16.44 m"); any other whole number (a count, a version, a format number) without decimals ("1 个",
 * "格式 99"), and other fractions with at most two.
 */
export function formatParam(name: string, value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (name.endsWith('M2') || name.endsWith('Mu')) return formatDecimals(value, 2, 2);
  if (name.endsWith('Ha')) return formatDecimals(value, 2, 4);
  if (name.endsWith('M')) return formatDecimals(value, 0, 3);
  return Number.isInteger(value) ? formatDecimals(value, 0, 0) : formatDecimals(value, 0, 2);
}

export function renderMessage(t: Translate, message: Pick<IssueMessage, 'key'> & { readonly params?: IssueMessage['params'] }): string {
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) params[name] = typeof value === 'number' ? formatParam(name, value) : value;
  // A translated parameter may itself use the other parameters ("too large ({{sizeMiB}} MiB)"), translated
  // ones too (a damaged plan's reason naming a layer, inside a backup's message): three rounds, as deep as
  // messages nest.
  const keyed = Object.entries(message.params ?? {}).filter(([name, value]) => name.endsWith('Key') && typeof value === 'string');
  for (let round = 0; round < (keyed.length > 1 ? 3 : 1); round++) {
    for (const [name, value] of keyed) params[name.slice(0, -3)] = value === '' ? '' : t(value as string, params);
  }
  return t(message.key, params);
}
