/**
 * What a published notice of a 2026 村庄规划 (profile zhejiang-2026, a `VillageDatabase`) carries: the
 * planned parcels with what the tap sentence needs (the code and name as the plan writes them, the
 * first-level class and the Zhejiang table group that choose the plain words), the 管控边界, the 村庄建设边界
 * dissolved from them, the 永久基本农田 and 生态保护红线, the class colours (so the viewer carries no
 * classification) and the three tables already written out in both languages. Same file format and header
 * as a 2017 notice (payload.ts); `profile` tells them apart, and each has its own schema version.
 */
import type { ZjTableGroup } from '../../profiles/ydyh/groupings-2023.ts';
import type { NoticeDetails } from '../publish/notice-details.ts';
import type { CompactArea, CompactPolygons, NOTICE_FORMAT, NoticePayload } from './payload.ts';

export const NOTICE_2026_PROFILE = 'zhejiang-2026';
export const NOTICE_2026_SCHEMA_VERSION = 1;

/** A text from the plan or its templates, in both languages the viewer switches between. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** `c` the GHDLBM and `n` the GHDLMC as written; `f` the 2023 first-level class and `z` the table group of the code as counted (null: unknown). */
export type ParcelEntry2026 = CompactArea<{ readonly c: string; readonly n: string; readonly f: string | null; readonly z: ZjTableGroup | null }>;
/** `t` the GKBJLXDM (from GKBJLXMC where the code is empty), `n` the GKBJLXMC as written. */
export type ControlEntry2026 = CompactArea<{ readonly t: string; readonly n: string }>;
export type OutlineEntry2026 = CompactArea<Record<string, never>>;

export interface NoticeLayers2026 {
  /** CJDCQ. */
  readonly village: readonly OutlineEntry2026[];
  /** GHDLTB. */
  readonly parcels: readonly ParcelEntry2026[];
  /** GKBJ. */
  readonly control: readonly ControlEntry2026[];
  /** 村庄建设边界: the 村庄集中建设区 and 村庄弹性发展区 (GKBJ 0301, 0302) dissolved; null without them. */
  readonly constructionBoundary: CompactPolygons | null;
  /** YJJBNT. */
  readonly pbf: readonly OutlineEntry2026[];
  /** STBHHX. */
  readonly redLine: readonly OutlineEntry2026[];
}

export interface NoticeTableRow2026 {
  readonly label: Bilingual;
  /** Indent: 0 for a total or subtotal, more for the rows under it. */
  readonly level: number;
  /** One per column; a number is shown to two decimals, null as an empty cell. */
  readonly cells: readonly (number | Bilingual | null)[];
}

/** One of the plan's three tables as villagers read it: no i18n keys, since the viewer carries none of the editor's table texts. */
export interface NoticeTable2026 {
  readonly id: 'structure' | 'indicators' | 'control';
  readonly title: Bilingual;
  readonly columns: readonly Bilingual[];
  readonly rows: readonly NoticeTableRow2026[];
  readonly footnotes: readonly Bilingual[];
}

export interface NoticeVillage2026 {
  readonly name: string;
  /** 规划期限 as the village workbook writes it, e.g. 2021—2035年. */
  readonly planPeriod: string | null;
}

export interface NoticePayload2026 {
  readonly format: typeof NOTICE_FORMAT;
  readonly schemaVersion: typeof NOTICE_2026_SCHEMA_VERSION;
  readonly profile: typeof NOTICE_2026_PROFILE;
  readonly noticeId: string;
  readonly planId: string;
  readonly versionName: string;
  readonly publishedAt: string;
  readonly village: NoticeVillage2026;
  readonly details: NoticeDetails;
  readonly origin: readonly [number, number];
  readonly bbox: readonly [number, number, number, number];
  readonly layers: NoticeLayers2026;
  /** Fill of each planned code present (`#rrggbb`), from the profile's classification when published. */
  readonly classColours: Readonly<Record<string, string>>;
  readonly tables: readonly NoticeTable2026[];
}

export type AnyNoticePayload = NoticePayload | NoticePayload2026;
