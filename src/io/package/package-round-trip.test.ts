import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../domain/plan-file.ts';
import { readFileSync } from 'node:fs';
import { RuleEngine, fullCheck } from '../../rules/engine.ts';
import { parseGeoJsonLayer } from './geojson-layer.ts';
import { readPackageFolder } from './read-folder.ts';
import { reconstructPlan } from './reconstruct.ts';
import { packageLayers } from './write-package.ts';

function writePackage(planPath: string, skip: readonly string[] = []): string {
  const parsed = parsePlanText(readFileSync(planPath, 'utf8'));
  if (!parsed.ok) throw new Error(planPath);
  const engine = new RuleEngine(parsed.value);
  const dir = mkdtempSync(join(tmpdir(), 'village-package-'));
  mkdirSync(join(dir, '3.规划图形数据'));
  for (const [name, layer] of Object.entries(packageLayers(engine.checkState))) {
    if (!skip.includes(name)) writeFileSync(join(dir, '3.规划图形数据', `${name}.geojson`), JSON.stringify(layer));
  }
  return dir;
}

describe('delivery packages', () => {
  it('rebuild a plan whose check matches the original’s rules that the package can carry', () => {
    const dir = writePackage('tests/fixtures/plans/outside-expansion.plan.json');
    const read = readPackageFolder(dir);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const plan = read.value.plan;
    expect(Object.keys(plan.layers.base)).toHaveLength(12);
    // One demolition and one new-build, each written as a piece per base parcel it spans, joined back by YTDKBH.
    expect(Object.values(plan.layers.demolition).map((d) => [d.properties.parcelNo, d.properties.restorationUse])).toEqual([['CJ001', '111']]);
    expect(Object.values(plan.layers.newBuild).map((n) => [n.properties.parcelNo, n.properties.useCode])).toEqual([['JX001', '2121']]);
    const rules = fullCheck(plan).issues.map((i) => i.rule);
    expect(rules).toContain('new-build-in-expansion-boundary');
    expect(rules).toContain('pbf-kept');
    expect(read.value.bsm['JQDLTB-1' as never]).toBe('1');
  });

  it('take the union of JQDLTB as the boundary when XZQ is missing', () => {
    const read = readPackageFolder(writePackage('tests/fixtures/plans/compliant.plan.json', ['XZQ']));
    expect(read.ok && read.notes.map((n) => n.key)).toContain('package.boundaryFromParcels');
    // The package has no functional zones (GNFQ is the editor's own layer): no-gap says so, and finds no gap.
    const geometric = read.ok ? fullCheck(read.value.plan).issues.filter((i) => ['no-gap', 'no-overlap', 'inside-village'].includes(i.rule)) : [];
    expect(geometric).toMatchObject([{ rule: 'no-gap', severity: 'notChecked', message: { params: { missingKey: 'rules.missing.layer.functionalZone' } } }]);
  });

  it('refuse unknown class codes and non-GeoJSON text, naming the file', () => {
    const layer = parseGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { DLDM: '0999' }, geometry: { type: 'Polygon', coordinates: [[[120, 30], [120.001, 30], [120.001, 30.001], [120, 30]]] } }] }));
    if (!layer.ok) throw new Error('layer');
    const rebuilt = reconstructPlan({ JQDLTB: layer.value });
    expect(!rebuilt.ok && rebuilt.error).toMatchObject({ key: 'package.unknownClass', params: { file: 'JQDLTB.geojson' } });
    expect(parseGeoJsonLayer('GHYT', 'GHYT.geojson', '{nope')).toMatchObject({ ok: false, error: { key: 'package.notJson', params: { file: 'GHYT.geojson' } } });
  });

  it('read Gauss-Krüger coordinates with the zone prefix as lon/lat', () => {
    const ring = [[40_500_000, 3_320_000], [40_500_100, 3_320_000], [40_500_100, 3_320_100], [40_500_000, 3_320_000]];
    const layer = parseGeoJsonLayer('JQDLTB', 'JQDLTB.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
    const p = layer.ok ? (layer.value.features[0]!.geometry.coordinates[0] as number[][])[0]! : [];
    expect(p[0]).toBeCloseTo(120, 6);
    expect(p[1]).toBeGreaterThan(29.9);
  });
});
