/**
 * A survey layer written by GDAL with its coordinates rounded (RFC 7946 GeoJSON: 7 decimals of a degree;
 * Gauss-Krüger kept to the millimetre), imported with topology alignment: the rounding parts the
 * T-junctions of parcels clipped to a separate boundary by up to twice the rounding, more than 1 mm, so
 * an alignment at 1 mm left false gaps and overlaps. The import now says how the file was rounded and
 * aligns within the tolerance the rounding needs; a real 0.2 m gap stays a finding.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { generateVillagePlan } from '../../../scripts/sample/generate.ts';
import { clipToSeparateBoundary } from '../../../scripts/sample/real-looking.ts';
import type { FeatureOf } from '../../domain/features.ts';
import { applyPatch, putFeature } from '../../domain/patch.ts';
import { layerFeatures, type Plan } from '../../domain/plan.ts';
import { PlanIndex } from '../../geo/plan-index.ts';
import { fromGaussKruger, toGaussKruger } from '../../geo/projection.ts';
import { pointInAreaGeometry } from '../../geo/point-in-ring.ts';
import { resolveProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { fullCheck } from '../../rules/engine.ts';
import { surveyLayerFromParcels } from '../survey/survey-layer.ts';
import { english } from '../test-support.ts';
import { writeGeoJson } from '../formats/geojson.format.ts';
import { importPreview, previewImport } from './import-test-support.ts';

const GAP_M = 0.2;

/** One parcel's edge shared with a neighbour gets a vertex in its middle pushed 0.2 m into the parcel: a real gap. */
function withThinGap(plan: Plan): Plan {
  const parcels = layerFeatures(plan, 'base');
  const zone = { zone: 40, zonePrefix: false } as const;
  for (const parcel of parcels) {
    if (parcel.geometry.type !== 'Polygon') continue;
    const ring = parcel.geometry.coordinates[0]!.map((p) => toGaussKruger(p, zone));
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i] as [number, number];
      const [bx, by] = ring[i + 1] as [number, number];
      const length = Math.hypot(bx - ax, by - ay);
      if (length < 15) continue;
      const mid: Position = [(ax + bx) / 2, (ay + by) / 2];
      const normal = [-(by - ay) / length, (bx - ax) / length] as const;
      const side = (d: number) => fromGaussKruger([mid[0]! + normal[0] * d, mid[1]! + normal[1] * d], zone);
      // Which side is the parcel's own, and is the other side a neighbour's?
      const inward = pointInAreaGeometry(side(0.5), parcel.geometry) === 'inside' ? 1 : -1;
      if (!parcels.some((o) => o !== parcel && pointInAreaGeometry(side(-inward * 0.5), o.geometry) === 'inside')) continue;
      const shell = [...parcel.geometry.coordinates[0]!];
      shell.splice(i + 1, 0, side(inward * GAP_M));
      const geometry: Polygon = { type: 'Polygon', coordinates: [shell, ...parcel.geometry.coordinates.slice(1)] };
      return applyPatch(plan, { features: [putFeature({ ...parcel, geometry })] }).plan;
    }
  }
  throw new Error('no shared edge');
}

function village(): Plan {
  const clipped = clipToSeparateBoundary(generateVillagePlan({ seed: 2017, parcels: 500 }), { seed: 1 }).plan;
  return withThinGap(clipped);
}

/** The survey written at full precision, then by ogr2ogr with these options. */
function writtenByGdal(parcels: readonly FeatureOf<'base'>[], options: readonly string[], name = 'DLTB.geojson'): { name: string; bytes: Uint8Array } {
  const dir = mkdtempSync(join(tmpdir(), 'coarse-'));
  const full = writeGeoJson(surveyLayerFromParcels(parcels), { exactCoordinates: true });
  if (!full.ok) throw new Error('write');
  writeFileSync(join(dir, 'full.geojson'), full.value[0]!.bytes);
  gdal('ogr2ogr', [...(options.includes('-f') ? [] : ['-f', 'GeoJSON']), ...options, join(dir, name), join(dir, 'full.geojson')]);
  return { name, bytes: readFileSync(join(dir, name)) };
}

/** The layer imported as the plan's base parcels (aligned, as the dialog offers it, or not), and the coverage findings. */
function imported(plan: Plan, file: { name: string; bytes: Uint8Array }, alignTopology: boolean) {
  const boundary = layerFeatures(plan, 'boundary').map((f) => f.geometry);
  const read = previewImport([file], { alignTopology, reference: boundary });
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  const ctx = { plan, profile: resolveProfile(plan.meta.profileId, plan.meta.profileOverrides), index: PlanIndex.build(plan) };
  const command = importPreview(ctx, 'base', read.value);
  if (!command.ok) throw new Error(JSON.stringify(command.error));
  const coverage = fullCheck(applyPatch(plan, command.patch).plan).issues.filter((i) => i.rule === 'no-gap' || i.rule === 'no-overlap');
  return { preview: read.value, notes: (command.notes ?? []).map(english), coverage };
}

describe.skipIf(skipWithoutGdal('ogr2ogr'))('a survey layer GDAL wrote with rounded coordinates', () => {
  const plan = village();
  const parcels = layerFeatures(plan, 'base');
  /** The planted gap as the no-gap rule reports it: a triangle 0.2 m deep, 0.1 m wide on average. */
  const realGap = (coverage: ReturnType<typeof imported>['coverage']) => coverage.filter((i) => Number(i.message.params?.widthM) > 0.05);

  it.each([
    ['RFC 7946 GeoJSON (7 decimals)', ['-lco', 'RFC7946=YES'], 'longitudes and latitudes to 7 decimals: rounding moves a vertex by up to 7.8 mm', '20'],
    ['GeoJSON with COORDINATE_PRECISION=7', ['-lco', 'COORDINATE_PRECISION=7'], 'longitudes and latitudes to 7 decimals', '20'],
    ['GeoJSONSeq (its default: 7 decimals)', ['-f', 'GeoJSONSeq'], 'longitudes and latitudes to 7 decimals', '20', 'DLTB.geojsonl'],
    ['Gauss-Krüger (EPSG:4549) to the millimetre', ['-t_srs', 'EPSG:4549', '-lco', 'COORDINATE_PRECISION=3'], 'Gauss-Krüger coordinates to 0.001 m: rounding moves a vertex by up to 0.7 mm, so where polygons meet (T-junctions above all) they can part by up to 1.4 mm', '2'],
  ])('%s: says so, aligns within the tolerance the rounding needs, and keeps only the real gap', (_, options, said, toleranceMm, name?: string) => {
    const aligned = imported(plan, writtenByGdal(parcels, options, name), true);
    expect(aligned.preview.notes.map(english).find((n) => n.includes(said))).toContain(`uses a ${toleranceMm} mm tolerance`);
    expect(aligned.notes.some((n) => n.includes(`aligned (${toleranceMm} mm tolerance)`))).toBe(true);
    expect(aligned.coverage).toHaveLength(1);
    expect(realGap(aligned.coverage)).toHaveLength(1);
    expect(aligned.coverage[0]!.message.params).toMatchObject({ widthM: expect.closeTo(0.1, 2) });
  });

  it('left as read, the 7-decimal layer shows the rounding as gaps along the boundary', () => {
    const plain = imported(plan, writtenByGdal(parcels, ['-lco', 'RFC7946=YES']), false);
    expect(realGap(plain.coverage)).toHaveLength(1);
    expect(plain.coverage.length).toBeGreaterThan(10);
  });

  it('says nothing of a layer kept at full precision', () => {
    const full = imported(plan, writtenByGdal(parcels, []), true);
    expect(full.preview.notes.filter((n) => n.key.startsWith('io.ui.coarseCoordinates'))).toEqual([]);
    expect(full.coverage).toHaveLength(1);
  });
});
