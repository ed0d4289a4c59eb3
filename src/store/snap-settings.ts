/**
 * Snapping settings (QGIS's snapping toolbar, ArcGIS's snapping settings): on/off, the tolerance in screen
 * pixels, vertices and/or edges, and which layers attract. A preference of this browser, not of a plan:
 * kept in localStorage and read back leniently, since a bad stored value must never stop the editor.
 */
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { TOPOLOGY_LAYERS } from '../commands/shared-boundaries.ts';

export const SNAP_TOLERANCE_PX = { min: 5, max: 30, default: 10 } as const;

/** The layers a planner can snap to: those whose shared boundaries the edit commands keep shared. */
export const SNAP_LAYER_IDS: readonly LayerId[] = TOPOLOGY_LAYERS;

export type SnapLayers =
  /** Every snappable layer that is shown. */
  | { readonly kind: 'allVisible' }
  /** Only these layers, and only while they are shown (what is hidden cannot be aimed at). */
  | { readonly kind: 'chosen'; readonly layers: readonly LayerId[] };

export interface SnapSettings {
  readonly tolerancePx: number;
  readonly vertices: boolean;
  readonly edges: boolean;
  readonly layers: SnapLayers;
}

/** What is remembered: the S switch and the settings. */
export interface RememberedSnapping {
  readonly snapping: boolean;
  readonly settings: SnapSettings;
}

export const DEFAULT_SNAP_SETTINGS: SnapSettings = { tolerancePx: SNAP_TOLERANCE_PX.default, vertices: true, edges: true, layers: { kind: 'allVisible' } };

export const SNAPPING_KEY = 'village-plan.snapping.v1';

/** Any value read from storage (or asked for) as valid settings: each bad field falls back to its default. */
export function sanitiseSnapSettings(value: unknown): SnapSettings {
  const v = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const tolerancePx =
    typeof v.tolerancePx === 'number' && Number.isInteger(v.tolerancePx) && v.tolerancePx >= SNAP_TOLERANCE_PX.min && v.tolerancePx <= SNAP_TOLERANCE_PX.max
      ? v.tolerancePx
      : SNAP_TOLERANCE_PX.default;
  const vertices = typeof v.vertices === 'boolean' ? v.vertices : true;
  const edges = typeof v.edges === 'boolean' ? v.edges : true;
  // Snapping to neither would be snapping switched off in disguise: that is what S is for.
  const neither = !vertices && !edges;
  return { tolerancePx, vertices: neither || vertices, edges: neither || edges, layers: sanitiseLayers(v.layers) };
}

function sanitiseLayers(value: unknown): SnapLayers {
  const v = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  if (v.kind !== 'chosen' || !Array.isArray(v.layers)) return { kind: 'allVisible' };
  const chosen = new Set(v.layers);
  return { kind: 'chosen', layers: SNAP_LAYER_IDS.filter((id) => chosen.has(id)) };
}

export function readSnapping(storage: Storage | undefined): RememberedSnapping {
  try {
    const raw = storage?.getItem(SNAPPING_KEY);
    const saved: unknown = raw ? JSON.parse(raw) : null;
    const v = saved && typeof saved === 'object' ? (saved as Record<string, unknown>) : {};
    return { snapping: typeof v.snapping === 'boolean' ? v.snapping : true, settings: sanitiseSnapSettings(v.settings) };
  } catch {
    return { snapping: true, settings: DEFAULT_SNAP_SETTINGS };
  }
}

export function writeSnapping(storage: Storage | undefined, remembered: RememberedSnapping): void {
  try {
    storage?.setItem(SNAPPING_KEY, JSON.stringify(remembered));
  } catch {
    // A full or disabled localStorage only costs the remembered settings, never plan data.
  }
}

/** The layers that attract the pointer now, in catalogue order. */
export function snapLayers(settings: SnapSettings, shown: (layer: LayerId) => boolean): LayerId[] {
  const wanted = settings.layers.kind === 'chosen' ? new Set(settings.layers.layers) : undefined;
  return SNAP_LAYER_IDS.filter((id) => shown(id) && (!wanted || wanted.has(id)));
}
