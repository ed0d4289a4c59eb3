/**
 * Default colours (domain.md §3.4, [profile]: no official RGB table exists). One file, so a county can
 * swap in its own. Colour is never the only carrier of meaning: the map adds labels and hatching.
 */
import type { ControlZoneCode } from './codes.ts';
import { FACILITY_FARMLAND_CLASS, HOMESTEAD_CLASS } from './class-roles.ts';
import type { LandClassCode } from './land-classes.ts';

type Rgb = readonly [number, number, number];

export const LAND_CLASS_COLOURS: Readonly<Record<LandClassCode, Rgb>> = {
  '111': [255, 255, 160],
  '112': [255, 255, 160],
  '113': [255, 255, 160],
  '12': [250, 190, 120],
  '131': [56, 168, 0],
  '132': [140, 210, 100],
  '151': [220, 180, 130],
  '152': [194, 193, 193],
  '153': [144, 170, 207],
  '154': [160, 205, 240],
  '155': [230, 230, 200],
  '211': [255, 120, 120],
  '2121': [236, 137, 138],
  '2122': [241, 165, 180],
  '2123': [0, 140, 190],
  '2124': [197, 154, 140],
  '2125': [129, 195, 93],
  '2126': [222, 222, 221],
  '213': [197, 130, 140],
  '221': [170, 169, 169],
  '226': [230, 130, 100],
  '231': [193, 114, 97],
  '232': [160, 90, 80],
  '31': [125, 210, 245],
  '32': [215, 200, 185],
};

/**
 * The colour of a swatch that stands for a group of classes (the layer list, the notice's legend): the
 * colour of the group's main class.
 */
export const CLASS_GROUP_COLOURS = {
  cultivated: LAND_CLASS_COLOURS['111'],
  orchardForest: LAND_CLASS_COLOURS['12'],
  water: LAND_CLASS_COLOURS['31'],
  villagePublicSpace: LAND_CLASS_COLOURS['2125'],
  publicService: LAND_CLASS_COLOURS['2122'],
  homestead: LAND_CLASS_COLOURS[HOMESTEAD_CLASS],
  facilityFarmland: LAND_CLASS_COLOURS[FACILITY_FARMLAND_CLASS],
} as const satisfies Record<string, Rgb>;

export const PBF_COLOUR: Rgb = [255, 230, 0];

/** Control-zone outlines: 010 red, 020 orange dashed, 030 none, 040 green hatch. */
export const CONTROL_ZONE_STYLE: Readonly<Record<'010' | '020' | '030' | '040', { colour: Rgb; dashed: boolean }>> = {
  '010': { colour: [230, 0, 0], dashed: false },
  '020': { colour: [255, 140, 0], dashed: true },
  '030': { colour: [150, 150, 150], dashed: false },
  '040': { colour: [0, 140, 60], dashed: false },
};

export function controlZoneStyleKey(code: ControlZoneCode): keyof typeof CONTROL_ZONE_STYLE {
  return code.startsWith('04') ? '040' : (code as '010' | '020' | '030');
}

export const CHANGE_COLOURS = {
  demolition: [20, 20, 20] as Rgb,
  newBuild: [220, 0, 0] as Rgb,
  useChange: [0, 90, 200] as Rgb,
  reserve: [200, 160, 0] as Rgb,
  facility: [150, 100, 40] as Rgb,
  functionalZone: [110, 60, 160] as Rgb,
  consolidationZone: [0, 130, 130] as Rgb,
  boundary: [200, 0, 120] as Rgb,
  redline: [210, 0, 0] as Rgb,
};

export function rgbCss([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

export function rgbHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
