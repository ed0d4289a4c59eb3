/**
 * An import held in the io worker gives what a fresh read gives: the planner's mapping, repair, GCJ-02
 * and alignment choices applied to the parsed parcels make the same preview and the same parcels as
 * reading the file again with those choices — and the session never reads the file again (its bytes are
 * wiped once it is open).
 */
import { readFileSync } from 'node:fs';
import gcoord from 'gcoord';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { FeatureOf } from '../../domain/features.ts';
import { layerFeatures } from '../../domain/plan.ts';
import { parsePlanText } from '../../domain/plan-file.ts';
import { planOutlines, type PlanOutlines } from '../crs/gcj02-offset.ts';
import { mapGeometry } from '../crs/reproject.ts';
import type { InputFile } from '../files.ts';
import { writeShapefile } from '../formats/shapefile-write.ts';
import { deliver, samplePlan } from '../package/delivery-test-support.ts';
import { surveyLayerFromParcels } from '../survey/survey-layer.ts';
import { writeZip } from '../zip/zip-write.ts';
import { previewFiles, previewImport } from './import-test-support.ts';
import type { ImportChoices, PreviewOptions } from './preview-types.ts';
import { ImportSession, previewSummary } from './import-session.ts';
import { misalignedSurveyGeoJson } from './test-support.ts';

const parsed = parsePlanText(readFileSync('samples/sample-village.plan.json', 'utf8'));
if (!parsed.ok) throw new Error('sample unreadable');
const plan = parsed.value;

/** 40 of the sample's parcels as a zipped survey Shapefile; the first one a bow tie (invalid, repairable). */
function surveyZip(): InputFile[] {
  const parcels = layerFeatures(plan, 'base').slice(0, 40);
  const [x, y] = (parcels[0]!.geometry.type === 'Polygon' ? parcels[0]!.geometry.coordinates[0]![0]! : [120.7, 30.4]) as [number, number];
  const d = 0.0005;
  const bowTie: FeatureOf<'base'> = { ...parcels[0]!, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + d, y + d], [x + d, y], [x, y + d], [x, y]]] } };
  const shp = writeShapefile(surveyLayerFromParcels([bowTie, ...parcels.slice(1)]), {});
  if (!shp.ok) throw new Error('shapefile');
  return [{ name: 'DLTB.zip', bytes: writeZip(shp.value) }];
}

const toGcj02 = (p: Position): Position => gcoord.transform([p[0] as number, p[1] as number], gcoord.WGS84, gcoord.GCJ02);

/** 60 of the sample's parcels at the GCJ-02 offset, as a survey GeoJSON (so there is a mapping too). */
function gcj02Survey(): InputFile[] {
  const parcels = layerFeatures(plan, 'base').slice(300, 360);
  const features = parcels.map((f) => ({ type: 'Feature', properties: { DLBM: f.properties.surveyCode ?? '0103', TBBH: f.properties.parcelNo }, geometry: mapGeometry(f.geometry, toGcj02) }));
  return [{ name: '地类图斑.geojson', bytes: new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features })) }];
}

const copy = (files: readonly InputFile[]) => files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
const withoutIds = (parcels: readonly FeatureOf<'base'>[]) => parcels.map(({ id: _id, ...rest }) => rest);

/** Opens a session on the files, wipes their bytes, applies each step, and compares each with a fresh read. */
function expectSameAsFreshReads(files: readonly InputFile[], context: PreviewOptions, steps: readonly ImportChoices[]) {
  const held = copy(files);
  const opened = ImportSession.open(held, context);
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  for (const f of held) f.bytes.fill(0);
  const session = opened.value;
  for (const choices of steps) {
    const fresh = previewImport(copy(files), { ...context, ...choices });
    if (!fresh.ok) throw new Error(JSON.stringify(fresh.error));
    const summary = session.apply(choices);
    expect(summary).toEqual(previewSummary(fresh.value));
    expect(session.areas(0, summary.areaCount)).toEqual(fresh.value.areas);
    expect(withoutIds(session.parcels(0, summary.survey?.parcelCount ?? 0))).toEqual(withoutIds(fresh.value.survey?.parcels ?? []));
  }
  return session;
}

describe('an import session', { timeout: 60_000 }, () => {
  it('applies the planner’s mapping to the parcels it holds: the same parcels as a fresh read with that mapping', () => {
    const session = expectSameAsFreshReads(surveyZip(), {}, [{}, { choices: [{ surveyCode: '0103', where: null, classCode: '112' }] }, { choices: [{ surveyCode: '0103', where: null, classCode: null }] }, {}]);
    const mapped = session.apply({ choices: [{ surveyCode: '0103', where: null, classCode: '112' }] });
    const parcels = session.parcels(0, mapped.survey!.parcelCount);
    const dry = parcels.filter((p) => p.properties.surveyCode === '0103');
    expect(dry.length).toBeGreaterThan(0);
    expect(dry.every((p) => p.properties.classCode === '112')).toBe(true);
  });

  it('repairs, aligns and maps without reading again, in any order, as fresh reads would', () => {
    const boundary = layerFeatures(plan, 'boundary').map((f) => f.geometry);
    const mapping = { choices: [{ surveyCode: '0103', where: null, classCode: '112' as const }] };
    expectSameAsFreshReads(surveyZip(), { reference: boundary }, [{ repair: true }, { repair: true, ...mapping }, {}, { repair: false, ...mapping }]);
    const misaligned = [{ name: '三调地类图斑.geojson', bytes: new TextEncoder().encode(misalignedSurveyGeoJson()) }];
    expectSameAsFreshReads(misaligned, { reference: boundary }, [{}, { alignTopology: true }, { alignTopology: true, ...mapping }, { alignTopology: false }]);
  });

  it('converts from GCJ-02 what it holds, notes and offset included, as a read with the conversion does', () => {
    const outlines = planOutlines(plan) as PlanOutlines;
    const session = expectSameAsFreshReads(gcj02Survey(), { planOutlines: outlines }, [{}, { convertGcj02: true }, { convertGcj02: true, alignTopology: true }, { convertGcj02: false }]);
    const converted = session.apply({ convertGcj02: true });
    expect(converted.gcj02).toBe(true);
    expect(converted.notes.map((n) => n.key)).toContain('io.crs.gcj02Converted');
  });

  it('holds a package’s plan and a drawing’s polygons for the page to fetch in slices', async () => {
    const zip = [{ name: 'p.zip', bytes: writeZip((await deliver(samplePlan())).files) }];
    const fresh = previewFiles(copy(zip));
    const opened = ImportSession.open(zip, {});
    if (!fresh.ok || fresh.value.kind !== 'package' || !opened.ok) throw new Error('package');
    const { summary } = opened.value;
    if (summary.kind !== 'package') throw new Error(summary.kind);
    expect(summary.package.counts).toEqual(fresh.value.package.counts);
    const count = summary.package.counts.reduce((n, c) => n + c.count, 0);
    const features = [...opened.value.planFeatures(0, 7), ...opened.value.planFeatures(7, count)];
    for (const { layer } of summary.package.counts) expect(features.filter((f) => f.layer === layer)).toEqual(Object.values(fresh.value.package.plan.layers[layer]));

    const drawing = [{ name: 'gdal-made.dxf', bytes: new Uint8Array(readFileSync('tests/fixtures/dxf/gdal-made.dxf')) }];
    const dxf = ImportSession.open(drawing, {});
    if (!dxf.ok || dxf.value.summary.kind !== 'dxf') throw new Error('drawing');
    expect(dxf.value.dxfAreas(0, dxf.value.summary.preview.areaCount).length).toBe(dxf.value.summary.preview.areaCount);
    expect(() => dxf.value.parcels(0, 1)).toThrow();
  });
});
