import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../domain/plan-file.ts';
import type { FeatureOf } from '../../domain/features.ts';
import { writeShapefile } from '../formats/shapefile-write.ts';
import { shapefileFixture } from '../test-support.ts';
import { surveyLayerFromParcels } from '../survey/survey-layer.ts';
import { writeZip } from '../zip/zip-write.ts';
import { previewFiles } from './import-test-support.ts';

function surveyZip(count: number, bowTie = false) {
  const parsed = parsePlanText(readFileSync('samples/sample-village.plan.json', 'utf8'));
  if (!parsed.ok) throw new Error('sample');
  const parcels = Object.values(parsed.value.layers.base).slice(0, count) as FeatureOf<'base'>[];
  if (bowTie) {
    const [x, y] = (parcels[0]!.geometry.type === 'Polygon' ? parcels[0]!.geometry.coordinates[0]![0]! : [120.7, 30.4]) as [number, number];
    const d = 0.0005;
    parcels[0] = { ...parcels[0]!, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + d, y + d], [x + d, y], [x, y + d], [x, y]]] } };
  }
  const shp = writeShapefile(surveyLayerFromParcels(parcels), {});
  if (!shp.ok) throw new Error('shapefile');
  return [{ name: 'DLTB.zip', bytes: writeZip(shp.value) }];
}

describe('the import preview with the planner’s options', () => {
  it('reports progress that only moves forward and ends at 1', () => {
    const seen: number[] = [];
    const read = previewFiles(surveyZip(40), { onProgress: (done) => seen.push(done) });
    expect(read.ok && read.value.kind).toBe('layer');
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('passes the mapping choices to the survey import', () => {
    const read = previewFiles(surveyZip(40), { choices: [{ surveyCode: '0103', where: null, classCode: '112' }] });
    const survey = read.ok && read.value.kind === 'layer' ? read.value.preview.survey : null;
    const dry = survey?.parcels.filter((p) => p.properties.surveyCode === '0103') ?? [];
    expect(dry.length).toBeGreaterThan(0);
    expect(dry.every((p) => p.properties.classCode === '112')).toBe(true);
  });

  it('lists invalid geometry, and with repair asked shows the area before and after', () => {
    const plain = previewFiles(surveyZip(5, true), {});
    const invalid = plain.ok && plain.value.kind === 'layer' ? plain.value.preview.survey?.invalid : undefined;
    expect(invalid).toMatchObject([{ recordNo: 1, problems: ['selfIntersection'], repair: null }]);
    const repaired = previewFiles(surveyZip(5, true), { repair: true });
    const entry = repaired.ok && repaired.value.kind === 'layer' ? repaired.value.preview.survey?.invalid[0] : undefined;
    expect(entry?.repair?.valid).toBe(true);
    expect(entry?.repair?.areaAfter).toBeGreaterThan(0);
  });

  it('says when the data looks like GCJ-02, so the dialog can offer the conversion', () => {
    const files = shapefileFixture('third-party/zhejiang-districts-utf8-noprj', '浙江省');
    const read = previewFiles(files, {});
    expect(read.ok && read.value.kind === 'layer' && read.value.preview.gcj02).toBe(true);
    expect(previewFiles(surveyZip(3), {})).toMatchObject({ ok: true, value: { kind: 'layer', preview: { gcj02: false } } });
  });
});
