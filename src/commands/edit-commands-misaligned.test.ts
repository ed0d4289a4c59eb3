/**
 * The 2017 editor's shape commands on zones shaped like real imports, not like our generator: neighbours'
 * copies of a corner or an edge a fraction of a millimetre apart (reprojection), a corner of one lying on
 * the middle of the other's edge (a T-junction). Within the coverage tolerance (1 mm) these are one
 * boundary: a command must treat them so, conserve area and leave a clean coverage clean.
 */
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, PlanFeature } from '../domain/features.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { polygonsOf } from '../geo/rings.ts';
import { issuesOf } from '../rules/test-support.ts';
import { addFeature } from './add-feature.command.ts';
import { clipToNeighbours } from './clip-to-neighbours.command.ts';
import { copyToLayer } from './copy-to-layer.command.ts';
import { cutHole } from './cut-hole.command.ts';
import { mergeFeatures } from './merge.command.ts';
import { splitFeatures } from './split.command.ts';
import { applied, HAIR, MID, village, west, X, Y } from './misaligned-test-support.ts';
import { contextOf } from './test-context.ts';

const polygon = (...ring: Position[]): AreaGeometry => ({ type: 'Polygon', coordinates: [[...ring, ring[0] as Position]] });


const zones = (plan: Plan) => layerFeatures(plan, 'functionalZone') as PlanFeature[];
const zoneArea = (plan: Plan) => zones(plan).reduce((sum, z) => sum + ellipsoidalArea(z.geometry as AreaGeometry), 0);
const coverageErrors = (plan: Plan) => ['no-gap', 'no-overlap'].flatMap((rule) => issuesOf(plan, rule)).filter((i) => i.severity === 'error' && i.layer === 'functionalZone');

describe('mergeFeatures on zones that do not share vertices bit for bit', () => {
  it('merges neighbours whose copies of the shared edge are a hair apart into one polygon without a sliver', () => {
    for (const east of [rect(MID + HAIR, Y, X + 0.01, Y + 0.01), rect(MID - HAIR, Y, X + 0.01, Y + 0.01)]) {
      const plan = planWith([village, west, feature('functionalZone', 'east', east, { zoneType: 'ecology' })]);
      expect(coverageErrors(plan)).toEqual([]);
      const merged = applied(plan, mergeFeatures(contextOf(plan), [west.id, 'east' as PlanFeature['id']]));
      const [only] = zones(merged);
      expect(zones(merged)).toHaveLength(1);
      expect(polygonsOf(only?.geometry as AreaGeometry).map((rings) => rings.length)).toEqual([1]);
      // The hair between them (0.33 m² over 1.1 km) is filled, the hair of overlap counted once: the village.
      expect(Math.abs(zoneArea(merged) - ellipsoidalArea(village.geometry as AreaGeometry))).toBeLessThan(0.01);
      expect(coverageErrors(merged)).toEqual([]);
    }
  });

  it('keeps the area of zones meeting a neighbour at a T-junction, a corner of theirs on its straight outer edge', () => {
    // North and south meet at a corner on west's east edge, where west has no vertex, a hair off it either way.
    for (const off of [HAIR, 0, -HAIR]) {
      const north = feature('functionalZone', 'north', polygon([MID + off, Y + 0.005], [X + 0.01, Y + 0.005], [X + 0.01, Y + 0.01], [MID, Y + 0.01]), { zoneType: 'ecology' });
      const south = feature('functionalZone', 'south', polygon([MID, Y], [X + 0.01, Y], [X + 0.01, Y + 0.005], [MID + off, Y + 0.005]), { zoneType: 'construction' });
      const plan = planWith([village, west, north, south]);
      const merged = applied(plan, mergeFeatures(contextOf(plan), [west.id, north.id]));
      expect(zones(merged)).toHaveLength(2);
      // West and north met at (MID, Y + 0.01) on the village's straight north edge: without that corner the
      // edge bends differently on the ellipsoid and the merged zone gains 5 m².
      expect(Math.abs(zoneArea(merged) - ellipsoidalArea(village.geometry as AreaGeometry))).toBeLessThan(0.01);
      expect(coverageErrors(merged)).toEqual([]);
    }
  });
});

describe('splitFeatures with a line snapped to the neighbour’s copy of the boundary', () => {
  // East's copy of the shared edge, and of its south corner, lie a hair inside west: a line snapped to
  // either stops just short of west's own.
  const corner: Position = [MID - HAIR, Y + HAIR];
  const east = feature('functionalZone', 'east', polygon(corner, [X + 0.01, Y], [X + 0.01, Y + 0.01], [MID - HAIR, Y + 0.01]), { zoneType: 'ecology' });
  const plan = planWith([village, west, east]);

  it('starts clean', () => {
    expect(coverageErrors(plan)).toEqual([]);
  });

  it.each<[string, Position[]]>([
    ['ending on the neighbour’s edge', [[X - 0.001, Y + 0.004], [MID - HAIR, Y + 0.004]]],
    ['ending on the neighbour’s copy of a corner', [[X - 0.001, Y + 0.006], corner]],
  ])('splits the zone by a line %s, the pieces adding up to it', (_case, line) => {
    const split = applied(plan, splitFeatures(contextOf(plan), [west.id], line));
    const pieces = zones(split).filter((z) => z.id !== east.id);
    expect(pieces).toHaveLength(2);
    const sum = pieces.reduce((s, z) => s + ellipsoidalArea(z.geometry as AreaGeometry), 0);
    expect(Math.abs(sum - ellipsoidalArea(west.geometry as AreaGeometry))).toBeLessThan(0.01);
    expect(coverageErrors(split)).toEqual([]);
  });
});

describe('cutting into a zone digitised with vertices along its straight edges', () => {
  // Imported zones carry a vertex every 100 m along a straight 960 m edge, which no neighbour needs. The
  // overlay drops them; without them the edge bends differently on the ellipsoid (src/geo/area.ts), and the
  // zone's area changes by square metres nobody drew.
  const dense = feature('functionalZone', 'dense', polygon([X, Y], [X + 0.01, Y], [X + 0.01, Y + 0.005], ...Array.from({ length: 9 }, (_, i): Position => [X + 0.009 - i * 0.001, Y + 0.005]), [X, Y + 0.005]), { zoneType: 'agriculture' });
  const north = feature('functionalZone', 'north', rect(X, Y + 0.005, X + 0.01, Y + 0.01), { zoneType: 'ecology' });
  const inner = rect(X + 0.002, Y + 0.001, X + 0.003, Y + 0.002);

  it('cuts a hole: the zone loses exactly the hole’s area', () => {
    const plan = planWith([village, dense, north]);
    const cut = applied(plan, cutHole(contextOf(plan), dense.id, inner as never));
    const after = ellipsoidalArea(cut.layers.functionalZone[dense.id]?.geometry as AreaGeometry);
    expect(Math.abs(after - (ellipsoidalArea(dense.geometry as AreaGeometry) - ellipsoidalArea(inner)))).toBeLessThan(0.01);
  });

  it('clips it to a neighbour drawn over it: it loses exactly the neighbour’s area, and the note says that much', () => {
    const over = feature('functionalZone', 'over', inner, { zoneType: 'construction' });
    const plan = planWith([village, dense, north, over]);
    const result = clipToNeighbours(contextOf(plan), [dense.id]);
    const after = ellipsoidalArea(applied(plan, result).layers.functionalZone[dense.id]?.geometry as AreaGeometry);
    expect(Math.abs(after - (ellipsoidalArea(dense.geometry as AreaGeometry) - ellipsoidalArea(inner)))).toBeLessThan(0.01);
    expect(result.ok && result.notes).toEqual([{ key: 'commands.clip.clipped', params: { areaM2: Math.round(ellipsoidalArea(inner) * 100) / 100 } }]);
  });
});

describe('clipping a zone drawn over neighbours a hair apart', () => {
  // West and east leave a 0.3 mm seam between their copies of the shared edge: within the tolerance, no gap.
  const southWest = feature('functionalZone', 'southWest', rect(X, Y, MID, Y + 0.005), { zoneType: 'agriculture' });
  const southEast = feature('functionalZone', 'southEast', rect(MID + HAIR, Y, X + 0.01, Y + 0.005), { zoneType: 'ecology' });
  const plan = planWith([village, southWest, southEast]);
  const overBoth = rect(X + 0.002, Y + 0.001, X + 0.008, Y + 0.004);

  it('refuses a zone drawn wholly over them rather than keep the seam (0.1 m², 0.3 mm wide) as a zone', () => {
    const added = addFeature(contextOf(plan), { layer: 'functionalZone', geometry: overBoth, properties: { zoneType: 'construction' }, clipToNeighbours: true });
    expect(added.ok ? null : added.error.key).toBe('commands.clip.nothingLeft');
    const drawn = feature('functionalZone', 'drawn', overBoth, { zoneType: 'construction' });
    const withDrawn = planWith([village, southWest, southEast, drawn]);
    const clipped = clipToNeighbours(contextOf(withDrawn), [drawn.id]);
    expect(clipped.ok ? null : clipped.error.key).toBe('commands.clip.nothingLeft');
  });

  it('keeps the part beyond them as one polygon, and the coverage clean', () => {
    const added = applied(plan, addFeature(contextOf(plan), { layer: 'functionalZone', geometry: rect(X, Y + 0.001, X + 0.01, Y + 0.01), properties: { zoneType: 'construction' }, clipToNeighbours: true }));
    const made = zones(added).find((z) => z.id !== southWest.id && z.id !== southEast.id);
    expect(polygonsOf(made?.geometry as AreaGeometry)).toHaveLength(1);
    expect(coverageErrors(added)).toEqual([]);
  });
});

describe('copying a survey parcel clipped to a village boundary from another layer', () => {
  // Its south edge runs 0.35 mm south of the village's, with a vertex its neighbour shares in the middle.
  const below = Y - 0.0003 / 86_000;
  const parcel = feature('base', 'parcel', polygon([X, below], [X + 0.002, below], [X + 0.004, below], [X + 0.004, Y + 0.001], [X, Y + 0.001]), { classCode: '0702' });
  const plan = planWith([village, parcel]);

  it('keeps the copy the parcel’s shape, with no note: the hair past the boundary is within the tolerance', () => {
    const result = copyToLayer(contextOf(plan), [parcel.id], 'demolition');
    if (!result.ok) throw new Error(result.error.key);
    expect(result.patch.features[0]?.after?.geometry).toEqual(parcel.geometry);
    expect(result.notes).toEqual([]);
  });

  it('still clips a drawing that goes a metre past the boundary, and says by how much', () => {
    const drawn = rect(X + 0.001, Y - 0.00001, X + 0.002, Y + 0.001);
    const result = addFeature(contextOf(plan), { layer: 'newBuild', geometry: drawn, clipToNeighbours: false });
    if (!result.ok) throw new Error(result.error.key);
    const made = result.patch.features[0]?.after?.geometry as AreaGeometry;
    expect(result.notes).toEqual([{ key: 'commands.add.clippedToBoundary', params: { areaM2: Math.round((ellipsoidalArea(drawn) - ellipsoidalArea(made)) * 100) / 100 } }]);
    expect(ellipsoidalArea(drawn) - ellipsoidalArea(made)).toBeGreaterThan(100);
  });
});

describe('drawing a change to the village boundary, over a survey parcel and next to a zone whose copy of the boundary is a hair off', () => {
  // The zone's south edge runs 0.3 mm south of the village's (a reprojected import): one boundary within the
  // tolerance. A survey parcel lies along the same edge.
  const south = Y - 0.0003 / 111_000;
  const zone = feature('functionalZone', 'zone', rect(X, south, X + 0.01, Y + 0.01), { zoneType: 'agriculture' });
  const parcel = feature('base', 'parcel', rect(X, Y, X + 0.01, Y + 0.002), { classCode: '111' });
  const plan = planWith([village, zone, parcel]);
  // Drawn across the 960 m south edge: clipped to it, its corners land on the middle of that edge.
  const drawn = rect(X + 0.004, Y - 0.0001, X + 0.006, Y + 0.001);

  it('leaves the village boundary and the survey parcels as they were, and the zones without a gap', () => {
    expect(coverageErrors(plan)).toEqual([]);
    const added = applied(plan, addFeature(contextOf(plan), { layer: 'newBuild', geometry: drawn, clipToNeighbours: false }));
    // A vertex on the middle of a straight 960 m lon/lat edge bends it on the ellipsoid: the survey parcel
    // was given two and grew by 5.8 m² (src/geo/area.ts), and the village changed with it.
    expect(added.layers.boundary[village.id]).toBe(village);
    expect(added.layers.base[parcel.id]).toBe(parcel);
    expect(ellipsoidalArea(added.layers.base[parcel.id]?.geometry as AreaGeometry)).toBe(ellipsoidalArea(parcel.geometry as AreaGeometry));
    expect(coverageErrors(added)).toEqual([]);
  });

  it('does the same for a split whose line runs out across the boundary', () => {
    const split = applied(plan, splitFeatures(contextOf(plan), [zone.id], [[X + 0.005, Y - 0.0001], [X + 0.005, Y + 0.011]]));
    expect(split.layers.boundary[village.id]).toBe(village);
    expect(split.layers.base[parcel.id]).toBe(parcel);
    expect(coverageErrors(split)).toEqual([]);
  });
});
