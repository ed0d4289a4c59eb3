import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
import { applyPatch } from '../domain/patch.ts';
import { layerFeatures } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { hasVertex } from '../geo/topology.ts';
import { fullCheck } from '../rules/engine.ts';
import { village } from '../rules/test-support.ts';
import { drawOverPartition } from './draw-over-partition.command.ts';
import { contextOf } from './test-context.ts';

/** A 4 × 3 village, one 030 control zone over all of it (rules/test-support). */
const { plan, g } = village();
const coverageIssues = (p: typeof plan) => fullCheck(p).issues.filter((i) => ['no-gap', 'no-overlap'].includes(i.rule) && i.layer === 'controlZone' && i.severity !== 'notChecked');

describe('drawing a zone over a partition layer', () => {
  it('takes its area from the zone underneath: the layer still covers the village once, in one undo step', () => {
    const result = drawOverPartition(contextOf(plan), { layer: 'controlZone', geometry: g.block(1, 1, 3, 2), properties: { zoneCode: '020' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { plan: after, inverse } = applyPatch(plan, result.patch);
    const zones = layerFeatures(after, 'controlZone');
    expect(zones.map((z) => z.properties.zoneCode).sort()).toEqual(['020', '030']);
    const total = zones.reduce((s, z) => s + ellipsoidalArea(z.geometry), 0);
    expect(total).toBeCloseTo(ellipsoidalArea(g.block(0, 0, 4, 3)), 1);
    expect(coverageIssues(after)).toEqual([]);
    expect(result.notes?.map((n) => n.key)).toContain('commands.rezone.took');
    expect(applyPatch(after, inverse).plan).toEqual(plan);
  });

  it('joins a leftover strip smaller than a zone may be to the new zone, and says so', () => {
    // Leaves a 0.1-cell strip (~1,000 m², under the 10,000 m² control-zone minimum) along the east edge.
    const [x0, y0] = g.at(0, 0) as [number, number];
    const [x1, y1] = g.at(4, 3) as [number, number];
    const drawnEast = x0 + (x1 - x0) * (3.9 / 4);
    const drawn = { type: 'Polygon' as const, coordinates: [[[x0 + (x1 - x0) / 2, y0], [drawnEast, y0], [drawnEast, y1], [x0 + (x1 - x0) / 2, y1], [x0 + (x1 - x0) / 2, y0]]] };
    const result = drawOverPartition(contextOf(plan), { layer: 'controlZone', geometry: drawn, properties: { zoneCode: '020' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const after = applyPatch(plan, result.patch).plan;
    const zones = layerFeatures(after, 'controlZone');
    expect(zones).toHaveLength(2);
    const old = zones.find((z) => z.properties.zoneCode === '030');
    expect(ellipsoidalArea(old!.geometry)).toBeCloseTo(ellipsoidalArea(g.block(0, 0, 2, 3)), 0);
    expect(result.notes).toContainEqual(expect.objectContaining({ key: 'commands.rezone.sliversJoined', params: expect.objectContaining({ count: 1 }) }));
    expect(coverageIssues(after)).toEqual([]);
  });

  it('removes a zone the drawing covers whole, and refuses a drawing outside the village', () => {
    const first = drawOverPartition(contextOf(plan), { layer: 'controlZone', geometry: g.block(0, 0, 4, 3), properties: { zoneCode: '010' } });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.patch.features.filter((c) => c.after === null)).toHaveLength(1);
    const [x1] = g.at(4, 0) as [number, number];
    const outside = drawOverPartition(contextOf(plan), { layer: 'controlZone', geometry: { type: 'Polygon', coordinates: [[[x1 + 0.01, 30], [x1 + 0.02, 30], [x1 + 0.02, 30.01], [x1 + 0.01, 30]]] } });
    expect(outside).toMatchObject({ ok: false, error: { key: 'commands.add.outsideVillage' } });
  });
});

describe('drawing a zone over zones whose corners sit on a long straight edge', () => {
  // South's north edge runs 960 m east–west; the corner where north-west and north-east meet is a vertex in
  // its middle. The overlay drops it (it is collinear), and a straight run without it bends differently on
  // the ellipsoid: south would gain 5 m² the drawing never gave back.
  const X = 120.5;
  const Y = 30.5;
  const MID = X + 0.005;
  const corner: Position = [MID, Y + 0.005];
  const boundary = feature('boundary', 'village', rect(X, Y, X + 0.01, Y + 0.01), { villageCode: '330421101210', villageName: '测试村' });
  const south = feature('functionalZone', 'south', { type: 'Polygon', coordinates: [[[X, Y], [X + 0.01, Y], [X + 0.01, Y + 0.005], corner, [X, Y + 0.005], [X, Y]]] }, { zoneType: 'agriculture' });
  const northWest = feature('functionalZone', 'northWest', rect(X, Y + 0.005, MID, Y + 0.01), { zoneType: 'ecology' });
  const northEast = feature('functionalZone', 'northEast', rect(MID, Y + 0.005, X + 0.01, Y + 0.01), { zoneType: 'ecology' });
  const plan = planWith([boundary, south, northWest, northEast]);

  it('takes exactly the drawn area from the zone underneath, which keeps its neighbours’ corner', () => {
    const drawn = rect(X + 0.002, Y + 0.001, X + 0.003, Y + 0.002);
    const result = drawOverPartition(contextOf(plan), { layer: 'functionalZone', geometry: drawn, properties: { zoneType: 'construction' } });
    if (!result.ok) throw new Error(result.error.key);
    const after = applyPatch(plan, result.patch).plan;
    const cut = after.layers.functionalZone[south.id]?.geometry as AreaGeometry;
    expect(hasVertex(cut, corner)).toBe(true);
    expect(Math.abs(ellipsoidalArea(cut) + ellipsoidalArea(drawn) - ellipsoidalArea(south.geometry as AreaGeometry))).toBeLessThan(0.01);
    expect(result.notes).toContainEqual({ key: 'commands.rezone.took', params: { count: 1, areaM2: Math.round(ellipsoidalArea(drawn) * 100) / 100 } });
  });

  it('gives the new zone the points where its outline crossed the boundary between two zones', () => {
    const drawn = rect(MID - 0.001, Y + 0.006, MID + 0.001, Y + 0.008);
    const result = drawOverPartition(contextOf(plan), { layer: 'functionalZone', geometry: drawn, properties: { zoneType: 'construction' } });
    if (!result.ok) throw new Error(result.error.key);
    const after = applyPatch(plan, result.patch).plan;
    const made = after.layers.functionalZone[result.select?.[0] as typeof south.id]?.geometry as AreaGeometry;
    expect(hasVertex(made, [MID, Y + 0.006])).toBe(true);
    expect(hasVertex(made, [MID, Y + 0.008])).toBe(true);
    const total = layerFeatures(after, 'functionalZone').reduce((sum, z) => sum + ellipsoidalArea(z.geometry), 0);
    expect(Math.abs(total - layerFeatures(plan, 'functionalZone').reduce((sum, z) => sum + ellipsoidalArea(z.geometry), 0))).toBeLessThan(0.01);
  });
});
