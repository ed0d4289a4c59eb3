/**
 * The viewer's translator: Chinese by default, English on request, from the same text files the editor
 * uses (the notice's own and the tables'), plus the code labels. i18next is not bundled: the viewer needs
 * only `{{name}}` interpolation, and every kilobyte counts on a phone opening the file offline.
 */
import { codeLabels, type Language } from '../../i18n/code-labels.ts';
import { notice2026Text } from '../../i18n/text/notice-2026.text.ts';
import { noticeText } from '../../i18n/text/notice.text.ts';
import { tablesText } from '../../i18n/text/tables.text.ts';
import type { Translate } from '../../rules/render.ts';

export type { Language };

const LANGUAGE_KEY = 'village-plan:notice-language';

function strings(language: Language): Record<string, string> {
  const pick = language === 'en' ? 'en' : 'zh';
  const out: Record<string, string> = { ...codeLabels(language) };
  for (const texts of [noticeText, notice2026Text, tablesText]) for (const [key, text] of Object.entries(texts)) out[key] = text[pick];
  return out;
}

export function translator(language: Language): Translate {
  return translatorOf(strings(language));
}

/** A `t` over one language's strings: `{{name}}` filled from the parameters, an unknown key shown as itself. */
export function translatorOf(table: Readonly<Record<string, string>>): Translate {
  return (key, params = {}) => {
    const text = table[key] ?? key;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (name in params ? String(params[name]) : ''));
  };
}

/** The language chosen on this phone before, or Chinese. */
export function savedLanguage(storage: Storage | null): Language {
  try {
    return storage?.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function saveLanguage(storage: Storage | null, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage refused (private mode, a WebView without it): the choice lasts until the page closes.
  }
}
