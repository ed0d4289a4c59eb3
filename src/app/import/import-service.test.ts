/**
 * The import service with the io worker's session run in the test's own thread: the files are parsed once
 * per pick or encoding, never for an option or a mapping change, and a confirmed mapping reaches the plan.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layerFeatures } from '../../domain/plan.ts';
import { parsePlanText } from '../../domain/plan-file.ts';
import { gk } from '../../io/crs/source-crs.ts';
import { writeShapefile } from '../../io/formats/shapefile-write.ts';
import { surveyLayerFromParcels } from '../../io/survey/survey-layer.ts';
import { writeZip } from '../../io/zip/zip-write.ts';
import { createEditor } from '../../store/editor.ts';
import { createImportService, importBlocked } from './import-service.ts';
import type { ReadRequest } from '../io-client.ts';
import { inThread } from './test-support.ts';

const parsed = parsePlanText(readFileSync('samples/sample-village.plan.json', 'utf8'));
if (!parsed.ok) throw new Error('sample unreadable');
const plan = parsed.value;

function surveyFile(): File {
  const shp = writeShapefile(surveyLayerFromParcels(layerFeatures(plan, 'base').slice(0, 30)), {});
  if (!shp.ok) throw new Error('shapefile');
  return new File([writeZip(shp.value).slice()], 'DLTB.zip');
}

/** The same survey in GK without the zone number (EPSG:4549) and without its .prj: the zone is a guess. */
function surveyFileWithoutPrj(): File {
  const shp = writeShapefile(surveyLayerFromParcels(layerFeatures(plan, 'base').slice(0, 30)), { crs: gk({ zone: 40, zonePrefix: false }) });
  if (!shp.ok) throw new Error('shapefile');
  return new File([writeZip(shp.value.filter((f) => !f.name.endsWith('.prj'))).slice()], 'DLTB.zip');
}

/** `count` of the sample's parcels as GeoJSON with the planning class (DLDM) a package's JQDLTB has, and no survey code (DLBM). */
function parcelsWithoutSurveyCode(count: number): File {
  const features = layerFeatures(plan, 'base').slice(0, count).map((p) => ({ type: 'Feature', properties: { DLDM: p.properties.classCode }, geometry: p.geometry }));
  return new File([JSON.stringify({ type: 'FeatureCollection', features })], '基期地类图斑.geojson');
}

function service() {
  const editor = createEditor(plan, undefined);
  const worker = inThread();
  const imports = createImportService({ editor, storage: undefined, flush: async () => undefined, openDraft: () => undefined, say: (m) => m.key, hold: worker.hold });
  return { editor, imports, seen: worker.seen };
}

describe('the import service', { timeout: 60_000 }, () => {
  it('confirms a mapping change without parsing the file again', async () => {
    const { editor, imports, seen } = service();
    await imports.pick([surveyFile()]);
    // The progress report that came after the answer leaves the preview shown.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(imports.store.getState().phase.kind).toBe('preview');
    imports.chooseClass('0103|', '112');
    expect(await imports.confirm()).toBe(true);
    expect(seen.parses).toBe(1);
    const parcels = layerFeatures(editor.plan.getState().plan, 'base');
    expect(parcels).toHaveLength(30);
    const dry = parcels.filter((p) => p.properties.surveyCode === '0103');
    expect(dry.length).toBeGreaterThan(0);
    expect(dry.every((p) => p.properties.classCode === '112')).toBe(true);
  });

  it('applies options to what was read, and parses again only for another encoding', async () => {
    const { imports, seen } = service();
    await imports.pick([surveyFile()]);
    await imports.setOption({ repair: true });
    expect(imports.store.getState()).toMatchObject({ phase: { kind: 'preview' }, settings: { repair: true } });
    expect(seen).toEqual({ parses: 1, applied: 1 });
    imports.chooseClass('0103|', '112');
    await imports.setEncoding('utf-8');
    expect(seen.parses).toBe(2);
    // The re-read kept the planner's mapping: its rows say so.
    const shown = imports.store.getState().phase;
    expect(shown.kind === 'preview' && shown.preview.survey?.preview.find((r) => r.surveyCode === '0103')).toMatchObject({ classCode: '112', rowSource: 'planner' });
  });

  it('reads a layer again in the CRS the planner chooses, keeping the mapping, and goes back to the guess', async () => {
    const { imports, seen } = service();
    await imports.pick([surveyFileWithoutPrj()]);
    const shown = () => imports.store.getState().phase;
    const layer = () => {
      const phase = shown();
      return phase.kind === 'preview' ? phase.preview.layer : null;
    };
    const notes = () => {
      const phase = shown();
      return phase.kind === 'preview' ? phase.notes.map((n) => n.key) : [];
    };
    expect(layer()).toMatchObject({ crsHow: 'inferred' });
    expect(notes()).toContain('io.crs.inferredAmbiguous');
    imports.chooseClass('0103|', '112');
    await imports.setCrs(gk({ zone: 40, zonePrefix: false }));
    expect(seen.parses).toBe(2);
    expect(layer()).toMatchObject({ crsHow: 'chosen', crs: expect.stringContaining('EPSG:4549') });
    expect(notes()).not.toContain('io.crs.inferredAmbiguous');
    const phase = shown();
    expect(phase.kind === 'preview' && phase.preview.survey?.preview.find((r) => r.surveyCode === '0103')).toMatchObject({ classCode: '112', rowSource: 'planner' });
    await imports.setCrs(null);
    expect(imports.store.getState().settings.crs).toBeUndefined();
    expect(layer()).toMatchObject({ crsHow: 'inferred' });
  });

  it('guesses no target for several areas that are no survey, and imports nothing until the planner chooses one', async () => {
    const { editor, imports } = service();
    const before = editor.plan.getState().plan;
    await imports.pick([parcelsWithoutSurveyCode(3)]);
    expect(imports.store.getState()).toMatchObject({ phase: { kind: 'preview', preview: { survey: null, areaCount: 3 } }, target: null });
    expect(importBlocked(imports.store.getState())).toBe(true);
    expect(await imports.confirm()).toBe(false);
    // Not taken for the village boundary: the plan is as it was.
    expect(editor.plan.getState().plan).toBe(before);
    imports.setTarget('pbf');
    expect(importBlocked(imports.store.getState())).toBe(false);
    expect(await imports.confirm()).toBe(true);
    expect(layerFeatures(editor.plan.getState().plan, 'pbf')).toHaveLength(3);
    expect(layerFeatures(editor.plan.getState().plan, 'boundary')).toEqual(layerFeatures(before, 'boundary'));
  });

  it('takes a single area that is no survey for the village boundary', async () => {
    const { imports } = service();
    await imports.pick([parcelsWithoutSurveyCode(1)]);
    expect(imports.store.getState()).toMatchObject({ phase: { kind: 'preview' }, target: 'boundary' });
  });

  it('waits for a class for every code, and refuses what the target cannot take in the dialog', async () => {
    const { imports } = service();
    await imports.pick([surveyFile()]);
    const state = imports.store.getState();
    const shown = state.phase;
    if (shown.kind !== 'preview' || !shown.preview.survey) throw new Error(shown.kind);
    const first = shown.preview.survey.preview[0]!;
    expect(importBlocked(state)).toBe(false);
    // A survey's codes are no control zones: refused as township zones, said in the dialog.
    imports.setTarget('townshipZones');
    expect(await imports.confirm()).toBe(false);
    expect(imports.store.getState().phase).toMatchObject({ kind: 'error', message: { key: 'io.ui.badZoneCodes' } });
    expect(importBlocked({ ...state, phase: { ...shown, preview: { ...shown.preview, survey: { ...shown.preview.survey, preview: [{ ...first, classCode: null, leftOut: false }] } } } })).toBe(true);
  });

  it('reads a layer with the plan profile’s coverage tolerance, which aligning and the coarse-coordinates note use', async () => {
    const strict = { ...plan, meta: { ...plan.meta, profileOverrides: { ...plan.meta.profileOverrides, coverageToleranceM: 0.005 } } };
    const editor = createEditor(strict, undefined);
    const worker = inThread();
    const asked: ReadRequest['options'][] = [];
    const hold = (request: ReadRequest) => (asked.push(request.options), worker.hold(request));
    const imports = createImportService({ editor, storage: undefined, flush: async () => undefined, openDraft: () => undefined, say: (m) => m.key, hold });
    await imports.pick([surveyFile()]);
    expect(asked.map((o) => o.coverageToleranceM)).toEqual([0.005]);
  });
});
