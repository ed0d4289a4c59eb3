/**
 * Plan features as MapLibre GeoJSON features, and patches as `updateData` diffs, one source per plan
 * layer: an edit to a small drawn layer never re-tiles the 20,000 base parcels (testing.md: updateData in
 * a small separate source is about twice as fast to idle as in a big one).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSourceDiff } from 'maplibre-gl';
import type { PlanFeature } from '../domain/features.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import type { Patch } from '../domain/patch.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';

export function sourceId(layer: LayerId): string {
  return `plan-${layer}`;
}

/**
 * Only the properties the style reads travel to the map (and its worker): at 20,000 parcels every extra
 * field costs structured-clone and tiling time on load.
 */
const STYLE_PROPERTIES: Partial<Record<LayerId, readonly string[]>> = {
  base: ['classCode', 'parcelNo'],
  pbf: ['pbfType'],
  demolition: ['restorationUse'],
  newBuild: ['useCode'],
  useChange: ['targetCode'],
  controlZone: ['zoneCode'],
  townshipZones: ['zoneCode'],
  places: ['name'],
};

export function toMapFeature(feature: PlanFeature): Feature<Geometry> {
  const properties: Record<string, unknown> = { id: feature.id };
  const source = feature.properties as unknown as Record<string, unknown>;
  for (const key of STYLE_PROPERTIES[feature.layer] ?? []) properties[key] = source[key];
  return { type: 'Feature', id: feature.id, geometry: feature.geometry, properties };
}

/** A feature as plain GeoJSON with every property, for the automation handle and exports. */
export function toGeoJsonFeature(feature: PlanFeature): Feature<Geometry> {
  return { type: 'Feature', id: feature.id, geometry: feature.geometry, properties: { ...feature.properties, id: feature.id, layer: feature.layer } };
}

export function layerCollection(plan: Plan, layer: LayerId, convert = toMapFeature): FeatureCollection {
  return { type: 'FeatureCollection', features: (layerFeatures(plan, layer) as readonly PlanFeature[]).map(convert) };
}

/**
 * Turns a patch into one diff per layer whose source changes. `present` holds the ids each map source has
 * now and is updated here, so the map needs no copy of the previous plan. The last change to an id wins.
 */
export function patchToDiffs(present: Map<LayerId, Set<string>>, patch: Patch): Map<LayerId, GeoJSONSourceDiff> {
  const lastChange = new Map<string, Patch['features'][number]>();
  for (const change of patch.features) lastChange.set(`${change.layer}\u0000${change.id}`, change);

  const diffs = new Map<LayerId, { add: Feature[]; remove: string[] }>();
  for (const change of lastChange.values()) {
    let ids = present.get(change.layer);
    if (!ids) {
      ids = new Set();
      present.set(change.layer, ids);
    }
    // Gone and never shown (added and deleted within the patch): the map need not hear of it.
    if (!change.after && !ids.has(change.id)) continue;
    let diff = diffs.get(change.layer);
    if (!diff) {
      diff = { add: [], remove: [] };
      diffs.set(change.layer, diff);
    }
    // A replaced feature is removed and added again: geometry and properties may both have changed, and
    // MapLibre applies `remove` before `add` within one diff.
    if (ids.has(change.id)) diff.remove.push(change.id);
    if (change.after) {
      diff.add.push(toMapFeature(change.after));
      ids.add(change.id);
    } else {
      ids.delete(change.id);
    }
  }
  const result = new Map<LayerId, GeoJSONSourceDiff>();
  for (const [layer, diff] of diffs) {
    result.set(layer, {
      ...(diff.remove.length ? { remove: diff.remove } : {}),
      ...(diff.add.length ? { add: diff.add } : {}),
    });
  }
  return result;
}
