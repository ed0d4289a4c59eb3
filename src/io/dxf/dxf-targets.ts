/**
 * Where a DXF layer can go in the plan, and what its polygons' labels mean there. A plan has no line
 * layer, so only polygons are imported; the targets are the import dialog's (io/into-plan/import-command.ts)
 * and each has its own kind of value: a planning class for base parcels, a zone code for the township's
 * control zones, a type for basic farmland. `labels` takes the value from each polygon's own label.
 */
import { CONTROL_ZONE_CODES, normaliseControlZoneCode, PBF_TYPES, type ControlZoneCode, type PbfType } from '../../profiles/zhejiang-2017/codes.ts';
import { codesOf } from '../../domain/code-entry.ts';
import { isLandClassCode, LAND_CLASSES, type LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import { matchRow } from '../survey/match-mapping.ts';
import { pbfTypeOfLabel } from '../../profiles/zhejiang-2017/pbf-types.ts';
import { DEFAULT_SURVEY_MAPPING } from '../../profiles/zhejiang-2017/survey-mapping-table.ts';

export const DXF_TARGETS = ['skip', 'base', 'boundary', 'pbf', 'redline', 'townshipZones'] as const;
export type DxfTarget = (typeof DXF_TARGETS)[number];

/** From each polygon's label instead of one value for the whole layer. */
export const FROM_LABELS = 'labels';

export interface DxfLayerChoice {
  readonly target: DxfTarget;
  /** A class (base), zone code (townshipZones), PBF type (pbf) or `labels`; null: not decided yet. */
  readonly value: string | null;
}

/** The values a target offers besides `labels` (none for boundary, redline and skip). */
export function targetValues(target: DxfTarget): readonly string[] {
  if (target === 'base') return LAND_CLASSES.map((c) => c.code);
  if (target === 'townshipZones') return codesOf(CONTROL_ZONE_CODES);
  if (target === 'pbf') return codesOf(PBF_TYPES);
  return [];
}

/** Whether a target needs a value before the import can go ahead. */
export function needsValue(target: DxfTarget): boolean {
  return target === 'base' || target === 'townshipZones' || target === 'pbf';
}

const ZONES = new Set<string>(codesOf(CONTROL_ZONE_CODES));
const PBF_TYPE_CODES = new Set<string>(codesOf(PBF_TYPES));

/**
 * The planning class a label's code stands for: a planning class as written (111, 2121; planning maps
 * label with these), a plan code with its prefix (X2121, G12; not G111/G112, which are farmland types),
 * or a survey code (三调 0101, 二调 011) through the default mapping table (domain.md §3.1).
 */
export function classOfCode(code: string): LandClassCode | null {
  const c = code.trim().toUpperCase();
  if (isLandClassCode(c)) return c;
  const prefixed = /^[XGN](\d{2,4})$/.exec(c)?.[1];
  if (prefixed && !PBF_TYPE_CODES.has(c)) return isLandClassCode(prefixed) ? prefixed : null;
  const row = matchRow(DEFAULT_SURVEY_MAPPING, c, null);
  const first = row?.classes[0];
  return first ?? null;
}

/** Whether a code is a survey code (kept on the parcel as its survey code) rather than a planning class. */
export function isSurveyCode(code: string): boolean {
  const c = code.trim().toUpperCase();
  return !isLandClassCode(c) && !/^[XGN]\d/.test(c) && matchRow(DEFAULT_SURVEY_MAPPING, c, null) !== undefined;
}

export function zoneOfCode(code: string): ControlZoneCode | null {
  const c = normaliseControlZoneCode(code.trim());
  return ZONES.has(c) ? (c as ControlZoneCode) : null;
}

function pbfTypeOfCode(code: string): PbfType | null {
  return pbfTypeOfLabel(code.trim().toUpperCase());
}

/** The value a polygon gets on a target, and the label code that gave it (null with a value for the whole layer). */
export function resolveValue(target: DxfTarget, choice: string | null, codes: readonly string[]): { readonly value: string | null; readonly token: string | null } {
  if (choice !== FROM_LABELS) return { value: choice, token: null };
  const read = target === 'base' ? classOfCode : target === 'townshipZones' ? zoneOfCode : target === 'pbf' ? pbfTypeOfCode : () => null;
  for (const code of codes) {
    const value = read(code);
    if (value) return { value, token: code };
  }
  return { value: null, token: null };
}

export function valueFor(target: DxfTarget, choice: string | null, codes: readonly string[]): string | null {
  return resolveValue(target, choice, codes).value;
}

/**
 * A first guess from the layer's name (CAD layers are named 村界, JBNT, 水田, 0101…) and from what its
 * polygons' labels say; the planner confirms or changes it.
 */
export function suggestChoice(name: string, polygons: number, labelled: { readonly base: number; readonly townshipZones: number }): DxfLayerChoice {
  if (polygons === 0) return { target: 'skip', value: null };
  const n = name.trim();
  const most = (count: number) => count > 0 && count * 2 >= polygons;
  // The plan's own change and zone layers (a plan exported as DXF) are drawn in the editor, not imported.
  if (/^(拆旧地块|建新地块|用途调整地块|基本农田整备区|设施农用地|功能分区|整治分区)|注记/.test(n)) return { target: 'skip', value: null };
  if (/村界|村域|行政区|XZQ|CJX|边界/i.test(n)) return { target: 'boundary', value: null };
  if (/基本农田|永农|JBNT/i.test(n)) return { target: 'pbf', value: /示范|G111/i.test(n) ? 'G111' : 'G112' };
  if (/红线|生态保护|STBHHX/i.test(n)) return { target: 'redline', value: null };
  if (/管制区|GZQ/i.test(n)) {
    const named = /(?:^|[^\d])(0[1-4]\d)(?:[^\d]|$)/.exec(n)?.[1];
    const zone = named ? zoneOfCode(named) : null;
    return { target: 'townshipZones', value: zone ?? (most(labelled.townshipZones) ? FROM_LABELS : null) };
  }
  // A layer named after a class: its code (0101, 111), its name (水田), or a part of it (坑塘 for 坑塘水面).
  const named = classOfCode(n) ?? LAND_CLASSES.find((c) => n === c.zh || n.includes(c.zh) || (n.length >= 2 && c.zh.includes(n)))?.code ?? null;
  if (named) return { target: 'base', value: named };
  if (most(labelled.base)) return { target: 'base', value: FROM_LABELS };
  if (/地类|图斑|DLTB|TDLY|现状/i.test(n)) return { target: 'base', value: null };
  return { target: 'skip', value: null };
}
