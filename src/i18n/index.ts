/**
 * i18next with flat, namespaced keys (style.md: `rules.no-overlap.message`). Chinese is the default; the
 * same instance works in the browser, the worker and the CLI (nothing here touches the DOM).
 */
import i18next, { type i18n as I18n } from 'i18next';
import { codeLabels, type Language } from './code-labels.ts';
import { strings } from './texts.ts';

export type { Language };

export function createI18n(language: Language = 'zh-CN'): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'zh-CN',
    initAsync: false,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    resources: {
      'zh-CN': { translation: { ...codeLabels('zh-CN'), ...strings('zh') } },
      en: { translation: { ...codeLabels('en'), ...strings('en') } },
    },
  });
  return instance;
}
