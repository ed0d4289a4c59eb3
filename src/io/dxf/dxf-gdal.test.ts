/**
 * DXF compared with GDAL's DXF driver (ogr2ogr from Debian's gdal-bin, which `.ci/run` installs):
 * - reading: every fixture read by us and by GDAL gives the same entities in the same order, on the same
 *   layers, with the same texts and the same vertices (within 1 mm, after dropping the repeated vertex GDAL
 *   writes where a bulge starts). GDAL is run with `DXF_MERGE_BLOCK_GEOMETRIES=FALSE` so a block's entities
 *   stay separate features, as ours do; paper space and the stray point at the origin, which we leave out
 *   and name, are taken out of GDAL's list; GDAL 3.6 leaves `\U+` escapes in TEXT as they are, so its texts
 *   are unescaped the way ours are.
 * - writing: the plan written as DXF and read back by GDAL has our CAD layer names (in Chinese: GBK under
 *   ANSI_936), as many entities per layer as we wrote, every ring's vertices, and the parcel numbers as texts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { polygonsOf } from '../../geo/rings.ts';
import type { AreaGeometry, PlanFeature } from '../../domain/features.ts';
import { parsePlanText } from '../../domain/plan-file.ts';
import { toGaussKruger } from '../../geo/projection.ts';
import { createI18n } from '../../i18n/index.ts';
import { fromLonLat } from '../crs/reproject.ts';
import { gk } from '../crs/source-crs.ts';
import { importFiles } from '../formats/index.ts';
import { english, FIXTURES, fixtureFiles } from '../test-support.ts';
import { unescapeDxfText } from './dxf-decode.ts';
import { writeDxf } from './dxf-write.ts';

const ZONE_40 = gk({ zone: 40, zonePrefix: true });
const dir = mkdtempSync(join(tmpdir(), 'vp-dxf-gdal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface GdalFeature {
  readonly properties: { readonly Layer: string; readonly Text?: string | null; readonly PaperSpace?: number | boolean | null };
  readonly geometry: Geometry;
}

let reads = 0;
function gdalRead(path: string): GdalFeature[] {
  const out = join(dir, `gdal-${++reads}.geojson`);
  gdal('ogr2ogr', ['--config', 'DXF_MERGE_BLOCK_GEOMETRIES', 'FALSE', '-f', 'GeoJSON', out, path]);
  return (JSON.parse(readFileSync(out, 'utf8')) as { features: GdalFeature[] }).features;
}

/**
 * Every ring (or line) of a geometry as x/y positions, vertices within a micrometre of the one before
 * dropped (GDAL repeats the vertex where a bulge starts, a few 1e-10 m off) and a ring's closing vertex
 * too (GDAL's ends a few 1e-10 m off its first).
 */
function parts(geometry: Geometry): Position[][] {
  const near = (p: Position, q: Position) => Math.hypot((p[0] as number) - (q[0] as number), (p[1] as number) - (q[1] as number)) < 1e-6;
  const clean = (points: readonly Position[]) => {
    const kept = points.map((p) => [p[0] as number, p[1] as number]).filter((p, i, all) => i === 0 || !near(p, all[i - 1] as Position));
    return kept.length > 2 && near(kept[0] as Position, kept[kept.length - 1] as Position) ? kept.slice(0, -1) : kept;
  };
  switch (geometry.type) {
    case 'Point':
      return [clean([geometry.coordinates])];
    case 'LineString':
      return [clean(geometry.coordinates)];
    case 'Polygon':
      return geometry.coordinates.map(clean);
    case 'MultiPolygon':
      return geometry.coordinates.flatMap((p) => p.map(clean));
    default:
      throw new Error(`unexpected ${geometry.type}`);
  }
}

/** The largest distance from a vertex of one list to the nearest vertex of the other, both ways. */
function spread(a: readonly Position[], b: readonly Position[]): number {
  const nearest = (p: Position, others: readonly Position[]) => Math.min(...others.map((q) => Math.hypot((p[0] as number) - (q[0] as number), (p[1] as number) - (q[1] as number))));
  return Math.max(...a.map((p) => nearest(p, b)), ...b.map((p) => nearest(p, a)));
}

const inMap = (f: GdalFeature) => !f.properties.PaperSpace && parts(f.geometry).every((ring) => ring.every((p) => (p[0] as number) > 1_000_000));

describe('DXF read like GDAL reads it', () => {
  it.skipIf(skipWithoutGdal('ogr2ogr')).each(['r12-hand.dxf', 'r2000-hand.dxf', 'gdal-made.dxf'])('%s: entities, layers, texts and vertices', (name) => {
    const theirs = gdalRead(join(FIXTURES, 'dxf', name)).filter(inMap);
    const read = importFiles(fixtureFiles('dxf', name));
    if (!read.ok) throw new Error(english(read.error));
    const ours = read.value[0]!.features;
    expect(ours.length).toBe(theirs.length);
    let vertices = 0;
    ours.forEach((feature, i) => {
      const their = theirs[i] as GdalFeature;
      expect(feature.properties.Layer, `feature ${i + 1}`).toBe(their.properties.Layer);
      // GDAL gives a hatch its pattern name as Text; texts are compared where both have them, on points.
      if (feature.geometry?.type === 'Point') expect(feature.properties.Text ?? null, `feature ${i + 1}`).toBe(their.properties.Text ? unescapeDxfText(their.properties.Text) : null);
      const mine = parts(fromLonLat(feature.geometry as Geometry, ZONE_40));
      const gdals = parts(their.geometry);
      expect(mine.map((r) => r.length), `feature ${i + 1} vertices`).toEqual(gdals.map((r) => r.length));
      mine.forEach((ring, r) => expect(spread(ring, gdals[r] as Position[]), `feature ${i + 1} ring ${r}`).toBeLessThan(0.001));
      vertices += mine.reduce((n, r) => n + r.length, 0);
    });
    expect(vertices).toBeGreaterThan(ours.length);
  });
});

describe('the plan written as DXF, read back by GDAL', () => {
  it.skipIf(skipWithoutGdal('ogr2ogr'))('has our layer names in Chinese, every entity, every ring vertex and the parcel numbers', () => {
    const parsed = parsePlanText(readFileSync('samples/sample-village.plan.json', 'utf8'));
    if (!parsed.ok) throw new Error('sample');
    const plan = parsed.value;
    const zh = createI18n('zh-CN');
    const written = writeDxf(plan, { t: (key, params) => zh.t(key, params ?? {}) });
    if (!written.ok) throw new Error(english(written.error));
    const path = join(dir, 'sample.dxf');
    writeFileSync(path, written.value.bytes);
    const header = execFileSync('ogrinfo', ['-so', '-al', path], { encoding: 'utf8' });
    expect(header).toContain('Feature Count');

    const theirs = gdalRead(path);
    const perLayer = new Map<string, number>();
    for (const f of theirs) perLayer.set(f.properties.Layer, (perLayer.get(f.properties.Layer) ?? 0) + 1);
    expect(Object.fromEntries(perLayer)).toEqual(Object.fromEntries(written.value.layers));
    expect(perLayer.get('基期地类图斑_111_水田')).toBeGreaterThan(0);
    expect(perLayer.get('建设用地管制区_010_允许建设区')).toBeGreaterThan(0);

    // Each base parcel: its outline (a closed polyline per ring) with every vertex, then its fill.
    const crs = written.value.crs;
    const outlines = theirs.filter((f) => f.properties.Layer.startsWith('基期地类图斑_') && f.geometry.type === 'LineString');
    const rings = Object.values(plan.layers.base).flatMap((p) => polygonsOf(p.geometry as AreaGeometry).flat());
    expect(outlines).toHaveLength(rings.length);
    // A plan ring repeats its first vertex; parts() drops GDAL's closing vertex.
    const sorted = (counts: number[]) => counts.sort((a, b) => a - b);
    expect(sorted(outlines.map((f) => (parts(f.geometry)[0] as Position[]).length))).toEqual(sorted(rings.map((r) => r.length - 1)));
    const first = Object.values(plan.layers.base)[0] as PlanFeature;
    const firstRing = polygonsOf(first.geometry as AreaGeometry)[0]![0]!.slice(0, -1).map((p) => toGaussKruger(p, crs));
    const match = outlines.map((f) => parts(f.geometry)[0] as Position[]).find((r) => r.length === firstRing.length && spread(r, firstRing) < 0.001);
    expect(match).toBeDefined();

    const numbers = theirs.filter((f) => f.properties.Layer === '基期地类图斑_注记').map((f) => f.properties.Text);
    expect(numbers.sort()).toEqual(Object.values(plan.layers.base).map((p) => p.properties.parcelNo).filter(Boolean).sort());
    const places = theirs.filter((f) => f.properties.Layer === '地名').map((f) => f.properties.Text);
    expect(places.sort()).toEqual(Object.values(plan.layers.places).map((p) => p.properties.name).sort());
  });
});
