/**
 * Feature properties per layer. Codes are typed so an unknown code cannot be represented; optional values
 * are `null` (never `undefined`) so a feature survives JSON, IndexedDB and structured clone unchanged.
 */
import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { ControlZoneCode, FacilityType, IndustryPurpose, PbfType, QuotaSource, ReserveKind } from '../profiles/zhejiang-2017/codes.ts';
import type { FeatureId } from './ids.ts';
import type { LandClassCode } from '../profiles/zhejiang-2017/land-classes.ts';
import type { RestorationUse } from '../profiles/zhejiang-2017/restoration-uses.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';

export type AreaGeometry = Polygon | MultiPolygon;

export interface BoundaryProps {
  /** 行政区代码 XZQDM, 12 digits. */
  readonly villageCode: string;
  readonly villageName: string;
}

export interface BaseParcelProps {
  /** 图斑编号 TBBH. */
  readonly parcelNo: string;
  readonly classCode: LandClassCode;
  /** The survey's own code (GB/T 21010 DLBM) the class was mapped from, kept for the record. */
  readonly surveyCode: string | null;
  /** 地类备注 DLBZ. */
  readonly landNote: string | null;
  /** 权属性质 QSXZ. */
  readonly tenure: string | null;
  /** 权属单位 SQBM / SQMC. */
  readonly ownerCode: string | null;
  readonly ownerName: string | null;
  /** 坡度级别 PDJB. */
  readonly slopeGrade: string | null;
  /** 田坎系数 TKXS, 0..1. */
  readonly ridgeCoefficient: number | null;
  /** 图斑面积 TBMJ as delivered by the survey (m²); the computed ellipsoidal area is never stored. */
  readonly recordedArea: number | null;
  /** 批准文号 PZWH. */
  readonly approvalNo: string | null;
}

export interface PbfProps {
  readonly pbfType: PbfType;
  readonly recordedArea: number | null;
}

export interface RedlineProps {
  readonly name: string;
}

export interface TownshipZoneProps {
  readonly zoneCode: ControlZoneCode;
}

export interface PlaceProps {
  readonly name: string;
  readonly kind: 'group' | 'place';
}

export interface DemolitionProps {
  readonly parcelNo: string;
  readonly linkage: 'C1' | 'C2';
  readonly restorationUse: RestorationUse;
  /** null: not entered (never read as zero households). */
  readonly households: number | null;
  readonly note: string;
}

export interface NewBuildProps {
  readonly parcelNo: string;
  readonly useCode: LandClassCode;
  readonly linkage: 'E1' | 'E2';
  readonly households: number | null;
  readonly quotaSource: QuotaSource;
  /** For new 经营性建设用地 (2124): what it is for (rule `no-new-industry`); null when not stated. */
  readonly industryPurpose: IndustryPurpose | null;
  readonly note: string;
}

export interface UseChangeProps {
  readonly parcelNo: string;
  readonly targetCode: LandClassCode;
  /** 新增农田类型 XZNTLX, when the change creates farmland. */
  readonly newFarmlandType: string | null;
  readonly note: string;
}

export interface ReserveProps {
  readonly kind: ReserveKind;
  readonly note: string;
}

export interface FacilityProps {
  readonly facilityType: FacilityType;
  /** Area of the farming project this facility serves (m²): the base of the auxiliary-share cap. */
  readonly projectArea: number | null;
  readonly note: string;
}

export interface ZoneProps {
  /** Code from the profile's dictionary (functional or consolidation zone types). */
  readonly zoneType: string;
  readonly note: string;
}

export interface ControlZoneProps {
  readonly zoneCode: ControlZoneCode;
  readonly note: string;
}

export interface FeedbackProps {
  readonly comment: string;
  readonly author: string | null;
  readonly phone: string | null;
  readonly createdAt: string;
  readonly targetFeatureId: FeatureId | null;
  readonly status: 'open' | 'accepted' | 'partlyAccepted' | 'rejected';
  readonly answer: string;
}

export interface LayerProperties {
  boundary: BoundaryProps;
  base: BaseParcelProps;
  pbf: PbfProps;
  redline: RedlineProps;
  townshipZones: TownshipZoneProps;
  places: PlaceProps;
  demolition: DemolitionProps;
  newBuild: NewBuildProps;
  useChange: UseChangeProps;
  reserve: ReserveProps;
  facility: FacilityProps;
  functionalZone: ZoneProps;
  consolidationZone: ZoneProps;
  controlZone: ControlZoneProps;
  feedback: FeedbackProps;
}

type GeometryFor<L extends LayerId> = L extends 'places' | 'feedback' ? Point : AreaGeometry;

/** One feature of the plan, discriminated by `layer`. */
export type FeatureOf<L extends LayerId> = {
  readonly id: FeatureId;
  readonly layer: L;
  readonly geometry: GeometryFor<L>;
  readonly properties: LayerProperties[L];
};

export type PlanFeature = { [L in LayerId]: FeatureOf<L> }[LayerId];
export type AreaFeature = Exclude<PlanFeature, FeatureOf<'places'> | FeatureOf<'feedback'>>;

export function isAreaFeature(feature: PlanFeature): feature is AreaFeature {
  return feature.geometry.type !== 'Point';
}
