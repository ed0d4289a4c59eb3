/**
 * What a published notice carries: the plan reduced to what villagers see (the layers of the map, the few
 * attributes a sentence needs, each parcel's area worked out at publish time) plus the notice details and
 * the summary tables. Geometry is compact (geometry-codec.ts); the viewer never runs the rule engine or the
 * ellipsoidal area code, so its bundle stays small and its start fast.
 */
import type { FacilityType, PbfType, ReserveKind } from '../../profiles/zhejiang-2017/codes.ts';
import type { LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { Table, TableId } from '../../rules/tables/table.ts';
import type { NoticeDetails } from '../publish/notice-details.ts';

export const NOTICE_FORMAT = 'village-plan-notice';
export const NOTICE_SCHEMA_VERSION = 1;

/** Polygons → rings → [x0, y0, dx1, dy1, …] in 1e-7° steps from the payload's origin (geometry-codec.ts). */
export type CompactPolygons = readonly (readonly (readonly number[])[])[];

export interface CompactArea<P> {
  readonly id: string;
  readonly g: CompactPolygons;
  /** Ellipsoidal area in m² (to 0.01), computed when the notice was published. */
  readonly a: number;
  readonly p: P;
}

export type BaseEntry = CompactArea<{ readonly c: LandClassCode; readonly n: string }>;
/** `h`: households; null when the planner has not entered it (the sentence then names no count). */
export type DemolitionEntry = CompactArea<{ readonly to: LandClassCode; readonly n: string; readonly h: number | null }>;
export type NewBuildEntry = CompactArea<{ readonly to: LandClassCode; readonly n: string; readonly h: number | null }>;
export type UseChangeEntry = CompactArea<{ readonly to: LandClassCode; readonly n: string }>;
export type PbfEntry = CompactArea<{ readonly t: PbfType }>;
export type ReserveEntry = CompactArea<{ readonly k: ReserveKind }>;
export type FacilityEntry = CompactArea<{ readonly t: FacilityType }>;
export type BoundaryEntry = CompactArea<Record<string, never>>;

export interface PlaceEntry {
  readonly id: string;
  readonly name: string;
  readonly kind: 'group' | 'place';
  /** [x, y] in 1e-7° steps from the origin. */
  readonly at: readonly [number, number];
}

export interface NoticeLayers {
  readonly boundary: readonly BoundaryEntry[];
  readonly base: readonly BaseEntry[];
  readonly pbf: readonly PbfEntry[];
  readonly demolition: readonly DemolitionEntry[];
  readonly newBuild: readonly NewBuildEntry[];
  readonly useChange: readonly UseChangeEntry[];
  readonly reserve: readonly ReserveEntry[];
  readonly facility: readonly FacilityEntry[];
  readonly places: readonly PlaceEntry[];
}

/** Tables shown to villagers (the indicators, the structure, construction and cultivated land, and the lists). */
export const NOTICE_TABLE_IDS = ['F1', 'F2', 'F3', 'F4', 'demolitionList', 'newBuildList'] as const satisfies readonly TableId[];
export type NoticeTableId = (typeof NOTICE_TABLE_IDS)[number];

export interface NoticeVillage {
  readonly name: string;
  readonly code: string;
  readonly township: string;
  readonly county: string;
  readonly baseYear: number;
  readonly targetYear: number;
}

export interface NoticePayload {
  readonly format: typeof NOTICE_FORMAT;
  readonly schemaVersion: typeof NOTICE_SCHEMA_VERSION;
  /** The plan type; absent in the files published before 2026 plans could be (a 2026 notice: payload-2026.ts). */
  readonly profile?: 'zhejiang-2017';
  /** Names this notice (plan, version and details): feedback files carry it back. */
  readonly noticeId: string;
  readonly planId: string;
  readonly versionName: string;
  /** ISO 8601 time the file was made. */
  readonly publishedAt: string;
  readonly village: NoticeVillage;
  readonly details: NoticeDetails;
  /** [lon, lat] the compact coordinates count from. */
  readonly origin: readonly [number, number];
  /** [west, south, east, north] of the village. */
  readonly bbox: readonly [number, number, number, number];
  readonly layers: NoticeLayers;
  /**
   * The base classes the 规划后 view still shows: a class every parcel of which lies under changes is
   * hidden there, so its legend leaves it out. Worked out at publishing (the viewer carries no overlay
   * code); absent in files published before, whose legend lists every base class.
   */
  readonly shownInPlan?: readonly LandClassCode[];
  readonly tables: Readonly<Record<NoticeTableId, Table>>;
}
