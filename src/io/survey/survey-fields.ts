/**
 * The fields of a land-survey parcel layer (地类图斑 DLTB) as the second (二调) and third (三调) national
 * surveys name them, looked up case-insensitively, with the alternatives each survey used.
 */
import { SANDIAO_INDEX } from '../../profiles/sandiao/classes.ts';
import type { JsonValue, Properties } from '../formats/properties.ts';

/**
 * Each survey field: its names in the survey databases (`names`, looked up case-insensitively) and the
 * Chinese names (`aliases`) those databases give it. An export "using field aliases" (ArcGIS, QGIS) writes
 * the aliases as the field names, cut to the DBF's 10 bytes: 5 characters in GBK, 3 and a broken byte in
 * UTF-8 (`地类编�`). One record, so a field's names and aliases cannot drift apart.
 */
const SURVEY_FIELDS = {
  code: { names: ['DLBM'], aliases: ['地类编码'] },
  name: { names: ['DLMC'], aliases: ['地类名称'] },
  parcelNo: { names: ['TBBH', 'TBYBH'], aliases: ['图斑编号', '图斑预编号'] },
  tenure: { names: ['QSXZ'], aliases: ['权属性质'] },
  ownerCode: { names: ['QSDWDM', 'ZLDWDM'], aliases: ['权属单位代码', '坐落单位代码'] },
  ownerName: { names: ['QSDWMC', 'ZLDWMC'], aliases: ['权属单位名称', '坐落单位名称'] },
  recordedArea: { names: ['TBMJ'], aliases: ['图斑面积'] },
  /** 扣除系数 (三调) / 田坎系数 (二调). */
  ridgeCoefficient: { names: ['KCXS', 'TKXS'], aliases: ['扣除地类系数', '扣除系数', '田坎系数'] },
  /** 扣除地类面积 (三调) / 田坎面积 (二调): the ridges in m², read where the coefficient is missing. */
  ridgeArea: { names: ['KCMJ', 'TKMJ'], aliases: ['扣除地类面积', '田坎面积'] },
  approvalNo: { names: ['PZWH'], aliases: ['批准文号'] },
  landNote: { names: ['DLBZ'], aliases: ['地类备注'] },
  slopeGrade: { names: ['PDJB', 'GDPDJB'], aliases: ['坡度级别', '耕地坡度级别'] },
  townVillage: { names: ['CZCSXM'], aliases: ['城镇村属性码'] },
  /** 坐落单位代码/名称: the 村 (its first 12 digits) or 村民小组 the parcel lies in, whoever owns it. */
  locationCode: { names: ['ZLDWDM'], aliases: ['坐落单位代码'] },
  locationName: { names: ['ZLDWMC'], aliases: ['坐落单位名称'] },
  /** 标识码: the record's id in the survey database, which tells apart two records with one TBBH. */
  featureNo: { names: ['BSM'], aliases: ['标识码'] },
} as const satisfies Record<string, { readonly names: readonly string[]; readonly aliases: readonly string[] }>;
export type SurveyField = keyof typeof SURVEY_FIELDS;

/** Aliases of DLTB fields read by no survey field: a cut name that could be one of these is not taken. */
const OTHER_ALIASES = ['扣除地类编码', '图斑地类面积', '要素代码', '耕地类型', '图斑细化代码', '图斑细化名称', '种植属性代码', '种植属性名称', '耕地等别', '飞入地标识', '数据年份', '描述说明', '线状地物宽度'];
// Once each: a field may serve two survey fields (ZLDWDM is the location, and the owner where QSDWDM is missing).
const ALL_ALIASES: readonly string[] = [...new Set([...Object.values(SURVEY_FIELDS).flatMap((f) => f.aliases), ...OTHER_ALIASES])];
/** Fewer characters than this say too little to stand for an alias (`地类` starts 地类编码 and 地类名称). */
const MIN_CUT_LENGTH = 3;

/** The alias a field name stands for: the alias itself, or the one alias it is the cut start of. */
function aliasOf(fieldName: string): string | undefined {
  const name = fieldName.replace(/\uFFFD+$/, '').trim();
  if (ALL_ALIASES.includes(name)) return name;
  if (name.length < MIN_CUT_LENGTH) return undefined;
  const starting = ALL_ALIASES.filter((alias) => alias.startsWith(name));
  return starting.length === 1 ? starting[0] : undefined;
}

/** Which actual field of the layer serves each survey field (the planner may point one elsewhere). */
export function resolveFields(fieldNames: readonly string[], overrides: Partial<Record<SurveyField, string>> = {}): Partial<Record<SurveyField, string>> {
  const byUpper = new Map(fieldNames.map((name) => [name.toUpperCase(), name]));
  const byAlias = new Map(fieldNames.flatMap((name) => [[aliasOf(name), name] as const]).filter((entry): entry is readonly [string, string] => entry[0] !== undefined));
  const resolved: Partial<Record<SurveyField, string>> = {};
  for (const key of Object.keys(SURVEY_FIELDS) as SurveyField[]) {
    const override = overrides[key];
    const { names, aliases } = SURVEY_FIELDS[key];
    const found = override ? byUpper.get(override.toUpperCase()) : [...names.map((w) => byUpper.get(w)), ...aliases.map((a) => byAlias.get(a))].find((n) => n !== undefined);
    if (found) resolved[key] = found;
  }
  return resolved;
}

export function textOf(properties: Properties, field: string | undefined): string | null {
  if (!field) return null;
  const value: JsonValue | undefined = properties[field];
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** A ridge coefficient as a fraction: surveys write KCXS/TKXS as 0.08 or as the percentage 8. */
export function ridgeFraction(value: number | null): number | null {
  return value === null ? null : value > 1 ? value / 100 : value;
}

/**
 * A layer's ridge coefficients as fractions. Each is read as `ridgeFraction` reads it, but a 1 in a layer
 * that writes percentages elsewhere (a value above 1) is 1 %: as a fraction it would be a parcel all ridge,
 * which no survey records.
 */
export function ridgeFractions(coefficients: readonly (number | null)[]): (number | null)[] {
  const inPercent = coefficients.some((value) => value !== null && value > 1);
  return coefficients.map((value) => (inPercent && value === 1 ? value / 100 : ridgeFraction(value)));
}

/** A number with thousands separators (`2,000.00`), as a text field of a spreadsheet-made export writes TBMJ. */
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

export function numberOf(properties: Properties, field: string | undefined): number | null {
  const text = textOf(properties, field);
  if (text === null) return null;
  const value = Number(GROUPED_NUMBER.test(text) ? text.replaceAll(',', '') : text);
  return Number.isFinite(value) ? value : null;
}

/**
 * A 三调 DLBM as the survey writes it. A numeric field (an export through a spreadsheet) has lost the
 * leading zero, which every 三调 code below 1000 has: 101 is 0101 水田 and 9 is 09 特殊用地. Only for 三调
 * layers: a 二调 code (3 digits, 203 村庄) in a numeric field would be read as another class.
 */
export function sandiaoCodeOf(properties: Properties, field: string | undefined): { readonly code: string; readonly zeroRestored: boolean } {
  const value = field === undefined ? undefined : properties[field];
  const code = textOf(properties, field) ?? '';
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value >= 1000) return { code, zeroRestored: false };
  const padded = code.padStart(value < 100 ? 2 : 4, '0');
  return { code: padded, zeroRestored: padded !== code };
}

/** 二调 codes as numbers (011–127, 201–205): a number outside them can only be a 三调 code that lost its zero. */
const ERDIAO_NUMBERS = { min: 11, max: 205 };

/**
 * Whether a layer's numeric DLBM field holds 三调 codes that lost their leading zero, for a reader that takes
 * 二调 layers too (the survey import). Read as written, 三调 101 水田 would be the 二调 101 铁路用地 and 201 果园
 * the 二调 201 城市. The numbers settle it when one has no 二调 reading (9 for 09, 301 for 0301, 1006); else
 * the names do (DLMC 水田 on 101 is 三调 0101), most of the parcels agreeing.
 */
export function numericCodesAreSandiao(records: readonly { readonly value: JsonValue | undefined; readonly name: string | null }[]): boolean {
  const numeric = records.filter((r): r is { value: number; name: string | null } => typeof r.value === 'number' && Number.isInteger(r.value) && r.value > 0);
  if (numeric.some((r) => r.value < ERDIAO_NUMBERS.min || r.value > ERDIAO_NUMBERS.max)) return true;
  // A field of mixed cells (a spreadsheet kept 0201K and 1104A as text, made 0101 a number): 二调 codes are three digits.
  if (numeric.length && records.some((r) => typeof r.value === 'string' && /^\s*(\d{4}|\d{2}[A-Z])/i.test(r.value))) return true;
  const named = numeric.filter((r) => r.name !== null);
  const sandiaoNamed = named.filter((r) => SANDIAO_INDEX.get(String(r.value).padStart(4, '0'))?.zh === r.name);
  return named.length > 0 && sandiaoNamed.length * 2 > named.length;
}
