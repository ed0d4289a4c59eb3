/**
 * A 2026 notice's payload (payload-2026.ts) decoded once at start, as notice-model.ts does a 2017 one:
 * every area as GeoJSON with its box, for the map and for taps. Reading checks the shape, so a damaged
 * file gets the viewer's message instead of a blank page.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { geometryBBox, type BBox } from '../../geo/bbox.ts';
import { decodeArea } from '../payload/geometry-codec.ts';
import { NOTICE_2026_PROFILE, NOTICE_2026_SCHEMA_VERSION, type NoticeLayers2026, type NoticePayload2026 } from '../payload/payload-2026.ts';
import type { CompactArea, CompactPolygons } from '../payload/payload.ts';
import { NOTICE_FORMAT } from '../payload/payload.ts';

export interface Area2026<P = Record<string, never>> {
  readonly id: string;
  readonly geometry: Polygon | MultiPolygon;
  readonly bbox: BBox;
  readonly areaM2: number;
  readonly props: P;
}

type PropsOf<L extends Exclude<keyof NoticeLayers2026, 'constructionBoundary'>> = NoticeLayers2026[L][number]['p'];

export interface Notice2026Model {
  readonly profile: typeof NOTICE_2026_PROFILE;
  readonly payload: NoticePayload2026;
  readonly village: readonly Area2026[];
  readonly parcels: readonly Area2026<PropsOf<'parcels'>>[];
  readonly control: readonly Area2026<PropsOf<'control'>>[];
  readonly constructionBoundary: Area2026 | null;
  readonly pbf: readonly Area2026[];
  readonly redLine: readonly Area2026[];
  /** A 2026 plan has no place names layer in its notice: search finds parcels by name or code. */
  readonly places: readonly [];
}

const AREA_LAYERS = ['village', 'parcels', 'control', 'pbf', 'redLine'] as const;

export function readPayload2026(raw: object): NoticePayload2026 | null {
  const p = raw as Partial<NoticePayload2026>;
  if (p.format !== NOTICE_FORMAT || p.profile !== NOTICE_2026_PROFILE || p.schemaVersion !== NOTICE_2026_SCHEMA_VERSION) return null;
  if (!p.layers || !p.details || !p.village || !Array.isArray(p.origin) || !Array.isArray(p.bbox) || !Array.isArray(p.tables) || typeof p.classColours !== 'object') return null;
  for (const id of AREA_LAYERS) if (!Array.isArray(p.layers[id])) return null;
  return p as NoticePayload2026;
}

export function decodeNotice2026(payload: NoticePayload2026): Notice2026Model {
  const decode = (g: CompactPolygons) => {
    const geometry = decodeArea(g, payload.origin);
    return { geometry, bbox: geometryBBox(geometry) };
  };
  const items = <P>(entries: readonly CompactArea<P>[]): Area2026<P>[] => entries.map((entry) => ({ id: entry.id, ...decode(entry.g), areaM2: entry.a, props: entry.p }));
  const { layers } = payload;
  return {
    profile: NOTICE_2026_PROFILE,
    payload,
    village: items(layers.village),
    parcels: items(layers.parcels),
    control: items(layers.control),
    constructionBoundary: layers.constructionBoundary ? { id: 'construction-boundary', ...decode(layers.constructionBoundary), areaM2: 0, props: {} } : null,
    pbf: items(layers.pbf),
    redLine: items(layers.redLine),
    places: [],
  };
}
