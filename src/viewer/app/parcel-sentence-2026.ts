/**
 * A tap on a 2026 notice in one plain sentence: what the plan makes of the land there, in the words a
 * villager uses (村庄建设用地, 耕地, 区域基础设施用地 …, chosen by the parcel's first-level class and its
 * Zhejiang table group), then the class as the plan writes it, its area, and whether the spot lies in the
 * 永久基本农田, the 生态保护红线 and the 村庄建设边界 (集中建设区 or 弹性发展区), which say what may be built.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { ZjTableGroup } from '../../profiles/ydyh/groupings-2023.ts';
import { CONCENTRATED_CONSTRUCTION_TYPE, VILLAGE_CONSTRUCTION_BOUNDARY_TYPES } from '../../profiles/zhejiang-2026/code-lists.ts';
import type { Notice2026Model } from './notice-model-2026.ts';
import { hit, size, type Description } from './parcel-sentence.ts';

/** First-level classes that are not construction land in the Zhejiang table (domain-2026.md §1.1): named by the class itself. */
const NAMED_BY_CLASS: readonly string[] = ['01', '02', '03', '04', '05', '06', '17', '23'];

/** The plain words for a parcel's land: by its first-level class off construction land, by its table group on it. */
export function plainKey(firstLevel: string | null, group: ZjTableGroup | null): string {
  if (firstLevel !== null && NAMED_BY_CLASS.includes(firstLevel)) return `notice2026.plain.${firstLevel}`;
  if (group !== null && group !== 'nonConstruction') return `notice2026.plain.${group}`;
  return firstLevel === null ? 'notice2026.plain.unknown' : 'notice2026.plain.construction';
}

export interface Answer2026 {
  readonly description: Description;
  /** The parcel's outline, highlighted on the map. */
  readonly geometry: Polygon | MultiPolygon | null;
}

function boundaryKey(model: Notice2026Model, at: Position): string {
  if (!model.constructionBoundary) return '';
  const zone = hit(model.control.filter((c) => (VILLAGE_CONSTRUCTION_BOUNDARY_TYPES as readonly string[]).includes(c.props.t)), at);
  if (zone) return zone.props.t === CONCENTRATED_CONSTRUCTION_TYPE ? 'notice2026.tap.inConcentrated' : 'notice2026.tap.inFlexible';
  return hit([model.constructionBoundary], at) ? 'notice2026.tap.inConstructionBoundary' : 'notice2026.tap.outsideConstructionBoundary';
}

export function describeAt2026(model: Notice2026Model, at: Position): Answer2026 {
  const nothing = (key: string): Answer2026 => ({ description: { message: { key }, featureId: null, layer: null }, geometry: null });
  if (model.village.length > 0 && !hit(model.village, at)) return nothing('notice.tap.outside');
  const parcel = hit(model.parcels, at);
  if (!parcel) return nothing('notice.tap.noParcel');
  const { c, n, f, z } = parcel.props;
  const params = {
    plainKey: plainKey(f, z),
    name: n || c || '—',
    code: c || '—',
    ...size(parcel.areaM2),
    pbfKey: hit(model.pbf, at) ? 'notice2026.tap.inPbf' : '',
    redLineKey: hit(model.redLine, at) ? 'notice2026.tap.inRedLine' : '',
    boundaryKey: boundaryKey(model, at),
  };
  return { description: { message: { key: 'notice2026.tap.parcel', params }, featureId: parcel.id, layer: null }, geometry: parcel.geometry };
}
