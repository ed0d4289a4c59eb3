/**
 * How a 2026 village database is drawn (the reviewer's and planner's map, later the package's symbology):
 * which layers, in which order, filled by class or outlined, and in which colours. Parcel fills come from
 * the classification (`classes-2023.ts`, the Zhejiang symbology ⚠); the outlines and the 管控边界 type
 * colours are ours ⚠ (no source gives a village-plan symbology for them), so they are data a county can
 * change, never code.
 */
import type { ClassIndex, Rgb } from '../classification.ts';
import type { GkbjTypeCode } from './code-lists.ts';
import type { HexColour, PlanDefaultTable } from './plan-defaults.ts';
import type { VillageLayerName } from './village-database.ts';

export interface MapLayerStyle {
  readonly layer: VillageLayerName;
  readonly zh: string;
  readonly en: string;
  /** `classes`: filled by the class of `codeField`; `types`: outlined by the GKBJ type; `outline`: one colour. */
  readonly draw: 'classes' | 'types' | 'outline';
  readonly codeField?: string;
  readonly colour: Rgb;
  /** Line width in CSS pixels. */
  readonly width: number;
  /** Dash pattern in line widths; absent: solid. */
  readonly dash?: readonly number[];
  /** Shown when a database opens (the 现状 parcels are one click away, under the 规划 ones). */
  readonly shownAtStart: boolean;
  readonly unconfirmed: readonly 'colour'[];
}

const OURS: MapLayerStyle['unconfirmed'] = ['colour'];

/** Bottom to top. */
export const MAP_LAYER_STYLES: readonly MapLayerStyle[] = [
  { layer: 'JQDLTB', zh: '现状用地（基期）', en: 'Base-year land use', draw: 'classes', codeField: 'JQDLBM', colour: [120, 120, 120], width: 0.5, shownAtStart: false, unconfirmed: OURS },
  { layer: 'GHDLTB', zh: '规划用地', en: 'Planned land use', draw: 'classes', codeField: 'GHDLBM', colour: [120, 120, 120], width: 0.5, shownAtStart: true, unconfirmed: OURS },
  { layer: 'YJJBNT', zh: '永久基本农田', en: 'Permanent basic farmland', draw: 'outline', colour: [0, 140, 60], width: 2, dash: [2, 1], shownAtStart: true, unconfirmed: OURS },
  { layer: 'STBHHX', zh: '生态保护红线', en: 'Ecological red line', draw: 'outline', colour: [220, 0, 0], width: 2.5, shownAtStart: true, unconfirmed: OURS },
  { layer: 'CZKFBJ', zh: '城镇开发边界', en: 'Urban development boundary', draw: 'outline', colour: [160, 0, 200], width: 2.5, dash: [4, 2], shownAtStart: true, unconfirmed: OURS },
  { layer: 'GKBJ', zh: '管控边界', en: 'Control boundaries', draw: 'types', colour: [80, 80, 80], width: 2, dash: [3, 1.5], shownAtStart: true, unconfirmed: OURS },
  { layer: 'CJDCQ', zh: '村级调查区（村界）', en: 'Village boundary', draw: 'outline', colour: [30, 30, 30], width: 3, shownAtStart: true, unconfirmed: OURS },
];

/**
 * Which layer a click names where several are under the pointer: a parcel first (the 规划 parcels cover the
 * whole village, so the layers after them answer where those are hidden), the village last.
 */
export const PICK_ORDER: readonly VillageLayerName[] = ['GHDLTB', 'JQDLTB', 'GKBJ', 'YJJBNT', 'STBHHX', 'CZKFBJ', 'CJDCQ'];

/** Outline colour of each 管控边界 type: ours ⚠, chosen to read apart on the parcel fills. */
export const GKBJ_TYPE_COLOURS: Readonly<Record<GkbjTypeCode, Rgb>> = {
  '0101': [0, 128, 64],
  '0102': [220, 0, 0],
  '0201': [150, 130, 0],
  '0202': [0, 160, 80],
  '0301': [230, 80, 0],
  '0302': [255, 150, 0],
  '0400': [160, 0, 200],
  '0900': [90, 90, 90],
};

/**
 * The fill of a code: walking from the code to its root, the first level with a colour, the plan's own
 * (`classColours`, plan-defaults.ts) before the classification's at the same level, so a plan colour on 07
 * recolours 07 and its classes without a colour of their own, not 0703 with its own; null for a code not in
 * the classification.
 */
export function classColour(index: ClassIndex, code: string, planColours: PlanDefaultTable<'classColours'> = {}): Rgb | null {
  if (index.get(code) === undefined) return null;
  for (const at of index.lineage(code)) {
    const own = Object.hasOwn(planColours, at) ? planColours[at] : undefined;
    if (own !== undefined) return rgbOf(own);
    const colour = index.get(at)?.colour;
    if (colour) return colour;
  }
  return null;
}

const rgbOf = (hex: HexColour): Rgb => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];

export const hexOf = (rgb: Rgb): HexColour => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
