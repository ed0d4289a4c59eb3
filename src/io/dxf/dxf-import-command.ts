/**
 * A DXF into the plan as ONE undoable command: each plan layer that a DXF layer was mapped to is replaced
 * by the polygons of the DXF layers mapped to it (several CAD layers, one per land class, may fill the base
 * parcels together). Built from the worker's preview and the planner's choice per DXF layer, so nothing is
 * read twice; anything that does not fit refuses the whole import (nothing half-way).
 *
 * Within one target, a polygon lying inside another (an island parcel drawn inside its neighbour, as CAD
 * drawings do) is cut out of the one around it, so a partition stays a partition; shapes drawn twice on
 * two layers mapped to the same target are imported once.
 */
import type { Polygon, Position } from 'geojson';
import RBush from 'rbush';
import { refuse, type CommandContext, type CommandResult } from '../../commands/command.ts';
import type { ControlZoneCode, PbfType } from '../../profiles/zhejiang-2017/codes.ts';
import type { AreaGeometry, FeatureOf, PlanFeature } from '../../domain/features.ts';
import { newFeatureId } from '../../domain/ids.ts';
import type { LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { layerFeatures } from '../../domain/plan.ts';
import { putFeature, removeFeature, type FeatureChange } from '../../domain/patch.ts';
import { geometryBBox } from '../../geo/bbox.ts';
import { pointInPolygonRings } from '../../geo/point-in-ring.ts';
import { rewindRfc7946, ringSignedAreaPlanar } from '../../geo/rings.ts';
import { listSome, type Message } from '../result.ts';
import { shapeKey, type DxfArea, type DxfPreview } from './dxf-preview.ts';
import { isSurveyCode, needsValue, resolveValue, type DxfLayerChoice, type DxfTarget } from './dxf-targets.ts';
import { parcelNumber } from './dxf-text.ts';
import { addToList } from '../../domain/lists.ts';

export type DxfChoices = Readonly<Record<string, DxfLayerChoice>>;

/** The choice in force for a DXF layer: the planner's, else the preview's guess. */
export function choiceFor(preview: Pick<DxfPreview, 'layers'>, choices: DxfChoices, layer: string): DxfLayerChoice {
  return choices[layer] ?? preview.layers.find((l) => l.name === layer)?.suggestion ?? { target: 'skip', value: null };
}

/** DXF layers mapped somewhere that still need a value (a class, a zone code) before the import can go ahead. */
export function undecidedLayers(preview: Pick<DxfPreview, 'layers'>, choices: DxfChoices): string[] {
  return preview.layers.filter((l) => {
    const c = choiceFor(preview, choices, l.name);
    return l.polygons > 0 && c.target !== 'skip' && needsValue(c.target) && c.value === null;
  }).map((l) => l.name);
}

type Target = Exclude<DxfTarget, 'skip'>;

function featureFor(ctx: CommandContext, target: Target, value: string | null, token: string | null, area: DxfArea): PlanFeature | null {
  const id = newFeatureId();
  const geometry = area.geometry;
  switch (target) {
    case 'base': {
      if (!value) return null;
      const surveyCode = area.codes.find(isSurveyCode) ?? null;
      return {
        id,
        layer: 'base',
        geometry,
        properties: { parcelNo: parcelNumber(area, token) ?? '', classCode: value as LandClassCode, surveyCode, landNote: null, tenure: null, ownerCode: null, ownerName: null, slopeGrade: null, ridgeCoefficient: null, recordedArea: null, approvalNo: null },
      } satisfies FeatureOf<'base'>;
    }
    case 'boundary':
      return { id, layer: 'boundary', geometry, properties: { villageCode: ctx.plan.meta.villageCode, villageName: ctx.plan.meta.villageName } } satisfies FeatureOf<'boundary'>;
    case 'pbf':
      return value ? ({ id, layer: 'pbf', geometry, properties: { pbfType: value as PbfType, recordedArea: null } } satisfies FeatureOf<'pbf'>) : null;
    case 'redline':
      return { id, layer: 'redline', geometry, properties: { name: area.texts[0] ?? '' } } satisfies FeatureOf<'redline'>;
    case 'townshipZones':
      return value ? ({ id, layer: 'townshipZones', geometry, properties: { zoneCode: value as ControlZoneCode } } satisfies FeatureOf<'townshipZones'>) : null;
  }
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  index: number;
}

/**
 * Polygons inside another polygon of the same list become holes of the smallest one around them. A
 * polygon counts as inside when none of its vertices is outside and one is strictly inside: one that
 * already fills a hole of the other is not inside it.
 */
function cutIslands(geometries: readonly AreaGeometry[]): { geometries: AreaGeometry[]; islands: number } {
  const out = geometries.map((g) => (g.type === 'Polygon' ? { type: 'Polygon' as const, coordinates: g.coordinates.map((r) => [...r]) } : g));
  const size = (g: AreaGeometry) => (g.type === 'Polygon' ? Math.abs(ringSignedAreaPlanar(g.coordinates[0] as Position[])) : Infinity);
  const tree = new RBush<Box>();
  tree.load(out.map((g, index) => {
    const [minX, minY, maxX, maxY] = geometryBBox(g);
    return { minX, minY, maxX, maxY, index };
  }));
  let islands = 0;
  const holes = new Map<number, Position[][]>();
  out.forEach((g, index) => {
    if (g.type !== 'Polygon') return;
    const shell = g.coordinates[0] as Position[];
    const [minX, minY, maxX, maxY] = geometryBBox(g);
    let best: { index: number; size: number } | undefined;
    for (const hit of tree.search({ minX, minY, maxX, maxY })) {
      const around = out[hit.index] as AreaGeometry;
      if (hit.index === index || around.type !== 'Polygon' || hit.minX > minX || hit.minY > minY || hit.maxX < maxX || hit.maxY < maxY) continue;
      const s = size(around);
      if (s <= size(g) || (best && s >= best.size)) continue;
      const where = shell.map((p) => pointInPolygonRings(p, around.coordinates));
      if (!where.includes('outside') && where.includes('inside')) best = { index: hit.index, size: s };
    }
    if (best) {
      addToList(holes, best.index, shell);
      islands++;
    }
  });
  for (const [index, rings] of holes) {
    const g = out[index] as Polygon;
    out[index] = rewindRfc7946({ type: 'Polygon', coordinates: [...g.coordinates, ...rings] });
  }
  return { geometries: out, islands };
}

const TARGET_LAYER: Readonly<Record<Target, LayerId>> = { base: 'base', boundary: 'boundary', pbf: 'pbf', redline: 'redline', townshipZones: 'townshipZones' };

export function importDxfIntoPlan(ctx: CommandContext, preview: DxfPreview, choices: DxfChoices): CommandResult {
  const undecided = undecidedLayers(preview, choices);
  if (undecided.length) return refuse('io.ui.dxfUndecided', { file: preview.file, list: listSome(undecided) });
  const byTarget = new Map<Target, { areas: DxfArea[]; values: (string | null)[]; tokens: (string | null)[] }>();
  const leftOut = new Map<string, number>();
  for (const area of preview.areas) {
    const choice = choiceFor(preview, choices, area.layer);
    if (choice.target === 'skip') continue;
    const { value, token } = resolveValue(choice.target, choice.value, area.codes);
    if (needsValue(choice.target) && !value) {
      leftOut.set(area.layer, (leftOut.get(area.layer) ?? 0) + 1);
      continue;
    }
    const group = byTarget.get(choice.target) ?? byTarget.set(choice.target, { areas: [], values: [], tokens: [] }).get(choice.target)!;
    group.areas.push(area);
    group.values.push(value);
    group.tokens.push(token);
  }
  if (byTarget.size === 0) return refuse('io.ui.dxfNothingChosen', { file: preview.file });

  const changes: FeatureChange[] = [];
  const notes: Message[] = [];
  let islands = 0;
  let twice = 0;
  for (const [target, group] of byTarget) {
    // The same shape on two CAD layers (an outline layer and a fill layer; a hole drawn on the layer around
    // it and the feature filling it on its own) is one feature: the one not nested in its own layer.
    const first = new Map<string, number>();
    group.areas.forEach((a, i) => {
      const k = shapeKey(a.geometry);
      const seen = first.get(k);
      if (seen === undefined) first.set(k, i);
      else {
        twice++;
        if ((group.areas[seen] as DxfArea).nested && !a.nested) first.set(k, i);
      }
    });
    const kept = [...first.values()].sort((a, b) => a - b);
    const cut = cutIslands(kept.map((i) => (group.areas[i] as DxfArea).geometry));
    islands += cut.islands;
    const features = kept.flatMap((i, k) => featureFor(ctx, target, group.values[i] ?? null, group.tokens[i] ?? null, { ...(group.areas[i] as DxfArea), geometry: cut.geometries[k] as AreaGeometry }) ?? []);
    const layer = TARGET_LAYER[target];
    const removed = layerFeatures(ctx.plan, layer).map((f) => removeFeature(ctx.plan, layer, f.id));
    changes.push(...removed, ...features.map(putFeature));
    notes.push({ key: 'io.ui.dxfImported', params: { file: preview.file, layer: `layer.${layer}`, count: features.length, replaced: removed.length } });
  }
  if (leftOut.size) notes.push({ key: 'io.ui.dxfLeftOut', params: { file: preview.file, count: [...leftOut.values()].reduce((a, b) => a + b, 0), list: listSome([...leftOut].map(([l, n]) => `${l} × ${n}`)) } });
  if (islands) notes.push({ key: 'io.ui.dxfIslands', params: { file: preview.file, count: islands } });
  if (twice) notes.push({ key: 'io.ui.dxfTwice', params: { file: preview.file, count: twice } });
  return { ok: true, label: 'io.ui.importStep', patch: { features: changes }, notes };
}
