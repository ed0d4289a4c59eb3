/**
 * A county's zip of several layers through the import service (the worker's side in this thread): every
 * layer listed with its target guessed, the ticked ones imported as one undoable step, a layer that
 * cannot be read named without stopping the others, two layers into one target refused before anything
 * changes. Before, only the zip's first layer was imported, and any bad member stopped the whole zip.
 */
import { describe, expect, it } from 'vitest';
import { layerFeatures } from '../../domain/plan.ts';
import { writeShapefile } from '../../io/formats/shapefile-write.ts';
import { surveyLayerFromParcels } from '../../io/survey/survey-layer.ts';
import { writeZip } from '../../io/zip/zip-write.ts';
import { createEditor } from '../../store/editor.ts';
import { createImportService, importBlocked } from './import-service.ts';
import { countyMembers, damaged, inThread, samplePlan, strays } from './test-support.ts';

const plan = samplePlan();

function service() {
  const editor = createEditor(plan, undefined);
  const worker = inThread();
  const imports = createImportService({ editor, storage: undefined, flush: async () => undefined, openDraft: () => undefined, say: (m) => m.key, hold: worker.hold });
  return { editor, imports, seen: worker.seen };
}

const zip = (bytes: Uint8Array) => new File([bytes.slice()], '南湖村三调.zip');
const rows = (imports: ReturnType<typeof service>['imports']) => imports.store.getState().layers.map((l) => ({ name: l.name, kind: l.phase.kind, target: l.target, include: l.include }));

describe('the import service with several layers in a zip', { timeout: 60_000 }, () => {
  it('lists every layer, ticks the ones with a guessed target, and imports them as one undoable step', async () => {
    const { editor, imports, seen } = service();
    const before = editor.plan.getState().plan;
    await imports.pick([zip(writeZip([...countyMembers(plan, 30), ...strays()]))]);
    expect(rows(imports)).toEqual([
      { name: '三调/DLTB.shp', kind: 'preview', target: 'base', include: true },
      { name: 'XZQ.shp', kind: 'preview', target: 'boundary', include: true },
      { name: '权属单位.shp', kind: 'error', target: 'base', include: false },
    ]);
    expect(imports.store.getState().layers[2]?.phase).toMatchObject({ message: { key: 'io.ui.layerTableOnly' } });
    expect(imports.store.getState().ignored).toEqual(['说明.doc']);
    // One read per layer, the table without shapes not read at all.
    expect(seen.parses).toBe(2);
    // The preview shown is the first layer's; another is shown on request.
    expect(imports.store.getState()).toMatchObject({ active: 0, phase: { kind: 'preview', preview: { layer: { count: 30 } } } });
    imports.showLayer(1);
    expect(imports.store.getState()).toMatchObject({ active: 1, target: 'boundary', phase: { kind: 'preview', preview: { areaCount: 1 } } });

    expect(await imports.confirm()).toBe(true);
    const after = editor.plan.getState().plan;
    expect(layerFeatures(after, 'base')).toHaveLength(30);
    expect(layerFeatures(after, 'boundary')).toHaveLength(1);
    // Layers not imported into are as they were.
    expect(after.layers.useChange).toBe(before.layers.useChange);
    editor.plan.undo();
    expect(editor.plan.getState().plan.layers).toEqual(before.layers);
  });

  it('names a damaged member and a broken .shp, and imports the layer that is good', async () => {
    const { editor, imports } = service();
    const members = countyMembers(plan, 12);
    const xzq = members.filter((f) => f.name.startsWith('XZQ.'));
    // The boundary's .shp cut after its header and part of its record, as an interrupted copy leaves it.
    const broken = xzq.map((f) => ({ name: `坏/${f.name}`, bytes: f.name.endsWith('.shp') ? f.bytes.slice(0, 120) : f.bytes }));
    const bytes = damaged(writeZip([...members, ...broken], 0), 'XZQ.dbf');
    await imports.pick([zip(bytes)]);
    expect(rows(imports)).toEqual([
      { name: '三调/DLTB.shp', kind: 'preview', target: 'base', include: true },
      { name: 'XZQ.shp', kind: 'error', target: 'base', include: false },
      { name: '坏/XZQ.shp', kind: 'error', target: 'base', include: false },
    ]);
    const [, damagedRow, brokenRow] = imports.store.getState().layers;
    expect(damagedRow?.phase).toMatchObject({ message: { key: 'io.ui.layerDamaged', params: { member: 'XZQ.dbf' } } });
    expect(brokenRow?.phase).toMatchObject({ kind: 'error', message: { params: { file: expect.stringContaining('XZQ.shp') } } });
    expect(await imports.confirm()).toBe(true);
    expect(layerFeatures(editor.plan.getState().plan, 'base')).toHaveLength(12);
    expect(layerFeatures(editor.plan.getState().plan, 'boundary')).toEqual(layerFeatures(plan, 'boundary'));
  });

  it('refuses two layers into one target before anything changes', async () => {
    const { editor, imports } = service();
    const before = editor.plan.getState().plan;
    const members = countyMembers(plan, 10);
    // The same survey name in two folders (two townships' exports in one zip).
    const other = countyMembers(plan, 5).filter((f) => f.name.startsWith('三调/')).map((f) => ({ name: f.name.replace('三调/', '二调/'), bytes: f.bytes }));
    await imports.pick([zip(writeZip([...members, ...other]))]);
    expect(rows(imports).map((r) => [r.name, r.target, r.include])).toEqual([
      ['三调/DLTB.shp', 'base', true],
      ['XZQ.shp', 'boundary', true],
      ['二调/DLTB.shp', 'base', false],
    ]);
    imports.includeLayer(2, true);
    expect(importBlocked(imports.store.getState())).toBe(true);
    expect(await imports.confirm()).toBe(false);
    expect(editor.plan.getState().plan).toBe(before);
    // The other one into base instead, the first left out: its 5 parcels go in.
    imports.includeLayer(0, false);
    expect(await imports.confirm()).toBe(true);
    expect(layerFeatures(editor.plan.getState().plan, 'base')).toHaveLength(5);
  });

  it('imports nothing when one ticked layer does not fit its target, and keeps the list to fix it', async () => {
    const { editor, imports } = service();
    const before = editor.plan.getState().plan;
    await imports.pick([zip(writeZip(countyMembers(plan, 10)))]);
    // A village boundary has no control-zone code: refused as township zones.
    imports.setLayerTarget(1, 'townshipZones');
    expect(await imports.confirm()).toBe(false);
    expect(editor.plan.getState().plan).toBe(before);
    expect(imports.store.getState()).toMatchObject({ refusal: { key: 'io.ui.badZoneCodes' }, phase: { kind: 'preview' } });
    expect(rows(imports).map((r) => r.kind)).toEqual(['preview', 'preview']);
    imports.setLayerTarget(1, 'boundary');
    expect(await imports.confirm()).toBe(true);
    expect(layerFeatures(editor.plan.getState().plan, 'base')).toHaveLength(10);
  });

  it('imports a layer from a zip inside the zip (before: nothing to import)', async () => {
    const { editor, imports } = service();
    const inner = writeZip(countyMembers(plan, 8).filter((f) => f.name.startsWith('三调/')));
    await imports.pick([zip(writeZip([{ name: '南湖村/DLTB.zip', bytes: inner }]))]);
    expect(rows(imports)).toEqual([{ name: '南湖村/DLTB.zip/三调/DLTB.shp', kind: 'preview', target: 'base', include: true }]);
    expect(await imports.confirm()).toBe(true);
    expect(layerFeatures(editor.plan.getState().plan, 'base')).toHaveLength(8);
  });

  it('opens a delivery package zipped inside the zip as a package (before: nothing to import)', async () => {
    const { imports } = service();
    const parcels = layerFeatures(plan, 'base').slice(0, 8);
    const survey = surveyLayerFromParcels(parcels);
    // The package's JQDLTB: the survey's fields and the planning class (DLDM).
    const jqdltb = writeShapefile({ ...survey, name: 'JQDLTB', fields: [...survey.fields, { name: 'DLDM', type: 'C', length: 10, decimals: 0 }], features: survey.features.map((f, i) => ({ ...f, properties: { ...f.properties, DLDM: parcels[i]!.properties.classCode } })) }, {});
    if (!jqdltb.ok) throw new Error(jqdltb.error.key);
    const members = [...jqdltb.value, ...countyMembers(plan, 1).filter((f) => f.name.startsWith('XZQ.'))];
    await imports.pick([zip(writeZip([{ name: '成果包.zip', bytes: writeZip(members) }]))]);
    expect(imports.store.getState().phase).toMatchObject({ kind: 'package', pkg: { counts: expect.arrayContaining([{ layer: 'base', count: 8 }]) } });
  });

  it('says which loose layer picked with a delivery package is not imported, instead of dropping it unseen', async () => {
    const { imports } = service();
    const members = countyMembers(plan);
    const pkg = writeZip(members.map((f) => ({ name: f.name.replace('三调/DLTB', 'JQDLTB'), bytes: f.bytes })));
    const loose = members.filter((f) => f.name.startsWith('三调/')).map((f) => new File([f.bytes.slice()], f.name.replace('三调/', '')));
    await imports.pick([new File([pkg.slice()], '成果包.zip'), ...loose]);
    // (This package's JQDLTB, a survey layer renamed, lacks the plan's codes: what it reads is another test's.)
    expect(imports.store.getState().notImported).toEqual(['DLTB.shp']);
    // The next pick starts afresh.
    await imports.pick(loose.map((f) => new File([f], f.name)));
    expect(imports.store.getState().notImported).toEqual([]);
  });
});
