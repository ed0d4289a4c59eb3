/**
 * The 2026 village database view (村庄规划数据库, profile zhejiang-2026): for a county reviewer checking a
 * database a township hands in, or a planner looking at one. The layers in the profile's style, the
 * findings of the 2026 checks with each one located on the map, the three tables, and the picked feature's
 * fields. Read-only: nothing here changes the files it was opened from.
 */
import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Geometry } from 'geojson';
import { useStore } from 'zustand';
import type { DatabaseSession } from '../../app/database-session.ts';
import { createI18n } from '../../i18n/index.ts';
import type { DatabaseMap } from '../../map/database/database-map.ts';
import { MAP_LAYER_STYLES } from '../../profiles/zhejiang-2026/map-style.ts';
import type { VillageDatabase, VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseIssue } from '../../rules/ydyh/database-rule.ts';
import type { UiStore } from '../../store/ui.store.ts';
import { formatMessage } from '../format.ts';
import { DatabaseExport } from './DatabaseExport.tsx';
import { DatabaseFeature } from './DatabaseFeature.tsx';
import { DatabaseIssues } from './DatabaseIssues.tsx';
import { DatabaseLayers } from './DatabaseLayers.tsx';
import { DatabaseMapView } from './DatabaseMapView.tsx';
import { DatabaseTablesView } from './DatabaseTablesView.tsx';
import { ReviewList } from './ReviewList.tsx';
import { useWarnBeforeLeaving } from './use-warn-before-leaving.ts';
import { installDatabaseAutomation } from './database-automation.ts';

type Tab = 'issues' | 'tables' | 'feature';

export function DatabaseApp({ ui, session, onHome }: { ui: UiStore; session: DatabaseSession; onHome: () => void }) {
  const language = useStore(ui.store, (s) => s.language);
  const i18n = useMemo(() => createI18n(ui.getState().language), [ui]);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  return (
    <I18nextProvider i18n={i18n}>
      <DatabaseFrame ui={ui} session={session} onHome={onHome} />
    </I18nextProvider>
  );
}

function DatabaseFrame({ ui, session, onHome }: { ui: UiStore; session: DatabaseSession; onHome: () => void }) {
  const { t, i18n } = useTranslation();
  const state = useStore(session.store);
  const language = useStore(ui.store, (s) => s.language);
  const name = state.database?.info.villageName ?? state.source;
  useEffect(() => {
    document.title = `${name} · ${t('database.title')}`;
  }, [name, t]);
  useWarnBeforeLeaving(state.unsaved);
  const text = (message: Parameters<typeof formatMessage>[2]) => formatMessage(t, (k) => i18n.exists(k), message);
  return (
    <div className="database-app" data-testid="database-app" data-phase={state.phase} data-checked={state.check ? 'true' : 'false'} data-tabulated={state.tables ? 'true' : 'false'}>
      <header className="database-head">
        <button type="button" className="tool-button" data-action="home" onClick={onHome}>
          {t('database.home')}
        </button>
        <h1>
          {name} <span className="muted">{t('database.title')}</span>
        </h1>
        {state.database ? <span className="edition">{t(`rules.db.edition.${state.database.edition}`)}</span> : null}
        {state.unsaved ? (
          <span className="unsaved" role="status" data-testid="unsaved">
            {t('database.unsaved')}
          </span>
        ) : state.phase === 'open' && state.conversion === null ? (
          <span className="read-only">{t('database.readOnly')}</span>
        ) : null}
        {state.database ? <DatabaseExport session={session} name={name} /> : null}
        <button type="button" className="tool-button" data-action="language" onClick={() => ui.setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}>
          {language === 'zh-CN' ? 'English' : '中文'}
        </button>
      </header>
      {state.phase === 'opening' ? <p className="hint" role="status">{t('database.opening', { source: state.source })}</p> : null}
      {state.phase === 'reviewing' && state.review ? (
        <>
          {state.error ? <p className="notice error" role="alert" data-testid="review-refused">{text(state.error)}</p> : null}
          <ReviewList
            title={t(state.conversion === 'survey' ? 'database.review.surveyTitle' : 'database.review.planTitle', { source: state.source })}
            groups={state.review.groups}
            notes={state.notes}
            parcels={state.review.parcels}
            confirm={(decisions) => void session.confirmReview(decisions)}
            cancel={onHome}
          />
        </>
      ) : null}
      {state.phase === 'failed' && state.error ? (
        <div className="notice error" role="alert" data-testid="database-error">
          <p>{t('database.openFailed', { source: state.source })}</p>
          <p>{text(state.error)}</p>
        </div>
      ) : null}
      {state.workFailed ? <p className="notice error" role="alert">{text(state.workFailed)}</p> : null}
      {state.notes.length > 0 && state.phase !== 'reviewing' ? (
        <details className="notice warning" data-testid="database-notes">
          <summary>{t('database.notes', { count: state.notes.length })}</summary>
          <ul>{state.notes.map((note, i) => <li key={i}>{text(note)}</li>)}</ul>
        </details>
      ) : null}
      {state.database ? <DatabaseWorkspace db={state.database} session={session} /> : null}
    </div>
  );
}

function featureIndex(db: VillageDatabase): Map<string, { layer: VillageLayerName; feature: VillageFeature }> {
  const index = new Map<string, { layer: VillageLayerName; feature: VillageFeature }>();
  for (const [layer, content] of Object.entries(db.layers) as [VillageLayerName, NonNullable<VillageDatabase['layers'][VillageLayerName]>][]) {
    for (const feature of content.features) index.set(feature.ref, { layer, feature });
  }
  return index;
}

function DatabaseWorkspace({ db, session }: { db: VillageDatabase; session: DatabaseSession }) {
  const { t } = useTranslation();
  const state = useStore(session.store);
  const [tab, setTab] = useState<Tab>('issues');
  const [shown, setShownLayers] = useState<ReadonlySet<VillageLayerName>>(() => new Set(MAP_LAYER_STYLES.filter((s) => s.shownAtStart).map((s) => s.layer)));
  const [picked, setPicked] = useState<{ layer: VillageLayerName; ref: string } | null>(null);
  const [focus, setFocus] = useState<readonly Geometry[] | null>(null);
  const index = useMemo(() => featureIndex(db), [db]);
  const pickedFeature = picked ? (index.get(picked.ref)?.feature ?? null) : null;

  const setShown = (layer: VillageLayerName, on: boolean) =>
    setShownLayers((before) => {
      const next = new Set(before);
      if (on) next.add(layer);
      else next.delete(layer);
      return next;
    });
  const locate = (issue: DatabaseIssue) => {
    const geometries = issue.geometry ? [issue.geometry] : issue.features.flatMap((ref) => index.get(ref)?.feature.geometry ?? []);
    setFocus(geometries);
    const first = issue.features[0];
    const found = first ? index.get(first) : undefined;
    if (found) setPicked({ layer: found.layer, ref: first as string });
  };
  const onReady = (map: DatabaseMap | null) => installDatabaseAutomation(map, session);
  const tabs: readonly Tab[] = ['issues', 'tables', 'feature'];
  return (
    <main className="database-workspace">
      <DatabaseLayers db={db} shown={shown} setShown={setShown} />
      <DatabaseMapView
        db={db}
        shown={shown}
        picked={pickedFeature?.geometry ?? null}
        focus={focus}
        onPick={(layer, ref) => {
          setPicked(layer && ref ? { layer, ref } : null);
          if (ref) setTab('feature');
        }}
        onReady={onReady}
      />
      <div className="side-panel">
        <div className="tabs" role="tablist" aria-label={t('database.side')}>
          {tabs.map((id) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} className={`tab${tab === id ? ' active' : ''}`} data-tab={id} onClick={() => setTab(id)}>
              {t(`database.tab.${id}`)}
              {id === 'issues' && state.check ? (
                <span className="badges">
                  <span className="badge error">{state.check.summary.errors}</span>
                  <span className="badge warning">{state.check.summary.warnings}</span>
                </span>
              ) : null}
            </button>
          ))}
        </div>
        <div className="tab-body" role="tabpanel">
          {tab === 'issues' ? <DatabaseIssues check={state.check} focus={locate} /> : tab === 'tables' ? <DatabaseTablesView tables={state.tables} /> : <DatabaseFeature layer={picked?.layer ?? null} feature={pickedFeature} />}
        </div>
      </div>
    </main>
  );
}
