/**
 * The 2026 coverage checks on a CJDCQ from another survey, 0.3 m off the parcels all round: the boundary's
 * stretches make one cluster of the whole layer, clipped as the corridor along them (rules/cluster-corridor.ts),
 * as the 2017 checks do, when a point in each piece outside the corridor shows every problem inside it.
 * What the corridor finds must be what the whole box finds.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Polygon } from 'geojson';
import { ellipsoidalArea } from '../../geo/area.ts';
import { geos } from '../../geo/geos/geos-module.ts';
import { PARTITION_LAYERS } from '../../profiles/zhejiang-2026/coverage.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { corridorsOf, worthACorridor } from '../cluster-corridor.ts';
import { layerCoverage } from './database-coverage.ts';
import { insideVillageRule } from './inside-village.rule.ts';
import { noGapRule } from './no-gap.rule.ts';
import { noOverlapRule } from './no-overlap.rule.ts';
import { database, feature } from './test-support.ts';

vi.mock('../cluster-corridor.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../cluster-corridor.ts')>();
  return { ...original, corridorsOf: vi.fn(original.corridorsOf) };
});

const actual = await vi.importActual<typeof import('../cluster-corridor.ts')>('../cluster-corridor.ts');

afterEach(() => {
  vi.mocked(corridorsOf).mockReset().mockImplementation(actual.corridorsOf);
});

const [X0, Y0] = [120.1, 30.2];
const [MX, MY] = [1 / 96_290, 1 / 110_900];
const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[X0 + x0 * MX, Y0 + y0 * MY], [X0 + x1 * MX, Y0 + y0 * MY], [X0 + x1 * MX, Y0 + y1 * MY], [X0 + x0 * MX, Y0 + y1 * MY], [X0 + x0 * MX, Y0 + y0 * MY]]],
});
const [SIDE, CELLS] = [10, 20];
const GHDLTB = PARTITION_LAYERS.find((p) => p.layer === 'GHDLTB')!;
const COVERAGE = [noGapRule, noOverlapRule, insideVillageRule];
const EDGE = CELLS * SIDE;
/** The strip the move opens round the north-east corner: the village less the parcels' outline. */
const STRIP_M2 = ellipsoidalArea(square(0.3, 0.3, EDGE + 0.3, EDGE + 0.3)) - ellipsoidalArea(square(0.3, 0.3, EDGE, EDGE));

/** 20 × 20 planned parcels of 10 m (GHDLTB#<col>-<row>), some replaced or left out, in a CJDCQ moved 0.3 m north-east of them. */
function shiftedVillage(replaced: Record<string, Polygon> = {}, removed: (i: number, j: number) => boolean = () => false): VillageDatabase {
  const parcels = [];
  for (let i = 0; i < CELLS; i++) {
    for (let j = 0; j < CELLS; j++) {
      const ref = `GHDLTB#${i}-${j}`;
      if (!removed(i, j)) parcels.push(feature(ref, replaced[ref] ?? square(i * SIDE, j * SIDE, (i + 1) * SIDE, (j + 1) * SIDE), { GHDLBM: '0101' }));
    }
  }
  return database({ CJDCQ: [feature('CJDCQ#1', square(0.3, 0.3, EDGE + 0.3, EDGE + 0.3))], GHDLTB: parcels });
}

/** The coverage findings, as what a user reads of each: rule, message, figures and the parcels named. */
function findings(db: VillageDatabase): string[] {
  return COVERAGE.flatMap((rule) => rule.check(db))
    .map((i) => `${i.rule} ${i.message.key} ${JSON.stringify(i.message.params)} ${[...i.features].sort().join(',')}`)
    .sort();
}

/** The same findings with every cluster clipped by its whole box, as before corridors. */
function wholeBoxFindings(db: VillageDatabase): string[] {
  vi.mocked(corridorsOf).mockReturnValue(null);
  return findings(db);
}

describe('coverage rules (2026) on a CJDCQ 0.3 m off the parcels all round', () => {
  // Problems along the boundary and one in the middle: a hole inside the corridor (two parcels missing, 10 m
  // in from the south-west), a parcel reaching 1 m into its neighbour on the east edge, and a parcel in the
  // middle shrunk by 1 m (a gap of its own cluster).
  const replaced = { 'GHDLTB#19-5': square(189, 50, 200, 60), 'GHDLTB#10-10': square(100, 100, 109, 110) };
  const removed = (i: number, j: number) => j === 1 && (i === 1 || i === 2);

  it('clips the corridor along the boundary, not the whole layer', () => {
    const clusters = layerCoverage(shiftedVillage(replaced, removed), GHDLTB)?.clusters ?? [];
    const corridors = clusters.filter((c) => c.corridor);
    expect(corridors).toHaveLength(1);
    expect(corridors[0]?.corridor?.type).toBe('MultiPolygon');
    const refs = new Set(corridors[0]?.features.map((f) => f.feature.ref));
    expect(refs.has('GHDLTB#0-0') && refs.has('GHDLTB#19-19') && refs.has('GHDLTB#0-10')).toBe(true);
    expect(refs.has('GHDLTB#10-10')).toBe(false);
    expect(refs.size).toBeLessThan(200);
    // The gap in the middle stays a cluster of its own, clipped by its box.
    expect(clusters.filter((c) => !c.corridor).flatMap((c) => c.features.map((f) => f.feature.ref))).toContain('GHDLTB#10-10');
  });

  it('finds what the whole box finds', () => {
    const viaCorridor = findings(shiftedVillage(replaced, removed));
    expect(vi.mocked(corridorsOf).mock.results.some((r) => r.type === 'return' && r.value !== null)).toBe(true);
    const viaBox = wholeBoxFindings(shiftedVillage(replaced, removed));
    expect(viaCorridor).toEqual(viaBox);
    // The shrunk parcel's gap, the strip the move opens, the hole (to 0.1 m²: the village's 200 m edges are
    // overlaid as straight lines in GK and measured as great circles, which bulge from the parcels' parallels).
    const gaps = viaCorridor.filter((f) => f.startsWith('no-gap rules.db.no-gap.message')).map((f) => JSON.parse(f.split(' ')[2] as string).areaM2 as number);
    const expected = [ellipsoidalArea(square(109, 100, 110, 110)), STRIP_M2, ellipsoidalArea(square(10, 10, 30, 20))];
    expect(gaps.sort((a, b) => a - b).map((a, k) => Math.abs(a - (expected[k] as number)) < 0.1)).toEqual([true, true, true]);
    expect(viaCorridor.filter((f) => f.startsWith('no-overlap'))).toHaveLength(1);
    // The strip left outside, south and west, joined into one part across the parcels' seams: the 39 parcels it is of.
    const [outside, ...more] = viaCorridor.filter((f) => f.startsWith('inside-village rules.db.inside-village.message'));
    expect(more).toEqual([]);
    expect(outside?.split(' ')[3]?.split(',')).toHaveLength(39);
    // And the warning that the CJDCQ is off, not the 39 parcels (misaligned-boundary.ts).
    expect(viaCorridor.filter((f) => f.startsWith('inside-village rules.db.inside-village.misaligned')).map((f) => JSON.parse(f.split(' ')[2] as string).count)).toEqual([39]);
  });

  it('after edits along the corridor, finds what a fresh check of the same database finds', () => {
    // Each edit replaces one parcel of the held database and keeps every other geometry object, as the
    // editor's edits do, so the corridor's blocks and cuts kept from the check before are reused.
    let held = shiftedVillage(replaced, removed);
    findings(held);
    const put = (db: VillageDatabase, ref: string, geometry: Polygon | null, code = '0101'): VillageDatabase => {
      const layer = db.layers.GHDLTB!;
      const features = geometry ? layer.features.map((f) => (f.ref === ref ? feature(ref, geometry, { GHDLBM: code }) : f)) : layer.features.filter((f) => f.ref !== ref);
      return { ...db, layers: { ...db.layers, GHDLTB: { ...layer, features } } };
    };
    const edits: [string, Polygon | null, string?][] = [
      ['GHDLTB#0-5', square(-0.5, 50, 10, 60)], // past the CJDCQ
      ['GHDLTB#19-12', square(190, 120, 199, 130)], // a gap along the east edge
      ['GHDLTB#0-5', square(0, 50, 10, 60), '0103'], // back, reclassified
      ['GHDLTB#5-19', null], // a parcel along the north edge deleted
      ['GHDLTB#19-12', square(190, 120, 200, 130)],
    ];
    for (const [ref, geometry, code] of edits) {
      held = put(held, ref, geometry, code);
      expect(findings(held), ref).toEqual(findings(structuredClone(held)));
    }
  });

  it('after an edit away from the strip outside, names its parcels without overlaying them again', () => {
    const before = shiftedVillage(replaced, removed);
    const found = insideVillageRule.check(before);
    const layer = before.layers.GHDLTB!;
    // A parcel on the north edge redrawn as it was: a new object, as an edit makes; the strip is south and west.
    const after = { ...before, layers: { ...before.layers, GHDLTB: { ...layer, features: layer.features.map((f) => (f.ref === 'GHDLTB#10-19' ? { ...f, geometry: structuredClone(f.geometry) } : f)) } } };
    const intersects = vi.spyOn(geos(), 'GEOSIntersects');
    expect(insideVillageRule.check(after)).toEqual(found);
    // The 39 parcels the strip is of, each overlaid with it at the first check, are not overlaid again.
    expect(intersects.mock.calls.length).toBeLessThan(10);
    intersects.mockRestore();
  });

  it('clips the whole box when a gap is wider than the corridor, and still finds it', () => {
    // A 60 m × 60 m hole in the middle: its middle lies more than the corridor's 10 m from any edge.
    const hole = (i: number, j: number) => i >= 7 && i < 13 && j >= 7 && j < 13;
    const db = shiftedVillage({}, hole);
    const clusters = layerCoverage(db, GHDLTB)?.clusters ?? [];
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.corridor).toBeNull();
    // The cluster was worth a corridor by its size: it is the pieces' count that sent it back to the box.
    const group = vi.mocked(corridorsOf).mock.calls[0]?.[1];
    expect(worthACorridor(group?.members.length ?? 0, db.layers.GHDLTB?.features.length ?? 0)).toBe(true);
    const gaps = noGapRule.check(db).map((i) => i.message.params['areaM2'] as number);
    const [strip, wide] = gaps.sort((a, b) => a - b);
    expect(Math.abs((strip as number) - STRIP_M2)).toBeLessThan(0.1);
    expect(wide).toBeCloseTo(ellipsoidalArea(square(70, 70, 130, 130)), 0);
  });
});
