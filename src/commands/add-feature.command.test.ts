import { describe, expect, it } from 'vitest';
import type { AreaFeature } from '../domain/features.ts';
import { applyPatch } from '../domain/patch.ts';
import { layerFeatures } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { hasVertex } from '../geo/topology.ts';
import { addFeature } from './add-feature.command.ts';
import { contextOf } from './test-context.ts';

const X = 120.5;
const Y = 30.5;
const village = feature('boundary', 'village', rect(X, Y, X + 0.01, Y + 0.01));

describe('addFeature', () => {
  it('adds a parcel inside the village with the next parcel number, selected', () => {
    const ctx = contextOf(planWith([village]));
    const result = addFeature(ctx, { layer: 'newBuild', geometry: rect(X + 0.001, Y + 0.001, X + 0.002, Y + 0.002), clipToNeighbours: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const plan = applyPatch(ctx.plan, result.patch).plan;
    const [added] = layerFeatures(plan, 'newBuild');
    expect(added?.properties.parcelNo).toBe('JX001');
    expect(added?.properties.useCode).toBe('2121');
    expect(result.select).toEqual([added?.id]);
  });

  it('clips a drawing that crosses the village boundary and says how much was cut', () => {
    const ctx = contextOf(planWith([village]));
    const result = addFeature(ctx, { layer: 'functionalZone', geometry: rect(X - 0.001, Y + 0.001, X + 0.001, Y + 0.002), clipToNeighbours: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const added = result.patch.features[0]?.after as AreaFeature;
    expect(ellipsoidalArea(added.geometry)).toBeCloseTo(ellipsoidalArea(rect(X, Y + 0.001, X + 0.001, Y + 0.002)), 3);
    expect(result.notes?.[0]?.key).toBe('commands.add.clippedToBoundary');
  });

  it('refuses a drawing wholly outside the village', () => {
    const result = addFeature(contextOf(planWith([village])), { layer: 'newBuild', geometry: rect(X - 0.003, Y, X - 0.002, Y + 0.001), clipToNeighbours: false });
    expect(!result.ok && result.error.key).toBe('commands.add.outsideVillage');
  });

  it('refuses a bow-tie and says where it crosses', () => {
    const bowTie = { type: 'Polygon' as const, coordinates: [[[X + 0.001, Y + 0.001], [X + 0.002, Y + 0.002], [X + 0.002, Y + 0.001], [X + 0.001, Y + 0.002], [X + 0.001, Y + 0.001]]] };
    const result = addFeature(contextOf(planWith([village])), { layer: 'newBuild', geometry: bowTie, clipToNeighbours: false });
    expect(!result.ok && result.error.key).toBe('geometry.invalid.selfIntersection');
    expect(!result.ok && result.error.at?.[0]).toBeCloseTo(X + 0.0015, 9);
  });

  it('refuses a zero-area polygon', () => {
    const flat = { type: 'Polygon' as const, coordinates: [[[X + 0.001, Y + 0.001], [X + 0.002, Y + 0.001], [X + 0.003, Y + 0.001], [X + 0.001, Y + 0.001]]] };
    const result = addFeature(contextOf(planWith([village])), { layer: 'newBuild', geometry: flat, clipToNeighbours: false });
    expect(result.ok).toBe(false);
  });

  it('clips a new zone to the zones already there, so zones never overlap', () => {
    const existing = feature('functionalZone', 'z1', rect(X, Y, X + 0.005, Y + 0.01));
    const ctx = contextOf(planWith([village, existing]));
    const result = addFeature(ctx, { layer: 'functionalZone', geometry: rect(X + 0.004, Y, X + 0.01, Y + 0.01), clipToNeighbours: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const added = result.patch.features[0]?.after as AreaFeature;
    expect(ellipsoidalArea(added.geometry)).toBeCloseTo(ellipsoidalArea(rect(X + 0.005, Y, X + 0.01, Y + 0.01)), 2);
    expect(result.notes?.some((n) => n.key === 'commands.clip.clipped')).toBe(true);
  });

  it('gives a drawn neighbour the vertex a new feature snapped onto its edge, and leaves the survey parcel as surveyed', () => {
    const zone = feature('functionalZone', 'z1', rect(X, Y, X + 0.005, Y + 0.01));
    const parcel = feature('base', 'b1', rect(X, Y, X + 0.005, Y + 0.01));
    const ctx = contextOf(planWith([village, zone, parcel]));
    const onEdge = [X + 0.005, Y + 0.004];
    const drawn = { type: 'Polygon' as const, coordinates: [[onEdge, [X + 0.007, Y + 0.004], [X + 0.007, Y + 0.006], [X + 0.005, Y + 0.006], onEdge]] };
    const result = addFeature(ctx, { layer: 'newBuild', geometry: drawn, clipToNeighbours: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const plan = applyPatch(ctx.plan, result.patch).plan;
    const newZone = plan.layers.functionalZone[zone.id];
    const newParcel = plan.layers.base[parcel.id];
    expect(newZone && hasVertex(newZone.geometry, onEdge)).toBe(true);
    // A reference layer is never edited by drawing; a vertex on its straight edge would change its area.
    expect(newParcel).toBe(parcel);
  });
});
