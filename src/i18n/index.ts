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
    // Lists reach messages as one parameter joined with 、 (the Chinese list comma), built where no
    // language is known (rules, readers, the CLI). In English each value is given ", " instead; i18next
    // passes every interpolated value through `escape`, the one hook that sees values and not the text.
    interpolation: { escapeValue: true, escape: (value: string) => (instance.language === 'en' ? value.replaceAll('、', ', ') : value) },
    resources: {
      'zh-CN': { translation: { ...codeLabels('zh-CN'), ...strings('zh') } },
      en: { translation: { ...codeLabels('en'), ...strings('en') } },
    },
  });
  return instance;
}
