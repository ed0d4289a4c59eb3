/**
 * The village planning database (村庄规划数据库.gdb) of domain-2026.md §3 as data: an export format option
 * for the `zhejiang-2026` profile. Its source is Fujian's empty database [cct:gdb] as CCTool fills it
 * [cct:vg]; no Zhejiang or national schema was found, so every layer's name and YSDM is unconfirmed (§6)
 * and the UI labels them 默认值.
 *
 * Field names, aliases, types and lengths are as the gdb declares them, in its order; OBJECTID and the
 * SHAPE fields are the geodatabase's own and not listed. Planning tables (GHZBB, KJGNJGTZB) live in a
 * separate 规划表格.gdb whose templates are not in the source (§3 ⚠), so they are not here.
 */

/** 境界与政区 (expansion ⚠), 基期现状, 目标年规划 [cct:gdb]. */
export type FeatureDataset = 'JJYZQ' | 'JQXZ' | 'MBNGH';

export type DatabaseGeometry = 'MultiPolygon' | 'MultiLineString' | 'Point';

interface FieldBase {
  readonly name: string;
  /** The alias the gdb gives it, even where it is wrong (LSWHLXDM). */
  readonly alias: string;
  /** A value CCTool writes into every feature [cct:vg]. */
  readonly constant?: string;
  /** Values written as an empty string on export: the field carries them only while the plan is drawn. */
  readonly blankedOnExport?: readonly string[];
  /** How CCTool fills the field, where that is not the planner's entry [cct:vg]. */
  readonly note?: string;
  /** The feature's own area in m² to 0.01 (CCTool computes it from the shape [cct:vg]): written from the shape, whatever the field held. */
  readonly shapeArea?: true;
  /** What about the field no source confirms (⚠): the meaning of its constant. */
  readonly unconfirmed?: readonly 'constant'[];
}

/** ArcGIS field types as the gdb declares them; only text fields have a length. */
export type DatabaseField =
  | (FieldBase & { readonly type: 'String'; readonly length: number })
  | (FieldBase & { readonly type: 'Double' | 'Int16' | 'Single' });

export type DatabaseLayerName = 'CJDCQ' | 'CJDCQJX' | 'JQDLTB' | 'GGJCSSD' | 'GHDLTB' | 'GHGGJCSSD' | 'GKBJ' | 'LSWHBHQ';

export interface DatabaseLayer {
  readonly name: DatabaseLayerName;
  readonly zh: string;
  readonly en: string;
  readonly dataset: FeatureDataset;
  readonly geometry: DatabaseGeometry;
  /** 要素代码 written into every feature's YSDM [cct:vg]. */
  readonly ysdm: string;
  readonly fields: readonly DatabaseField[];
  readonly notes?: readonly string[];
  /** Fujian's, not confirmed as Zhejiang's (§6 ⚠). */
  readonly unconfirmed: readonly ('name' | 'ysdm')[];
}

const text = (name: string, alias: string, length: number, extra: Omit<FieldBase, 'name' | 'alias'> = {}): DatabaseField => ({ name, alias, type: 'String', length, ...extra });
const double = (name: string, alias: string, extra: Omit<FieldBase, 'name' | 'alias'> = {}): DatabaseField => ({ name, alias, type: 'Double', ...extra });

const BSM = text('BSM', '标识码', 20, { note: 'XZQDM (12) + OBJECTID padded to 8 digits: see bsm()' });
const YSDM = text('YSDM', '要素代码', 10, { note: "the layer's ysdm" });
const BZ = text('BZ', '备注', 255);
const FACILITY_CODE_NOTE = 'code of the facility name in the 公服 list (SSLXDM/GHSSLXDM, code-lists.ts)';

const FUJIAN: DatabaseLayer['unconfirmed'] = ['name', 'ysdm'];

/** [cct:gdb] fields and aliases; [cct:vg] YSDM values, constants and fill rules. */
export const DATABASE_LAYERS: readonly DatabaseLayer[] = [
  {
    name: 'CJDCQ',
    zh: '村级调查区',
    en: 'Village survey area',
    dataset: 'JJYZQ',
    geometry: 'MultiPolygon',
    ysdm: '1000600400',
    fields: [
      BSM,
      YSDM,
      text('ZLDWDM', '坐落单位代码', 19),
      text('ZLDWMC', '坐落单位名称', 60),
      double('JSMJ', '计算面积', { shapeArea: true }),
      text('CZLX', '村庄类型', 20, { note: 'a village type of VILLAGE_TYPES (code-lists.ts)' }),
      text('MSSM', '描述说明', 255),
      BZ,
    ],
    unconfirmed: FUJIAN,
  },
  {
    name: 'CJDCQJX',
    zh: '村级调查区界线',
    en: 'Village survey area boundary line',
    dataset: 'JJYZQ',
    geometry: 'MultiLineString',
    ysdm: '1000600500',
    fields: [
      BSM,
      YSDM,
      text('JXLX', '界线类型', 6, { constant: '670500', unconfirmed: ['constant'] }),
      text('JXXZ', '界线性质', 6, { constant: '600001', unconfirmed: ['constant'] }),
      text('JXSM', '界线说明', 100),
      BZ,
    ],
    unconfirmed: FUJIAN,
  },
  {
    name: 'JQDLTB',
    zh: '基期地类图斑',
    en: 'Base-year land parcels',
    dataset: 'JQXZ',
    geometry: 'MultiPolygon',
    ysdm: '2003010100',
    fields: [
      BSM,
      YSDM,
      text('TBBH', '图斑编号', 8),
      text('JQDLBM', '基期地类编码', 6),
      text('JQDLMC', '基期地类名称', 60),
      text('QSXZ', '权属性质', 2),
      text('QSDWDM', '权属单位代码', 19),
      text('QSDWMC', '权属单位名称', 60),
      text('ZLDWDM', '坐落单位代码', 19),
      text('ZLDWMC', '坐落单位名称', 60),
      double('TBMJ', '图斑面积'),
      text('KCDLBM', '扣除地类编码', 5),
      { name: 'KCXS', alias: '扣除地类系数', type: 'Single' },
      double('KCMJ', '扣除地类面积'),
      double('TBDLMJ', '图斑地类面积'),
      text('GDLX', '耕地类型', 2),
      text('GDPDJB', '耕地坡度级别', 2),
      { name: 'SJNF', alias: '数据年份', type: 'Int16' },
      BZ,
    ],
    unconfirmed: FUJIAN,
  },
  {
    name: 'GGJCSSD',
    zh: '现状公服基础设施点',
    en: 'Existing public facilities and infrastructure',
    dataset: 'JQXZ',
    geometry: 'Point',
    ysdm: '2003010800',
    fields: [BSM, YSDM, text('SSLXMC', '公共服务设施和基础设施类型名称', 60), text('SSLXDM', '公共服务设施和基础设施类型代码', 4, { note: FACILITY_CODE_NOTE }), BZ],
    unconfirmed: FUJIAN,
  },
  {
    name: 'GHDLTB',
    zh: '规划地类图斑',
    en: 'Planned land parcels',
    dataset: 'MBNGH',
    geometry: 'MultiPolygon',
    ysdm: '2003020210',
    fields: [
      BSM,
      YSDM,
      text('TBBH', '图斑编号', 8, { note: 'OBJECTID' }),
      text('GHDLBM', '规划地类编码', 6),
      text('GHDLMC', '规划地类名称', 60),
      double('GHDLMJ', '规划地类面积', { note: 'planar SHAPE_Area rounded to 0.01 m²', shapeArea: true }),
      // CCTool blanks T only; Z stays, so the delivered data still shows which parcels are 城镇 [cct:vg `CreateGHDLTB`].
      text('SSBJLX', '所属边界类型', 5, { blankedOnExport: ['T'], note: 'Z = in the 城镇开发边界, T = 村庄弹性发展区; derives GKBJ (control-boundary.ts)' }),
      BZ,
    ],
    unconfirmed: FUJIAN,
  },
  {
    name: 'GHGGJCSSD',
    zh: '规划公服基础设施点',
    en: 'Planned public facilities and infrastructure',
    dataset: 'MBNGH',
    geometry: 'Point',
    ysdm: '2003020810',
    fields: [BSM, YSDM, text('GHSSLXDM', '公共服务设施和基础设施类型代码', 4, { note: FACILITY_CODE_NOTE }), text('GHSSLXMC', '公共服务设施和基础设施类型名称', 60), BZ],
    unconfirmed: FUJIAN,
  },
  {
    name: 'GKBJ',
    zh: '管控边界',
    en: 'Control boundaries',
    dataset: 'MBNGH',
    geometry: 'MultiPolygon',
    ysdm: '2003020710',
    fields: [
      BSM,
      YSDM,
      text('GKBJLXMC', '管控边界类型名称', 60),
      text('GKBJLXDM', '管控边界类型代码', 4, { note: 'GKBJ_TYPES (code-lists.ts)' }),
      double('MJ', '面积', { note: 'planar SHAPE_Area rounded to 0.01 m²', shapeArea: true }),
      BZ,
    ],
    notes: ['derived from GHDLTB, the red line and the PBF (control-boundary.ts), never drawn freehand'],
    unconfirmed: FUJIAN,
  },
  {
    name: 'LSWHBHQ',
    zh: '历史文化保护区',
    en: 'Historic and cultural protection areas',
    dataset: 'MBNGH',
    geometry: 'MultiPolygon',
    ysdm: '2003020910',
    fields: [
      BSM,
      YSDM,
      text('LSWHLX', '历史文化保护区类型', 60),
      // The gdb's alias is a copy-paste of GKBJLXDM's; kept, since a checker may compare aliases.
      text('LSWHLXDM', '管控边界类型代码', 2, { note: 'HERITAGE_AREA_TYPES (code-lists.ts); alias wrong in the source' }),
      text('JBDM', '级别代码', 2, { note: 'HERITAGE_LEVELS (code-lists.ts)' }),
      BZ,
    ],
    unconfirmed: FUJIAN,
  },
];

export type BsmError = 'xzqdmNot12Digits' | 'sequenceOutOf8Digits';
export type BsmResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: BsmError };

const SEQUENCE_DIGITS = 8;
const MAX_SEQUENCE = 10 ** SEQUENCE_DIGITS - 1;

/**
 * 标识码 [cct:vg, every `Create*`]: the village's 12-digit XZQDM (the first 12 characters of the base layer's
 * ZLDWDM) followed by the feature's sequence number left-padded with 0 to 8 digits: 20 characters. CCTool
 * pads with `new string('0', 8 - n)`, which throws beyond 8 digits; we refuse such a number as a value. A BSM
 * is unique within its layer, not across layers ⚠.
 */
export function bsm(xzqdm12: string, sequence: number): BsmResult {
  if (!/^\d{12}$/.test(xzqdm12)) return { ok: false, error: 'xzqdmNot12Digits' };
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > MAX_SEQUENCE) return { ok: false, error: 'sequenceOutOf8Digits' };
  return { ok: true, value: xzqdm12 + String(sequence).padStart(SEQUENCE_DIGITS, '0') };
}
