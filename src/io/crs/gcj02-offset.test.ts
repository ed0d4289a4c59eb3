import { readFileSync } from 'node:fs';
import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../domain/features.ts';
import { parsePlanText } from '../../domain/plan-file.ts';
import { layerFeatures, type Plan } from '../../domain/plan.ts';
import { feature, planWith, rect } from '../../domain/test-support.ts';
import { geometryBBox } from '../../geo/bbox.ts';
import { metresPerDegree } from '../../geo/local-metric.ts';
import { intersection } from '../../geo/overlay.ts';
import { mapGeometry } from './reproject.ts';
import { compareAtGcj02Offset, FITS_M, gcj02OffsetNote, planOutlines, sitsAtGcj02Offset, type PlanOutlines } from './gcj02-offset.ts';

const parsed = parsePlanText(readFileSync('samples/sample-village.plan.json', 'utf8'));
if (!parsed.ok) throw new Error('sample unreadable');
const sample: Plan = parsed.value;
const outlines = planOutlines(sample) as PlanOutlines;
/** 300 of the sample's base parcels, from the middle of the village. */
const parcels: AreaGeometry[] = layerFeatures(sample, 'base')
  .slice(800, 1100)
  .map((f) => f.geometry);

/** What a web map serves for CGCS2000 data: the published GCJ-02 formula (gcoord WGS84 → GCJ02). */
const toGcj02 = <G extends Geometry>(g: G): G => mapGeometry(g, (p) => gcoord.transform([p[0] as number, p[1] as number], gcoord.WGS84, gcoord.GCJ02));
/** Moves every vertex by metres east and north. */
const moved = <G extends Geometry>(g: G, east: number, north: number): G => {
  const scale = metresPerDegree(30.46);
  return mapGeometry(g, (p) => [(p[0] as number) + east / scale.x, (p[1] as number) + north / scale.y]);
};

describe('a layer at the GCJ-02 offset from the plan', () => {
  it('is recognised when converted it sits on the base parcels, and the note says how far apart they were', () => {
    const comparison = compareAtGcj02Offset(parcels.map(toGcj02), outlines, 'asRead');
    expect(sitsAtGcj02Offset(comparison)).toBe(true);
    if (!comparison) throw new Error('no comparison');
    // In northern Zhejiang the offset is a few hundred metres; converted, gcoord's inverse leaves ~0.1 m.
    expect(comparison.shiftM).toBeGreaterThan(300);
    expect(comparison.shiftM).toBeLessThan(700);
    expect(comparison.convertedM).toBeLessThan(0.2);
    expect(comparison.asReadM).toBeGreaterThan(FITS_M);
    expect(comparison.samples).toBe(400);
    const message = gcj02OffsetNote(comparison, outlines.against, '图斑.geojson');
    expect(message).toEqual({ key: 'io.crs.gcj02Offset', params: { file: '图斑.geojson', againstKey: 'io.crs.gcj02Against.base', shiftM: Math.round(comparison.shiftM / 10) * 10, convertedM: expect.any(Number) } });
  });

  it('is recognised when every vertex is jittered by ±0.3 mm, as another tool’s reprojection leaves it', () => {
    let seed = 7;
    const jitter = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.0006;
    const scale = metresPerDegree(30.46);
    const jittered = parcels.map((g) => mapGeometry(toGcj02(g), (p) => [(p[0] as number) + jitter() / scale.x, (p[1] as number) + jitter() / scale.y]));
    expect(sitsAtGcj02Offset(compareAtGcj02Offset(jittered, outlines, 'asRead'))).toBe(true);
  });

  it('is recognised for parcels clipped by a box (new vertices on the parcels’ edges)', () => {
    // The middle half of the parcels' extent: the parcels across its sides are cut.
    const [minX, minY, maxX, maxY] = geometryBBox({ type: 'GeometryCollection', geometries: parcels });
    const box = rect(minX + (maxX - minX) / 4, minY + (maxY - minY) / 4, maxX - (maxX - minX) / 4, maxY - (maxY - minY) / 4);
    const clipped = parcels.flatMap((g) => {
      const cut = intersection(g, box);
      return cut.ok && cut.value ? [toGcj02(cut.value)] : [];
    });
    expect(clipped.length).toBeGreaterThan(20);
    expect(clipped.length).toBeLessThan(parcels.length);
    expect(sitsAtGcj02Offset(compareAtGcj02Offset(clipped, outlines, 'asRead'))).toBe(true);
  });

  it('is still recognised once converted (the planner ticked the conversion): the note stays', () => {
    const converted = parcels.map(toGcj02).map((g) => mapGeometry(g, (p) => gcoord.transform([p[0] as number, p[1] as number], gcoord.GCJ02, gcoord.WGS84)));
    const comparison = compareAtGcj02Offset(converted, outlines, 'converted');
    expect(sitsAtGcj02Offset(comparison)).toBe(true);
    expect(comparison?.shiftM).toBeGreaterThan(300);
  });

  it('is measured against the village boundary when the plan has no base parcels yet', () => {
    const boundaryOnly = planWith(layerFeatures(sample, 'boundary'));
    const boundary = planOutlines(boundaryOnly) as PlanOutlines;
    expect(boundary.against).toBe('boundary');
    const layer = layerFeatures(sample, 'boundary').map((f) => toGcj02(f.geometry));
    expect(sitsAtGcj02Offset(compareAtGcj02Offset(layer, boundary, 'asRead'))).toBe(true);
  });

  it('says nothing for a layer that already fits', () => {
    const comparison = compareAtGcj02Offset(parcels, outlines, 'asRead');
    expect(comparison?.asReadM).toBeLessThan(0.001);
    expect(sitsAtGcj02Offset(comparison)).toBe(false);
  });

  it('says nothing for a layer that fits neither way', () => {
    // 30 m off the plan, and off by the offset plus 5 m: converting does not make either fit.
    expect(sitsAtGcj02Offset(compareAtGcj02Offset(parcels.map((g) => moved(g, 30, 0)), outlines, 'asRead'))).toBe(false);
    const offAndMore = compareAtGcj02Offset(parcels.map((g) => moved(toGcj02(g), 5, 0)), outlines, 'asRead');
    expect(offAndMore?.convertedM).toBeGreaterThan(FITS_M);
    expect(sitsAtGcj02Offset(offAndMore)).toBe(false);
  });

  it('says nothing about a layer nowhere near the plan', () => {
    expect(compareAtGcj02Offset(parcels.map((g) => moved(g, 20_000, 0)), outlines, 'asRead')).toBeNull();
    expect(compareAtGcj02Offset([{ type: 'Point', coordinates: [120.74, 30.46] }, null], outlines, 'asRead')).toBeNull();
  });

  it('packs no outlines for a plan without parcels or boundary', () => {
    expect(planOutlines(planWith([]))).toBeNull();
  });

  it('finds the offset on 20,000 parcels: the outlines packed on the page, the whole layer compared in the worker', () => {
    // 20 m parcels of nine vertices (a midpoint on each edge), 142 × 142 around 120.7°E 30.7°N.
    const scale = metresPerDegree(30.7);
    const side = 142;
    const ring = (i: number, j: number): Position[] => {
      const corner = (x: number, y: number): Position => [120.7 + (i * 20 + x) / scale.x, 30.7 + (j * 20 + y) / scale.y];
      return [corner(0, 0), corner(10, 0), corner(20, 0), corner(20, 10), corner(20, 20), corner(10, 20), corner(0, 20), corner(0, 10), corner(0, 0)];
    };
    const geometries: AreaGeometry[] = [];
    for (let i = 0; i < side; i++) for (let j = 0; j < side; j++) geometries.push({ type: 'Polygon', coordinates: [ring(i, j)] });
    const big = planWith(geometries.map((g, k) => feature('base', `b-${k}`, g)));
    const layer = geometries.map(toGcj02);

    const packed = planOutlines(big) as PlanOutlines;
    const comparison = compareAtGcj02Offset(layer, packed, 'asRead');
    expect(sitsAtGcj02Offset(comparison)).toBe(true);
    // A regular grid is the hard case for "as read": every point is within 7.1 m of a vertex 10 m apart.
    expect(comparison?.asReadM).toBeLessThan(7.1);
  });
});
