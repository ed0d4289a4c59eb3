/**
 * How the printed map draws each thing: the domain palette for colour (domain.md §3.4), and for each kind
 * of land a hatch or an outline as well, so a sheet printed in grey still tells construction land, water,
 * forest, demolition, new building and basic farmland apart (colour is never the only carrier of meaning).
 */
import { FOREST_CLASSES, ORCHARD_CLASS, WATER_CLASSES } from '../profiles/zhejiang-2017/class-roles.ts';
import { isConstructionLand, type LandClassCode } from '../profiles/zhejiang-2017/land-classes.ts';
import { CHANGE_COLOURS, LAND_CLASS_COLOURS } from '../profiles/zhejiang-2017/palette.ts';
import type { Hatch, Rgb } from './display-list.ts';

export interface Symbol {
  readonly fill?: Rgb;
  readonly hatch?: Hatch;
  readonly stroke?: Rgb;
  readonly strokeMm?: number;
  readonly dashMm?: readonly number[];
}

const GREY: Rgb = [90, 90, 90];
const hatch = (angles: readonly number[], spacingMm: number, widthMm = 0.15, colour: Rgb = GREY): Hatch => ({ angles, spacingMm, widthMm, colour });

/** Land-class groups with their own hatch (others: colour and label only). */
function classHatch(code: LandClassCode): Hatch | undefined {
  if (isConstructionLand(code)) return hatch([45], 1.6);
  if (WATER_CLASSES.has(code)) return hatch([0], 1.2, 0.12, [40, 90, 160]);
  if (FOREST_CLASSES.has(code)) return hatch([90], 2, 0.12, [30, 100, 30]);
  if (code === ORCHARD_CLASS) return hatch([0, 90], 2.4, 0.12, [150, 90, 30]);
  return undefined;
}

export function landSymbol(code: LandClassCode): Symbol {
  const h = classHatch(code);
  return { fill: LAND_CLASS_COLOURS[code], ...(h ? { hatch: h } : {}), stroke: [130, 130, 130], strokeMm: 0.08 };
}

export const OVERLAY_SYMBOLS = {
  demolition: { hatch: hatch([45, -45], 1.4, 0.2, [0, 0, 0]), stroke: CHANGE_COLOURS.demolition, strokeMm: 0.5 },
  newBuild: { stroke: CHANGE_COLOURS.newBuild, strokeMm: 0.7 },
  useChange: { stroke: CHANGE_COLOURS.useChange, strokeMm: 0.5, dashMm: [1.5, 0.8] },
  reserve: { hatch: hatch([-45], 2, 0.2, [170, 120, 0]), stroke: CHANGE_COLOURS.reserve, strokeMm: 0.4, dashMm: [1, 0.6] },
  pbf: { stroke: [200, 160, 0], strokeMm: 0.6, dashMm: [3, 0.8, 0.6, 0.8] },
  boundary: { stroke: CHANGE_COLOURS.boundary, strokeMm: 0.8, dashMm: [4, 1, 1, 1] },
} as const satisfies Record<string, Symbol>;
