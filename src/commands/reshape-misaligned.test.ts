/**
 * Vertex edits on imported layers whose neighbours do not share vertices bit for bit (a CAD drawing, a
 * reprojected Shapefile): each feature's copy of a corner is a fraction of a millimetre from the next, and
 * a neighbour's corner may lie on an edge that has no vertex there (a T-junction). Within the coverage
 * tolerance (1 mm) these are one boundary, and the planner's edit must move it as one: otherwise a drag
 * opens a gap the width of the drag between zones that met.
 */
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, PlanFeature } from '../domain/features.ts';
import type { Plan } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { hasVertex } from '../geo/topology.ts';
import { issuesOf } from '../rules/test-support.ts';
import { deleteSharedVertex, insertSharedVertex, moveSharedVertex } from './reshape.command.ts';
import { applied, HAIR, MID, village, west, X, Y } from './misaligned-test-support.ts';
import { contextOf } from './test-context.ts';

/** East's copies of the shared corners a hair east of west's. */
const eastMisaligned = feature('functionalZone', 'east', rect(MID + HAIR, Y, X + 0.01, Y + 0.01), { zoneType: 'ecology' });


const zone = (plan: Plan, id: string) => plan.layers.functionalZone[id as keyof typeof plan.layers.functionalZone] as PlanFeature;
const coverageErrors = (plan: Plan) => ['no-gap', 'no-overlap'].flatMap((rule) => issuesOf(plan, rule)).filter((i) => i.severity === 'error' && i.layer === 'functionalZone');

describe('vertex edits where neighbours’ copies of a corner are a hair apart', () => {
  const plan = planWith([village, west, eastMisaligned]);

  it('starts as one boundary: no gap, no overlap', () => {
    expect(coverageErrors(plan)).toEqual([]);
  });

  it('moves both copies of a corner together', () => {
    const to: Position = [MID - 0.0002, Y + 0.01];
    const moved = applied(plan, moveSharedVertex(contextOf(plan), [MID, Y + 0.01], to));
    expect(hasVertex(zone(moved, 'west').geometry as AreaGeometry, to)).toBe(true);
    expect(hasVertex(zone(moved, 'east').geometry as AreaGeometry, to)).toBe(true);
    expect(coverageErrors(moved)).toEqual([]);
  });

  it('deletes both copies of a vertex on the shared edge', () => {
    const withMiddle = planWith([
      village,
      feature('functionalZone', 'west', { type: 'Polygon', coordinates: [[[X, Y], [MID, Y], [MID, Y + 0.005], [MID, Y + 0.01], [X, Y + 0.01], [X, Y]]] }, { zoneType: 'agriculture' }),
      feature('functionalZone', 'east', { type: 'Polygon', coordinates: [[[MID + HAIR, Y], [X + 0.01, Y], [X + 0.01, Y + 0.01], [MID + HAIR, Y + 0.01], [MID + HAIR, Y + 0.005], [MID + HAIR, Y]]] }, { zoneType: 'ecology' }),
    ]);
    const deleted = applied(withMiddle, deleteSharedVertex(contextOf(withMiddle), [MID, Y + 0.005]));
    expect(hasVertex(zone(deleted, 'west').geometry as AreaGeometry, [MID, Y + 0.005])).toBe(false);
    expect(hasVertex(zone(deleted, 'east').geometry as AreaGeometry, [MID + HAIR, Y + 0.005])).toBe(false);
  });

  it('gives a vertex inserted on the shared edge to the neighbour too', () => {
    const point: Position = [MID + 0.0003, Y + 0.004];
    const edited: AreaGeometry = { type: 'Polygon', coordinates: [[[X, Y], [MID, Y], point, [MID, Y + 0.01], [X, Y + 0.01], [X, Y]]] };
    const inserted = applied(plan, insertSharedVertex(contextOf(plan), west.id, [MID, Y], [MID, Y + 0.01], point, edited));
    expect(hasVertex(zone(inserted, 'east').geometry as AreaGeometry, point)).toBe(true);
    expect(coverageErrors(inserted)).toEqual([]);
  });

  it('leaves a corner 5 mm away alone: that is another vertex, not a copy', () => {
    const apart = feature('functionalZone', 'east', rect(MID + 0.005 / 96_000, Y, X + 0.01, Y + 0.01), { zoneType: 'ecology' });
    const twoCorners = planWith([village, west, apart]);
    const moved = applied(twoCorners, moveSharedVertex(contextOf(twoCorners), [MID, Y + 0.01], [MID - 0.0002, Y + 0.01]));
    expect(zone(moved, 'east')).toBe(zone(twoCorners, 'east'));
  });
});

describe('moving a corner that lies on a neighbour’s edge (a T-junction)', () => {
  // West is one rectangle; east is two, whose common corner lies on west's east edge, where west has no vertex.
  const north = feature('functionalZone', 'north', rect(MID, Y + 0.005, X + 0.01, Y + 0.01), { zoneType: 'ecology' });
  const south = feature('functionalZone', 'south', rect(MID, Y, X + 0.01, Y + 0.005), { zoneType: 'construction' });
  const plan = planWith([village, west, north, south]);

  it('bends the neighbour’s edge to follow, so the zones still meet', () => {
    expect(coverageErrors(plan)).toEqual([]);
    const to: Position = [MID - 0.0003, Y + 0.0052];
    const moved = applied(plan, moveSharedVertex(contextOf(plan), [MID, Y + 0.005], to));
    expect(hasVertex(zone(moved, 'west').geometry as AreaGeometry, to)).toBe(true);
    expect(coverageErrors(moved)).toEqual([]);
  });
});

describe('moving a corner whose swinging edge holds a neighbour’s corner (the reverse T-junction)', () => {
  // East is one rectangle; west is two, whose common corner lies on east's west edge, where east has no vertex.
  const westNorth = feature('functionalZone', 'westNorth', rect(X, Y + 0.005, MID, Y + 0.01), { zoneType: 'agriculture' });
  const westSouth = feature('functionalZone', 'westSouth', rect(X, Y, MID, Y + 0.005), { zoneType: 'construction' });
  const east = feature('functionalZone', 'east', rect(MID, Y, X + 0.01, Y + 0.01), { zoneType: 'ecology' });
  const plan = planWith([village, westNorth, westSouth, east]);

  it('bends the swinging edge at the neighbour’s corner instead of sweeping over it', () => {
    expect(coverageErrors(plan)).toEqual([]);
    const to: Position = [MID - 0.0002, Y + 0.01];
    const moved = applied(plan, moveSharedVertex(contextOf(plan), [MID, Y + 0.01], to));
    // The bend is the point of east's own edge nearest the corner, found in the GK plane (where a lon/lat
    // edge is not quite straight): within the tolerance, 1 mm ≈ 1e-8°.
    const nearest = Math.min(...((zone(moved, 'east').geometry as Polygon).coordinates[0] as Position[]).map((p) => Math.hypot((p[0] as number) - MID, (p[1] as number) - (Y + 0.005))));
    expect(nearest).toBeLessThan(1e-8);
    expect(zone(moved, 'westSouth')).toBe(zone(plan, 'westSouth'));
    expect(coverageErrors(moved)).toEqual([]);
  });
});
