/** Shared formatting for the UI: messages with nested keys, areas in m²/公顷/亩, coordinates. */
import type { TFunction } from 'i18next';
import type { CodeEntry } from '../domain/code-entry.ts';
import type { Message } from '../domain/message.ts';
import { areaFigures, formatDecimals } from '../domain/units.ts';
import { renderMessage } from '../rules/render.ts';

/**
 * Translates a message through the one formatter the CLI and the notice use (`renderMessage`: numbers by
 * kind, `…Key` parameters translated under the name without `Key`); a plain parameter that is itself an
 * i18n key (a command label, a field name) is translated too.
 */
export function formatMessage(t: TFunction, exists: (key: string) => boolean, message: Message): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    params[name] = typeof value === 'string' && !name.endsWith('Key') && exists(value) ? t(value) : value;
  }
  return renderMessage((key, values) => t(key, values ?? {}), { key: message.key, params });
}

export function formatNumber(value: number, decimals: number): string {
  return formatDecimals(value, decimals, decimals);
}

/** "1,234.56 m² · 0.12 公顷 · 1.85 亩" (units through i18n so English says ha and mu). */
export function formatArea(t: TFunction, m2: number): string {
  const a = areaFigures(m2);
  return t('units.areaTriple', { m2: formatNumber(a.m2, 2), ha: formatNumber(a.hectares, 2), mu: formatNumber(a.mu, 2) });
}

/** "456.78 m" below a kilometre, "1.000 km" (to the metre) from what would show as 1,000.00 m. */
export function formatLength(t: TFunction, metres: number): string {
  return metres < 999.995 ? t('units.metres', { value: formatNumber(metres, 2) }) : t('units.kilometres', { value: formatNumber(metres / 1000, 3) });
}

/** Codes planners know from the survey and the provincial tables (111, E2, 010); internal ones (agriProcessing) are not shown. */
const OFFICIAL_CODE = /^[0-9A-Z]+$/;

/** A code as the attribute panel and the table show it: "111 水田", or the name alone for an internal code. */
export function codeText(entry: CodeEntry, language: 'zh-CN' | 'en'): string {
  return `${OFFICIAL_CODE.test(entry.code) ? `${entry.code} ` : ''}${language === 'zh-CN' ? entry.zh : entry.en}`;
}
