import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { parsePlanText, serialisePlan } from '../../domain/plan-file.ts';
import { applyPatch } from '../../domain/patch.ts';
import { resolveProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { PlanIndex } from '../../geo/plan-index.ts';
import { writeGeoJson } from '../formats/geojson.format.ts';
import { boundaryShapefile } from '../shapefile/shp-test-support.ts';
import { surveyLayerFromParcels } from '../survey/survey-layer.ts';
import { importPreview, previewImport } from './import-test-support.ts';

function sample() {
  const parsed = parsePlanText(readFileSync('samples/sample-village.plan.json', 'utf8'));
  if (!parsed.ok) throw new Error('sample');
  const plan = parsed.value;
  return { plan, profile: resolveProfile(plan.meta.profileId, plan.meta.profileOverrides), index: PlanIndex.build(plan) };
}

function surveyFile(count: number) {
  const ctx = sample();
  const out = writeGeoJson(surveyLayerFromParcels(Object.values(ctx.plan.layers.base).slice(0, count)), {});
  if (!out.ok) throw new Error('write');
  return out.value.map((f) => ({ name: 'DLTB.geojson', bytes: f.bytes }));
}

describe('import into the plan', () => {
  it('previews a survey with its mapping and replaces the base parcels in one patch, undone by its inverse', () => {
    const preview = previewImport(surveyFile(12), {});
    if (!preview.ok) throw new Error(JSON.stringify(preview.error));
    expect(preview.value.survey?.parcels).toHaveLength(12);
    expect(preview.value.survey?.preview.some((r) => r.surveyCode === '0103' && r.classCode === '113')).toBe(true);
    const ctx = sample();
    const result = importPreview(ctx, 'base', preview.value);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const applied = applyPatch(ctx.plan, result.patch);
    expect(Object.keys(applied.plan.layers.base)).toHaveLength(12);
    expect(result.notes?.[0]).toMatchObject({ key: 'io.ui.imported', params: { count: 12, replaced: 1979 } });
    const undone = applyPatch(applied.plan, applied.inverse);
    expect(Object.keys(undone.plan.layers.base).sort()).toEqual(Object.keys(ctx.plan.layers.base).sort());
  });

  it('imports a reference layer into its own layer and refuses what does not fit, changing nothing', () => {
    const preview = previewImport(surveyFile(3), {});
    if (!preview.ok) throw new Error('preview');
    const ctx = sample();
    const pbf = importPreview(ctx, 'pbf', preview.value);
    expect(pbf.ok && pbf.patch.features.filter((c) => c.after).every((c) => c.layer === 'pbf')).toBe(true);
    expect(importPreview(ctx, 'townshipZones', preview.value)).toMatchObject({ ok: false, error: { key: 'io.ui.badZoneCodes', params: { count: 3 } } });
    expect(importPreview(ctx, 'base', { ...preview.value, survey: null })).toMatchObject({ ok: false, error: { key: 'io.ui.notSurvey' } });
    expect(previewImport([{ name: 'x.geojson', bytes: new TextEncoder().encode('{nope') }], {})).toMatchObject({ ok: false });
  });

  it('imports a Shapefile without .dbf as the village boundary, and refuses it as base parcels saying the .dbf is missing', () => {
    const ctx = sample();
    const [boundary] = Object.values(ctx.plan.layers.boundary);
    const preview = previewImport(boundaryShapefile(boundary!.geometry, '测试村', ['dbf']), {});
    if (!preview.ok) throw new Error(JSON.stringify(preview.error));
    expect(preview.value.survey).toBeNull();
    expect(preview.value.surveyError).toMatchObject({ key: 'io.survey.noAttributeTable', params: { dbf: '村界.dbf' } });
    expect(preview.value.notes.map((n) => n.key)).toEqual(['io.shp.noDbf']);
    expect(importPreview(ctx, 'base', preview.value)).toMatchObject({ ok: false, error: { key: 'io.survey.noAttributeTable' } });
    const imported = importPreview(ctx, 'boundary', preview.value);
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    const applied = applyPatch(ctx.plan, imported.patch).plan;
    // No XZQMC to read: the village keeps its own name and code.
    expect(Object.values(applied.layers.boundary).map((f) => f.properties)).toEqual([{ villageCode: ctx.plan.meta.villageCode, villageName: ctx.plan.meta.villageName }]);
  });

  it('imports GeoJSON rings that enclose nothing (an empty hole, an empty part, an unclosed triangle) as a plan that opens again', () => {
    const ctx = sample();
    const collection = JSON.parse(new TextDecoder().decode(surveyFile(3)[0]!.bytes)) as FeatureCollection<Polygon | MultiPolygon>;
    const [first, second, third] = collection.features as [Feature<Polygon>, Feature<Polygon>, Feature<Polygon>];
    const shell = first.geometry.coordinates[0]!;
    first.geometry.coordinates.push([]);
    (second as Feature<Polygon | MultiPolygon>).geometry = { type: 'MultiPolygon', coordinates: [second.geometry.coordinates, []] };
    third.geometry.coordinates = [[shell[0]!, shell[1]!, shell[2]!]];
    const preview = previewImport([{ name: 'DLTB.geojson', bytes: new TextEncoder().encode(JSON.stringify(collection)) }], {});
    if (!preview.ok) throw new Error(JSON.stringify(preview.error));
    expect(preview.value.notes.find((n) => n.key === 'io.import.shortRings')).toMatchObject({ params: { count: 3, list: '#1, #2, #3' } });
    for (const target of ['base', 'boundary'] as const) {
      const imported = importPreview(ctx, target, preview.value);
      if (!imported.ok) throw new Error(JSON.stringify(imported.error));
      const reopened = parsePlanText(serialisePlan(applyPatch(ctx.plan, imported.patch).plan));
      expect(reopened.ok && Object.keys(reopened.value.layers[target])).toHaveLength(3);
    }
  });
});
