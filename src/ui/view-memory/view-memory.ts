/**
 * The view kept per draft across reloads: centre, scale (zoom), which layers show, the current layer, the
 * open attribute table.
 * Kept in localStorage (small, read synchronously before the map is made, so a reopened draft opens
 * where the planner left it instead of flashing the whole village first), one entry per draft id, the
 * least recently saved dropped beyond `MAX_VIEWS`. A view is a convenience: anything unreadable is ignored.
 */
import { LAYER_IDS, type LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import type { Camera } from '../../store/ui.store.ts';

export const VIEWS_KEY = 'village-plan.views.v1';
export const MAX_VIEWS = 100;

export interface DraftView extends Camera {
  /** Whether each layer shows (opacity and order stay preferences shared by all drafts). */
  readonly visible: Readonly<Partial<Record<LayerId, boolean>>>;
  readonly activeLayer: LayerId;
  /** The layer whose attribute table was open; absent when it was closed. */
  readonly table?: LayerId;
  readonly savedAt: number;
}

type Views = Record<string, DraftView>;

function readAll(storage: Storage | undefined): Views {
  try {
    const raw = storage?.getItem(VIEWS_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Views) : {};
  } catch {
    return {};
  }
}

function isView(value: unknown): value is DraftView {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const center = v.center;
  return (
    Array.isArray(center) &&
    center.length === 2 &&
    typeof center[0] === 'number' && Math.abs(center[0]) <= 180 &&
    typeof center[1] === 'number' && Math.abs(center[1]) <= 85 &&
    typeof v.zoom === 'number' && v.zoom >= 0 && v.zoom <= 24 &&
    typeof v.activeLayer === 'string' && (LAYER_IDS as readonly string[]).includes(v.activeLayer) &&
    !!v.visible && typeof v.visible === 'object' &&
    typeof v.savedAt === 'number'
  );
}

export function readDraftView(storage: Storage | undefined, draftId: string): DraftView | null {
  const view = readAll(storage)[draftId];
  if (!isView(view)) return null;
  const visible: Partial<Record<LayerId, boolean>> = {};
  for (const id of LAYER_IDS) {
    const shown = (view.visible as Record<string, unknown>)[id];
    if (typeof shown === 'boolean') visible[id] = shown;
  }
  const { table, ...rest } = view;
  return { ...rest, visible, ...(typeof table === 'string' && (LAYER_IDS as readonly string[]).includes(table) ? { table } : {}) };
}

export function writeDraftView(storage: Storage | undefined, draftId: string, view: DraftView): void {
  const views = readAll(storage);
  views[draftId] = view;
  const ids = Object.keys(views);
  if (ids.length > MAX_VIEWS) {
    ids.sort((a, b) => ((views[a] as DraftView).savedAt ?? 0) - ((views[b] as DraftView).savedAt ?? 0));
    for (const id of ids.slice(0, ids.length - MAX_VIEWS)) delete views[id];
  }
  try {
    storage?.setItem(VIEWS_KEY, JSON.stringify(views));
  } catch {
    // A full or disabled localStorage only costs the remembered view, never plan data.
  }
}
