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
import { perimeterMetres } from '../../rules/measure.ts';

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

  it('join the pieces of one change, misaligned by a fraction of a millimetre, into one outline without a seam', () => {
    // Two homesteads side by side and a demolition over both, written as a GHYT piece per homestead by
    // another tool: the second piece's seam vertices lie 0.3 mm (~3e-9°) off the first piece's.
    const square = (x0: number, x1: number) => [[[x0, 30], [x1, 30], [x1, 30.001], [x0, 30.001], [x0, 30]]];
    const shifted = (coordinates: number[][][]) => coordinates.map((ring) => ring.map(([x, y]) => [x === 120.001 ? x + 3e-9 : x!, y!]));
    const layer = (name: 'JQDLTB' | 'GHYT', rows: { coordinates: number[][][]; properties: Record<string, string> }[]) => ({
      name,
      file: `${name}.geojson`,
      rows: rows.length,
      features: rows.map((r, k) => ({ recordNo: k + 1, geometry: { type: 'Polygon' as const, coordinates: r.coordinates }, properties: r.properties })),
    });
    const left = square(120, 120.001);
    const right = [[[120.001, 30], [120.002, 30], [120.002, 30.001], [120.001, 30.001], [120.001, 30]]];
    const rebuilt = reconstructPlan({
      JQDLTB: layer('JQDLTB', [{ coordinates: left, properties: { DLDM: '2121' } }, { coordinates: right, properties: { DLDM: '2121' } }]),
      GHYT: layer('GHYT', [
        { coordinates: left, properties: { CJJX: 'C1', YTDKBH: 'CJ001', GHYTDM: 'X2121' } },
        { coordinates: shifted(right), properties: { CJJX: 'C1', YTDKBH: 'CJ001', GHYTDM: 'X2121' } },
      ]),
    });
    if (!rebuilt.ok) throw new Error(JSON.stringify(rebuilt.error));
    const demolitions = Object.values(rebuilt.value.plan.layers.demolition);
    expect(demolitions).toHaveLength(1);
    const outline = demolitions[0]!.geometry;
    // One ring round both homesteads: the seam is gone, not kept as a notch that doubles its length.
    expect(outline.type).toBe('Polygon');
    expect(perimeterMetres(outline)).toBeCloseTo(perimeterMetres({ type: 'Polygon', coordinates: [[[120, 30], [120.002, 30], [120.002, 30.001], [120, 30.001], [120, 30]]] }), 2);
  });
});
