/**
 * The fields of a land-survey parcel layer (地类图斑 DLTB) as the second (二调) and third (三调) national
 * surveys name them, looked up case-insensitively, with the alternatives each survey used.
 */
import type { JsonValue, Properties } from '../formats/properties.ts';

const SURVEY_FIELDS = {
  code: ['DLBM'],
  name: ['DLMC'],
  parcelNo: ['TBBH', 'TBYBH'],
  tenure: ['QSXZ'],
  ownerCode: ['QSDWDM', 'ZLDWDM'],
  ownerName: ['QSDWMC', 'ZLDWMC'],
  recordedArea: ['TBMJ'],
  /** 扣除系数 (三调) / 田坎系数 (二调). */
  ridgeCoefficient: ['KCXS', 'TKXS'],
  approvalNo: ['PZWH'],
  landNote: ['DLBZ'],
  slopeGrade: ['PDJB', 'GDPDJB'],
  townVillage: ['CZCSXM'],
} as const;
export type SurveyField = keyof typeof SURVEY_FIELDS;

/** Which actual field of the layer serves each survey field (the planner may point one elsewhere). */
export function resolveFields(fieldNames: readonly string[], overrides: Partial<Record<SurveyField, string>> = {}): Partial<Record<SurveyField, string>> {
  const byUpper = new Map(fieldNames.map((name) => [name.toUpperCase(), name]));
  const resolved: Partial<Record<SurveyField, string>> = {};
  for (const key of Object.keys(SURVEY_FIELDS) as SurveyField[]) {
    const wanted = overrides[key] ? [overrides[key] as string] : SURVEY_FIELDS[key];
    const found = wanted.map((w) => byUpper.get(w.toUpperCase())).find((n) => n !== undefined);
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

export function numberOf(properties: Properties, field: string | undefined): number | null {
  const text = textOf(properties, field);
  if (text === null) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
