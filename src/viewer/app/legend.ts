/**
 * The plain-language legend: only what this village's map shows, each entry a swatch drawn like the map
 * (colour, hatching, outline) beside words a villager uses ("拆旧复垦为耕地", "新建农房"), so the meaning
 * never rests on colour alone.
 */
import { isCultivatedLand, LAND_CLASSES, type LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import { HOMESTEAD_CLASS, OPEN_WATER_CLASSES, ORCHARD_FOREST_CLASSES, VILLAGE_PUBLIC_SPACE_CLASSES } from '../../profiles/zhejiang-2017/class-roles.ts';
import { CHANGE_COLOURS, CLASS_GROUP_COLOURS, LAND_CLASS_COLOURS, PBF_COLOUR, rgbCss } from '../../profiles/zhejiang-2017/palette.ts';
import type { NoticeModel } from './notice-model.ts';
import type { NoticeView } from './notice-style.ts';

type Rgb = readonly [number, number, number];

export interface Swatch {
  readonly fill: Rgb | null;
  readonly hatch: 'cross' | 'diagonal' | null;
  readonly outline: Rgb | null;
  readonly dashed: boolean;
}

export interface LegendEntry {
  readonly labelKey: string;
  /** For a label naming data (a class as the plan writes it). */
  readonly labelParams?: Readonly<Record<string, string>>;
  readonly swatch: Swatch;
}

const swatch = (fill: Rgb | null, outline: Rgb | null = null, hatch: Swatch['hatch'] = null, dashed = false): Swatch => ({ fill, hatch, outline, dashed });

/**
 * The changes first (what villagers look for), then the protected land, then the land uses present: what
 * the map shows in the chosen view. 规划后 fills each change with its new use, so a class only a change
 * brings (a new road, 水田 restored in a hill village) is listed, and a base class the changes cover
 * everywhere is not (`shownInPlan`, from publishing); 现状 hides the changes, so neither they nor their new
 * uses are listed there (the legend used to list the same things in both views).
 */
export function legendEntries(model: NoticeModel, view: NoticeView): LegendEntry[] {
  const { areas } = model;
  const entries: LegendEntry[] = [];
  if (view === 'plan') entries.push(...changeEntries(model));
  if (areas.pbf.length) entries.push({ labelKey: 'notice.legend.pbf', swatch: swatch(PBF_COLOUR, [200, 164, 0]) });
  if (view === 'plan' && areas.reserve.length) entries.push({ labelKey: 'notice.legend.reserve', swatch: swatch(null, CHANGE_COLOURS.reserve, 'diagonal', true) });
  if (areas.boundary.length) entries.push({ labelKey: 'notice.legend.boundary', swatch: swatch(null, CHANGE_COLOURS.boundary, null, true) });
  const present = new Set<LandClassCode>(view === 'plan' && model.payload.shownInPlan ? model.payload.shownInPlan : areas.base.map((b) => b.props.c));
  if (view === 'plan') for (const change of [...areas.demolition, ...areas.newBuild, ...areas.useChange]) present.add(change.props.to);
  for (const c of LAND_CLASSES) if (present.has(c.code)) entries.push({ labelKey: `landClass.${c.code}`, swatch: swatch(LAND_CLASS_COLOURS[c.code], [122, 122, 122]) });
  return entries;
}

/** The changes in villagers' words, each only where the plan has one. */
function changeEntries(model: NoticeModel): LegendEntry[] {
  const { areas } = model;
  const entries: LegendEntry[] = [];
  const demolished = new Set(areas.demolition.map((d) => d.props.to));
  const restoration = (test: (c: LandClassCode) => boolean, key: string, fill: Rgb) => {
    if ([...demolished].some(test)) entries.push({ labelKey: key, swatch: swatch(fill, CHANGE_COLOURS.demolition, 'cross') });
  };
  restoration(isCultivatedLand, 'notice.legend.demolitionToFarmland', CLASS_GROUP_COLOURS.cultivated);
  restoration((c) => ORCHARD_FOREST_CLASSES.has(c), 'notice.legend.demolitionToGreen', CLASS_GROUP_COLOURS.orchardForest);
  restoration((c) => OPEN_WATER_CLASSES.has(c), 'notice.legend.demolitionToWater', CLASS_GROUP_COLOURS.water);
  restoration((c) => VILLAGE_PUBLIC_SPACE_CLASSES.has(c), 'notice.legend.demolitionToPublic', CLASS_GROUP_COLOURS.villagePublicSpace);
  if (areas.newBuild.some((b) => b.props.to === HOMESTEAD_CLASS)) entries.push({ labelKey: 'notice.legend.newHomes', swatch: swatch(CLASS_GROUP_COLOURS.homestead, CHANGE_COLOURS.newBuild) });
  if (areas.newBuild.some((b) => b.props.to !== HOMESTEAD_CLASS)) entries.push({ labelKey: 'notice.legend.newBuild', swatch: swatch(CLASS_GROUP_COLOURS.publicService, CHANGE_COLOURS.newBuild) });
  if (areas.useChange.some((c) => isCultivatedLand(c.props.to))) entries.push({ labelKey: 'notice.legend.newFarmland', swatch: swatch(CLASS_GROUP_COLOURS.cultivated, CHANGE_COLOURS.useChange, null, true) });
  if (areas.useChange.some((c) => !isCultivatedLand(c.props.to))) entries.push({ labelKey: 'notice.legend.useChange', swatch: swatch(null, CHANGE_COLOURS.useChange, null, true) });
  if (areas.facility.length) entries.push({ labelKey: 'notice.legend.facility', swatch: swatch(CLASS_GROUP_COLOURS.facilityFarmland, CHANGE_COLOURS.facility) });
  return entries;
}

/** A swatch as CSS set through the style object (allowed by the file's policy, unlike style attributes). */
export function paintSwatch(element: HTMLElement, s: Swatch): void {
  const layers: string[] = [];
  if (s.hatch === 'cross') layers.push('repeating-linear-gradient(45deg, rgba(0,0,0,.8) 0 1.5px, transparent 1.5px 7px)', 'repeating-linear-gradient(-45deg, rgba(0,0,0,.8) 0 1.5px, transparent 1.5px 7px)');
  if (s.hatch === 'diagonal') layers.push('repeating-linear-gradient(45deg, rgba(170,120,0,.9) 0 2px, transparent 2px 7px)');
  element.style.backgroundColor = s.fill ? rgbCss(s.fill) : 'transparent';
  element.style.backgroundImage = layers.join(', ');
  element.style.borderColor = s.outline ? rgbCss(s.outline) : 'transparent';
  element.style.borderStyle = s.dashed ? 'dashed' : 'solid';
}
