/**
 * Polygons as the plan can store them. Readers keep polygons as they come, and an invalid one is imported
 * as it is for the planner to see (repaired only on request); but the plan file and the stored draft
 * (domain/plan-file.ts `parsePlan`) refuse a ring of fewer than four positions, a polygon without rings
 * and a multipolygon without polygons. GeoJSON allows all three (an empty hole, an empty part, an
 * unclosed triangle), so such an import went in and the feature was then set aside as damaged when the
 * draft was opened again. Here a ring of three positions that is not closed is closed (the same shape);
 * a ring too short to enclose anything is left out, and with an outer ring the polygon it bounds.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../../domain/features.ts';
import { closeRing, isClosed, polygonsOf } from '../../geo/rings.ts';
import type { ImportedLayer } from '../formats/types.ts';
import { listSome, note, type Message } from '../result.ts';

const STORABLE_RING = 4;

/** The rings that enclose something, or null when the outer ring does not. */
function storablePolygon(rings: readonly (readonly Position[])[]): Position[][] | null {
  const kept = rings.map((ring) => (ring.length === STORABLE_RING - 1 && !isClosed(ring) ? closeRing(ring) : [...ring]));
  if (!kept[0] || kept[0].length < STORABLE_RING) return null;
  return kept.filter((ring) => ring.length >= STORABLE_RING);
}

/** The geometry the plan can store, the same object when it already can, null when nothing encloses an area. */
export function storableGeometry(geometry: AreaGeometry): AreaGeometry | null {
  const polygons = polygonsOf(geometry);
  const storable = polygons.every((rings) => rings.length > 0 && rings.every((ring) => ring.length >= STORABLE_RING));
  if (storable && polygons.length > 0) return geometry;
  const kept = polygons.map(storablePolygon).filter((rings): rings is Position[][] => rings !== null);
  if (kept.length === 0) return null;
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: kept[0] as Position[][] } : { type: 'MultiPolygon', coordinates: kept };
}

/** The layer with every polygon storable, and the note naming the records that changed (null when none did). */
export function storableLayer(layer: ImportedLayer): { readonly layer: ImportedLayer; readonly note: Message | null } {
  const changed: number[] = [];
  const features = layer.features.map((feature) => {
    const geometry = feature.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return feature;
    const storable = storableGeometry(geometry);
    if (storable === geometry) return feature;
    changed.push(feature.recordNo);
    return { ...feature, geometry: storable };
  });
  if (changed.length === 0) return { layer, note: null };
  return { layer: { ...layer, features }, note: note('io.import.shortRings', { file: layer.file, count: changed.length, list: listSome(changed.map((n) => `#${n}`)) }) };
}
