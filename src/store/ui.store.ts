/**
 * Preferences and view state: language, which view (基期/规划/变化), layer display, basemap, active layer.
 * Preferences are remembered in localStorage; a local PMTiles file itself is kept in IndexedDB (see
 * persist/settings-db.ts) because a File cannot live in localStorage.
 */
import { createStore } from 'zustand/vanilla';
import { LAYER_IDS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { AreaUnit } from '../domain/units.ts';
import type { TableId } from '../rules/tables/table.ts';

export type Language = 'zh-CN' | 'en';
export type ViewMode = 'base' | 'plan' | 'change';

export interface LayerDisplay {
  readonly visible: boolean;
  readonly opacity: number;
}

/** The popovers of the toolbar's find and history tools; one open at a time. */
export type ToolPanel = 'search' | 'goTo' | 'history';

/** A map camera: centre (lon/lat) and MapLibre zoom (the scale). */
export interface Camera {
  readonly center: readonly [number, number];
  readonly zoom: number;
}

/**
 * The dialog the toolbar's menus open (底图, 导入, the notice dialogs); one at a time. The import carries the
 * files dropped on the map, or null to pick them in the dialog.
 */
export type AppDialog =
  | { readonly kind: 'basemap' | 'publish' | 'feedback' | 'print' }
  | { readonly kind: 'import'; readonly files: readonly File[] | null };

/** The 文件 menu's exports (ui/io/exports.ts): the delivery package and the CAD drawing. */
export type ExportKind = 'package' | 'dxf';

export type Basemap =
  | { readonly kind: 'none' }
  | { readonly kind: 'raster'; readonly url: string }
  | { readonly kind: 'pmtiles'; readonly fileName: string };

export interface UiState {
  readonly language: Language;
  readonly view: ViewMode;
  readonly layers: Readonly<Record<LayerId, LayerDisplay>>;
  /** Bottom-to-top drawing order. */
  readonly order: readonly LayerId[];
  readonly basemap: Basemap;
  /** The layer clicks select in first and new drawings go to (QGIS's "current layer"). */
  readonly activeLayer: LayerId;
  readonly helpOpen: boolean;
  readonly dialog: AppDialog | null;
  /** The progress (0–1) of each export while it runs. */
  readonly exporting: Readonly<Partial<Record<ExportKind, number>>>;
  /** True while the plan to open at start is still being read. */
  readonly planLoading: boolean;
  readonly toolPanel: ToolPanel | null;
  /** The layer whose attribute table is open in the drawer under the map; null when it is closed. */
  readonly tableLayer: LayerId | null;
  /**
   * The indicator table shown wide in the same drawer; null when closed. One drawer at a time: opening
   * either closes the other.
   */
  readonly indicatorTable: TableId | null;
  /** The area unit of the wide indicator tables: kept while the page is open, not a saved preference. */
  readonly tablesUnit: AreaUnit;
  /**
   * Where the map opens instead of fitting the plan: the view this draft was left at (ui/view-memory).
   * Read once when the map is made; not a preference (never written to localStorage here).
   */
  readonly openingView: Camera | null;
}

const HIDDEN_BY_DEFAULT: ReadonlySet<LayerId> = new Set(['townshipZones', 'consolidationZone']);

function defaultUiState(order: readonly LayerId[]): UiState {
  return {
    language: 'zh-CN',
    view: 'base',
    layers: Object.fromEntries(LAYER_IDS.map((id) => [id, { visible: !HIDDEN_BY_DEFAULT.has(id), opacity: 1 }])) as UiState['layers'],
    order,
    basemap: { kind: 'none' },
    activeLayer: 'newBuild',
    helpOpen: false,
    dialog: null,
    exporting: {},
    planLoading: false,
    toolPanel: null,
    tableLayer: null,
    indicatorTable: null,
    tablesUnit: 'ha',
    openingView: null,
  };
}

const STORAGE_KEY = 'village-plan.preferences.v1';
type Persisted = Pick<UiState, 'language' | 'view' | 'layers' | 'order' | 'basemap' | 'activeLayer'>;

/** Reads saved preferences, ignoring anything malformed: bad preferences must never stop the editor. */
function readSaved(storage: Storage | undefined, defaults: UiState): UiState {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return defaults;
    const saved = JSON.parse(raw) as Partial<Persisted>;
    const order = Array.isArray(saved.order) && saved.order.length === defaults.order.length && defaults.order.every((id) => saved.order?.includes(id))
      ? saved.order
      : defaults.order;
    const layers = { ...defaults.layers };
    for (const id of LAYER_IDS) {
      const entry = saved.layers?.[id];
      if (entry && typeof entry.visible === 'boolean' && typeof entry.opacity === 'number') layers[id] = entry;
    }
    return {
      ...defaults,
      language: saved.language === 'en' ? 'en' : 'zh-CN',
      view: saved.view === 'plan' || saved.view === 'change' ? saved.view : 'base',
      layers,
      order,
      basemap: isBasemap(saved.basemap) ? saved.basemap : defaults.basemap,
      activeLayer: saved.activeLayer && LAYER_IDS.includes(saved.activeLayer) ? saved.activeLayer : defaults.activeLayer,
    };
  } catch {
    return defaults;
  }
}

function isBasemap(value: unknown): value is Basemap {
  if (!value || typeof value !== 'object') return false;
  const b = value as Record<string, unknown>;
  return b.kind === 'none' || (b.kind === 'raster' && typeof b.url === 'string') || (b.kind === 'pmtiles' && typeof b.fileName === 'string');
}

export function createUiStore(order: readonly LayerId[], storage: Storage | undefined) {
  const store = createStore<UiState>(() => readSaved(storage, defaultUiState(order)));
  store.subscribe((state) => {
    const persisted: Persisted = {
      language: state.language,
      view: state.view,
      layers: state.layers,
      order: state.order,
      basemap: state.basemap,
      activeLayer: state.activeLayer,
    };
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(persisted));
    } catch {
      // A full or disabled localStorage only costs remembered preferences, never plan data.
    }
  });
  const patch = (next: Partial<UiState>) => store.setState(next);
  return {
    store,
    getState: store.getState,
    subscribe: store.subscribe,
    setLanguage: (language: Language) => patch({ language }),
    setView: (view: ViewMode) => patch({ view }),
    setActiveLayer: (activeLayer: LayerId) => patch({ activeLayer }),
    setBasemap: (basemap: Basemap) => patch({ basemap }),
    setHelpOpen: (helpOpen: boolean) => patch({ helpOpen }),
    setDialog: (dialog: AppDialog | null) => patch({ dialog }),
    setExportProgress(kind: ExportKind, share: number | null): void {
      const exporting = { ...store.getState().exporting };
      if (share === null) delete exporting[kind];
      else exporting[kind] = share;
      patch({ exporting });
    },
    setPlanLoading: (planLoading: boolean) => patch({ planLoading }),
    setToolPanel: (toolPanel: ToolPanel | null) => patch({ toolPanel }),
    setTableLayer: (tableLayer: LayerId | null) => patch(tableLayer === null ? { tableLayer } : { tableLayer, indicatorTable: null }),
    setIndicatorTable: (indicatorTable: TableId | null) => patch(indicatorTable === null ? { indicatorTable } : { indicatorTable, tableLayer: null }),
    setTablesUnit: (tablesUnit: AreaUnit) => patch({ tablesUnit }),
    setOpeningView: (openingView: Camera | null) => patch({ openingView }),
    setLayerDisplay(layer: LayerId, display: Partial<LayerDisplay>): void {
      const layers = store.getState().layers;
      patch({ layers: { ...layers, [layer]: { ...layers[layer], ...display } } });
    },
    /** Moves a layer one step up (towards the top of the drawing order) or down. */
    moveLayer(layer: LayerId, direction: 'up' | 'down'): void {
      const order = [...store.getState().order];
      const from = order.indexOf(layer);
      const to = direction === 'up' ? from + 1 : from - 1;
      if (from < 0 || to < 0 || to >= order.length) return;
      [order[from], order[to]] = [order[to] as LayerId, order[from] as LayerId];
      patch({ order });
    },
  };
}

export type UiStore = ReturnType<typeof createUiStore>;
