/** The start page as its own small app: no map, no editor, just the drafts and the language. */
import { useEffect, useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useStore } from 'zustand';
import type { Message } from '../../domain/message.ts';
import { createI18n } from '../../i18n/index.ts';
import type { DraftListService } from '../../persist/session/draft-list-service.ts';
import type { UiStore } from '../../store/ui.store.ts';
import type { DatabaseOpenRequest } from '../database/DatabaseStart.tsx';
import { StartPage } from './StartPage.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';

export function StartApp({ ui, drafts, notice, openDatabase }: { ui: UiStore; drafts: DraftListService; notice?: Message; openDatabase: (request: DatabaseOpenRequest) => void }) {
  const language = useStore(ui.store, (s) => s.language);
  const i18n = useMemo(() => createI18n(ui.getState().language), [ui]);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    document.title = i18n.t('app.title');
  }, [i18n, language]);
  return (
    <I18nextProvider i18n={i18n}>
      <StartPage ui={ui} drafts={drafts} openDatabase={openDatabase} {...(notice ? { notice } : {})} />
      <UpdatePrompt />
    </I18nextProvider>
  );
}
