/**
 * The editor's frame: toolbar, layers, map, the side panel (attributes, issues, indicators), the drawer
 * (the attribute table or the wide indicator tables, one at a time), status bar, dialogs.
 */
import { useEffect, useMemo, useRef } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useStore } from 'zustand';
import type { Session } from '../app/session.ts';
import { createI18n } from '../i18n/index.ts';
import { attachKeyboard } from './actions/keyboard.ts';
import { AttributeTableDrawer } from './attribute-table/AttributeTable.tsx';
import { installAutomationHandle } from './automation.ts';
import { installBenchHook } from './bench-hook.ts';
import { DraftsContext, type DraftsServices } from './drafts/drafts-context.tsx';
import { OtherTabBanner } from './drafts/OtherTabBanner.tsx';
import { confirmSetAside } from './drafts/use-confirm-set-aside.ts';
import { UpdatePrompt } from './drafts/UpdatePrompt.tsx';
import { VersionsPanel } from './drafts/VersionsPanel.tsx';
import { formatMessage } from './format.ts';
import { HelpDialog } from './help/HelpDialog.tsx';
import { IndicatorTablesDrawer } from './indicators/IndicatorTablesDrawer.tsx';
import { createExports } from './io/exports.ts';
import { LayerPanel } from './layers/LayerPanel.tsx';
import { MapCanvas } from './map/MapCanvas.tsx';
import { Toasts } from './messages/Toasts.tsx';
import { type Services, ServicesContext } from './services.tsx';
import { SidePanel } from './side/SidePanel.tsx';
import { StatusBar } from './status/StatusBar.tsx';
import { Toolbar } from './toolbar/Toolbar.tsx';
import { ViewMemory } from './view-memory/ViewMemory.tsx';

export function App({ session, drafts }: { session: Session; drafts: DraftsServices }) {
  const { editor } = session;
  const i18n = useMemo(() => createI18n(editor.ui.getState().language), [editor]);
  const mapParts = useStore(session.store, (s) => s.map);
  const exports = useMemo(
    () =>
      createExports({
        editor,
        io: session.io,
        confirm: (action) => confirmSetAside(i18n, drafts.quarantine, action),
        describe: (error) => formatMessage(i18n.t.bind(i18n), (k) => i18n.exists(k), error),
      }),
    [editor, session, drafts, i18n],
  );
  const services = useMemo<Services>(
    () => ({ editor, io: session.io, view: mapParts?.view ?? null, draw: mapParts?.draw ?? null, exports }),
    [editor, session, mapParts, exports],
  );
  const current = useRef(services);
  current.current = services;

  const language = useStore(editor.ui.store, (s) => s.language);
  const planLoading = useStore(editor.ui.store, (s) => s.planLoading);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    document.title = i18n.t('app.title');
  }, [i18n, language]);

  useEffect(() => attachKeyboard(() => current.current), []);
  useEffect(() => {
    installAutomationHandle(editor, () => current.current.view);
    if (import.meta.env.VITE_VILLAGE_BENCH === '1') installBenchHook(editor, () => current.current.view);
  }, [editor]);

  return (
    <I18nextProvider i18n={i18n}>
      <ServicesContext.Provider value={services}>
        <DraftsContext.Provider value={drafts}>
          <div className="app" data-ready={mapParts && !planLoading ? 'true' : 'false'} aria-busy={planLoading}>
            <ViewMemory />
            <Toolbar />
            <main className="workspace">
              <LayerPanel />
              <MapCanvas session={session} />
              <SidePanel />
            </main>
            <AttributeTableDrawer />
            <IndicatorTablesDrawer />
            {planLoading ? <div className="loading" role="status">{i18n.t('startup.loading')}</div> : null}
            <StatusBar />
            <Toasts />
            <HelpDialog />
            <OtherTabBanner />
            <VersionsPanel />
            <UpdatePrompt />
          </div>
        </DraftsContext.Provider>
      </ServicesContext.Provider>
    </I18nextProvider>
  );
}
