/**
 * The payload decoded once at start: every area as GeoJSON with its box (for the map and for taps), and
 * the places as lon/lat. Reading the payload checks its shape, so a damaged or foreign file gets a message
 * instead of a blank page.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { geometryBBox, type BBox } from '../../geo/bbox.ts';
import { decodeArea, decodePoint } from '../payload/geometry-codec.ts';
import { NOTICE_2026_PROFILE, type AnyNoticePayload } from '../payload/payload-2026.ts';
import { NOTICE_FORMAT, NOTICE_SCHEMA_VERSION, type NoticeLayers, type NoticePayload } from '../payload/payload.ts';
import { readPayload2026 } from './notice-model-2026.ts';

type AreaLayerId = Exclude<keyof NoticeLayers, 'places'>;
type EntryOf<L extends AreaLayerId> = NoticeLayers[L][number];

export interface AreaItem<L extends AreaLayerId = AreaLayerId> {
  readonly id: string;
  readonly layer: L;
  readonly geometry: Polygon | MultiPolygon;
  readonly bbox: BBox;
  readonly areaM2: number;
  readonly props: EntryOf<L>['p'];
}

export interface PlaceItem {
  readonly id: string;
  readonly name: string;
  readonly kind: 'group' | 'place';
  readonly lonLat: [number, number];
}

export type AreaLayers = { readonly [L in AreaLayerId]: readonly AreaItem<L>[] };

export interface NoticeModel {
  readonly profile: 'zhejiang-2017';
  readonly payload: NoticePayload;
  readonly areas: AreaLayers;
  readonly places: readonly PlaceItem[];
}

export const AREA_LAYER_IDS = ['boundary', 'base', 'pbf', 'demolition', 'newBuild', 'useChange', 'reserve', 'facility'] as const satisfies readonly AreaLayerId[];

/** A 2017 or a 2026 notice's payload, or null for a file of neither shape. */
export function readPayload(raw: unknown): AnyNoticePayload | null {
  if (typeof raw !== 'object' || raw === null) return null;
  if ((raw as { profile?: unknown }).profile === NOTICE_2026_PROFILE) return readPayload2026(raw);
  const p = raw as Partial<NoticePayload>;
  if (p.format !== NOTICE_FORMAT || p.schemaVersion !== NOTICE_SCHEMA_VERSION || (p.profile !== undefined && p.profile !== 'zhejiang-2017')) return null;
  if (!p.layers || !p.details || !p.village || !Array.isArray(p.origin) || !Array.isArray(p.bbox) || !p.tables) return null;
  for (const id of [...AREA_LAYER_IDS, 'places'] as const) if (!Array.isArray(p.layers[id])) return null;
  if (p.shownInPlan !== undefined && !Array.isArray(p.shownInPlan)) return null;
  return p as NoticePayload;
}

export function decodeNotice(payload: NoticePayload): NoticeModel {
  const decodeLayer = <L extends AreaLayerId>(layer: L): AreaItem<L>[] =>
    (payload.layers[layer] as readonly EntryOf<L>[]).map((entry) => {
      const geometry = decodeArea(entry.g, payload.origin);
      return { id: entry.id, layer, geometry, bbox: geometryBBox(geometry), areaM2: entry.a, props: entry.p };
    });
  const areas = Object.fromEntries(AREA_LAYER_IDS.map((layer) => [layer, decodeLayer(layer)])) as unknown as AreaLayers;
  const places = payload.layers.places.map((p) => ({ id: p.id, name: p.name, kind: p.kind, lonLat: decodePoint(p.at, payload.origin) }));
  return { profile: 'zhejiang-2017', payload, areas, places };
}
