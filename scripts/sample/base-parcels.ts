/**
 * Base parcels (基期地类图斑) with the attributes a Zhejiang survey delivers: parcel number in reading
 * order (north to south in 200 m bands, west to east), class and survey code, tenure and owner, slope
 * grade 1 (plain), ridge coefficient on cultivated land, DLBZ notes, and the ellipsoidal area as TBMJ.
 */
import type { FeatureOf } from '../../src/domain/features.ts';
import { asFeatureId } from '../../src/domain/ids.ts';
import { isCultivatedLand } from '../../src/profiles/zhejiang-2017/land-classes.ts';
import { roundTo } from '../../src/domain/units.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import type { GeometryBuilder } from './geometry.ts';
import type { Ownership } from './groups.ts';
import type { VillageLayout } from './layout.ts';
import { groupOwnerName, ownerCode, type VillageNames } from './names.ts';
import type { Rng } from './prng.ts';
import type { Region, RegionKind } from './regions.ts';

export interface BaseParcel {
  readonly parcel: number;
  readonly feature: FeatureOf<'base'>;
  /** Unrounded ellipsoidal area, m². */
  readonly area: number;
}

type Owner = 'state' | 'village' | 'group';
const OWNER: Readonly<Record<RegionKind, Owner>> = {
  river: 'state',
  countyRoad: 'state',
  farmRoad: 'village',
  ditch: 'village',
  bridge: 'village',
  bank: 'village',
  villageRoad: 'village',
  committee: 'village',
  culturalHall: 'village',
  school: 'village',
  green: 'village',
  sewage: 'village',
  waterWorks: 'village',
  workshop: 'village',
  wasteland: 'village',
  villagePond: 'village',
  strip: 'group',
  orchard: 'group',
  greenhouse: 'group',
  facilityPlot: 'group',
  grove: 'group',
  pond: 'group',
  scatteredLot: 'group',
  lot: 'group',
  shop: 'group',
  fringe: 'group',
};

/** Reading order bands, metres. */
const NUMBERING_BAND_M = 200;

export function buildBaseParcels(
  rng: Rng,
  layout: VillageLayout,
  builder: GeometryBuilder,
  ownership: Ownership,
  names: VillageNames,
): BaseParcel[] {
  const { regions } = layout.parcels;
  const { centres } = ownership;
  const top = layout.grid.rows.length;
  const order = regions
    .map((_, p) => p)
    .sort((a, b) => {
      const bandA = Math.floor((top - centres[2 * a + 1]!) / NUMBERING_BAND_M);
      const bandB = Math.floor((top - centres[2 * b + 1]!) / NUMBERING_BAND_M);
      return bandA - bandB || centres[2 * a]! - centres[2 * b]! || a - b;
    });
  const ridgeBase = new Map<number, number>();
  return order.map((parcel, k) => {
    const region = regions[parcel]!;
    const geometry = builder.parcelPolygon(parcel);
    const area = ellipsoidalArea(geometry);
    const feature: FeatureOf<'base'> = {
      id: asFeatureId(rng.uuid()),
      layer: 'base',
      geometry,
      properties: {
        parcelNo: String(k + 1),
        classCode: region.classCode,
        surveyCode: region.surveyCode,
        landNote: region.landNote,
        ...tenure(region, names, ownership.groupOf[parcel]!),
        slopeGrade: '1',
        ridgeCoefficient: isCultivatedLand(region.classCode) ? ridge(rng, layout, builder, parcel, ridgeBase) : null,
        recordedArea: roundTo(area, 2),
        approvalNo: null,
      },
    };
    return { parcel, feature, area };
  });
}

function tenure(region: Region, names: VillageNames, group: number) {
  switch (OWNER[region.kind]) {
    case 'state':
      return region.kind === 'river'
        ? { tenure: '10', ownerCode: ownerCode(names, 'state'), ownerName: `${names.county}水利局` }
        : { tenure: '20', ownerCode: ownerCode(names, 'state'), ownerName: `${names.county}交通运输局` };
    case 'village':
      return { tenure: '30', ownerCode: ownerCode(names, 'village'), ownerName: names.village };
    case 'group':
      return { tenure: '31', ownerCode: ownerCode(names, { group }), ownerName: groupOwnerName(names, group) };
  }
}

/**
 * 田坎系数 0.02–0.06: similar across one field block (same terracing), a little noise per parcel.
 */
function ridge(rng: Rng, layout: VillageLayout, builder: GeometryBuilder, parcel: number, base: Map<number, number>): number {
  const { grid } = layout;
  const cell = builder.cellsOf(parcel)[0]!;
  const block = grid.rows.macroOf[Math.floor(cell / grid.ni)]! * grid.macros.cols + grid.columns.macroOf[cell % grid.ni]!;
  if (!base.has(block)) base.set(block, rng.float(0.025, 0.05));
  const value = base.get(block)! + rng.float(-0.006, 0.006);
  return roundTo(Math.min(0.06, Math.max(0.02, value)), 4);
}
