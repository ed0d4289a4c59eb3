/**
 * The attribute structure of each layer of the provincial delivery package (domain.md §4): names, dBASE
 * types and widths as the provincial quality check (zj-qc `Config.xml`) defines them, and the Chinese alias
 * that goes into the schema. Our own layers (GNFQ, ZZFQ, JBNTZBQ, SSNYD, XJGZQ, GSYJ) follow the same conventions.
 * Deviations, and why: TKXS is N(6,4), not 5, because a 4-decimal coefficient ("0.0347") needs 6
 * characters; XZNTLX is C(2), not 1, because our 新增农田类型 codes are `01`–`04`. Text longer than its
 * field (a parcel number over 8 characters) is cut, and the writer's note names the features.
 */
import type { ExportField } from '../formats/types.ts';

const text = (name: string, length: number, alias: string): ExportField => ({ name, type: 'C', length, decimals: 0, alias });
const int = (name: string, length: number, alias: string): ExportField => ({ name, type: 'N', length, decimals: 0, alias });
const real = (name: string, length: number, decimals: number, alias: string): ExportField => ({ name, type: 'N', length, decimals, alias });
const date = (name: string, alias: string): ExportField => ({ name, type: 'D', length: 8, decimals: 0, alias });

const BSM = int('BSM', 10, '标识码');
const YSDM = text('YSDM', 10, '要素代码');
const XZQDM = text('XZQDM', 12, '行政区代码');
const XZQMC = text('XZQMC', 30, '行政区名称');
const HQRQ = date('HQRQ', '规划期限');
const SM = text('SM', 200, '说明');

export const DELIVERY_LAYER_NAMES = ['XZQ', 'JQDLTB', 'GHYT', 'TDGHDL', 'JSYDGZQ', 'JBNTBHTB', 'STBHHX', 'XJGZQ', 'GNFQ', 'ZZFQ', 'JBNTZBQ', 'SSNYD', 'GSYJ'] as const;
export type DeliveryLayerName = (typeof DELIVERY_LAYER_NAMES)[number];

export const DELIVERY_FIELDS: Readonly<Record<DeliveryLayerName, readonly ExportField[]>> = {
  XZQ: [XZQDM, XZQMC],
  JQDLTB: [
    BSM,
    YSDM,
    text('TBBH', 8, '图斑编号'),
    XZQDM,
    XZQMC,
    text('DLDM', 4, '地类代码'),
    text('DLMC', 30, '地类名称'),
    real('TBMJ', 16, 2, '图斑面积'),
    real('TBDLMJ', 16, 2, '图斑地类面积'),
    text('DLBZ', 2, '地类备注'),
    text('SQBM', 19, '权属单位代码'),
    text('SQMC', 30, '权属单位名称'),
    text('QSXZ', 2, '权属性质'),
    text('PDJB', 1, '坡度级别'),
    real('TKXS', 6, 4, '田坎系数'),
    real('KKSM', 15, 2, '应扣田坎面积'),
    text('PZWH', 50, '批准文号'),
    text('ZHLX', 30, '基数转换类型'),
    HQRQ,
  ],
  GHYT: [
    BSM,
    YSDM,
    XZQDM,
    XZQMC,
    text('YTDKBH', 12, '用途地块编号'),
    text('GHYTDM', 6, '规划用途代码'),
    text('GHYTBM', 25, '规划用途编码'),
    text('GHYTMC', 25, '规划用途名称'),
    real('MJ', 20, 2, '面积'),
    real('JMJ', 20, 2, '净面积'),
    text('BZ', 90, '备注'),
    text('JNLX', 1, '基本农田类型'),
    text('PZWH', 30, '批准文号'),
    HQRQ,
    text('XZNTLX', 2, '新增农田类型'),
    text('CJJX', 2, '拆旧建新情况'),
    text('JBNTZBQ', 2, '基本农田整备区'),
  ],
  TDGHDL: [
    BSM,
    YSDM,
    text('TBBH', 8, '图斑编号'),
    text('GHDLDM', 4, '规划地类代码'),
    text('GHDLMC', 30, '规划地类名称'),
    real('GHDLMJ', 16, 2, '规划地类面积'),
    SM,
    XZQDM,
    XZQMC,
    text('SQBM', 19, '权属单位代码'),
    text('SQMC', 30, '权属单位名称'),
    text('QSXZ', 2, '权属性质'),
    HQRQ,
  ],
  JSYDGZQ: [BSM, YSDM, text('GZQLXDM', 3, '管制区类型代码'), real('GZQMJ', 16, 2, '管制区面积'), SM, XZQDM],
  JBNTBHTB: [BSM, text('JBNTLX', 4, '基本农田类型'), real('TBMJ', 16, 2, '图斑面积')],
  // Reference layers the planner imported: the red line (domain.md §4 names STBHHX) and the township plan's
  // control zones (乡级规划管制区, our own name), which rule zones-match-township compares with JSYDGZQ.
  STBHHX: [BSM, text('MC', 60, '名称'), real('MJ', 16, 2, '面积')],
  XJGZQ: [BSM, text('GZQLXDM', 3, '管制区类型代码'), real('GZQMJ', 16, 2, '管制区面积')],
  GNFQ: [BSM, text('GNFQDM', 20, '功能分区代码'), text('GNFQMC', 30, '功能分区名称'), real('MJ', 16, 2, '面积'), SM, XZQDM],
  ZZFQ: [BSM, text('ZZFQDM', 20, '整治分区代码'), text('ZZFQMC', 30, '整治分区名称'), real('MJ', 16, 2, '面积'), SM, XZQDM],
  JBNTZBQ: [BSM, text('ZBQLX', 20, '整备区类型'), text('ZBQLXMC', 30, '整备区类型名称'), real('MJ', 16, 2, '面积'), SM, XZQDM],
  // 设施农用地: type, the farming project's area (the base of the auxiliary-share cap, rule facility-farmland-caps).
  SSNYD: [BSM, text('SSLX', 20, '设施类型'), text('SSLXMC', 30, '设施类型名称'), real('XMMJ', 16, 2, '项目面积'), real('MJ', 16, 2, '面积'), SM, XZQDM],
  // No phone numbers: a villager's contact stays in the editor, it is not delivered to the province.
  GSYJ: [BSM, text('YJNR', 254, '意见内容'), text('TJR', 30, '提交人'), text('TJSJ', 16, '提交时间'), text('CLZT', 20, '处理状态'), text('DFYJ', 254, '答复意见')],
};
