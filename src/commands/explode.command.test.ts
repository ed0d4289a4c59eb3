import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
import { applyPatch } from '../domain/patch.ts';
import { layerFeatures } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import type { CommandResult } from './command.ts';
import { explodeFeatures } from './explode.command.ts';
import { contextOf } from './test-context.ts';

const X = 120.49418734404207;
const Y = 29.995187264546782;
const village = feature('boundary', 'village', rect(X - 0.01, Y - 0.01, X + 0.02, Y + 0.02));

/** A ring as a survey reprojected from GK delivers it: full double precision, not a round grid. */
function ring(x0: number, y0: number, x1: number, y1: number): Position[] {
  return [[x0, y0], [x1, y0 + 1.37e-9], [x1 - 2.1e-9, y1], [x0, y1], [x0, y0]];
}

/** An imported demolition parcel in three parts: a large one with a pond (hole), a smaller one, and a 0.002 m² clipping sliver. */
const threeParts: AreaGeometry = {
  type: 'MultiPolygon',
  coordinates: [
    [ring(X + 0.003, Y, X + 0.004, Y + 0.001)],
    [ring(X, Y, X + 0.002, Y + 0.002), ring(X + 0.0005, Y + 0.0005, X + 0.001, Y + 0.001).reverse()],
    [ring(X + 0.005, Y, X + 0.0050005, Y + 0.0000004)],
  ],
};
const imported = feature('demolition', 'cj1', threeParts, { parcelNo: 'CJ004', note: '旧房' });
const other = feature('demolition', 'cj2', rect(X + 0.006, Y, X + 0.007, Y + 0.001), { parcelNo: 'CJ007' });

function applied(result: CommandResult) {
  if (!result.ok) throw new Error(result.error.key);
  return result;
}

describe('explodeFeatures', () => {
  it('makes one feature per part: the largest keeps the id, the others the attributes and the next parcel numbers', () => {
    const ctx = contextOf(planWith([village, imported, other]));
    const result = applied(explodeFeatures(ctx, [imported.id]));
    const plan = applyPatch(ctx.plan, result.patch).plan;
    const parcels = layerFeatures(plan, 'demolition').filter((f) => f.id !== other.id);
    expect(parcels).toHaveLength(2);
    const kept = plan.layers.demolition[imported.id]!;
    expect(kept.geometry).toEqual({ type: 'Polygon', coordinates: threeParts.coordinates[1] });
    expect(kept.properties).toEqual(imported.properties);
    const created = parcels.find((f) => f.id !== imported.id)!;
    expect(created.geometry).toEqual({ type: 'Polygon', coordinates: threeParts.coordinates[0] });
    expect(created.properties).toEqual({ ...imported.properties, parcelNo: 'CJ008' });
    expect(result.select).toEqual([imported.id, created.id]);
  });

  it('keeps the area but for the sliver part, which it names in a note', () => {
    const ctx = contextOf(planWith([village, imported]));
    const result = applied(explodeFeatures(ctx, [imported.id]));
    const plan = applyPatch(ctx.plan, result.patch).plan;
    const sliver = ellipsoidalArea({ type: 'Polygon', coordinates: threeParts.coordinates[2]! });
    expect(sliver).toBeGreaterThan(0);
    expect(sliver).toBeLessThan(0.01);
    const total = layerFeatures(plan, 'demolition').reduce((sum, f) => sum + ellipsoidalArea(f.geometry as AreaGeometry), 0);
    expect(total).toBeCloseTo(ellipsoidalArea(threeParts) - sliver, 6);
    expect(result.notes).toEqual([{ key: 'commands.explode.sliversDropped', params: { count: 1, areaM2: Number(sliver.toFixed(4)) } }]);
  });

  it('says so when nothing selected has more than one part', () => {
    const result = explodeFeatures(contextOf(planWith([village, other])), [other.id]);
    expect(!result.ok && result.error.key).toBe('commands.explode.notMultipart');
  });

  it('refuses a part whose outline crosses itself, showing where, and changes nothing', () => {
    const bowTie: Position[] = [[X, Y], [X + 0.001, Y + 0.001], [X + 0.001, Y], [X, Y + 0.001], [X, Y]];
    const broken = feature('demolition', 'cj3', { type: 'MultiPolygon', coordinates: [[bowTie], [ring(X + 0.003, Y, X + 0.004, Y + 0.001)]] });
    const result = explodeFeatures(contextOf(planWith([village, broken])), [broken.id]);
    expect(!result.ok && result.error.key).toBe('geometry.invalid.selfIntersection');
    expect(!result.ok && result.error.at).toBeDefined();
  });

  it('refuses a reference layer (the base survey is not edited)', () => {
    const base = feature('base', 'b1', threeParts, { classCode: '0103' });
    const result = explodeFeatures(contextOf(planWith([village, base])), [base.id]);
    expect(!result.ok && result.error.key).toBe('commands.error.referenceLayer');
  });
});
