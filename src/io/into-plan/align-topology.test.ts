import type { Polygon, Position } from 'geojson';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../domain/features.ts';
import { parsePlanText } from '../../domain/plan-file.ts';
import { resolveProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { PlanIndex } from '../../geo/plan-index.ts';
import { isValidAreaGeometry } from '../../geo/validity.ts';
import { metresPerDegree } from '../../geo/local-metric.ts';
import { fromGaussKruger } from '../../geo/projection.ts';
import { writeShapefile } from '../formats/shapefile-write.ts';
import type { ExportLayer } from '../formats/types.ts';
import { DLTB_FIELDS } from '../survey/survey-layer.ts';
import { english } from '../test-support.ts';
import { writeZip } from '../zip/zip-write.ts';
import { topologyParams } from './align-topology.ts';
import { importPreview, previewFiles, previewImport } from './import-test-support.ts';
import type { ImportPreview, PreviewOptions } from './preview-types.ts';
import { ALIGNED_CORNERS, misalignedSurveyGeoJson } from './test-support.ts';

const files = () => [{ name: '三调地类图斑.geojson', bytes: new TextEncoder().encode(misalignedSurveyGeoJson()) }];

function preview(options: PreviewOptions = {}): ImportPreview {
  const read = previewImport(files(), options);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.value;
}

/** A 3 × 3 grid of 30 m parcels whose neighbours share their corners exactly, and its outline as a village boundary. */
function exactGrid() {
  const scale = metresPerDegree(30.45);
  const at = (i: number, j: number): Position => [120.74 + (i * 30) / scale.x, 30.45 + (j * 30) / scale.y];
  const features = [];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) features.push({ type: 'Feature' as const, properties: { DLBM: '0103' }, geometry: { type: 'Polygon' as const, coordinates: [[at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1), at(i, j)]] } });
  const outline = [...[0, 1, 2].map((i) => at(i, 0)), ...[0, 1, 2].map((j) => at(3, j)), ...[3, 2, 1].map((i) => at(i, 3)), ...[3, 2, 1].map((j) => at(0, j))];
  const boundary: Polygon = { type: 'Polygon', coordinates: [[...outline, outline[0]!]] };
  return { collection: { type: 'FeatureCollection' as const, features }, boundary };
}

const corners = (geometries: readonly AreaGeometry[]) => new Set(geometries.flatMap((g) => (g as Polygon).coordinates[0]!.map((p) => `${p[0]},${p[1]}`)));

describe('aligning the topology of an imported layer (with consent)', () => {
  it('says what aligning would do, and changes nothing until asked', () => {
    const plain = preview();
    expect(plain.topology).toMatchObject({ applied: false, withReference: false, report: { vertexInsertions: 2, featuresKept: 0 } });
    const report = plain.topology!.report;
    expect(report.verticesSnapped).toBeGreaterThan(ALIGNED_CORNERS);
    expect(report.sliversClosed).toBeGreaterThan(0);
    expect(report.maxShiftM).toBeGreaterThan(0);
    expect(report.maxShiftM).toBeLessThanOrEqual(0.001);
    // Unaligned, each parcel has its own corners.
    expect(corners(plain.survey!.parcels.map((p) => p.geometry)).size).toBe(40);
    expect(topologyParams(report)).toMatchObject({ tolerance: '1', insertions: '2' });
    expect([0.0008, 0.00005, 3e-9].map((maxShiftM) => topologyParams({ ...report, maxShiftM }).shift)).toEqual(['0.8', '0.05', '< 0.01']);
  });

  it('with consent, makes the parcels (and the plain areas) share their corners exactly', () => {
    const aligned = preview({ alignTopology: true });
    expect(aligned.topology).toMatchObject({ applied: true, report: preview().topology!.report });
    const parcels = aligned.survey!.parcels;
    expect(parcels).toHaveLength(10);
    expect(corners(parcels.map((p) => p.geometry)).size).toBe(ALIGNED_CORNERS);
    expect(corners(aligned.areas.map((a) => a.geometry)).size).toBe(ALIGNED_CORNERS);
    expect(parcels.every((p) => isValidAreaGeometry(p.geometry))).toBe(true);
    // The wide parcels took the T-junction corners into their bottom edges: 5 vertices + the closing one.
    const wide = parcels.filter((p) => p.properties.parcelNo === 'J9' || p.properties.parcelNo === 'J10');
    expect(wide.map((p) => (p.geometry as Polygon).coordinates[0]!.length)).toEqual([6, 6]);
  });

  it('snaps to the plan’s village boundary and leaves the boundary as it was', () => {
    const first = preview().survey!.parcels[0]!.geometry as Polygon;
    const corner = first.coordinates[0]![0] as Position;
    // A boundary with a vertex 0.5e-8° (≈ 0.5 mm) east of the first parcel's first corner.
    const nudged: Position = [(corner[0] as number) + 0.5e-8, corner[1] as number];
    const boundary: Polygon = { type: 'Polygon', coordinates: [[nudged, [nudged[0]! - 0.01, nudged[1]!], [nudged[0]! - 0.01, nudged[1]! - 0.01], nudged]] };
    const copy = JSON.stringify(boundary);
    const aligned = preview({ alignTopology: true, reference: [boundary] });
    expect(aligned.topology?.withReference).toBe(true);
    expect(aligned.survey!.parcels[0]!.geometry.coordinates[0]![0]).toEqual(nudged);
    expect(JSON.stringify(boundary)).toBe(copy);
  });

  it('offers nothing for a layer whose neighbours already share their vertices', () => {
    const read = previewFiles([{ name: 'DLTB.geojson', bytes: new TextEncoder().encode(JSON.stringify(exactGrid().collection)) }], {});
    expect(read.ok && read.value.kind === 'layer' && read.value.preview.topology).toBeNull();
  });

  it('after a round trip through GK, puts the parcels’ corners back on the boundary’s own vertices', () => {
    const { collection, boundary } = exactGrid();
    const layer: ExportLayer = { name: 'DLTB', geometryType: 'polygon', fields: DLTB_FIELDS, features: collection.features.map((f) => ({ geometry: f.geometry, properties: { DLBM: '0103' } })) };
    const shp = writeShapefile(layer, {});
    if (!shp.ok) throw new Error('shapefile');
    const zip = [{ name: 'DLTB.zip', bytes: writeZip(shp.value) }];
    const onBoundary = (geometries: readonly AreaGeometry[]) => [...corners(geometries)].filter((c) => corners([boundary]).has(c)).length;
    const read = previewImport(zip, { reference: [boundary] });
    if (!read.ok) throw new Error('read');
    // Of the 12 corners meant to be the boundary's, most come back nanometres off it: aligning is offered, with a tiny move.
    const kept = onBoundary(read.value.survey!.parcels.map((p) => p.geometry));
    expect(kept).toBeLessThan(6);
    expect(read.value.topology?.report).toMatchObject({ verticesSnapped: 12 - kept, vertexInsertions: 0 });
    expect(read.value.topology!.report.maxShiftM).toBeLessThan(1e-6);
    expect(topologyParams(read.value.topology!.report).shift).toBe('< 0.01');
    const aligned = previewImport(zip, { reference: [boundary], alignTopology: true });
    if (!aligned.ok) throw new Error('read');
    expect(onBoundary(aligned.value.survey!.parcels.map((p) => p.geometry))).toBe(12);
    // Without the reference there is nothing to align: the round trip moved shared corners alike.
    expect(previewImport(zip, {})).toMatchObject({ ok: true, value: { topology: null } });
  });

  it('says in the import’s notes what was done', () => {
    const parsed = parsePlanText(readFileSync('samples/sample-village.plan.json', 'utf8'));
    if (!parsed.ok) throw new Error('sample');
    const plan = parsed.value;
    const ctx = { plan, profile: resolveProfile(plan.meta.profileId, plan.meta.profileOverrides), index: PlanIndex.build(plan) };
    const aligned = importPreview(ctx, 'base', preview({ alignTopology: true }));
    if (!aligned.ok) throw new Error('refused');
    const said = (aligned.notes ?? []).map(english);
    // 15 slivers: one per pair of neighbours (6 side by side, 4 between the rows, 4 under the wide parcels, 1 between them).
    expect(said[1]).toBe('Topology of “三调地类图斑.geojson” aligned (1 mm tolerance): 22 vertices aligned, 2 T-junction vertices inserted, 15 slivers closed, 9 features changed; largest move 0.6 mm.');
    const plain = importPreview(ctx, 'base', preview());
    expect(plain.ok && plain.notes).toHaveLength(1);
  });
});

describe('the coarse-coordinates note against the plan’s coverage tolerance', () => {
  /**
   * Three 20 m parcels kept to the millimetre in Gauss-Krüger (zone 40 without prefix, as CCTool writes
   * it): two below, one as wide as both above them, the lower parcels’ shared corner 1 mm into the wide
   * parcel (a T-junction the rounding parted). Kept to the millimetre, meeting polygons part by up to 1.4 mm.
   */
  function gkToTheMillimetre() {
    const at = (e: number, n: number): Position => fromGaussKruger([571_000 + e, 3_370_000 + n], { zone: 40, zonePrefix: false });
    const parcel = (corners: [number, number][]) => ({ type: 'Feature' as const, properties: { DLBM: '0103' }, geometry: { type: 'Polygon' as const, coordinates: [[...corners, corners[0]!].map(([e, n]) => at(e, n))] } });
    const features = [
      parcel([[0, 0], [20, 0], [20, 20.001], [0, 20]]),
      parcel([[20, 0], [40, 0], [40, 20], [20, 20.001]]),
      parcel([[0, 20], [40, 20], [40, 40], [0, 40]]),
    ];
    return [{ name: 'DLTB.geojson', bytes: new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features })) }];
  }
  const coarseNotes = (p: ImportPreview) => p.notes.filter((n) => n.key.startsWith('io.ui.coarseCoordinates')).map(english);

  it('names the plan’s own tolerance, not a fixed 1 mm', () => {
    const read = previewImport(gkToTheMillimetre(), {});
    if (!read.ok) throw new Error('read');
    expect(coarseNotes(read.value)).toEqual([expect.stringContaining('part by up to 1.4 mm, more than the plan’s 1 mm gap and overlap tolerance')]);
    expect(read.value.topology).toMatchObject({ toleranceM: 0.002, planToleranceM: 0.001 });
    const strict = previewImport(gkToTheMillimetre(), { coverageToleranceM: 0.0005 });
    if (!strict.ok) throw new Error('read');
    expect(coarseNotes(strict.value)).toEqual([expect.stringContaining('more than the plan’s 0.5 mm gap and overlap tolerance')]);
  });

  it('says nothing of a rounding the plan’s wider tolerance already covers, and aligns within that tolerance', () => {
    // A plan checked at 5 mm does not see the 1.4 mm partings: no note, and aligning snaps within 5 mm.
    const read = previewImport(gkToTheMillimetre(), { coverageToleranceM: 0.005 });
    if (!read.ok) throw new Error('read');
    expect(coarseNotes(read.value)).toEqual([]);
    expect(read.value.topology).toMatchObject({ toleranceM: 0.005, planToleranceM: 0.005, coarse: null, report: { vertexInsertions: 1 } });
  });
});
