/**
 * The plan reduced to a notice payload: the layers villagers see, with the attributes the viewer's
 * sentences need and each parcel's ellipsoidal area, and the summary tables computed by the rule engine.
 */
import type { AreaGeometry } from '../../domain/features.ts';
import { layerFeatures, type Plan } from '../../domain/plan.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { geometryBBox } from '../../geo/bbox.ts';
import { shownBaseClasses } from '../../print/shown-classes.ts';
import type { LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { Tables } from '../../rules/tables/index.ts';
import { encodeArea, encodePoint } from '../payload/geometry-codec.ts';
import { NOTICE_FORMAT, NOTICE_SCHEMA_VERSION, NOTICE_TABLE_IDS, type CompactArea, type NoticePayload, type NoticeTableId } from '../payload/payload.ts';
import type { NoticeDetails } from './notice-details.ts';

export interface PayloadInput {
  readonly plan: Plan;
  readonly versionName: string;
  readonly details: NoticeDetails;
  readonly tables: Tables;
  readonly noticeId: string;
  readonly publishedAt: string;
}

const m2 = (geometry: AreaGeometry) => Math.round(ellipsoidalArea(geometry) * 100) / 100;

/** The origin is the box's south-west corner, rounded, so every step count is small and positive. */
export function originOf(bbox: readonly [number, number, number, number]): [number, number] {
  return [Math.floor(bbox[0] * 1000) / 1000, Math.floor(bbox[1] * 1000) / 1000];
}

/** An area entry of the payload: compact geometry from `origin` and the ellipsoidal area. */
export function compactArea(origin: readonly [number, number]) {
  return <P>(geometry: AreaGeometry, id: string, p: P): CompactArea<P> => ({ id, g: encodeArea(geometry, origin), a: m2(geometry), p });
}

export function buildPayload({ plan, versionName, details, tables, noticeId, publishedAt }: PayloadInput): NoticePayload {
  const bbox = villageBBox(plan);
  const origin = originOf(bbox);
  const area = compactArea(origin);
  const meta = plan.meta;
  return {
    format: NOTICE_FORMAT,
    schemaVersion: NOTICE_SCHEMA_VERSION,
    profile: 'zhejiang-2017',
    noticeId,
    planId: plan.id,
    versionName,
    publishedAt,
    village: { name: meta.villageName, code: meta.villageCode, township: meta.township, county: meta.county, baseYear: meta.baseYear, targetYear: meta.targetYear },
    details,
    origin,
    bbox,
    layers: {
      boundary: layerFeatures(plan, 'boundary').map((f) => area(f.geometry, f.id, {})),
      base: layerFeatures(plan, 'base').map((f) => area(f.geometry, f.id, { c: f.properties.classCode, n: f.properties.parcelNo })),
      pbf: layerFeatures(plan, 'pbf').map((f) => area(f.geometry, f.id, { t: f.properties.pbfType })),
      demolition: layerFeatures(plan, 'demolition').map((f) => area(f.geometry, f.id, { to: f.properties.restorationUse, n: f.properties.parcelNo, h: f.properties.households })),
      newBuild: layerFeatures(plan, 'newBuild').map((f) => area(f.geometry, f.id, { to: f.properties.useCode, n: f.properties.parcelNo, h: f.properties.households })),
      useChange: layerFeatures(plan, 'useChange').map((f) => area(f.geometry, f.id, { to: f.properties.targetCode, n: f.properties.parcelNo })),
      reserve: layerFeatures(plan, 'reserve').map((f) => area(f.geometry, f.id, { k: f.properties.kind })),
      facility: layerFeatures(plan, 'facility').map((f) => area(f.geometry, f.id, { t: f.properties.facilityType })),
      places: layerFeatures(plan, 'places').map((f) => ({ id: f.id, name: f.properties.name, kind: f.properties.kind, at: encodePoint(f.geometry.coordinates, origin) })),
    },
    shownInPlan: shownInPlan(plan),
    tables: Object.fromEntries(NOTICE_TABLE_IDS.map((id) => [id, tables[id]])) as Record<NoticeTableId, Tables[NoticeTableId]>,
  };
}

/** The base classes left in sight in the 规划后 view, whose change fills (facility farmland too) are opaque. */
function shownInPlan(plan: Plan): LandClassCode[] {
  const changes = (['demolition', 'newBuild', 'useChange', 'facility'] as const).flatMap((layer) => layerFeatures(plan, layer).map((f) => f.geometry));
  return [...shownBaseClasses(layerFeatures(plan, 'base').map((f) => ({ geometry: f.geometry, code: f.properties.classCode })), changes)].sort();
}

function villageBBox(plan: Plan): [number, number, number, number] {
  const features = layerFeatures(plan, 'boundary').length ? layerFeatures(plan, 'boundary') : layerFeatures(plan, 'base');
  return boxAround(features.map((f) => f.geometry));
}

/** The box around some areas. */
export function boxAround(geometries: readonly AreaGeometry[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const geometry of geometries) {
    const b = geometryBBox(geometry);
    box[0] = Math.min(box[0], b[0]);
    box[1] = Math.min(box[1], b[1]);
    box[2] = Math.max(box[2], b[2]);
    box[3] = Math.max(box[3], b[3]);
  }
  return box;
}
