/**
 * The ⚠ defaults a 2026 plan may set for itself (domain-2026.md §6 "Keep editable"): the 管控边界 type of a
 * class, the binding direction of an indicator, the 三大类 of a class, the fill colour of a class and the
 * structure table's subtotal of a class the template puts in none (§1.3). Each is
 * a table by key (a 2023 class code, an indicator number) over the profile's default, stored in the plan
 * under its own name (`VillageDatabase.controlTypes` …) only where the planner changed it. One description
 * per table says which keys and values it takes and names its messages, so the edit (`setPlanDefaults`), its
 * undo, the plan file and a stored history handle them all the same way; each table's reader (below, and
 * `controlTypeOf`, `bindingOf`, `classColour`, `tableGroupOf`) puts the plan's value before the profile's
 * (`tableGroupOf` only where the profile has none: the template's rows are fixed).
 */
import { groupOf } from '../classification.ts';
import { YDYH_2023_INDEX } from '../ydyh/classes-2023.ts';
import type { ParcelArea } from '../ydyh/fill-structure-table.ts';
import { isPlanGroupableCode, THREE_CATEGORIES, ZJ_TABLE_GROUPS, type ThreeCategory, type ZjTableGroup } from '../ydyh/groupings-2023.ts';
import { GKBJ_TYPES, type GkbjTypeCode } from './code-lists.ts';
import { isControlType, isTypableClass } from './control-boundary.ts';
import { INDICATORS, type IndicatorSpec, type PlanBinding } from './indicators.ts';

/** A fill as `#rrggbb`, as the plan file and a colour input write it. */
export type HexColour = `#${string}`;

export interface PlanDefaultValues {
  readonly controlTypes: GkbjTypeCode;
  readonly bindings: PlanBinding;
  readonly threeCategories: ThreeCategory;
  readonly classColours: HexColour;
  readonly tableGroups: ZjTableGroup;
}

export type PlanDefaultName = keyof PlanDefaultValues;

/** A plan's own values of one table, by key; a key not listed takes the default. */
export type PlanDefaultTable<N extends PlanDefaultName> = Readonly<Record<string, PlanDefaultValues[N]>>;

/** Everything a plan overrides; a table without entries is absent, so a plan that changed nothing has none. */
export type PlanDefaults = { readonly [N in PlanDefaultName]?: PlanDefaultTable<N> };

/** The message keys of one table: the undo step, "nothing changed", the refusals and the plan file's notes. */
export interface PlanDefaultTexts {
  /** Params: count. */
  readonly label: string;
  readonly unchanged: string;
  /** Params: code (the key). */
  readonly unknownKey: string;
  /** Params: code (the key), type (the value), types (the values taken). */
  readonly unknownValue: string;
  /** Params: file, found. */
  readonly fileNotATable: string;
  /** Params: file, count, entries, types. */
  readonly fileDropped: string;
}

export interface PlanDefaultSpec<N extends PlanDefaultName> {
  readonly name: N;
  readonly isKey: (key: string) => boolean;
  readonly isValue: (value: unknown) => value is PlanDefaultValues[N];
  /** The values taken, for messages. */
  readonly values: string;
  readonly texts: PlanDefaultTexts;
}

const texts = (prefix: string): PlanDefaultTexts => ({
  label: `${prefix}.label`,
  unchanged: `${prefix}.unchanged`,
  unknownKey: `${prefix}.error.unknownKey`,
  unknownValue: `${prefix}.error.unknownValue`,
  fileNotATable: `${prefix}.file.notATable`,
  fileDropped: `${prefix}.file.dropped`,
});

/** The indicators whose direction is ours ⚠ (those with one): the ones a plan may bind otherwise. */
export const DIRECTED_INDICATORS: readonly IndicatorSpec[] = INDICATORS.filter((indicator) => indicator.unconfirmed.includes('binding'));

const PLAN_BINDINGS: readonly PlanBinding[] = ['atMost', 'atLeast', 'none'];
const THREE_CATEGORY_CODES = Object.keys(THREE_CATEGORIES.groups) as ThreeCategory[];
const HEX = /^#[0-9a-f]{6}$/;
const TABLE_GROUP_CODES = Object.keys(ZJ_TABLE_GROUPS.groups) as ZjTableGroup[];

export const PLAN_DEFAULTS: { readonly [N in PlanDefaultName]: PlanDefaultSpec<N> } = {
  controlTypes: {
    name: 'controlTypes',
    isKey: isTypableClass,
    isValue: isControlType,
    values: GKBJ_TYPES.map((type) => `${type.code} ${type.zh}`).join('、'),
    texts: {
      label: 'database.controlTypes.label',
      unchanged: 'database.controlTypes.unchanged',
      unknownKey: 'database.controlTypes.error.unknownClass',
      unknownValue: 'database.controlTypes.error.unknownType',
      fileNotATable: 'database.controlTypes.file.notATable',
      fileDropped: 'database.controlTypes.file.dropped',
    },
  },
  bindings: {
    name: 'bindings',
    isKey: (key) => DIRECTED_INDICATORS.some((indicator) => String(indicator.number) === key),
    isValue: (value): value is PlanBinding => PLAN_BINDINGS.some((binding) => binding === value),
    values: PLAN_BINDINGS.join('、'),
    texts: texts('database.defaults.bindings'),
  },
  threeCategories: {
    name: 'threeCategories',
    isKey: isTypableClass,
    isValue: (value): value is ThreeCategory => THREE_CATEGORY_CODES.some((category) => category === value),
    values: THREE_CATEGORY_CODES.map((category) => `${category} ${THREE_CATEGORIES.groups[category].zh}`).join('、'),
    texts: texts('database.defaults.threeCategories'),
  },
  classColours: {
    name: 'classColours',
    isKey: isTypableClass,
    isValue: (value): value is HexColour => typeof value === 'string' && HEX.test(value),
    values: '#rrggbb',
    texts: texts('database.defaults.classColours'),
  },
  tableGroups: {
    name: 'tableGroups',
    isKey: isPlanGroupableCode,
    isValue: (value): value is ZjTableGroup => TABLE_GROUP_CODES.some((group) => group === value),
    values: TABLE_GROUP_CODES.map((group) => `${group} ${ZJ_TABLE_GROUPS.groups[group].zh}`).join('、'),
    texts: texts('database.defaults.tableGroups'),
  },
};

/** The tables in the plan file's order (管控边界 types first, as files written before the others have them). */
export const PLAN_DEFAULT_NAMES: readonly PlanDefaultName[] = ['controlTypes', 'bindings', 'threeCategories', 'classColours', 'tableGroups'];

// ---- each table read with the plan's values ----

/** The 三大类 of a code before any plan's values; null for a code in none (04, 05, 17, 23 coded at level 1, sea classes). */
export const defaultThreeCategoryOf = (code: string): ThreeCategory | null => groupOf(THREE_CATEGORIES, YDYH_2023_INDEX, code);

/** The 三大类 of a code in this plan: its own or its nearest ancestor's plan value, else the default (as `controlTypeOf`). */
export function threeCategoryOf(code: string, categories: PlanDefaultTable<'threeCategories'> = {}): ThreeCategory | null {
  return groupOf({ ...THREE_CATEGORIES, assign: categories }, YDYH_2023_INDEX, code) ?? defaultThreeCategoryOf(code);
}

/** The area (m²) in each 三大类 as this plan assigns them, and of the parcels in none (`unassigned`). */
export function threeCategoryAreas(parcels: readonly ParcelArea[], categories: PlanDefaultTable<'threeCategories'> = {}): Readonly<Record<ThreeCategory | 'unassigned', number>> {
  const areas: Record<ThreeCategory | 'unassigned', number> = { agricultural: 0, construction: 0, unused: 0, unassigned: 0 };
  for (const parcel of parcels) areas[threeCategoryOf(parcel.code, categories) ?? 'unassigned'] += parcel.areaM2;
  return areas;
}
