/**
 * The database view's body: the layers and legend, the map, and the side panel (the checks, the tables,
 * the picked features with their fields and, for a plan kept on this computer, its edits, and the village
 * information with the 上级下达 allocations). A click picks
 * one feature, Shift+click adds or takes one of the same layer; locating a finding picks its features.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Geometry } from 'geojson';
import { useStore } from 'zustand';
import type { DatabaseSession } from '../../app/database-session.ts';
import type { DatabaseMap } from '../../map/database/database-map.ts';
import { MAP_LAYER_STYLES } from '../../profiles/zhejiang-2026/map-style.ts';
import type { VillageDatabase, VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseIssue } from '../../rules/ydyh/database-rule.ts';
import { DatabaseFeature } from './DatabaseFeature.tsx';
import { DatabaseIssues } from './DatabaseIssues.tsx';
import { DatabaseLayers } from './DatabaseLayers.tsx';
import { DatabaseMapView } from './DatabaseMapView.tsx';
import { DatabaseTablesView } from './DatabaseTablesView.tsx';
import { DrawChange } from './DrawChange.tsx';
import { VillageInfoPanel } from './VillageInfoPanel.tsx';
import { installDatabaseAutomation } from './database-automation.ts';

type Tab = 'issues' | 'tables' | 'feature' | 'info';
const TABS: readonly Tab[] = ['issues', 'tables', 'feature', 'info'];

export interface Picked {
  readonly layer: VillageLayerName;
  readonly refs: readonly string[];
}

type FeatureIndex = ReadonlyMap<string, { readonly layer: VillageLayerName; readonly feature: VillageFeature }>;

function featureIndex(db: VillageDatabase): FeatureIndex {
  const index = new Map<string, { layer: VillageLayerName; feature: VillageFeature }>();
  for (const [layer, content] of Object.entries(db.layers) as [VillageLayerName, NonNullable<VillageDatabase['layers'][VillageLayerName]>][]) {
    for (const feature of content.features) index.set(feature.ref, { layer, feature });
  }
  return index;
}

/** The picked features after a click: Shift adds or takes one of the same layer, a plain click picks one. */
function nextPick(before: Picked | null, layer: VillageLayerName | null, ref: string | null, adding: boolean): Picked | null {
  if (!layer || !ref) return adding ? before : null;
  if (!adding || !before || before.layer !== layer) return { layer, refs: [ref] };
  const refs = before.refs.includes(ref) ? before.refs.filter((r) => r !== ref) : [...before.refs, ref];
  return refs.length > 0 ? { layer, refs } : null;
}

export function DatabaseWorkspace({ db, session }: { db: VillageDatabase; session: DatabaseSession }) {
  const { t } = useTranslation();
  const check = useStore(session.store, (s) => s.check);
  const tables = useStore(session.store, (s) => s.tables);
  const [tab, setTab] = useState<Tab>('issues');
  const [shown, setShownLayers] = useState<ReadonlySet<VillageLayerName>>(() => new Set(MAP_LAYER_STYLES.filter((s) => s.shownAtStart).map((s) => s.layer)));
  const [picked, setPicked] = useState<Picked | null>(null);
  const [focus, setFocus] = useState<readonly Geometry[] | null>(null);
  const index = useMemo(() => featureIndex(db), [db]);
  const pickedFeatures = useMemo(() => (picked?.refs ?? []).flatMap((ref) => index.get(ref)?.feature ?? []), [picked, index]);
  const pickedGeometries = useMemo(() => pickedFeatures.flatMap((f) => (f.geometry ? [f.geometry] : [])), [pickedFeatures]);

  useEffect(() => {
    const keys = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || (event.target as HTMLElement | null)?.closest('input, select, textarea')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) session.undo();
      else if (key === 'y' || (key === 'z' && event.shiftKey)) session.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', keys);
    return () => window.removeEventListener('keydown', keys);
  }, [session]);

  const setShown = (layer: VillageLayerName, on: boolean) =>
    setShownLayers((before) => {
      const next = new Set(before);
      if (on) next.add(layer);
      else next.delete(layer);
      return next;
    });
  // Stable, so a drawing in progress (DrawChange) is not started again on every render.
  const showLayer = useCallback((layer: VillageLayerName) => setShownLayers((before) => (before.has(layer) ? before : new Set([...before, layer]))), []);
  const locate = (issue: DatabaseIssue) => {
    setFocus(issue.geometry ? [issue.geometry] : issue.features.flatMap((ref) => index.get(ref)?.feature.geometry ?? []));
    const layer = issue.features[0] ? index.get(issue.features[0])?.layer : undefined;
    if (layer) setPicked({ layer, refs: issue.features.filter((ref) => index.get(ref)?.layer === layer) });
  };
  const [map, setMap] = useState<DatabaseMap | null>(null);
  const onReady = (ready: DatabaseMap | null) => {
    installDatabaseAutomation(ready, session);
    setMap(ready);
  };
  return (
    <main className="database-workspace">
      <div className="database-left">
        <DrawChange session={session} map={map} showLayer={showLayer} />
        <DatabaseLayers db={db} shown={shown} setShown={setShown} />
      </div>
      <DatabaseMapView
        db={db}
        shown={shown}
        picked={pickedGeometries}
        focus={focus}
        onPick={(layer, ref, adding) => {
          setPicked((before) => nextPick(before, layer, ref, adding));
          if (ref) setTab('feature');
        }}
        onReady={onReady}
      />
      <div className="side-panel">
        <div className="tabs" role="tablist" aria-label={t('database.side')}>
          {TABS.map((id) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} className={`tab${tab === id ? ' active' : ''}`} data-tab={id} onClick={() => setTab(id)}>
              {t(`database.tab.${id}`)}
              {id === 'issues' && check ? (
                <span className="badges">
                  <span className="badge error">{check.summary.errors}</span>
                  <span className="badge warning">{check.summary.warnings}</span>
                </span>
              ) : null}
            </button>
          ))}
        </div>
        <div className="tab-body" role="tabpanel">
          {tab === 'issues' ? (
            <DatabaseIssues check={check} focus={locate} />
          ) : tab === 'tables' ? (
            <DatabaseTablesView tables={tables} />
          ) : tab === 'info' ? (
            <VillageInfoPanel db={db} session={session} />
          ) : (
            <DatabaseFeature session={session} map={map} layer={picked?.layer ?? null} features={pickedFeatures} />
          )}
        </div>
      </div>
    </main>
  );
}
