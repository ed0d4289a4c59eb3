import { describe, expect, it } from 'vitest';
import type { AreaFeature, AreaGeometry } from '../domain/features.ts';
import { asFeatureId } from '../domain/ids.ts';
import { applyPatch } from '../domain/patch.ts';
import { layerFeatures } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { hasVertex } from '../geo/topology.ts';
import { clipToNeighbours } from './clip-to-neighbours.command.ts';
import type { CommandResult } from './command.ts';
import { copyToLayer } from './copy-to-layer.command.ts';
import { cutHole } from './cut-hole.command.ts';
import { deleteFeatures } from './delete-features.command.ts';
import { mergeFeatures } from './merge.command.ts';
import { moveSharedVertex } from './reshape.command.ts';
import { setAttribute } from './set-attributes.command.ts';
import { splitFeatures } from './split.command.ts';
import { contextOf } from './test-context.ts';

const X = 120.5;
const Y = 30.5;
const village = feature('boundary', 'village', rect(X, Y, X + 0.01, Y + 0.01));
const west = feature('functionalZone', 'west', rect(X, Y, X + 0.005, Y + 0.01));
const east = feature('functionalZone', 'east', rect(X + 0.005, Y, X + 0.01, Y + 0.01));
const parcel = feature('base', 'parcel', rect(X + 0.005, Y, X + 0.006, Y + 0.001), { classCode: '2121' });
const id = asFeatureId;

function applied(result: CommandResult) {
  if (!result.ok) throw new Error(result.error.key);
  return result;
}

describe('moveSharedVertex', () => {
  it('moves a vertex in every drawn feature that has it, and leaves survey parcels alone', () => {
    const ctx = contextOf(planWith([village, west, east, parcel]));
    const from = [X + 0.005, Y];
    const to = [X + 0.0052, Y + 0.0001];
    const result = applied(moveSharedVertex(ctx, from, to));
    const plan = applyPatch(ctx.plan, result.patch).plan;
    expect(hasVertex(plan.layers.functionalZone[west.id]!.geometry, to)).toBe(true);
    expect(hasVertex(plan.layers.functionalZone[east.id]!.geometry, to)).toBe(true);
    expect(plan.layers.base[parcel.id]).toBe(ctx.plan.layers.base[parcel.id]);
    expect(plan.layers.boundary[village.id]).toBe(ctx.plan.layers.boundary[village.id]);
  });

  it('refuses a move that would make a feature cross itself', () => {
    const ctx = contextOf(planWith([village, west]));
    const result = moveSharedVertex(ctx, [X, Y], [X + 0.008, Y + 0.005]);
    expect(!result.ok && result.error.key).toBe('geometry.invalid.selfIntersection');
  });
});

describe('splitFeatures', () => {
  it('cuts a zone in two; the larger keeps its id, the neighbour on the cut gets the new vertex', () => {
    const ctx = contextOf(planWith([village, west, east]));
    const line = [[X + 0.001, Y - 0.001], [X + 0.001, Y + 0.011]];
    const result = applied(splitFeatures(ctx, [west.id], line));
    const plan = applyPatch(ctx.plan, result.patch).plan;
    const zones = layerFeatures(plan, 'functionalZone');
    expect(zones).toHaveLength(3);
    const pieces = zones.filter((z) => z.id !== east.id);
    const total = pieces.reduce((s, z) => s + ellipsoidalArea(z.geometry), 0);
    expect(total).toBeCloseTo(ellipsoidalArea(west.geometry as AreaGeometry), 0);
    expect(ellipsoidalArea(plan.layers.functionalZone[west.id]!.geometry)).toBeGreaterThan(ellipsoidalArea(pieces.find((p) => p.id !== west.id)!.geometry));
    expect(result.select).toHaveLength(2);
  });

  it('says so when the line does not cross', () => {
    const ctx = contextOf(planWith([village, west]));
    const result = splitFeatures(ctx, [west.id], [[X + 0.001, Y + 0.001], [X + 0.002, Y + 0.002]]);
    expect(!result.ok && result.error.key).toBe('commands.split.lineDoesNotCross');
  });
});

describe('mergeFeatures', () => {
  it('merges adjacent zones into the first, keeping its attributes', () => {
    const ctx = contextOf(planWith([village, west, east]));
    const result = applied(mergeFeatures(ctx, [east.id, west.id]));
    const plan = applyPatch(ctx.plan, result.patch).plan;
    const zones = layerFeatures(plan, 'functionalZone');
    expect(zones.map((z) => z.id)).toEqual([east.id]);
    expect(ellipsoidalArea(zones[0]!.geometry)).toBeCloseTo(ellipsoidalArea(village.geometry as AreaGeometry), 0);
  });

  it('refuses zones that do not touch', () => {
    const far = feature('functionalZone', 'far', rect(X + 0.007, Y, X + 0.01, Y + 0.01));
    const result = mergeFeatures(contextOf(planWith([village, west, far])), [west.id, far.id]);
    expect(!result.ok && result.error.key).toBe('commands.merge.notAdjacent');
  });

  it('refuses features of different layers', () => {
    const nb = feature('newBuild', 'nb', rect(X + 0.005, Y, X + 0.006, Y + 0.001));
    const result = mergeFeatures(contextOf(planWith([village, west, nb])), [west.id, nb.id]);
    expect(!result.ok && result.error.key).toBe('commands.error.mixedLayers');
  });
});

describe('cutHole and clipToNeighbours', () => {
  it('cuts a hole inside a zone', () => {
    const ctx = contextOf(planWith([village, west]));
    const result = applied(cutHole(ctx, west.id, rect(X + 0.001, Y + 0.001, X + 0.002, Y + 0.002) as never));
    const cut = result.patch.features[0]?.after as AreaFeature;
    expect(cut.geometry.type === 'Polygon' && cut.geometry.coordinates).toHaveLength(2);
  });

  it('refuses a hole outside the feature', () => {
    const result = cutHole(contextOf(planWith([village, west])), west.id, rect(X + 0.006, Y + 0.001, X + 0.007, Y + 0.002) as never);
    expect(!result.ok && result.error.key).toBe('commands.hole.outsideFeature');
  });

  it('clips a zone drawn over its neighbour back to the shared boundary', () => {
    const over = feature('functionalZone', 'over', rect(X + 0.004, Y, X + 0.01, Y + 0.01));
    const ctx = contextOf(planWith([village, west, over]));
    const result = applied(clipToNeighbours(ctx, [over.id]));
    const clipped = result.patch.features[0]?.after as AreaFeature;
    expect(ellipsoidalArea(clipped.geometry)).toBeCloseTo(ellipsoidalArea(east.geometry as AreaGeometry), 1);
  });
});

describe('attributes, delete and copy', () => {
  it('sets one attribute on many features as one patch, and refuses unknown codes', () => {
    const a = feature('newBuild', 'a', rect(X + 0.001, Y + 0.001, X + 0.002, Y + 0.002));
    const b = feature('newBuild', 'b', rect(X + 0.003, Y + 0.001, X + 0.004, Y + 0.002));
    const ctx = contextOf(planWith([village, a, b]));
    const result = applied(setAttribute(ctx, [a.id, b.id], 'useCode', '2122'));
    expect(result.patch.features).toHaveLength(2);
    const refused = setAttribute(ctx, [a.id], 'useCode', '9999');
    expect(!refused.ok && refused.error.key).toBe('commands.attributes.invalidValue');
  });

  it('never deletes survey parcels', () => {
    const result = deleteFeatures(contextOf(planWith([village, parcel])), [parcel.id]);
    expect(!result.ok && result.error.key).toBe('commands.error.referenceLayer');
  });

  it('makes demolition parcels from selected base parcels, sharing their vertices', () => {
    const ctx = contextOf(planWith([village, parcel]));
    const result = applied(copyToLayer(ctx, [parcel.id], 'demolition'));
    const copy = result.patch.features[0]?.after as AreaFeature;
    expect(copy.layer).toBe('demolition');
    expect(copy.geometry).toEqual(parcel.geometry);
    expect(copy.properties).toMatchObject({ parcelNo: 'CJ001', linkage: 'C1' });
  });

  it('says when a feature is gone', () => {
    const result = deleteFeatures(contextOf(planWith([village])), [id('nope')]);
    expect(!result.ok && result.error.key).toBe('commands.error.featureGone');
  });
});
