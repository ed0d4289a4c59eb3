/**
 * The coverage rules when the village boundary comes from another survey (an old Xian 80 map moved by a
 * 4-parameter shift) and lies 0.3 m off the parcels' outer edges all round: every outer edge is unbalanced,
 * their boxes join round the village, and the whole layer is one cluster. The findings are worked out by hand
 * (PostGIS agreed on the same shape made from the 24,000-parcel package: one gap, the parts outside per
 * parcel); what is checked beyond them is what such a cluster costs: no overlay per neighbouring pair.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MultiLineString, Polygon, Position } from 'geojson';
import { feature, planWith } from '../domain/test-support.ts';
import * as overlay from '../geo/geos/coverage-overlay.ts';
import { metresPerDegree } from '../geo/local-metric.ts';
import { METRIC_ORIGIN, metricPolygon } from '../geo/test-support.ts';
import { putFeature } from '../domain/patch.ts';
import { layerFeatures } from '../domain/plan.ts';
import { CheckState } from './context.ts';
import { BoundaryEdges, misalignedAlong, type StripOutside } from './misaligned-boundary.ts';
import { GkPlane } from '../geo/gk-plane.ts';
import type { Issue } from './issue.ts';
import { fullCheck, RuleEngine } from './engine.ts';
import { RULES } from './index.ts';
import { partitionClusters } from './partition-clusters.ts';

vi.mock('../geo/geos/coverage-overlay.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../geo/geos/coverage-overlay.ts')>();
  return { ...original, overlapOf: vi.fn(original.overlapOf), gapsIn: vi.fn(original.gapsIn), partsOutside: vi.fn(original.partsOutside), unionOf: vi.fn(original.unionOf) };
});

const COVERAGE = RULES.filter((r) => ['no-gap', 'no-overlap', 'inside-village'].includes(r.id));
const SIDE = 10;
const CELLS = 20;
const square = (x0: number, y0: number, x1: number, y1: number): Polygon => metricPolygon([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]);

/** A 20 × 20 grid of 10 m parcels (p<col>-<row>), one of them replaced where given, in a village shifted 0.3 m north-east of it. */
function shiftedVillage(replaced: Record<string, Polygon> = {}, removed: (i: number, j: number) => boolean = () => false, shift = 0) {
  const parcels = [];
  for (let i = 0; i < CELLS; i++) {
    for (let j = 0; j < CELLS; j++) {
      const id = `p${i}-${j}`;
      if (removed(i, j)) continue;
      parcels.push(feature('base', id, replaced[id] ?? square(i * SIDE, j * SIDE, (i + 1) * SIDE, (j + 1) * SIDE), { classCode: '111' }));
    }
  }
  const edge = CELLS * SIDE;
  return planWith([feature('boundary', 'village', square(0.3 + shift, 0.3 + shift, edge + 0.3 + shift, edge + 0.3 + shift)), ...parcels]);
}

/** Parcel p0-<row> with a finger 1 m wide reaching 40 m west from the middle of its west side. */
function withFinger(row: number): Polygon {
  const [y0, y1, ym] = [row * SIDE, (row + 1) * SIDE, (row + 0.5) * SIDE];
  return metricPolygon([[0, y0], [SIDE, y0], [SIDE, y1], [0, y1], [0, ym + 0.5], [-40, ym + 0.5], [-40, ym - 0.5], [0, ym - 0.5]]);
}

/** A lon/lat position back in the metres east and north of METRIC_ORIGIN that `metricPolygon` was given. */
function toMetric(p: Position): [number, number] {
  const perDegree = metresPerDegree(METRIC_ORIGIN[1] as number);
  return [((p[0] as number) - (METRIC_ORIGIN[0] as number)) * perDegree.x, ((p[1] as number) - (METRIC_ORIGIN[1] as number)) * perDegree.y];
}

function lengthOf(line: readonly [number, number][]): number {
  let length = 0;
  for (let i = 0; i + 1 < line.length; i++) length += Math.hypot(line[i + 1]![0] - line[i]![0], line[i + 1]![1] - line[i]![1]);
  return length;
}

/** The same grid in a village that agrees with it. */
function alignedVillage(replaced: Record<string, Polygon> = {}) {
  return shiftedVillage(replaced, () => false, -0.3);
}

function errors(plan: ReturnType<typeof shiftedVillage>) {
  return fullCheck(plan, COVERAGE).issues.filter((i) => i.severity === 'error');
}

describe('coverage rules on a village boundary 0.3 m off the parcels all round', () => {
  it('reports the one strip left uncovered and each parcel reaching out, with their areas', () => {
    const found = errors(shiftedVillage());
    // The village less the parcels, one strip 0.3 m wide round the north-east corner: 200.3² − 200² =
    // 119.91 m² flat, and 0.06 m² more because the village's north edge is one edge 200.3 m long, overlaid
    // (in GK) and measured (on the ellipsoid) as the great circle, which bulges L² tan φ / 8R = 0.45 mm north
    // of the parallel the parcels' 10 m edges follow: ⅔ × 200.3 m × 0.45 mm.
    const gaps = found.filter((i) => i.rule === 'no-gap');
    expect(gaps.map((i) => i.message.params.areaM2)).toEqual([119.97]);
    // It names the 39 parcels of the north row and the east column it runs along, not all it reaches round.
    expect(new Set(gaps[0]?.features)).toEqual(new Set([...Array.from({ length: CELLS }, (_, i) => `p${i}-${CELLS - 1}`), ...Array.from({ length: CELLS }, (_, j) => `p${CELLS - 1}-${j}`)]));
    // West column and south row: 38 parcels with a 10 m × 0.3 m strip outside (3 m²), the corner one an L
    // of 2 × 3 − 0.09 = 5.91 m².
    const outside = found.filter((i) => i.rule === 'inside-village').map((i) => i.message.params.areaM2 as number);
    expect(outside).toHaveLength(39);
    expect(outside.filter((a) => a === 3)).toHaveLength(38);
    expect(outside).toContain(5.91);
    expect(found.filter((i) => i.rule === 'no-overlap')).toEqual([]);
  });

  it('overlays no pair of neighbours when the layer covers nothing twice', () => {
    // One union settles it (the parcels' areas sum to their union's): before, each of the ~1,500 pairs of
    // neighbouring boxes in the one cluster was intersected with GEOS, most of a check of a real village.
    vi.mocked(overlay.overlapOf).mockClear();
    expect(errors(shiftedVillage()).filter((i) => i.rule === 'no-overlap')).toEqual([]);
    expect(overlay.overlapOf).not.toHaveBeenCalled();
  });

  it('still reports an overlap inside that cluster, with its area', () => {
    // p5-5 reaches 1 m into p6-5: 1 m × 10 m.
    const found = errors(shiftedVillage({ 'p5-5': square(50, 50, 61, 60) })).filter((i) => i.rule === 'no-overlap');
    expect(found.map((i) => [i.features, i.message.params.areaM2])).toEqual([[['p5-5', 'p6-5'], 10]]);
  });
});

describe('the cluster of a boundary misaligned all round is the corridor along it', () => {
  it('holds the parcels along the boundary, not the whole layer', () => {
    const [cluster, ...more] = partitionClusters(CheckState.build(shiftedVillage()), 'base');
    expect(more).toEqual([]);
    expect(cluster?.corridor).not.toBeNull();
    const ids = new Set<string>(cluster?.features.map((f) => f.id as string));
    expect(ids.has('p0-0') && ids.has('p19-19') && ids.has('p0-10')).toBe(true);
    expect(ids.has('p10-10')).toBe(false);
    expect(ids.size).toBeLessThan(200);
  });

  it('keeps its overlays when a parcel away from the boundary changes', () => {
    const engine = new RuleEngine(shiftedVillage(), COVERAGE);
    engine.result();
    vi.mocked(overlay.gapsIn).mockClear();
    const middle = layerFeatures(engine.plan, 'base').find((f) => f.id === 'p10-10')!;
    engine.applyPatch({ features: [putFeature({ ...middle, properties: { ...middle.properties, classCode: '131' } })] });
    const gaps = engine.result().issues.filter((i) => i.rule === 'no-gap' && i.severity === 'error');
    expect(gaps.map((i) => i.message.params.areaM2)).toEqual([119.97]);
    // Before, the cluster held every parcel: one changed, and the whole layer was unioned again (3.5 s an edit at 22,684 parcels).
    expect(overlay.gapsIn).not.toHaveBeenCalled();
  });

  it('keeps the corridor when an edit opens a gap in the middle: the gap is a cluster of its own', () => {
    const engine = new RuleEngine(shiftedVillage(), COVERAGE);
    engine.result();
    const before = partitionClusters(CheckState.build(engine.plan), 'base').map((c) => c.name);
    const middle = layerFeatures(engine.plan, 'base').find((f) => f.id === 'p10-10')!;
    // p10-10 shrunk by 1 m on its east side: a 1 m × 10 m gap against p11-10.
    engine.applyPatch({ features: [putFeature({ ...middle, geometry: square(100, 100, 109, 110) })] });
    const gaps = engine.result().issues.filter((i) => i.rule === 'no-gap' && i.severity === 'error');
    expect(gaps.map((i) => i.message.params.areaM2 as number).sort((a, b) => a - b)).toEqual([10, 119.97]);
    const after = partitionClusters(CheckState.build(engine.plan), 'base');
    // Before, the gap's stretches joined the ring's box, the cluster changed, and the whole ring was clipped again.
    expect(after.filter((c) => c.corridor).map((c) => c.name)).toEqual(before);
    expect(after.filter((c) => !c.corridor).map((c) => c.features.map((f) => f.id)).flat()).toContain('p10-10');
  });

  it('judges a parcel reaching out again without clipping it again when only its attributes change', () => {
    const engine = new RuleEngine(shiftedVillage(), COVERAGE);
    engine.result();
    vi.mocked(overlay.partsOutside).mockClear();
    const west = layerFeatures(engine.plan, 'base').find((f) => f.id === 'p0-5')!;
    engine.applyPatch({ features: [putFeature({ ...west, properties: { ...west.properties, classCode: '131' } })] });
    const outside = engine.result().issues.filter((i) => i.rule === 'inside-village' && i.features.includes('p0-5' as never));
    expect(outside.map((i) => i.message.params.areaM2)).toEqual([3]);
    expect(overlay.partsOutside).not.toHaveBeenCalled();
  });

  it('clips a layer not drawn yet by the box: no union of the boundary’s stretch boxes for nothing', () => {
    // A boundary of 64 edges round a village with no functional zones: every edge is a stretch of that layer.
    const circle = metricPolygon(Array.from({ length: 64 }, (_, k) => [100 + 100 * Math.cos((k * Math.PI) / 32), 100 + 100 * Math.sin((k * Math.PI) / 32)] as [number, number]));
    const plan = planWith([feature('boundary', 'village', circle), feature('base', 'p', circle, { classCode: '111' })]);
    vi.mocked(overlay.unionOf).mockClear();
    const clusters = partitionClusters(CheckState.build(plan), 'functionalZone');
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters.every((c) => c.corridor === null && c.features.length === 0)).toBe(true);
    // Before, the pieces outside a corridor were found from the union of the stretches' boxes: 8 s on the districts' coast.
    expect(overlay.unionOf).not.toHaveBeenCalled();
  });

  it('reports a hole inside the corridor whole', () => {
    // Parcels p1-1 and p2-1 missing: a 20 m × 10 m hole 10 m in from the west and south edges.
    const found = errors(shiftedVillage({}, (i, j) => j === 1 && (i === 1 || i === 2)));
    expect(found.filter((i) => i.rule === 'no-gap').map((i) => i.message.params.areaM2 as number).sort((a, b) => a - b)).toEqual([119.97, 200]);
  });

  it('clips the whole box when a gap reaches beyond the corridor', () => {
    // A 60 m × 60 m hole in the middle: its middle lies more than the corridor's 10 m from any edge, so a
    // corridor would have cut it to a frame; the pieces outside the corridor tell, and the box is clipped whole.
    const found = errors(shiftedVillage({}, (i, j) => i >= 7 && i < 13 && j >= 7 && j < 13));
    const [strip, hole] = found.filter((i) => i.rule === 'no-gap').map((i) => i.message.params.areaM2 as number).sort((a, b) => a - b);
    expect(strip).toBe(119.97);
    expect(hole).toBeCloseTo(3600, 0); // 3599.97: its edges measured as great circles
  });
});

describe('one warning that the boundary, not each parcel, is off', () => {
  const summaries = (issues: readonly Issue[]) => issues.filter((i) => i.message.key === 'rules.inside-village.misaligned');

  it('appears once for the layer, with the parcels reaching out, their area and the range of widths', () => {
    const found = fullCheck(shiftedVillage(), COVERAGE).issues;
    // The 39 parcels of the west column and south row, 38 × 3 m² + 5.91 m² (see above); a 10 m × 0.3 m strip
    // has a mean width of 2 × 3 / 20.6 = 0.291 m, the corner's L (perimeter 40 m) 2 × 5.91 / 40 = 0.296 m.
    expect(summaries(found).map((i) => [i.severity, i.layer, i.features, i.message.params])).toEqual([
      ['warning', 'base', [], { layerKey: 'layer.base', count: 39, areaM2: 119.91, minWidthM: 0.291, maxWidthM: 0.296, alongM: 399 }],
    ]);
    // Beside the findings per parcel, not instead of them.
    expect(found.filter((i) => i.message.key === 'rules.inside-village.message')).toHaveLength(39);
  });

  it('is not given for a handful of parcels drawn past a boundary that agrees with the rest', () => {
    // Six parcels along the west and south edges pushed out 1 m: 60 m of the boundary's 800 m.
    const pushed = Object.fromEntries([
      ...[3, 8, 14].map((j) => [`p0-${j}`, square(-1, j * SIDE, SIDE, (j + 1) * SIDE)]),
      ...[4, 9, 15].map((i) => [`p${i}-0`, square(i * SIDE, -1, (i + 1) * SIDE, SIDE)]),
    ]) as Record<string, Polygon>;
    const aligned = alignedVillage(pushed);
    const found = fullCheck(aligned, COVERAGE).issues;
    expect(found.filter((i) => i.message.key === 'rules.inside-village.message').map((i) => i.message.params.areaM2)).toEqual([10, 10, 10, 10, 10, 10]);
    expect(summaries(found)).toEqual([]);
    // The same six with the boundary 0.3 m off as well: now it is the boundary.
    expect(summaries(fullCheck(shiftedVillage(pushed), COVERAGE).issues).map((i) => i.message.params.count)).toEqual([39]);
  });

  it('lies on the map along the stretches of boundary the parcels reach out of, which it measures', () => {
    // The boundary's west side from its north-west corner (0.3, 200.3) down to y = 200, where the parcels end,
    // is clear of them, and so is its south side east of x = 200: 199.7 m of each side, in one line round the
    // south-west corner (where the boundary's ring closes).
    const [summary] = summaries(fullCheck(shiftedVillage(), COVERAGE).issues);
    expect(summary?.geometry?.type).toBe('MultiLineString');
    const lines = (summary?.geometry as MultiLineString).coordinates.map((line) => line.map(toMetric));
    expect(lines).toHaveLength(1);
    const line = lines[0] as [number, number][];
    expect(lengthOf(line)).toBeCloseTo(399.4, 1);
    const ends = [line[0], line[line.length - 1]].sort((a, b) => a![0] - b![0]);
    expect(ends[0]?.[0]).toBeCloseTo(0.3, 3);
    expect(ends[0]?.[1]).toBeCloseTo(200, 3);
    expect(ends[1]?.[0]).toBeCloseTo(200, 3);
    expect(ends[1]?.[1]).toBeCloseTo(0.3, 3);
    expect(line.every(([x, y]) => Math.abs(x - 0.3) < 1e-3 || Math.abs(y - 0.3) < 1e-3)).toBe(true);
  });

  it('is not given for long thin fingers poking out at right angles, which lie along little of the boundary', () => {
    // Six parcels of the west column each with a 1 m × 40 m finger out west of a boundary that agrees with the
    // grid: six thin strips (mean width 0.98 m) whose areas over widths sum to 246 m, more than a fifth of the
    // boundary's 800 m; but each lies along 1 m of the boundary.
    const rows = [2, 5, 8, 11, 14, 17];
    const fingered = Object.fromEntries(rows.map((j) => [`p0-${j}`, withFinger(j)])) as Record<string, Polygon>;
    const found = fullCheck(alignedVillage(fingered), COVERAGE).issues;
    const outside = found.filter((i) => i.message.key === 'rules.inside-village.message');
    expect(outside).toHaveLength(6);
    const sumOfLengths = outside.reduce((sum, i) => sum + (i.message.params.areaM2 as number) / (i.message.params.widthM as number), 0);
    expect(sumOfLengths).toBeGreaterThan(0.2 * 4 * CELLS * SIDE);
    expect(summaries(found)).toEqual([]);
    // The same fingers on a boundary 0.3 m off all round: the boundary is off, and the fingers add only their width to where.
    const [both] = summaries(fullCheck(shiftedVillage(fingered), COVERAGE).issues);
    expect(both?.message.params.alongM).toBe(399);
  });

  it('measures a boundary with strips along all of it as its whole length, in one closed line', () => {
    // Strips 0.3 m wide outside each side of a 100 m square, two of them of two features each.
    const village = square(0, 0, 100, 100);
    const strips: StripOutside[] = [
      { geometry: square(0, -0.3, 100, 0), features: ['s1', 's2'] },
      { geometry: square(100, 0, 100.3, 100), features: ['e'] },
      { geometry: square(0, 100, 100, 100.3), features: ['n1', 'n2'] },
      { geometry: square(-0.3, 0, 0, 100), features: ['w'] },
    ].map((s) => ({ ...s, areaM2: 30, widthM: 0.3 }));
    const off = misalignedAlong(strips, BoundaryEdges.of(GkPlane.forLongitude(METRIC_ORIGIN[0] as number), [village]));
    expect(off?.features).toBe(6);
    // In GK metres: 0.5° off the zone's central meridian the plane is 1.00003 times the ground.
    expect(off?.alongM).toBeCloseTo(400.01, 2);
    const [line, ...more] = off?.along.coordinates ?? [];
    expect(more).toEqual([]);
    expect(line?.[0]).toEqual(line?.[line.length - 1]);
    expect(lengthOf(line!.map(toMetric))).toBeCloseTo(400, 2);
  });

  it('follows an edit without clipping the other parcels again', () => {
    const engine = new RuleEngine(shiftedVillage(), COVERAGE);
    engine.result();
    vi.mocked(overlay.partsOutside).mockClear();
    // p0-5 moved 0.3 m east, inside the boundary: 38 parcels reach out, 3 m² fewer.
    const west = layerFeatures(engine.plan, 'base').find((f) => f.id === 'p0-5')!;
    engine.applyPatch({ features: [putFeature({ ...west, geometry: square(0.3, 50, SIDE, 60) })] });
    expect(summaries(engine.result().issues).map((i) => [i.message.params.count, i.message.params.areaM2])).toEqual([[38, 116.91]]);
    // The summary is drawn from the findings kept per parcel: only what the edit reached is clipped.
    expect(vi.mocked(overlay.partsOutside).mock.calls.length).toBeLessThanOrEqual(3);
  });
});
