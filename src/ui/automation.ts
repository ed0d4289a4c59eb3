/**
 * `window.villagePlan`: a documented, read-only handle for tests and power users (docs/automation.md).
 * Everything it returns is a copy; nothing on it changes the plan.
 */
import type { FeatureCollection } from 'geojson';
import { LAYER_IDS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { PlanMeta } from '../domain/plan.ts';
import { layerCollection, toGeoJsonFeature } from '../map/map-features.ts';
import type { MapView } from '../map/map-view.ts';
import type { Editor } from '../store/editor.ts';

export interface PlainPlan {
  readonly id: string;
  readonly schemaVersion: number;
  readonly meta: PlanMeta;
  readonly layers: Readonly<Record<LayerId, FeatureCollection>>;
}

export interface VillagePlanHandle {
  plan(): PlainPlan;
  selection(): string[];
  version(): number;
  history(): { undo: string[]; redo: string[] };
  /** What the checks last found, and for which plan version (compare with `version()` to know it is current). */
  checks(): { version: number; issues: { rule: string; severity: string; layer: string | null; features: string[]; messageKey: string; summarises: number | null }[] };
  /** Screen position (CSS px, relative to the map's top-left) of a lon/lat, for scripted clicks. */
  project(lonLat: [number, number]): { x: number; y: number } | null;
  /** The lon/lat under a screen position (CSS px from the map's top-left): what a click there lands on. */
  unproject(point: [number, number]): [number, number] | null;
  /** Resolves when the map has drawn everything it has been given. */
  idle(): Promise<void>;
}

export function installAutomationHandle(editor: Editor, view: () => MapView | null): VillagePlanHandle {
  const handle: VillagePlanHandle = {
    plan() {
      const { plan } = editor.plan.getState();
      const layers = Object.fromEntries(LAYER_IDS.map((id) => [id, layerCollection(plan, id, toGeoJsonFeature)])) as Record<LayerId, FeatureCollection>;
      return structuredClone({ id: plan.id, schemaVersion: plan.schemaVersion, meta: plan.meta, layers });
    },
    selection: () => [...editor.selection.getState().ids],
    version: () => editor.plan.getState().version,
    history() {
      const { history } = editor.plan.getState();
      return { undo: history.undo.map((e) => e.label), redo: history.redo.map((e) => e.label) };
    },
    checks() {
      const { version, issues } = editor.issues.getState();
      return { version, issues: issues.map((i) => ({ rule: i.rule, severity: i.severity, layer: i.layer ?? null, features: [...i.features], messageKey: i.message.key, summarises: i.summarises ?? null })) };
    },
    project(lonLat) {
      const map = view()?.map;
      if (!map) return null;
      const p = map.project(lonLat);
      return { x: p.x, y: p.y };
    },
    unproject(point) {
      const map = view()?.map;
      if (!map) return null;
      const p = map.unproject(point);
      return [p.lng, p.lat];
    },
    idle() {
      return view()?.whenDrawn() ?? Promise.resolve();
    },
  };
  Object.defineProperty(window, 'villagePlan', { value: Object.freeze(handle), configurable: true });
  return handle;
}
