import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { isCultivatedLand } from '../../profiles/zhejiang-2017/land-classes.ts';
import { importFiles } from '../formats/index.ts';
import { writeZip } from '../zip/zip-write.ts';
import { deliver, samplePlan } from './delivery-test-support.ts';
import { parseGeoJsonLayer } from './geojson-layer.ts';
import { readPlanInputs } from './package-inputs.ts';
import { PACKAGE_LAYER_NAMES, type FieldValue, type PackageLayers } from './package-layers.ts';
import { readPackageFiles } from './read-files.ts';
import { reconstructPlan } from './reconstruct.ts';

/** The .dbf with its field names in lower case (the 11-byte name of each 32-byte descriptor). */
function lowerCaseDbfNames(dbf: Uint8Array): Uint8Array {
  const out = dbf.slice();
  for (let at = 32; out[at] !== 0x0d; at += 32) for (let k = at; k < at + 11; k++) if ((out[k] as number) >= 0x41 && (out[k] as number) <= 0x5a) out[k] = (out[k] as number) + 0x20;
  return out;
}

const count = (record: Readonly<Record<string, unknown>>) => Object.keys(record).length;

describe('a delivery package from files in memory', { timeout: 60_000 }, async () => {
  const plan = samplePlan();
  const delivery = await deliver(plan);
  const zip = { name: '成果包.zip', bytes: writeZip(delivery.files) };

  it('rebuilds the plan from the zip: base parcels and changes as many as the plan had', () => {
    const read = readPackageFiles([zip]);
    if (!read?.ok) throw new Error(JSON.stringify(read));
    const rebuilt = read.value.plan;
    for (const layer of ['base', 'demolition', 'newBuild', 'controlZone', 'pbf'] as const) expect(count(rebuilt.layers[layer]), layer).toBe(count(plan.layers[layer]));
    expect(rebuilt.meta.villageName).toBe(plan.meta.villageName);
    // GeoJSON is preferred to the Shapefile of the same layer: lon/lat and UTF-8, nothing to guess.
    expect(read.value.layers.find((l) => l.name === 'JQDLTB')?.file).toMatch(/GeoJSON\/JQDLTB\.geojson$/);
  });

  it('builds the same plan from the rows it keeps as from every row of every layer', () => {
    const read = readPackageFiles([zip]);
    if (!read?.ok) throw new Error(JSON.stringify(read));
    // Restoration uses come from the TDGHDL rows under each demolition (the sample has a 2125 among the 111s).
    const uses = (p: typeof plan) => Object.values(p.layers.demolition).map((d) => d.properties.restorationUse).sort();
    expect(uses(read.value.plan)).toEqual(uses(plan));
    const every: PackageLayers = {};
    for (const name of PACKAGE_LAYER_NAMES) {
      const file = delivery.files.find((f) => f.name.endsWith(`GeoJSON/${name}.geojson`));
      const layer = file && parseGeoJsonLayer(name, file.name, new TextDecoder().decode(file.bytes));
      if (layer?.ok) every[name] = layer.value;
    }
    const sidecar = delivery.files.find((f) => f.name.endsWith('/规划参数.json'));
    const inputs = sidecar ? readPlanInputs(sidecar.name, sidecar.bytes).inputs : null;
    const whole = reconstructPlan(every, { inputs });
    if (!whole.ok) throw new Error(JSON.stringify(whole.error));
    expect(read.value.plan.layers).toEqual(whole.value.plan.layers);
    expect(read.value.bsm).toEqual(whole.value.bsm);
    expect(read.value.layers.find((l) => l.name === 'GHYT')?.count).toBe(every.GHYT?.features.length);
  });

  it('reads the Shapefile layers (GBK, GK zone) when the package has no GeoJSON', () => {
    const shapefilesOnly = delivery.files.filter((f) => !f.name.endsWith('.geojson'));
    const read = readPackageFiles(shapefilesOnly);
    if (!read?.ok) throw new Error(JSON.stringify(read));
    expect(count(read.value.plan.layers.base)).toBe(count(plan.layers.base));
    expect(count(read.value.plan.layers.newBuild)).toBe(count(plan.layers.newBuild));
    expect(read.value.layers.find((l) => l.name === 'JQDLTB')?.file).toMatch(/Shapefile\/JQDLTB\.shp$/);
    const first = Object.values(read.value.plan.layers.base)[0];
    const original = Object.values(plan.layers.base).find((p) => p.properties.parcelNo === first?.properties.parcelNo);
    expect(first?.properties.ownerName).toBe(original?.properties.ownerName ?? null);
  });

  it('builds from the Shapefiles the plan every row of every Shapefile layer gives: the rows left out before reprojecting are unused ones', () => {
    // Without the sidecar, whose entries would give the demolitions' restoration uses: they come from the TDGHDL rows under them.
    const shapefilesOnly = delivery.files.filter((f) => !f.name.endsWith('.geojson') && !f.name.endsWith('/规划参数.json'));
    const read = readPackageFiles(shapefilesOnly);
    if (!read?.ok) throw new Error(JSON.stringify(read));
    const uses = Object.values(read.value.plan.layers.demolition).map((d) => d.properties.restorationUse);
    expect(new Set(uses).size).toBeGreaterThan(1);
    const every: PackageLayers = {};
    for (const name of PACKAGE_LAYER_NAMES) {
      const parts = shapefilesOnly.filter((f) => new RegExp(`/${name}\\.\\w+$`).test(f.name));
      const layer = parts.length ? importFiles(parts) : null;
      if (!layer?.ok) continue;
      const features = (layer.value[0]?.features ?? []).map((f) => ({ recordNo: f.recordNo, geometry: f.geometry as Polygon | MultiPolygon, properties: f.properties as Record<string, FieldValue> }));
      every[name] = { name, file: name, features, rows: features.length };
    }
    expect(every.GHYT?.features.length).toBeGreaterThan(0);
    const whole = reconstructPlan(every, { inputs: null });
    if (!whole.ok) throw new Error(JSON.stringify(whole.error));
    expect(read.value.plan.layers).toEqual(whole.value.plan.layers);
    for (const name of ['GHYT', 'TDGHDL'] as const) expect(read.value.layers.find((l) => l.name === name)?.count, name).toBe(every[name]?.features.length);
  });

  it('reads field names in any letter case, as dBASE, GDAL and ArcGIS match them (pgsql2shp writes lower case)', () => {
    const utf8 = new TextDecoder();
    const lowerCase = delivery.files.map((f) => {
      if (f.name.endsWith('.dbf')) return { ...f, bytes: lowerCaseDbfNames(f.bytes) };
      if (!f.name.endsWith('.geojson')) return f;
      return { ...f, bytes: new TextEncoder().encode(utf8.decode(f.bytes).replace(/"([A-Z][A-Z0-9_]*)":/g, (_, key: string) => `"${key.toLowerCase()}":`)) };
    });
    expect(utf8.decode(lowerCase.find((f) => f.name.endsWith('GHYT.geojson'))?.bytes)).toContain('"cjjx":');
    const shapefilesOnly = (files: readonly (typeof lowerCase)[number][]) => files.filter((f) => !f.name.endsWith('.geojson'));
    for (const [files, upper] of [[lowerCase, delivery.files], [shapefilesOnly(lowerCase), shapefilesOnly(delivery.files)]] as const) {
      const read = readPackageFiles(files);
      const expected = readPackageFiles(upper);
      if (!read?.ok || !expected?.ok) throw new Error(JSON.stringify(read));
      expect(count(read.value.plan.layers.demolition)).toBeGreaterThan(0);
      expect(read.value.plan.layers).toEqual(expected.value.plan.layers);
    }
  });

  it('takes the basic farmland from GHYT\'s G111/G112 rows when JBNTBHTB is empty (a template\'s layer left unfilled), and says so', () => {
    const withPbf = readPackageFiles(delivery.files);
    const empty = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: [] }));
    const unfilled = delivery.files.filter((f) => !/\/JBNTBHTB\.\w+$/.test(f.name) || f.name.endsWith('.geojson')).map((f) => (f.name.endsWith('JBNTBHTB.geojson') ? { ...f, bytes: empty } : f));
    const read = readPackageFiles(unfilled);
    if (!read?.ok || !withPbf?.ok) throw new Error(JSON.stringify(read));
    expect(count(withPbf.value.plan.layers.pbf)).toBeGreaterThan(0);
    expect(count(read.value.plan.layers.pbf)).toBeGreaterThan(0);
    expect(read.notes.map((n) => n.key)).toContain('package.pbfFromGhyt');
    expect(withPbf.notes.map((n) => n.key)).not.toContain('package.pbfFromGhyt');
  });

  it('reads the ridge coefficient from KCXS (三调\'s name) when JQDLTB has no TKXS, and says when cultivated parcels have none', () => {
    const utf8 = new TextDecoder();
    const withJqdltb = (edit: (text: string) => string) =>
      delivery.files.filter((f) => !/\/JQDLTB\.\w+$/.test(f.name) || f.name.endsWith('.geojson')).map((f) => (f.name.endsWith('JQDLTB.geojson') ? { ...f, bytes: new TextEncoder().encode(edit(utf8.decode(f.bytes))) } : f));
    const ridges = (read: ReturnType<typeof readPackageFiles>) => (read?.ok ? Object.values(read.value.plan.layers.base).map((p) => p.properties.ridgeCoefficient) : []);
    const original = readPackageFiles(delivery.files);
    expect(ridges(original).filter((r) => r !== null && r > 0).length).toBeGreaterThan(0);
    const kcxs = readPackageFiles(withJqdltb((text) => text.replaceAll('"TKXS":', '"KCXS":')));
    expect(ridges(kcxs)).toEqual(ridges(original));
    expect(kcxs?.ok && kcxs.notes.map((n) => n.key)).not.toContain('package.ridgeNotEntered');
    const none = readPackageFiles(withJqdltb((text) => text.replace(/"TKXS":[^,}]*,?/g, '')));
    const cultivated = Object.values(plan.layers.base).filter((p) => isCultivatedLand(p.properties.classCode)).length;
    expect(cultivated).toBeGreaterThan(0);
    expect(none?.ok && none.notes.find((n) => n.key === 'package.ridgeNotEntered')?.params?.count).toBe(cultivated);
  });

  it('says when the parcels\' coordinates are rounded more coarsely than the coverage tolerance, suggesting the tolerance that needs', () => {
    const utf8 = new TextDecoder();
    const sevenDecimals = delivery.files.map((f) => (f.name.endsWith('.geojson') ? { ...f, bytes: new TextEncoder().encode(utf8.decode(f.bytes).replace(/-?\d+\.\d{8,}/g, (n) => String(Number(Number(n).toFixed(7))))) } : f));
    const rounded = readPackageFiles(sevenDecimals);
    const original = readPackageFiles(delivery.files);
    if (!rounded?.ok || !original?.ok) throw new Error(JSON.stringify(rounded));
    expect(rounded.notes.find((n) => n.key === 'package.coarseCoordinates.lonLat')?.params).toMatchObject({ decimals: 7, roundingMm: 7.8, partingMm: 15.6, suggestedM: 0.02, toleranceM: 0.001 });
    expect(original.notes.map((n) => n.key).filter((k) => k.startsWith('package.coarseCoordinates'))).toEqual([]);
  });

  it('refuses a Shapefile layer without its .dbf (a package layer is its attributes), naming the file', () => {
    const noDbf = delivery.files.filter((f) => !f.name.endsWith('.geojson') && !f.name.endsWith('Shapefile/JQDLTB.dbf'));
    expect(noDbf.length).toBeLessThan(delivery.files.filter((f) => !f.name.endsWith('.geojson')).length);
    expect(readPackageFiles(noDbf)).toMatchObject({ ok: false, error: { key: 'io.shp.missingParts', params: { file: 'JQDLTB', missing: 'JQDLTB.dbf' } } });
  });

  it('is not a package without JQDLTB or with JQDLTB alone (a survey layer is read as a layer)', () => {
    const only = (names: readonly string[]) => delivery.files.filter((f) => names.some((n) => f.name.endsWith(`/${n}.geojson`)));
    expect(readPackageFiles(only(['GHYT', 'TDGHDL']))).toBeNull();
    expect(readPackageFiles(only(['JQDLTB']))).toBeNull();
    expect(readPackageFiles(only(['JQDLTB', 'XZQ']))).toMatchObject({ ok: true });
  });

  it('names the file when a layer cannot be read, and builds nothing', () => {
    // Without GHYT's Shapefile, which would otherwise be read instead (geojson-fallback.test.ts).
    const broken = delivery.files.filter((f) => !f.name.includes('Shapefile/GHYT.')).map((f) => (f.name.endsWith('GeoJSON/GHYT.geojson') ? { name: f.name, bytes: new TextEncoder().encode('{nope') } : f));
    expect(readPackageFiles(broken)).toMatchObject({ ok: false, error: { key: 'package.notJson', params: { file: expect.stringMatching(/GHYT\.geojson$/) } } });
  });
});
