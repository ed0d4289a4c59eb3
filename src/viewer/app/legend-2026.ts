/**
 * The legend of a 2026 notice: what says where building may happen first (the 村庄建设边界, the 永久基本农田,
 * the 生态保护红线), then the 管控边界 types and the village, then each planned class present, by the name
 * and code the plan writes, in the colour the map fills it with.
 */
import { GKBJ_TYPES } from '../../profiles/zhejiang-2026/code-lists.ts';
import { GKBJ_TYPE_COLOURS } from '../../profiles/zhejiang-2026/map-style.ts';
import type { LegendEntry, Swatch } from './legend.ts';
import type { Notice2026Model } from './notice-model-2026.ts';
import { CONSTRUCTION_BOUNDARY_COLOUR, outlineStyle, UNKNOWN_CLASS_COLOUR } from './notice-style-2026.ts';

type Rgb = readonly [number, number, number];

const channel = (hex: string, at: number) => Number.parseInt(hex.slice(at, at + 2), 16);
const rgbOf = (hex: string): Rgb => [channel(hex, 1), channel(hex, 3), channel(hex, 5)];
const line = (colour: Rgb, dashed: boolean): Swatch => ({ fill: null, hatch: null, outline: colour, dashed });
const GREY: Rgb = [122, 122, 122];

export function legendEntries2026(model: Notice2026Model): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const outline = (present: boolean, labelKey: string, layer: Parameters<typeof outlineStyle>[0]) => {
    const style = outlineStyle(layer);
    if (present) entries.push({ labelKey, swatch: line(style.colour, style.dashed) });
  };
  if (model.constructionBoundary) entries.push({ labelKey: 'notice2026.legend.constructionBoundary', swatch: line(rgbOf(CONSTRUCTION_BOUNDARY_COLOUR), false) });
  outline(model.pbf.length > 0, 'notice2026.legend.pbf', 'YJJBNT');
  outline(model.redLine.length > 0, 'notice2026.legend.redLine', 'STBHHX');
  const types = new Set(model.control.map((c) => c.props.t));
  for (const type of GKBJ_TYPES) {
    if (types.has(type.code)) entries.push({ labelKey: 'notice2026.named', labelParams: { zh: type.zh, en: type.en }, swatch: line(GKBJ_TYPE_COLOURS[type.code], true) });
  }
  outline(model.village.length > 0, 'notice.legend.boundary', 'CJDCQ');
  const classes = new Map<string, string>();
  for (const p of model.parcels) if (!classes.has(p.props.c)) classes.set(p.props.c, p.props.n);
  for (const [code, name] of [...classes].sort(([a], [b]) => a.localeCompare(b))) {
    const fill = rgbOf(model.payload.classColours[code] ?? UNKNOWN_CLASS_COLOUR);
    entries.push({ labelKey: 'notice2026.legend.class', labelParams: { name: name || '—', code: code || '—' }, swatch: { fill, hatch: null, outline: GREY, dashed: false } });
  }
  return entries;
}
