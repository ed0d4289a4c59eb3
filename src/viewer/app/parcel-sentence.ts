/**
 * What changes where a villager taps, in one plain sentence. The answer follows the plan's derivation
 * (domain.md §2: demolition, then new-build, then other change win in that order), then the overlays
 * (facility farmland, the farmland reserve), then the base parcel itself with its basic-farmland status.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { BBox } from '../../geo/bbox.ts';
import type { Message } from '../../domain/message.ts';
import { HOMESTEAD_CLASS, VILLAGE_PUBLIC_SPACE_CLASSES } from '../../profiles/zhejiang-2017/class-roles.ts';
import { isCultivatedLand, type LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import { m2ToMu, roundTo } from '../../domain/units.ts';
import { pointInAreaGeometry } from '../../geo/point-in-ring.ts';
import type { AreaItem, NoticeModel } from './notice-model.ts';

export interface Description {
  readonly message: Message;
  /** The feature the sentence is about (a villager's comment is attached to it). */
  readonly featureId: string | null;
  readonly layer: AreaItem['layer'] | null;
}

/** The first item whose area holds `at` (its edge included), its box tested first. */
export function hit<T extends { readonly bbox: BBox; readonly geometry: Polygon | MultiPolygon }>(items: readonly T[], at: Position): T | undefined {
  const [x, y] = at as [number, number];
  return items.find((item) => x >= item.bbox[0] && x <= item.bbox[2] && y >= item.bbox[1] && y <= item.bbox[3] && pointInAreaGeometry(at, item.geometry) !== 'outside');
}

/** An area as a sentence gives it: whole m² and 亩 to two decimals. */
export const size = (m2: number) => ({ m2: Math.round(m2), mu: roundTo(m2ToMu(m2), 2) });
const cls = (code: LandClassCode) => `landClass.${code}`;

export function describeAt(model: NoticeModel, at: Position): Description {
  const { areas } = model;
  if (areas.boundary.length > 0 && !hit(areas.boundary, at)) return { message: { key: 'notice.tap.outside' }, featureId: null, layer: null };
  const base = hit(areas.base, at);
  const from = base ? cls(base.props.c) : 'notice.tap.unknownLand';
  const pbf = hit(areas.pbf, at);

  const change = hit(areas.useChange, at) ?? hit(areas.newBuild, at) ?? hit(areas.demolition, at);
  if (change) {
    const common = { fromKey: from, toKey: cls(change.props.to), no: change.props.n, ...size(change.areaM2) };
    let key: string;
    if (change.layer === 'demolition') key = VILLAGE_PUBLIC_SPACE_CLASSES.has(change.props.to) ? 'notice.tap.demolitionToPublic' : 'notice.tap.demolition';
    else if (change.layer === 'newBuild') key = change.props.to !== HOMESTEAD_CLASS ? 'notice.tap.newBuild' : 'h' in change.props && change.props.h !== null ? 'notice.tap.newHomes' : 'notice.tap.newHomesUncounted';
    else key = isCultivatedLand(change.props.to) ? 'notice.tap.newFarmland' : 'notice.tap.useChange';
    const households = 'h' in change.props ? change.props.h : null;
    return { message: { key, params: { ...common, ...(households === null ? {} : { households }) } }, featureId: change.id, layer: change.layer };
  }
  const facility = hit(areas.facility, at);
  if (facility) {
    return { message: { key: 'notice.tap.facility', params: { fromKey: from, typeKey: `code.facilityType.${facility.props.t}`, ...size(facility.areaM2) } }, featureId: facility.id, layer: 'facility' };
  }
  const reserve = hit(areas.reserve, at);
  if (reserve) return { message: { key: 'notice.tap.reserve', params: { fromKey: from, ...size(reserve.areaM2) } }, featureId: reserve.id, layer: 'reserve' };
  if (!base) return { message: { key: 'notice.tap.noParcel' }, featureId: null, layer: null };
  const params = { fromKey: from, no: base.props.n, ...size(base.areaM2) };
  if (pbf) return { message: { key: 'notice.tap.pbf', params }, featureId: base.id, layer: 'base' };
  return { message: { key: 'notice.tap.unchanged', params }, featureId: base.id, layer: 'base' };
}
