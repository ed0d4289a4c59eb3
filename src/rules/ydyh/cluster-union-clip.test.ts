/**
 * A corridor along a CJDCQ 0.3 m off the parcels all round (rules/cluster-corridor.ts): a layer of a few
 * zones traced on the parcels (GKBJ) is clipped as a corridor too, by its vertices, and its zones cut to the
 * corridor before the union, as the 2017 checks cut theirs (rules/cluster-clip.ts); small parcels stay whole.
 * Each feature's cut and each pair's overlay (geo/geos/pair-overlaps.ts) is kept, so an edit of one parcel
 * takes and overlays only that parcel again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Polygon } from 'geojson';
import { ellipsoidalArea } from '../../geo/area.ts';
import { geos } from '../../geo/geos/geos-module.ts';
import { PARTITION_LAYERS } from '../../profiles/zhejiang-2026/coverage.ts';
import type { VillageDatabase, VillageFeature } from '../../profiles/zhejiang-2026/village-database.ts';
import { clippedToOutline } from '../cluster-clip.ts';
import { worthACorridor } from '../cluster-corridor.ts';
import type { AreaGeometry } from '../../domain/features.ts';
import type { FlatPolygon } from '../../geo/geos/planar-geometry.ts';
import { layerCoverage, type LayerCoverage } from './database-coverage.ts';
import { noGapRule } from './no-gap.rule.ts';
import { noOverlapRule } from './no-overlap.rule.ts';
import { database, feature } from './test-support.ts';

vi.mock('../cluster-clip.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../cluster-clip.ts')>();
  return { ...original, clippedToOutline: vi.fn(original.clippedToOutline) };
});

const actual = await vi.importActual<typeof import('../cluster-clip.ts')>('../cluster-clip.ts');

afterEach(() => {
  vi.mocked(clippedToOutline).mockClear().mockImplementation(actual.clippedToOutline);
  vi.restoreAllMocks();
});

const [X0, Y0] = [120.3, 30.4];
const [MX, MY] = [1 / 96_000, 1 / 110_900];
const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[X0 + x0 * MX, Y0 + y0 * MY], [X0 + x1 * MX, Y0 + y0 * MY], [X0 + x1 * MX, Y0 + y1 * MY], [X0 + x0 * MX, Y0 + y1 * MY], [X0 + x0 * MX, Y0 + y0 * MY]]],
});
/** 12 × 12 parcels of 30 m: wider than the corridor's 10 m either side of the boundary, so the corridor cuts them. */
const [SIDE, CELLS] = [30, 12];
const EDGE = SIDE * CELLS;
const GHDLTB = PARTITION_LAYERS.find((p) => p.layer === 'GHDLTB')!;
const GKBJ = PARTITION_LAYERS.find((p) => p.layer === 'GKBJ')!;
/** Enough stretches for a corridor (cluster-corridor.ts CORRIDOR_FROM is 16). */
const CORRIDOR_STRETCHES = 40;
/** The strip the move opens round the north-east corner. */
const STRIP_M2 = ellipsoidalArea(square(0.3, 0.3, EDGE + 0.3, EDGE + 0.3)) - ellipsoidalArea(square(0.3, 0.3, EDGE, EDGE));

function village(parcels: readonly VillageFeature[]): VillageDatabase {
  return database({ CJDCQ: [feature('CJDCQ#1', square(0.3, 0.3, EDGE + 0.3, EDGE + 0.3))], GHDLTB: parcels });
}

const parcels = Array.from({ length: CELLS * CELLS }, (_, k) => {
  const [i, j] = [k % CELLS, Math.floor(k / CELLS)];
  return feature(`GHDLTB#${i}-${j}`, square(i * SIDE, j * SIDE, (i + 1) * SIDE, (j + 1) * SIDE), { GHDLBM: '0101' });
});

const ringArea = (ring: Float64Array) => {
  let twice = 0;
  for (let i = 0; i + 3 < ring.length; i += 2) twice += ring[i]! * ring[i + 3]! - ring[i + 2]! * ring[i + 1]!;
  return Math.abs(twice / 2);
};
/** Planar area (m²) of GK polygons: each shell less its holes. */
const planarArea = (polygons: readonly (readonly Float64Array[])[]) => polygons.reduce((sum, [shell, ...holes]) => sum + (shell ? ringArea(shell) : 0) - holes.reduce((h, r) => h + ringArea(r), 0), 0);

/**
 * Two 管控边界 zones, west and east halves: their outer edges have a vertex at each parcel corner on the
 * boundary (30 m), their seam, traced along the parcels inside, one every 0.1 m. Few features, most of their
 * vertices far from the boundary (the real-looking GKBJ: 7 zones of 85,280 vertices).
 */
function zone(x0: number, x1: number): Polygon {
  const seam = EDGE / 2;
  const ring: number[][] = [];
  const along = (ax: number, ay: number, bx: number, by: number) => {
    const steps = Math.round(Math.hypot(bx - ax, by - ay) / (ax === seam && bx === seam ? 0.1 : SIDE));
    for (let k = 0; k < steps; k++) ring.push([X0 + (ax + ((bx - ax) * k) / steps) * MX, Y0 + (ay + ((by - ay) * k) / steps) * MY]);
  };
  along(x0, 0, x1, 0);
  along(x1, 0, x1, EDGE);
  along(x1, EDGE, x0, EDGE);
  along(x0, EDGE, x0, 0);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

const zones = () =>
  database({
    CJDCQ: [feature('CJDCQ#1', square(0.3, 0.3, EDGE + 0.3, EDGE + 0.3))],
    GHDLTB: parcels,
    GKBJ: [feature('GKBJ#1', zone(0, EDGE / 2), { GKBJLX: '01' }), feature('GKBJ#2', zone(EDGE / 2, EDGE), { GKBJLX: '02' })],
  });

/** What clippedToOutline gave for these features (their GK polygons, cut or whole) since its mock was cleared. */
function cutsOf(coverage: LayerCoverage, features: readonly { readonly geometry: AreaGeometry }[]): FlatPolygon[][] {
  const calls = vi.mocked(clippedToOutline).mock;
  return features.flatMap((f) => {
    const k = calls.calls.findIndex(([polygons]) => polygons === coverage.plane.polygons(f.geometry));
    return k < 0 ? [] : [calls.results[k]!.value as FlatPolygon[]];
  });
}

describe('the union of a corridor (2026)', () => {
  it('is tried for a few zones traced on the parcels, by their vertices, and made of them cut to the corridor', () => {
    const db = zones();
    const coverage = layerCoverage(db, GKBJ)!;
    const corridors = coverage.clusters.filter((c) => c.corridor);
    expect(corridors).toHaveLength(1);
    const gaps = noGapRule.check(db).filter((i) => i.layer === 'GKBJ');
    // A band about 10 m deep along the boundary is unioned, not the two zones whole.
    const whole = planarArea(corridors[0]!.features.flatMap((f) => coverage.plane.polygons(f.geometry)));
    const cuts = cutsOf(coverage, corridors[0]!.features);
    expect(cuts).toHaveLength(2);
    expect(planarArea(cuts.flat())).toBeLessThan(0.2 * whole);
    // A few features whose vertices lie along the stretches (a detailed coast) are still clipped by the box.
    expect(worthACorridor(CORRIDOR_STRETCHES, 2, () => 30 * CORRIDOR_STRETCHES)).toBe(false);
    expect(gaps).toHaveLength(1);
    // To 0.5 m²: the village's 360 m edges are overlaid as straight lines in GK and measured as great circles.
    expect(Math.abs((gaps[0]?.message.params['areaM2'] as number) - STRIP_M2)).toBeLessThan(0.5);
    // And what the zones whole find (a database never seen: nothing kept), to the 0.01 m² reported.
    vi.mocked(clippedToOutline).mockImplementation((polygons) => polygons);
    expect(noGapRule.check(structuredClone(db)).filter((i) => i.layer === 'GKBJ')).toEqual(gaps);
  });

  it('keeps the parcels along the boundary whole: a cut would cost more than it saves', () => {
    const db = village(parcels);
    const coverage = layerCoverage(db, GHDLTB)!;
    const corridor = coverage.clusters.find((c) => c.corridor)!;
    expect(corridor.features).toHaveLength(4 * CELLS - 4);
    const gaps = noGapRule.check(db).filter((i) => i.layer === 'GHDLTB');
    const cuts = cutsOf(coverage, corridor.features);
    expect(cuts).toHaveLength(corridor.features.length);
    cuts.forEach((cut, k) => expect(cut).toBe(coverage.plane.polygons(corridor.features[k]!.geometry)));
    expect(gaps).toHaveLength(1);
    expect(Math.abs((gaps[0]?.message.params['areaM2'] as number) - STRIP_M2)).toBeLessThan(0.5);
  });

  it('takes and overlays again only the parcel an edit made', () => {
    const before = village(parcels);
    const gaps = noGapRule.check(before);
    expect(noOverlapRule.check(before)).toEqual([]);
    vi.mocked(clippedToOutline).mockClear();
    const api = geos();
    const intersects = vi.spyOn(api, 'GEOSIntersects');
    // The parcel on the west edge, second row, redrawn as it was: a new object, as an edit makes.
    const edited = parcels.map((p) => (p.ref === 'GHDLTB#0-1' ? { ...p, geometry: structuredClone(p.geometry) } : p));
    const after = village(edited);
    expect(noOverlapRule.check(after)).toEqual([]);
    expect(noGapRule.check(after)).toEqual(gaps);
    expect(vi.mocked(clippedToOutline)).toHaveBeenCalledTimes(1);
    // Its pairs with its neighbours along the corridor (the one beside it and the corner's, south and north), not the corridor's ~48.
    expect(intersects.mock.calls.length).toBeGreaterThan(0);
    expect(intersects.mock.calls.length).toBeLessThanOrEqual(3);
  });
});
