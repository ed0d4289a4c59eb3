/**
 * The map itself on paper: 村土地利用现状图 draws the base parcels; 村土地利用规划图 draws the editor's 规划
 * view: base parcels, then the changes in derivation order (demolition, new-build, other change), each
 * filled with its target use; then basic farmland and the boundary; land-class labels where they fit. The
 * legend lists what the map shows (a base class hidden under changes everywhere is not).
 */
import type { AreaGeometry } from '../domain/features.ts';
import { LAND_CLASSES, type LandClassCode } from '../profiles/zhejiang-2017/land-classes.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';
import type { Translate } from '../rules/render.ts';
import type { DrawOp, Rings } from './display-list.ts';
import type { LegendItem } from './furniture.ts';
import { placeLabels, type Box, type LabelCandidate } from './map-labels.ts';
import { areaToPaper, type PaperProjection } from './project.ts';
import { shownBaseClasses } from './shown-classes.ts';
import { landSymbol, OVERLAY_SYMBOLS, type Symbol } from './symbols.ts';

export type MapKind = 'current' | 'plan';

export interface MapDrawing {
  /** Areas and lines, bottom first. */
  readonly ops: DrawOp[];
  /** Land-class names, drawn above everything else (map-labels.ts decides where, and which fit). */
  readonly labels: DrawOp[];
  /** The changes and overlays drawn, then the land classes drawn, in the catalogue's order. */
  readonly legend: LegendItem[];
}

function shape(rings: Rings, s: Symbol): DrawOp {
  return { kind: 'shape', rings, ...s };
}

/** `avoid`: boxes on paper the labels keep clear of (the grid's crosses, drawn over the map). */
export function drawPlanMap(plan: Plan, kind: MapKind, projection: PaperProjection, t: Translate, avoid: readonly Box[] = []): MapDrawing {
  const ops: DrawOp[] = [];
  const candidates: LabelCandidate[] = [];
  const usedClasses = new Set<LandClassCode>();
  const area = (geometry: AreaGeometry, code: LandClassCode, extra: Symbol = {}) => {
    const rings = areaToPaper(projection, geometry);
    ops.push(shape(rings, { ...landSymbol(code), ...extra }));
    candidates.push({ geometry, rings, name: t(`landClass.${code}`) });
  };
  // A change's new use is on the map wherever the change is; a base class only where no change covers it.
  const change = (geometry: AreaGeometry, code: LandClassCode, symbol: Symbol) => {
    usedClasses.add(code);
    area(geometry, code, symbol);
  };

  const bases = layerFeatures(plan, 'base');
  for (const f of bases) area(f.geometry, f.properties.classCode);
  const changes = kind === 'plan' ? (['demolition', 'newBuild', 'useChange'] as const).flatMap((layer) => layerFeatures(plan, layer).map((f) => f.geometry)) : [];
  for (const code of shownBaseClasses(bases.map((f) => ({ geometry: f.geometry, code: f.properties.classCode })), changes)) usedClasses.add(code);
  const overlays: LegendItem[] = [];
  const overlay = (present: boolean, labelKey: string, symbol: Symbol) => present && overlays.push({ label: t(labelKey), symbol });
  if (kind === 'plan') {
    for (const f of layerFeatures(plan, 'demolition')) change(f.geometry, f.properties.restorationUse, OVERLAY_SYMBOLS.demolition);
    for (const f of layerFeatures(plan, 'newBuild')) change(f.geometry, f.properties.useCode, OVERLAY_SYMBOLS.newBuild);
    for (const f of layerFeatures(plan, 'useChange')) change(f.geometry, f.properties.targetCode, OVERLAY_SYMBOLS.useChange);
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
  return { ops, labels: placeLabels(candidates, projection, avoid), legend: [...overlays, ...classes] };
}
