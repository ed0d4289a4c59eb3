/**
 * Turns an issue message into text with any i18next `t`: numbers get thousands separators and at most two
 * decimals ("1,234.5 m²"), and a parameter named `…Key` holds an i18n key whose text is passed under the
 * name without `Key` (a layer name, a missing input), so messages stay language-neutral values.
 */
import type { IssueMessage } from './issue.ts';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function renderMessage(t: Translate, message: Pick<IssueMessage, 'key'> & { readonly params?: IssueMessage['params'] }): string {
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) params[name] = typeof value === 'number' ? formatNumber(value) : value;
  // A translated parameter may itself use the other parameters ("too large ({{sizeMiB}} MiB)").
  for (const [name, value] of Object.entries(message.params ?? {})) {
    if (name.endsWith('Key') && typeof value === 'string') params[name.slice(0, -3)] = value === '' ? '' : t(value, params);
  }
  return t(message.key, params);
}
