import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, PlanFeature } from '../../src/domain/features.ts';
import { LAYER_IDS, LAYERS, type LayerId } from '../../src/profiles/zhejiang-2017/layers.ts';
import { layerFeatures, type Plan } from '../../src/domain/plan.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { difference, intersection, resultArea } from '../../src/geo/overlay.ts';
import { pointInAreaGeometry, pointInRing } from '../../src/geo/point-in-ring.ts';
import { toGaussKruger, type GkCrs } from '../../src/geo/projection.ts';
import { rings } from '../../src/geo/rings.ts';
import { distanceToSegment, segmentIntersection } from '../../src/geo/segments.ts';
import { isValidAreaGeometry } from '../../src/geo/validity.ts';
import { fullCheck } from '../../src/rules/engine.ts';
import { generateVillagePlan } from './generate.ts';
import { GkPlane } from './gk-plane.ts';
import { tJunctions } from './plan-geometry-checks.ts';
import { clipToSeparateBoundary, jitterVertices, misalignBoundary, plantViolations, type ExpectedViolation } from './real-looking.ts';

/** The smallest village the generator makes reliably (~500 parcels, ~0.1 s). */
const SMALL_VILLAGE = { seed: 2017, parcels: 500 } as const;
const PLANAR_TOLERANCE_METRES = 1e-6;
const AREA_LAYERS = LAYER_IDS.filter((layer) => LAYERS[layer].geometry === 'area');

let cached: { original: Plan; clipped: ReturnType<typeof clipToSeparateBoundary>; jittered: ReturnType<typeof jitterVertices> } | undefined;
function village() {
  if (!cached) {
    const original = generateVillagePlan(SMALL_VILLAGE);
    const clipped = clipToSeparateBoundary(original, { seed: 1 });
    cached = { original, clipped, jittered: jitterVertices(clipped.plan, { seed: 1 }) };
  }
  return cached;
}

const crsOf = (plan: Plan): GkCrs => GkPlane.of(plan).crs;
const areaFeatures = (plan: Plan, layer: LayerId) => (layerFeatures(plan, layer) as readonly PlanFeature[]).filter((f): f is PlanFeature & { geometry: AreaGeometry } => f.geometry.type !== 'Point');
const boundaryRing = (plan: Plan): Position[] => (layerFeatures(plan, 'boundary')[0]!.geometry.coordinates as Position[][])[0]!;
const sumArea = (plan: Plan, layer: LayerId) => areaFeatures(plan, layer).reduce((s, f) => s + ellipsoidalArea(f.geometry), 0);
const positions = (geometry: AreaGeometry): Position[] => [...rings(geometry)].flatMap(({ ring }) => ring.slice(0, -1) as Position[]);

const distance = (p: Position, q: Position): number => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!);

function distanceToRing(p: Position, ring: readonly Position[]): number {
  let nearest = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) nearest = Math.min(nearest, distanceToSegment(p, ring[i]!, ring[i + 1]!));
  return nearest;
}

/** Planar check in the GK plane: no vertex outside (beyond the tolerance), no edge passing out and back in. */
function outsideProblems(geometry: AreaGeometry, boundaryPlane: readonly Position[], crs: GkCrs): string[] {
  const problems: string[] = [];
  for (const { ring } of rings(geometry)) {
    const plane = ring.map((p) => toGaussKruger(p, crs));
    for (const p of plane) {
      if (pointInRing(p, boundaryPlane) === 'outside' && distanceToRing(p, boundaryPlane) > PLANAR_TOLERANCE_METRES) problems.push(`vertex ${p} outside`);
    }
    for (let i = 0; i + 1 < plane.length; i++) {
      for (let k = 0; k + 1 < boundaryPlane.length; k++) {
        const meeting = segmentIntersection(plane[i]!, plane[i + 1]!, boundaryPlane[k]!, boundaryPlane[k + 1]!);
        if (meeting.kind !== 'cross') continue;
        // A crossing right at a vertex, or of an edge that runs along the boundary edge, is no way out.
        const nearEnd = Math.min(distance(meeting.point, plane[i]!), distance(meeting.point, plane[i + 1]!));
        const alongBoundary = [plane[i]!, plane[i + 1]!].every((p) => distanceToSegment(p, boundaryPlane[k]!, boundaryPlane[k + 1]!) <= PLANAR_TOLERANCE_METRES);
        if (nearEnd > PLANAR_TOLERANCE_METRES && !alongBoundary) problems.push(`edge ${plane[i]} crosses the boundary`);
      }
    }
  }
  return problems;
}

describe('clipToSeparateBoundary', () => {
  it('replaces the boundary with one ring of edges + 1 positions, inside the old outline', () => {
    const { original, clipped } = village();
    const ring = boundaryRing(clipped.plan);
    expect(layerFeatures(clipped.plan, 'boundary')).toHaveLength(1);
    expect(ring).toHaveLength(33);
    expect(clipped.report.boundaryPositions).toBe(33);
    expect(ring[0]).toEqual(ring[32]);
    expect(isValidAreaGeometry(layerFeatures(clipped.plan, 'boundary')[0]!.geometry)).toBe(true);
    const oldOutline = layerFeatures(original, 'boundary')[0]!.geometry;
    for (const p of ring) expect(pointInAreaGeometry(p, oldOutline)).toBe('inside');
    expect(boundaryRing(clipToSeparateBoundary(original, { seed: 1, edges: 12 }).plan)).toHaveLength(13);
  });

  it('leaves every feature of every area layer inside the new boundary (GK plane, within 1e-6 m)', () => {
    const { clipped } = village();
    const crs = crsOf(clipped.plan);
    const boundaryPlane = boundaryRing(clipped.plan).map((p) => toGaussKruger(p, crs));
    for (const layer of AREA_LAYERS.filter((l) => l !== 'boundary')) {
      for (const f of areaFeatures(clipped.plan, layer)) expect(outsideProblems(f.geometry, boundaryPlane, crs), `${layer} ${f.id}`).toEqual([]);
    }
  });

  it('keeps the partitions clean: areas sum to the boundary’s within 0.01 %, no T-junction between parcels', () => {
    const { original, clipped } = village();
    const village_m2 = ellipsoidalArea(layerFeatures(clipped.plan, 'boundary')[0]!.geometry);
    for (const layer of LAYER_IDS.filter((l) => LAYERS[l].partition)) {
      expect(Math.abs(sumArea(clipped.plan, layer) - village_m2) / village_m2, layer).toBeLessThan(1e-4);
    }
    // Both parcels on either side of a cut edge got the same crossing, bit for bit.
    expect(tJunctions(areaFeatures(clipped.plan, 'base').map((f) => f.geometry))).toEqual([]);
    // So did the zones and farmland patches cut there; their edges along the boundary are the boundary's,
    // with the parcels' T-junctions on them, and no T-junction is anywhere else.
    const crs = crsOf(clipped.plan);
    const boundaryPlane = boundaryRing(clipped.plan).map((p) => toGaussKruger(p, crs));
    const cut = (['base', 'functionalZone', 'controlZone', 'pbf'] as const).flatMap((layer) => areaFeatures(clipped.plan, layer).map((f) => f.geometry));
    const offBoundary = tJunctions(cut).filter(({ vertex }) => distanceToRing(toGaussKruger(vertex, crs), boundaryPlane) > PLANAR_TOLERANCE_METRES);
    expect(offBoundary).toEqual([]);
    const { parcelsKept, parcelsClipped, parcelsDropped } = clipped.report;
    expect(parcelsClipped).toBeGreaterThan(30);
    expect(parcelsDropped).toBeGreaterThan(0);
    expect(parcelsKept + parcelsClipped).toBe(layerFeatures(clipped.plan, 'base').length);
    expect(parcelsKept + parcelsClipped + parcelsDropped).toBe(layerFeatures(original, 'base').length);
    for (const f of areaFeatures(clipped.plan, 'base')) expect(isValidAreaGeometry(f.geometry), f.id).toBe(true);
  });

  it('puts many parcel vertices inside the boundary’s edges without splitting them (T-junctions)', () => {
    const { clipped } = village();
    const crs = crsOf(clipped.plan);
    const boundaryPlane = boundaryRing(clipped.plan).map((p) => toGaussKruger(p, crs));
    const onEdges = new Set<string>();
    for (const f of areaFeatures(clipped.plan, 'base')) {
      for (const p of positions(f.geometry).map((q) => toGaussKruger(q, crs))) {
        const atCorner = boundaryPlane.some((c) => distance(c, p) <= PLANAR_TOLERANCE_METRES);
        if (!atCorner && distanceToRing(p, boundaryPlane) <= PLANAR_TOLERANCE_METRES) onEdges.add(`${p[0]},${p[1]}`);
      }
    }
    expect(onEdges.size).toBeGreaterThan(50);
    expect(onEdges.size).toBe(clipped.report.tJunctions);
    expect(clipped.report.largestSnapMetres).toBeLessThan(PLANAR_TOLERANCE_METRES);
  });

  it('shrinks the township’s kept-land tasks with the land the village lost, so they stay just met', () => {
    const { original, clipped } = village();
    const { quotas } = clipped.plan.meta;
    expect(quotas.permanentBasicFarmland!).toBeLessThan(original.meta.quotas.permanentBasicFarmland!);
    expect(quotas.cultivatedLand!).toBeLessThan(original.meta.quotas.cultivatedLand!);
    expect(quotas.constructionTotal).toBe(original.meta.quotas.constructionTotal);
    // Met, and just met: the rules that compare them (net of 田坎) find nothing, and the task is within 1 %
    // of what the rule counts.
    const kept = fullCheck(clipped.plan).issues.filter((i) => i.rule === 'pbf-kept' || i.rule === 'cultivated-land-kept');
    expect(kept).toEqual([]);
    const tooLow = fullCheck({ ...clipped.plan, meta: { ...clipped.plan.meta, quotas: { ...quotas, permanentBasicFarmland: quotas.permanentBasicFarmland! * 1.01 } } });
    expect(tooLow.issues.filter((i) => i.rule === 'pbf-kept').map((i) => i.severity)).toEqual(['error']);
  });

  it('is pure and seeded: the input is untouched, the same seed gives the same plan', () => {
    const { original, clipped } = village();
    expect(layerFeatures(original, 'boundary')[0]!.geometry.coordinates[0]).toHaveLength(119);
    expect(JSON.stringify(clipToSeparateBoundary(original, { seed: 1 }).plan) === JSON.stringify(clipped.plan)).toBe(true);
    expect(boundaryRing(clipToSeparateBoundary(original, { seed: 2 }).plan)).not.toEqual(boundaryRing(clipped.plan));
  });
});

describe('jitterVertices', () => {
  it('moves each occurrence by at most metres·√2 in the GK plane, keeping rings closed and valid', () => {
    const { clipped, jittered } = village();
    const crs = crsOf(clipped.plan);
    let largest = 0;
    let total = 0;
    let count = 0;
    for (const layer of AREA_LAYERS) {
      const after = new Map(areaFeatures(jittered.plan, layer).map((f) => [f.id, f.geometry]));
      for (const f of areaFeatures(clipped.plan, layer)) {
        const moved = after.get(f.id)!;
        expect(isValidAreaGeometry(moved), f.id).toBe(true);
        const before = [...rings(f.geometry)];
        const now = [...rings(moved)];
        expect(now.map((r) => r.ring.length)).toEqual(before.map((r) => r.ring.length));
        now.forEach(({ ring }, r) => {
          expect(ring[ring.length - 1]).toEqual(ring[0]);
          ring.forEach((p, i) => {
            const [e0, n0] = toGaussKruger(before[r]!.ring[i]!, crs);
            const [e1, n1] = toGaussKruger(p, crs);
            const d = Math.hypot(e1 - e0, n1 - n0);
            largest = Math.max(largest, d);
            total += d;
            count++;
          });
        });
      }
    }
    expect(largest).toBeLessThanOrEqual(0.0003 * Math.SQRT2 + 1e-8);
    expect(total / count).toBeGreaterThan(0.0001);
    expect(jittered.report.featuresUnmoved).toBe(0);
  });

  it('moves the copies of a shared vertex apart: none stays bit-identical', () => {
    const { clipped, jittered } = village();
    const copies = new Map<string, Position[]>();
    for (const layer of ['boundary', 'base'] as const) {
      const after = new Map(areaFeatures(jittered.plan, layer).map((f) => [f.id, positions(f.geometry)]));
      for (const f of areaFeatures(clipped.plan, layer)) {
        const moved = after.get(f.id)!;
        positions(f.geometry).forEach((p, i) => {
          const key = `${p[0]},${p[1]}`;
          copies.set(key, [...(copies.get(key) ?? []), moved[i]!]);
        });
      }
    }
    const shared = [...copies.values()].filter((list) => list.length > 1);
    expect(shared.length).toBeGreaterThan(500);
    for (const list of shared) expect(new Set(list.map((p) => `${p[0]},${p[1]}`)).size).toBe(list.length);
  });

  it('jitters only the layers asked for', () => {
    const { clipped } = village();
    const onlyBase = jitterVertices(clipped.plan, { seed: 1, layers: ['base'] }).plan;
    expect(onlyBase.layers.boundary).toBe(clipped.plan.layers.boundary);
    expect(onlyBase.layers.controlZone).toBe(clipped.plan.layers.controlZone);
    expect(onlyBase.layers.base).not.toEqual(clipped.plan.layers.base);
  });
});

describe('plantViolations', () => {
  /** The planted region measured by overlay, independently of the triangle the planter computed. */
  function measured(before: Plan, after: Plan, v: ExpectedViolation) {
    const [changedId, neighbourId] = v.featureIds as [PlanFeature['id'], PlanFeature['id']];
    const geometry = (plan: Plan, id: PlanFeature['id']) => areaFeatures(plan, 'base').find((f) => f.id === id)!.geometry;
    const was = geometry(before, changedId);
    const now = geometry(after, changedId);
    const neighbour = geometry(after, neighbourId);
    expect(geometry(before, neighbourId)).toBe(neighbour);
    if (v.kind === 'gap') {
      const removed = difference(was, now);
      if (!removed.ok || !removed.value) throw new Error(`nothing was removed from ${changedId}`);
      expect(resultArea(intersection(removed.value, neighbour))).toBeLessThan(0.01);
      expect(pointInAreaGeometry(v.at, was)).toBe('inside');
      expect(pointInAreaGeometry(v.at, now)).toBe('outside');
      return { overlay: resultArea(removed), areaChange: ellipsoidalArea(was) - ellipsoidalArea(now) };
    }
    expect(pointInAreaGeometry(v.at, now)).toBe('inside');
    expect(pointInAreaGeometry(v.at, neighbour)).toBe('inside');
    return { overlay: resultArea(intersection(now, neighbour)), areaChange: ellipsoidalArea(now) - ellipsoidalArea(was) };
  }

  it('plants the asked gaps and overlaps between base parcels, each over 1 m² and wider than 0.05 m', () => {
    const { clipped } = village();
    const { plan, violations } = plantViolations(clipped.plan, { seed: 1, gaps: 2, overlaps: 4 });
    expect(violations.map((v) => v.kind)).toEqual(['gap', 'gap', 'overlap', 'overlap', 'overlap', 'overlap']);
    const changed = new Set(violations.map((v) => v.featureIds[0]));
    expect(changed.size).toBe(6);
    for (const v of violations) {
      expect(v.layer).toBe('base');
      expect(v.areaM2).toBeGreaterThan(3);
      expect(v.depthMetres).toBeGreaterThanOrEqual(1);
    }
    for (const f of areaFeatures(plan, 'base')) {
      if (changed.has(f.id)) expect(isValidAreaGeometry(f.geometry), f.id).toBe(true);
      else expect(f).toBe(clipped.plan.layers.base[f.id]);
    }
  });

  it('reports areas that overlay measures too (exactly on a clean coverage)', () => {
    const { clipped } = village();
    const { plan, violations } = plantViolations(clipped.plan, { seed: 1 });
    expect(violations).toHaveLength(6);
    for (const v of violations) {
      const { overlay, areaChange } = measured(clipped.plan, plan, v);
      expect(Math.abs(overlay - v.areaM2) / v.areaM2, `${v.kind} ${v.featureIds[0]}`).toBeLessThan(1e-6);
      expect(Math.abs(areaChange - v.areaM2) / v.areaM2).toBeLessThan(1e-6);
    }
  });

  it('works on a jittered coverage, the areas then within the jitter’s sliver', () => {
    const { jittered } = village();
    const { plan, violations } = plantViolations(jittered.plan, { seed: 3 });
    expect(violations).toHaveLength(6);
    for (const v of violations) {
      const { overlay, areaChange } = measured(jittered.plan, plan, v);
      // The neighbour's copy of the shared edge is up to 0.4 mm off: a sliver of edge length × 0.4 mm at most.
      expect(Math.abs(overlay - v.areaM2) / v.areaM2).toBeLessThan(5e-3);
      expect(Math.abs(areaChange - v.areaM2) / v.areaM2).toBeLessThan(1e-6);
    }
  });
});

describe('misalignBoundary', () => {
  it('moves only the village boundary, by the transform asked for, in the GK plane', () => {
    const clipped = village().clipped.plan;
    const moved = misalignBoundary(clipped, { eastM: 0.4, northM: -0.25, rotationArcsec: 0, scalePpm: 0 });
    const crs = crsOf(clipped);
    const before = boundaryRing(clipped).map((p) => toGaussKruger(p, crs));
    const after = boundaryRing(moved).map((p) => toGaussKruger(p, crs));
    expect(after).toHaveLength(before.length);
    after.forEach((p, i) => {
      expect(p[0] - before[i]![0]).toBeCloseTo(0.4, 6);
      expect(p[1] - before[i]![1]).toBeCloseTo(-0.25, 6);
    });
    for (const layer of AREA_LAYERS.filter((l) => l !== 'boundary')) expect(layerFeatures(moved, layer)).toEqual(layerFeatures(clipped, layer));
  });

  it('turns and scales about the boundary’s centre: 10″ and 20 ppm move a point 1 km out by ~4.9 cm and 2 cm', () => {
    const clipped = village().clipped.plan;
    const crs = crsOf(clipped);
    const ring = boundaryRing(clipped).map((p) => toGaussKruger(p, crs));
    const centre = [ring.slice(0, -1).reduce((s, p) => s + p[0], 0) / (ring.length - 1), ring.slice(0, -1).reduce((s, p) => s + p[1], 0) / (ring.length - 1)];
    const turned = boundaryRing(misalignBoundary(clipped, { eastM: 0, northM: 0, rotationArcsec: 10, scalePpm: 20 })).map((p) => toGaussKruger(p, crs));
    ring.forEach((p, i) => {
      const r = Math.hypot(p[0] - centre[0]!, p[1] - centre[1]!);
      const moved = Math.hypot(turned[i]![0] - p[0], turned[i]![1] - p[1]);
      // Rotation moves it r·θ across, scale r·s along: √((rθ)² + (rs)²).
      expect(moved).toBeCloseTo(r * Math.hypot((10 / 3600) * (Math.PI / 180), 20e-6), 4);
    });
  });
});
