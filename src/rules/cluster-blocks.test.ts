/**
 * A corridor's union made block by block (cluster-blocks.ts), on a village whose boundary comes from another
 * survey (the generator's misaligned variant, 500 parcels): after each edit along the boundary (a vertex moved
 * 0.2 m, a parcel reclassified, deleted or redrawn), the engine's findings are a fresh engine's, byte for
 * byte; and an edit re-unions only the blocks its parcel reaches, not the corridor.
 */
import type { Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateVillagePlan } from '../../scripts/sample/generate.ts';
import { createRng } from '../../scripts/sample/prng.ts';
import { clipToSeparateBoundary, misalignBoundary } from '../../scripts/sample/real-looking.ts';
import type { FeatureOf, PlanFeature } from '../domain/features.ts';
import { applyPatch, putFeature, removeFeature, type Patch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import { geometryBBox } from '../geo/bbox.ts';
import * as overlay from '../geo/geos/coverage-overlay.ts';
import { moveVertex } from '../geo/topology.ts';
import { RuleEngine } from './engine.ts';
import { RULES } from './index.ts';
import type { Issue } from './issue.ts';
import { partitionClusters, type Cluster } from './partition-clusters.ts';
import { BLOCK_M, CorridorBlocks } from './cluster-blocks.ts';
import type { FlatPolygon } from '../geo/geos/planar-geometry.ts';
import type { PlanarPart } from '../geo/geos/coverage-overlay.ts';
import { ellipsoidalArea } from '../geo/area.ts';

vi.mock('../geo/geos/coverage-overlay.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../geo/geos/coverage-overlay.ts')>();
  return { ...original, unionOf: vi.fn(original.unionOf), clipParts: vi.fn(original.clipParts) };
});

const COVERAGE = RULES.filter((r) => ['no-gap', 'no-overlap', 'inside-village'].includes(r.id));
/** Degrees of 0.2 m, near enough at 30°N. */
const STEP = 0.2 / 100_000;

let misaligned: Plan;
beforeAll(() => {
  misaligned = misalignBoundary(clipToSeparateBoundary(generateVillagePlan({ seed: 2017, parcels: 500 }), { seed: 1 }).plan);
});

/** The findings as text, in one order: the engine lists a re-judged feature's last. */
const findings = (issues: readonly Issue[]) => issues.map((i) => JSON.stringify(i)).sort();

function corridorOf(engine: RuleEngine): Cluster {
  const corridor = partitionClusters(engine.checkState, 'base').find((c) => c.blocks);
  if (!corridor) throw new Error('no corridor along the misaligned boundary');
  return corridor;
}

/** One edit of a parcel of the corridor, picked by `rng`. */
function editAlongBoundary(plan: Plan, parcel: FeatureOf<'base'>, corridorCodes: readonly FeatureOf<'base'>['properties']['classCode'][], rng: ReturnType<typeof createRng>): Patch {
  const op = rng.pick(['move', 'move', 'reclassify', 'delete', 'redraw'] as const);
  if (op === 'delete') return { features: [removeFeature(plan, 'base', parcel.id)] };
  if (op === 'reclassify') {
    const codes = [...new Set(corridorCodes)].filter((c) => c !== parcel.properties.classCode);
    const classCode = rng.pick(codes);
    return { features: [putFeature({ ...parcel, properties: { ...parcel.properties, classCode } } as PlanFeature)] };
  }
  if (op === 'move') {
    const ring = (parcel.geometry as Polygon).coordinates[0] as Position[];
    const from = ring[rng.int(0, ring.length - 2)] as Position;
    const angle = rng.float(0, 2 * Math.PI);
    const moved = moveVertex(parcel.geometry, from, [(from[0] as number) + STEP * Math.cos(angle), (from[1] as number) + STEP * Math.sin(angle)]);
    return { features: moved ? [putFeature({ ...parcel, geometry: moved } as PlanFeature)] : [] };
  }
  // Redrawn as a rectangle a little smaller or larger than its box: gaps, overlaps and parts outside.
  const [x0, y0, x1, y1] = geometryBBox(parcel.geometry);
  const grow = rng.float(-0.1, 0.05);
  const [dx, dy] = [(x1 - x0) * grow, (y1 - y0) * grow];
  const geometry: Polygon = { type: 'Polygon', coordinates: [[[x0 - dx, y0 - dy], [x1 + dx, y0 - dy], [x1 + dx, y1 + dy], [x0 - dx, y1 + dy], [x0 - dx, y0 - dy]]] };
  return { features: [putFeature({ ...parcel, geometry } as PlanFeature)] };
}

/** The blocks (by key) the parcel's GK box meets. */
function blocksReached(engine: RuleEngine, parcel: FeatureOf<'base'>): string[] {
  const xy = engine.checkState.plane().polygons(parcel.geometry).flat();
  const [xs, ys] = [xy.flatMap((ring) => [...ring].filter((_, k) => k % 2 === 0)), xy.flatMap((ring) => [...ring].filter((_, k) => k % 2 === 1))];
  const keys: string[] = [];
  for (let i = Math.floor(Math.min(...xs) / BLOCK_M); i <= Math.floor(Math.max(...xs) / BLOCK_M); i++) for (let j = Math.floor(Math.min(...ys) / BLOCK_M); j <= Math.floor(Math.max(...ys) / BLOCK_M); j++) keys.push(`${i},${j}`);
  return keys;
}

/** Whether the polygon reaches across a line of the blocks' grid. */
function crossesGridLine(polygon: FlatPolygon): boolean {
  const shell = [...(polygon[0] ?? [])];
  const [xs, ys] = [shell.filter((_, k) => k % 2 === 0), shell.filter((_, k) => k % 2 === 1)];
  const cell = (values: number[]) => new Set(values.map((v) => Math.floor(v / BLOCK_M))).size > 1;
  return cell(xs) || cell(ys);
}

/** Vertices on a grid line in the middle of a straight edge (within 0.1 µm): where a cut at a block's edge was joined. */
function seamVertices(polygon: FlatPolygon): number[][] {
  return polygon.flatMap((ring) => {
    const n = ring.length / 2 - 1;
    const at = (k: number) => [ring[2 * ((k + n) % n)] as number, ring[2 * ((k + n) % n) + 1] as number] as const;
    return Array.from({ length: n }, (_, k) => k).flatMap((k) => {
      const [[px, py], [x, y], [qx, qy]] = [at(k - 1), at(k), at(k + 1)];
      const onGrid = [x, y].some((v) => Math.abs(v - Math.round(v / BLOCK_M) * BLOCK_M) < 1e-6);
      const off = Math.abs((qx - px) * (y - py) - (qy - py) * (x - px)) / Math.hypot(qx - px, qy - py);
      const between = (x - px) * (qx - x) + (y - py) * (qy - y) > 0;
      return onGrid && between && off < 1e-7 ? [[x, y]] : [];
    });
  });
}

describe('a corridor along a misaligned village boundary, unioned block by block', () => {
  it('finds after each edit along the boundary what a fresh check finds', () => {
    let plan = misaligned;
    const engine = new RuleEngine(plan, COVERAGE);
    engine.prepareForEdits();
    const corridor = corridorOf(engine);
    // The case this is about: one corridor round the village, in many blocks.
    expect(corridor.features.length).toBeGreaterThan(100);
    expect(findings(engine.result().issues).some((i) => i.includes('"no-gap"'))).toBe(true);
    const rng = createRng(7, 'corridor-edits');
    const ops = new Set<string>();
    for (let step = 0; step < 14; step++) {
      const parcels = corridorOf(engine).features.filter((f): f is FeatureOf<'base'> => f.layer === 'base');
      const patch = editAlongBoundary(plan, rng.pick(parcels), parcels.map((p) => p.properties.classCode), rng);
      if (patch.features.length === 0) continue;
      ops.add(patch.features[0]!.after ? 'put' : 'delete');
      plan = applyPatch(plan, patch).plan;
      const incremental = engine.applyPatch(patch).issues;
      expect(findings(incremental), `after step ${step}`).toEqual(findings(new RuleEngine(plan, COVERAGE).result().issues));
    }
    expect(ops).toEqual(new Set(['put', 'delete']));
  });

  it('re-unions only the blocks an edited parcel reaches, and none for a parcel reclassified', () => {
    const engine = new RuleEngine(misaligned, COVERAGE);
    engine.result();
    engine.prepareForEdits();
    const corridor = corridorOf(engine);
    const parcels = corridor.features.filter((f): f is FeatureOf<'base'> => f.layer === 'base');
    const parcel = parcels[Math.floor(parcels.length / 2)] as FeatureOf<'base'>;
    const other = parcels.find((f) => f.properties.classCode !== parcel.properties.classCode) as FeatureOf<'base'>;
    const reclassified = { ...parcel, properties: { ...parcel.properties, classCode: other.properties.classCode } } as PlanFeature;
    const ring = (parcel.geometry as Polygon).coordinates[0] as Position[];
    const from = ring[0] as Position;
    const moved = { ...parcel, geometry: moveVertex(parcel.geometry, from, [(from[0] as number) + STEP, from[1] as number]) } as PlanFeature;
    // Each union of features is in the GK plane (metres); a corridor's boxes are unioned in lon/lat.
    const unionsInPlane = () => vi.mocked(overlay.unionOf).mock.calls.filter(([polygons]) => (polygons[0]?.[0]?.[0]?.[0] ?? 0) > 1000);
    const clearCalls = () => [overlay.unionOf, overlay.clipParts].forEach((f) => vi.mocked(f).mockClear());

    // A new class, the same outline: nothing to union or cut again (the memos go by ids and outlines).
    clearCalls();
    engine.applyPatch({ features: [putFeature(reclassified)] });
    expect(unionsInPlane()).toEqual([]);
    expect(vi.mocked(overlay.clipParts)).not.toHaveBeenCalled();

    // A vertex moved: only the blocks the parcel reaches, never the corridor's parcels at once, and the
    // gaps of those blocks only (each its piece of the village less its union: one difference in the plane).
    clearCalls();
    engine.applyPatch({ features: [putFeature(moved)] });
    const unioned = unionsInPlane().map(([polygons]) => polygons.length);
    expect(unioned.length).toBeGreaterThan(0);
    expect(Math.max(...unioned)).toBeLessThan(corridor.features.length / 4);
    const blockGaps = vi.mocked(overlay.clipParts).mock.calls.filter(([op, polygons, , minWidth]) => op === 'difference' && minWidth === 0 && (polygons[0]?.[0]?.[0] ?? 0) > 1000);
    expect(blockGaps.length).toBeGreaterThan(0);
    expect(blockGaps.length).toBeLessThanOrEqual(blocksReached(engine, parcel).length);
  });

  it('joins a gap cut by the blocks edges into one, as one overlay of the whole corridor finds it', () => {
    const engine = new RuleEngine(misaligned, COVERAGE);
    engine.result();
    const state = engine.checkState;
    const corridor = corridorOf(engine);
    const plane = state.plane();
    const outline = plane.polygons(corridor.corridor!);
    const features = corridor.features.filter((f) => state.isValid(f.geometry));
    const blocked = new CorridorBlocks().unionOf(outline, features.map((f) => ({ geometry: f.geometry, polygons: plane.polygons(f.geometry) })));
    const boundary = state.boundary();
    const village = plane.polygons((boundary.ok && boundary.geometry) as Polygon);
    const whole = overlay.gapsIn(village, outline, [blocked.union], 0.001);
    const inBlocks = blocked.overlay('gaps', [village], 0.001);
    // Some gap crosses a block's edge, or this proves nothing.
    expect(inBlocks.some((part) => crossesGridLine(part.polygon))).toBe(true);
    const measured = (parts: readonly PlanarPart[]) => parts.map((p) => [p.area.toFixed(4), ellipsoidalArea(plane.toLonLat([p.polygon]) as Polygon).toFixed(2)].join(' ')).sort();
    expect(measured(inBlocks)).toEqual(measured(whole));
    // Without the vertices the cut left on the grid lines, which bend a long edge once taken back to lon/lat.
    expect(inBlocks.flatMap((part) => seamVertices(part.polygon))).toEqual([]);
  });
});
