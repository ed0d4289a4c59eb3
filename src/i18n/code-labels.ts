/**
 * Labels of domain codes, made from the domain's own tables so a code and its name can never drift
 * apart. Keys: `landClass.<code>`, `code.<list>.<code>`, `layer.<id>`.
 */
import {
  CONTROL_ZONE_CODES,
  DEMOLITION_LINKAGE,
  FACILITY_TYPES,
  INDUSTRY_PURPOSES,
  LAND_NOTE_CODES,
  NEW_BUILD_LINKAGE,
  NEW_FARMLAND_TYPES,
  PBF_TYPES,
  QUOTA_SOURCES,
  RESERVE_KINDS,
  SLOPE_GRADES,
  TENURE_CODES,
} from '../profiles/zhejiang-2017/codes.ts';
import type { CodeEntry } from '../domain/code-entry.ts';
import { LAND_CLASSES } from '../profiles/zhejiang-2017/land-classes.ts';
import { ZHEJIANG_2017 } from '../profiles/zhejiang-2017/rule-profile.ts';

export type Language = 'zh-CN' | 'en';

const CODE_LISTS: Readonly<Record<string, readonly CodeEntry[]>> = {
  controlZone: CONTROL_ZONE_CODES,
  demolitionLinkage: DEMOLITION_LINKAGE,
  newBuildLinkage: NEW_BUILD_LINKAGE,
  facilityType: FACILITY_TYPES,
  industryPurpose: INDUSTRY_PURPOSES,
  landNote: LAND_NOTE_CODES,
  newFarmlandType: NEW_FARMLAND_TYPES,
  pbfType: PBF_TYPES,
  quotaSource: QUOTA_SOURCES,
  reserveKind: RESERVE_KINDS,
  slopeGrade: SLOPE_GRADES,
  tenure: TENURE_CODES,
  functionalZoneType: ZHEJIANG_2017.functionalZoneTypes,
  consolidationZoneType: ZHEJIANG_2017.consolidationZoneTypes,
};

export function codeLabels(language: Language): Record<string, string> {
  const pick = (e: { zh: string; en: string }) => (language === 'zh-CN' ? e.zh : e.en);
  const labels: Record<string, string> = {};
  for (const c of LAND_CLASSES) labels[`landClass.${c.code}`] = pick(c);
  for (const [list, entries] of Object.entries(CODE_LISTS)) {
    for (const e of entries) labels[`code.${list}.${e.code}`] = pick(e);
  }
  return labels;
}
