/**
 * The map itself on paper: 村土地利用现状图 draws the base parcels; 村土地利用规划图 draws the editor's 规划
 * view: base parcels, then the changes in derivation order (demolition, new-build, other change), each
 * filled with its target use; then basic farmland and the boundary; land-class labels where they fit. The
 * legend lists what was drawn.
 */
import type { AreaGeometry } from '../domain/features.ts';
import { LAND_CLASSES, type LandClassCode } from '../profiles/zhejiang-2017/land-classes.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';
import type { Translate } from '../rules/render.ts';
import { BLACK, type DrawOp, type Rings } from './display-list.ts';
import type { LegendItem } from './furniture.ts';
import { areaToPaper, insideRings, type PaperProjection } from './project.ts';
import { landSymbol, OVERLAY_SYMBOLS, type Symbol } from './symbols.ts';

export type MapKind = 'current' | 'plan';

export interface MapDrawing {
  /** Areas and lines, bottom first. */
  readonly ops: DrawOp[];
  /** Land-class names, drawn above everything else. */
  readonly labels: DrawOp[];
  /** The changes and overlays drawn, then the land classes drawn, in the catalogue's order. */
  readonly legend: LegendItem[];
}

const LABEL_MM = 1.6;
/** Rough text width for fitting labels in parcels: a CJK character is square, Latin about half. */
const roughWidth = (s: string, size: number) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? size : size * 0.55), 0);

function shape(rings: Rings, s: Symbol): DrawOp {
  return { kind: 'shape', rings, ...s };
}

export function drawPlanMap(plan: Plan, kind: MapKind, projection: PaperProjection, t: Translate): MapDrawing {
  const ops: DrawOp[] = [];
  const labels: DrawOp[] = [];
  const usedClasses = new Set<LandClassCode>();
  const label = (rings: Rings, code: LandClassCode) => {
    const name = t(`landClass.${code}`);
    const ring = rings[0] ?? [];
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < ring.length; i += 2) [x0, y0, x1, y1] = [Math.min(x0, ring[i] as number), Math.min(y0, ring[i + 1] as number), Math.max(x1, ring[i] as number), Math.max(y1, ring[i + 1] as number)];
    const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
    if (x1 - x0 < roughWidth(name, LABEL_MM) + 1 || y1 - y0 < LABEL_MM * 2 || !insideRings(rings, cx, cy)) return;
    labels.push({ kind: 'text', text: name, x: cx, y: cy + LABEL_MM / 3, sizeMm: LABEL_MM, bold: false, align: 'center', colour: BLACK });
  };
  const area = (geometry: AreaGeometry, code: LandClassCode, extra: Symbol = {}) => {
    const rings = areaToPaper(projection, geometry);
    usedClasses.add(code);
    ops.push(shape(rings, { ...landSymbol(code), ...extra }));
    label(rings, code);
  };

  for (const f of layerFeatures(plan, 'base')) area(f.geometry, f.properties.classCode);
  const overlays: LegendItem[] = [];
  const overlay = (present: boolean, labelKey: string, symbol: Symbol) => present && overlays.push({ label: t(labelKey), symbol });
  if (kind === 'plan') {
    for (const f of layerFeatures(plan, 'demolition')) area(f.geometry, f.properties.restorationUse, OVERLAY_SYMBOLS.demolition);
    for (const f of layerFeatures(plan, 'newBuild')) area(f.geometry, f.properties.useCode, OVERLAY_SYMBOLS.newBuild);
    for (const f of layerFeatures(plan, 'useChange')) area(f.geometry, f.properties.targetCode, OVERLAY_SYMBOLS.useChange);
    for (const f of layerFeatures(plan, 'reserve')) ops.push(shape(areaToPaper(projection, f.geometry), OVERLAY_SYMBOLS.reserve));
    overlay(layerFeatures(plan, 'demolition').length > 0, 'print.legend.demolition', { fill: [255, 255, 255], ...OVERLAY_SYMBOLS.demolition });
    overlay(layerFeatures(plan, 'newBuild').length > 0, 'print.legend.newBuild', OVERLAY_SYMBOLS.newBuild);
    overlay(layerFeatures(plan, 'useChange').length > 0, 'print.legend.useChange', OVERLAY_SYMBOLS.useChange);
    overlay(layerFeatures(plan, 'reserve').length > 0, 'print.legend.reserve', OVERLAY_SYMBOLS.reserve);
  }
  for (const f of layerFeatures(plan, 'pbf')) ops.push(shape(areaToPaper(projection, f.geometry), OVERLAY_SYMBOLS.pbf));
  for (const f of layerFeatures(plan, 'boundary')) ops.push(shape(areaToPaper(projection, f.geometry), OVERLAY_SYMBOLS.boundary));
  overlay(layerFeatures(plan, 'pbf').length > 0, 'print.legend.pbf', OVERLAY_SYMBOLS.pbf);
  overlay(layerFeatures(plan, 'boundary').length > 0, 'print.legend.boundary', OVERLAY_SYMBOLS.boundary);
  const classes: LegendItem[] = LAND_CLASSES.filter((c) => usedClasses.has(c.code)).map((c) => ({ label: t(`landClass.${c.code}`), symbol: landSymbol(c.code) }));
  return { ops, labels, legend: [...overlays, ...classes] };
}
