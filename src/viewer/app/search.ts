/**
 * Finding a villagers' group, a place or a parcel number: the places first, then parcels by number. A
 * parcel is found at a point inside it, so that answering there (a tap's sentence and highlight) is about it.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { BBox } from '../../geo/bbox.ts';
import { interiorPoint } from '../../geo/interior-point.ts';
import type { Notice2026Model } from './notice-model-2026.ts';
import type { NoticeModel } from './notice-model.ts';

export interface SearchHit {
  readonly label: string;
  readonly kind: 'group' | 'place' | 'parcel';
  readonly at: [number, number];
}

const MAX_HITS = 20;

function centre(bbox: readonly number[]): [number, number] {
  return [((bbox[0] as number) + (bbox[2] as number)) / 2, ((bbox[1] as number) + (bbox[3] as number)) / 2];
}

export function search(model: NoticeModel, query: string): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return model.places.map((p) => ({ label: p.name, kind: p.kind, at: p.lonLat }));
  const hits: SearchHit[] = model.places.filter((p) => p.name.toLowerCase().includes(q)).map((p) => ({ label: p.name, kind: p.kind, at: p.lonLat }));
  for (const layer of ['demolition', 'newBuild', 'useChange', 'base'] as const) {
    for (const item of model.areas[layer]) {
      if (hits.length >= MAX_HITS) return hits;
      if (item.props.n.toLowerCase().includes(q)) hits.push(parcelHit(item.props.n, item));
    }
  }
  return hits.slice(0, MAX_HITS);
}

function parcelHit(label: string, item: { readonly geometry: Polygon | MultiPolygon; readonly bbox: BBox }): SearchHit {
  return { label, kind: 'parcel', at: (interiorPoint(item.geometry) as [number, number] | null) ?? centre(item.bbox) };
}

/** A 2026 notice has no place names: its parcels are found by the class name or code the plan writes. */
export function searchParcels2026(model: Notice2026Model, query: string): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const item of model.parcels) {
    if (hits.length >= MAX_HITS) break;
    const { n, c } = item.props;
    if (n.toLowerCase().includes(q) || c.startsWith(q)) hits.push(parcelHit(`${n}（${c}）`, item));
  }
  return hits;
}

