/**
 * What the attribute panel shows for each layer, and what a new feature starts with. Codes are always
 * pick-lists built from the code tables (never free text), so an unknown code is impossible to enter.
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
} from './codes.ts';
import type { CodeEntry } from '../../domain/code-entry.ts';
import type { LayerProperties } from '../../domain/features.ts';
import { DEFAULT_CLASSES } from './editing-defaults.ts';
import { CONSTRUCTION_CLASS_CODES, LAND_CLASSES, landClass, type LandClassCode } from './land-classes.ts';
import { ORDINARY_PBF_TYPE } from './pbf-types.ts';
import { RESTORATION_USES } from './restoration-uses.ts';
import type { LayerId } from './layers.ts';
import type { RuleProfile } from './rule-profile.ts';

export type FieldSpec =
  | { readonly key: string; readonly kind: 'code'; readonly options: (profile: RuleProfile) => readonly CodeEntry[]; readonly nullable: boolean }
  | { readonly key: string; readonly kind: 'integer'; readonly min: number; readonly max: number; readonly nullable: boolean }
  | { readonly key: string; readonly kind: 'number'; readonly min: number; readonly max: number; readonly unit: 'm2' | 'ratio' | null; readonly nullable: boolean }
  | { readonly key: string; readonly kind: 'text'; readonly maxLength: number; readonly nullable: boolean };

const landClassEntries = (codes: readonly LandClassCode[]): readonly CodeEntry[] =>
  codes.map((code) => ({ code, zh: landClass(code).zh, en: landClass(code).en }));

const ALL_CLASSES = landClassEntries(LAND_CLASSES.map((c) => c.code));
const CONSTRUCTION_CLASSES = landClassEntries(CONSTRUCTION_CLASS_CODES);
const RESTORATION_CLASSES = landClassEntries(RESTORATION_USES);

const code = (key: string, options: readonly CodeEntry[], nullable = false): FieldSpec => ({
  key,
  kind: 'code',
  options: () => options,
  nullable,
});
const integer = (key: string, max = 100_000, nullable = false): FieldSpec => ({ key, kind: 'integer', min: 0, max, nullable });
const text = (key: string, maxLength = 254, nullable = false): FieldSpec => ({ key, kind: 'text', maxLength, nullable });
const number = (key: string, unit: 'm2' | 'ratio' | null, max: number): FieldSpec => ({
  key,
  kind: 'number',
  min: 0,
  max,
  unit,
  nullable: true,
});

export const LAYER_FIELDS: Readonly<Record<LayerId, readonly FieldSpec[]>> = {
  boundary: [text('villageCode', 12), text('villageName', 60)],
  base: [
    text('parcelNo', 18),
    code('classCode', ALL_CLASSES),
    code('landNote', LAND_NOTE_CODES, true),
    code('tenure', TENURE_CODES, true),
    text('ownerName', 60, true),
    code('slopeGrade', SLOPE_GRADES, true),
    number('ridgeCoefficient', 'ratio', 1),
    text('approvalNo', 50, true),
  ],
  pbf: [code('pbfType', PBF_TYPES)],
  redline: [text('name', 60)],
  townshipZones: [code('zoneCode', CONTROL_ZONE_CODES)],
  places: [text('name', 60)],
  demolition: [
    text('parcelNo', 18),
    code('linkage', DEMOLITION_LINKAGE),
    code('restorationUse', RESTORATION_CLASSES),
    // Null until the planner enters it: a count nobody entered is not zero households.
    integer('households', 100_000, true),
    text('note'),
  ],
  newBuild: [
    text('parcelNo', 18),
    code('useCode', CONSTRUCTION_CLASSES),
    code('linkage', NEW_BUILD_LINKAGE),
    integer('households', 100_000, true),
    code('quotaSource', QUOTA_SOURCES),
    code('industryPurpose', INDUSTRY_PURPOSES, true),
    text('note'),
  ],
  useChange: [
    text('parcelNo', 18),
    code('targetCode', ALL_CLASSES),
    code('newFarmlandType', NEW_FARMLAND_TYPES, true),
    text('note'),
  ],
  reserve: [code('kind', RESERVE_KINDS), text('note')],
  facility: [code('facilityType', FACILITY_TYPES), number('projectArea', 'm2', 1e9), text('note')],
  functionalZone: [
    { key: 'zoneType', kind: 'code', options: (p) => p.functionalZoneTypes, nullable: false },
    text('note'),
  ],
  consolidationZone: [
    { key: 'zoneType', kind: 'code', options: (p) => p.consolidationZoneTypes, nullable: false },
    text('note'),
  ],
  controlZone: [code('zoneCode', CONTROL_ZONE_CODES), text('note')],
  feedback: [text('answer', 500)],
};

/** Properties a newly drawn feature starts with; `parcelNo` is numbered by the caller. */
export function defaultProperties<L extends LayerId>(
  layer: L,
  profile: RuleProfile,
  parcelNo: string,
): LayerProperties[L] {
  const defaults: { [K in LayerId]: () => LayerProperties[K] } = {
    boundary: () => ({ villageCode: '', villageName: '' }),
    base: () => ({
      parcelNo,
      classCode: DEFAULT_CLASSES.base,
      surveyCode: null,
      landNote: null,
      tenure: null,
      ownerCode: null,
      ownerName: null,
      slopeGrade: null,
      ridgeCoefficient: null,
      recordedArea: null,
      approvalNo: null,
    }),
    pbf: () => ({ pbfType: ORDINARY_PBF_TYPE, recordedArea: null }),
    redline: () => ({ name: '' }),
    townshipZones: () => ({ zoneCode: '030' }),
    places: () => ({ name: '', kind: 'place' }),
    demolition: () => ({ parcelNo, linkage: 'C1', restorationUse: DEFAULT_CLASSES.demolition, households: null, note: '' }),
    newBuild: () => ({ parcelNo, useCode: DEFAULT_CLASSES.newBuild, linkage: 'E2', households: null, quotaSource: 'linkage', industryPurpose: null, note: '' }),
    useChange: () => ({ parcelNo, targetCode: DEFAULT_CLASSES.useChange, newFarmlandType: null, note: '' }),
    reserve: () => ({ kind: 'nearPbf', note: '' }),
    facility: () => ({ facilityType: 'cultivation', projectArea: null, note: '' }),
    functionalZone: () => ({ zoneType: profile.functionalZoneTypes[0]?.code ?? 'other', note: '' }),
    consolidationZone: () => ({ zoneType: profile.consolidationZoneTypes[0]?.code ?? 'farmland', note: '' }),
    controlZone: () => ({ zoneCode: '030', note: '' }),
    feedback: () => ({
      comment: '',
      author: null,
      phone: null,
      createdAt: new Date(0).toISOString(),
      targetFeatureId: null,
      status: 'open',
      answer: '',
    }),
  };
  return defaults[layer]() as LayerProperties[L];
}

export type FieldValue = string | number | null;

/**
 * Checks one value against its field: the one gate every attribute edit passes, so a code outside the
 * list, a negative count or an over-long text never reaches the plan.
 */
export function validateFieldValue(spec: FieldSpec, value: FieldValue, profile: RuleProfile): boolean {
  switch (spec.kind) {
    case 'code':
      return value === null ? spec.nullable : spec.options(profile).some((o) => o.code === value);
    case 'integer':
      return value === null ? spec.nullable : typeof value === 'number' && Number.isInteger(value) && value >= spec.min && value <= spec.max;
    case 'number':
      return value === null
        ? spec.nullable
        : typeof value === 'number' && Number.isFinite(value) && value >= spec.min && value <= spec.max;
    case 'text':
      return value === null ? spec.nullable : typeof value === 'string' && value.length <= spec.maxLength;
  }
}
