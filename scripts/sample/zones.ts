/**
 * Zones as unions of whole parcels, so their edges are parcel edges with the same vertices.
 * Control zones (建设用地管制区): 010 the hamlets and the industrial patch as built, 020 their fringe ring
 * (the expansion room), 040 the river and its banks, 030 the rest; pieces of 020 or 040 under one
 * hectare (the profile's minimum) fall back to 030. The township's zones are drawn the same way, so
 * the plan's zones match them exactly (rule zones-match-township). Functional zones (功能分区) follow.
 */
import type { ControlZoneCode } from '../../src/profiles/zhejiang-2017/codes.ts';
import { ZHEJIANG_2017 } from '../../src/profiles/zhejiang-2017/rule-profile.ts';
import type { GeometryBuilder } from './geometry.ts';
import type { VillageLayout } from './layout.ts';
import type { RegionZone } from './regions.ts';

export type PlanZoneCode = Extract<ControlZoneCode, '010' | '020' | '030' | '040'>;
export type FunctionalZoneType = 'agriculture' | 'village' | 'industry' | 'ecology';

export const CONTROL_ZONE_ORDER: readonly PlanZoneCode[] = ['010', '020', '030', '040'];
export const FUNCTIONAL_ZONE_ORDER: readonly FunctionalZoneType[] = ['village', 'industry', 'agriculture', 'ecology'];

const ZONE_CODE: Readonly<Record<RegionZone, PlanZoneCode>> = { core: '010', fringe: '020', river: '040', open: '030' };

export interface ZoneAssignment {
  readonly control: readonly PlanZoneCode[];
  readonly functional: readonly FunctionalZoneType[];
}

export function assignZones(layout: VillageLayout, builder: GeometryBuilder, areas: Float64Array): ZoneAssignment {
  const { regions } = layout.parcels;
  const control = regions.map((r) => ZONE_CODE[r.zone]);
  for (const code of ['020', '040'] as const) {
    const parcels = control.flatMap((c, p) => (c === code ? [p] : []));
    for (const piece of builder.components(parcels)) {
      const area = piece.reduce((sum, p) => sum + areas[p]!, 0);
      if (area < ZHEJIANG_2017.minParcelAreaM2.controlZone) for (const p of piece) control[p] = '030';
    }
  }
  const functional = control.map((code, p): FunctionalZoneType => {
    const settlement = layout.settlements[regions[p]!.settlement];
    if (settlement && (code === '010' || code === '020')) return settlement.kind === 'industry' ? 'industry' : 'village';
    return code === '040' ? 'ecology' : 'agriculture';
  });
  return { control, functional };
}

/** Connected pieces of each value, in the given order of values, as parcel lists. */
export function piecesByValue<V>(builder: GeometryBuilder, values: readonly V[], order: readonly V[]): { value: V; parcels: number[] }[] {
  return order.flatMap((value) => {
    const parcels = values.flatMap((v, p) => (v === value ? [p] : []));
    return builder.components(parcels).map((piece) => ({ value, parcels: piece }));
  });
}

export const CONTROL_ZONE_NOTES: Readonly<Record<PlanZoneCode, string>> = {
  '010': '现状村庄及经营性建设用地',
  '020': '村庄建设用地扩展边界内的有条件建设区',
  '030': '农业生产空间，限制建设',
  '040': '河道及两岸生态保护空间',
};

export const FUNCTIONAL_ZONE_NOTES: Readonly<Record<FunctionalZoneType, string>> = {
  village: '自然村居住及公共服务',
  industry: '沿县道农产品加工及作坊',
  agriculture: '水田、旱地及设施农业',
  ecology: '河道及护岸林带',
};
