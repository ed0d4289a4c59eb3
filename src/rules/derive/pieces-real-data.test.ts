/**
 * The derivation on survey-shaped data (as a county 三调 export: tests/e2e/support/county-survey.ts), with
 * GEOS loaded as the CLI and the workers load it: a 0.001 m² sliver parcel that a demolition's edge crosses,
 * and parcels whose corners are jittered by ±0.3 mm under a demolition drawn on the survey's corners.
 * GHYT must never lose land: its pieces add up to the parcels, parcel by parcel and over the village.
 */
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../domain/features.ts';
import type { FeatureId } from '../../domain/ids.ts';
import { layerFeatures, type Plan } from '../../domain/plan.ts';
import { metresPerDegree } from '../../geo/local-metric.ts';
import { CheckState } from '../context.ts';
import { computeTables } from '../tables/index.ts';
import { roundTo } from '../../domain/units.ts';
import { toLonLat } from '../../io/crs/reproject.ts';
import { gk } from '../../io/crs/source-crs.ts';
import { planWith } from '../../domain/test-support.ts';
import { countySurvey } from '../../../tests/e2e/support/county-survey.ts';
import { feature, ORIGIN, village, withFeatures, type Grid } from '../test-support.ts';
import { withWholeArea, type Piece } from './pieces.ts';

const M = metresPerDegree(ORIGIN[1] as number);
/** `p` moved east and north by metres. */
const moved = (p: Position, east: number, north: number): Position => [(p[0] as number) + east / M.x, (p[1] as number) + north / M.y];
const polygon = (ring: Position[]): AreaGeometry => ({ type: 'Polygon', coordinates: [[...ring, ring[0] as Position]] });

/** Σ GHYT piece areas, and Σ parcel areas, of the whole plan. */
function totals(state: CheckState): { pieces: number; parcels: number; village: number } {
  let pieces = 0;
  for (const piece of state.derived.allPieces()) pieces += piece.areaM2;
  const parcels = layerFeatures(state.plan, 'base').reduce((s, f) => s + state.area(f), 0);
  const village = layerFeatures(state.plan, 'boundary').reduce((s, f) => s + state.area(f), 0);
  return { pieces, parcels, village };
}

/**
 * A 2 × 2 village whose parcel p0-0 has a 0.001 m² sliver cut out of the middle of its north edge (1 m
 * along it, 2 mm deep: the county survey's slivers), as parcel `sliver`.
 */
function villageWithSliver(): { plan: Plan; g: Grid; middle: Position } {
  const { plan, g } = village({ w: 2, h: 2 });
  const middle: Position = [((g.at(0, 1)[0] as number) + (g.at(1, 1)[0] as number)) / 2, g.at(0, 1)[1] as number];
  const [s, e, dent] = [moved(middle, -0.5, 0), moved(middle, 0.5, 0), moved(middle, 0, -0.002)];
  const dented = polygon([g.at(0, 0), g.at(1, 0), g.at(1, 1), e, dent, s, g.at(0, 1)]);
  const parcel = plan.layers.base['p0-0' as FeatureId]!;
  return { plan: withFeatures(plan, { ...parcel, geometry: dented }, feature('base', 'sliver', polygon([s, dent, e]), { parcelNo: 'S1', classCode: '113' })), g, middle };
}

/** A deterministic ±0.3 mm jitter: each feature's own copy of a corner moves by its own amount (reprojection). */
function jitterer(seed: number): (ring: readonly Position[]) => Position[] {
  let state = seed;
  const next = () => ((state = (state * 16807) % 2147483647) / 2147483647 - 0.5) * 2 * 0.0003;
  return (ring) => {
    const own = ring.slice(0, -1).map((p) => moved(p, next(), next()));
    return [...own, own[0] as Position];
  };
}

/**
 * A 3 × 2 village whose parcels each carry their own jittered copy of their corners, and a demolition drawn
 * on the survey's corners (its own jittered copies) over p1-0 and the west half of p2-0.
 */
function jitteredVillage(): Plan {
  const { plan, g } = village({ w: 3, h: 2, classOf: () => '2121' });
  const jitter = jitterer(20240630);
  const own = (ring: readonly Position[]): AreaGeometry => ({ type: 'Polygon', coordinates: [jitter(ring)] });
  const parcels = layerFeatures(plan, 'base').map((f) => ({ ...f, geometry: own((f.geometry as { coordinates: Position[][] }).coordinates[0] as Position[]) }));
  const [x2, x3] = [g.at(2, 0)[0] as number, g.at(3, 0)[0] as number];
  const half = (j: number): Position => [(x2 + x3) / 2, g.at(0, j)[1] as number];
  const demolition = own([g.at(1, 0), g.at(2, 0), half(0), half(1), g.at(2, 1), g.at(1, 1), g.at(1, 0)]);
  return withFeatures(plan, ...parcels, feature('demolition', 'd', demolition, { parcelNo: 'CJ003', restorationUse: '111' }));
}

describe('the derivation on survey-shaped data', () => {
  it('keeps a 0.001 m² sliver parcel that a demolition’s edge crosses (GEOS drops both of its parts as too small)', () => {
    const { plan, g, middle } = villageWithSliver();
    // A demolition over the west part of p0-0, its north edge on the survey's straight line, its east edge
    // 0.25 m east of the sliver's middle: it crosses the sliver.
    const east = moved(middle, 0.25, 0)[0] as number;
    const demolition = polygon([g.at(0, 0), [east, g.at(0, 0)[1] as number], [east, middle[1] as number], g.at(0, 1)]);
    const state = CheckState.build(withFeatures(plan, feature('demolition', 'd', demolition, { parcelNo: 'CJ003', restorationUse: '111' })));
    const sliver = state.derived.piecesOf('sliver' as FeatureId);
    expect(sliver.length).toBeGreaterThan(0);
    expect(sliver.reduce((s, p) => s + p.areaM2, 0)).toBeCloseTo(state.area(state.plan.layers.base['sliver' as FeatureId]!), 6);
    const { pieces, parcels, village: whole } = totals(state);
    expect(Math.abs(pieces - parcels)).toBeLessThan(0.005);
    expect(Math.abs(pieces - whole)).toBeLessThan(0.01);
  });

  it('gives each jittered parcel’s pieces the parcel’s area, so GHYT covers the village to 0.01 m²', () => {
    const state = CheckState.build(jitteredVillage());
    for (const parcel of layerFeatures(state.plan, 'base')) {
      const pieces = state.derived.piecesOf(parcel.id);
      expect(Math.abs(pieces.reduce((s, p) => s + p.areaM2, 0) - state.area(parcel)), parcel.id).toBeLessThan(1e-6);
    }
    const { pieces, parcels } = totals(state);
    expect(Math.abs(pieces - parcels)).toBeLessThan(1e-6);
  });

  it('lists a jittered demolition with the area its GHYT pieces hold, to the printed 0.01 m²', () => {
    const state = CheckState.build(jitteredVillage());
    const ghyt = state.derived.piecesOfChange('d' as FeatureId).reduce((s, p) => s + p.areaM2, 0);
    // The case only tests something while the drawn outline's area prints differently from its pieces'.
    expect(roundTo(state.area(state.plan.layers.demolition['d' as FeatureId]!), 2)).not.toBe(roundTo(ghyt, 2));
    const row = computeTables(state).demolitionList.rows.find((r) => r.key === 'd');
    const cell = row?.cells.areaM2;
    expect(cell && 'value' in cell ? cell.value : NaN).toBe(roundTo(ghyt, 2));
  });

  it('keeps every parcel of a county 三调 export in GHYT when demolitions cross its 0.001 m² slivers (296 parcels, 296 with pieces)', () => {
    const survey = countySurvey();
    const crs = gk({ zone: 40, zonePrefix: false });
    const classes = ['111', '113', '12', '131', '2121', '231'] as const;
    const parcels = survey.parcels.map((p, k) => feature('base', `b${p.tbbh}`, toLonLat(p.geometry, crs), { parcelNo: p.tbbh, classCode: classes[k % classes.length] }));
    // A 4 m square demolition on the GK plane whose west edge crosses each sliver 0.25 m from its middle.
    const demolitions = survey.slivers.map((tbbh, k) => {
      const [a, b] = (survey.parcels.find((p) => p.tbbh === tbbh)!.geometry.coordinates[0] as Position[]) as [Position, Position];
      const [x, y] = [((a[0] as number) + (b[0] as number)) / 2 + 0.25, ((a[1] as number) + (b[1] as number)) / 2];
      const square = polygon([[x, y - 2], [x + 4, y - 2], [x + 4, y + 2], [x, y + 2]]);
      return feature('demolition', `d${k}`, toLonLat(square, crs), { parcelNo: `CJ00${k + 1}`, restorationUse: '111' });
    });
    const state = CheckState.build(planWith([feature('boundary', 'village', toLonLat(survey.boundary, crs)), ...parcels, ...demolitions]));
    expect(parcels.filter((p) => state.derived.piecesOf(p.id).length > 0)).toHaveLength(survey.parcels.length);
    const { pieces, parcels: parcelTotal } = totals(state);
    expect(Math.abs(pieces - parcelTotal)).toBeLessThan(1e-6);
  });
});

describe('withWholeArea', () => {
  const piece = (areaM2: number) => ({ areaM2 }) as Piece;

  it('shares the hundredths the cuts’ slivers took among the pieces, in proportion', () => {
    const scaled = withWholeArea([piece(600), piece(399.998)], 1000);
    expect(scaled.reduce((s, p) => s + p.areaM2, 0)).toBeCloseTo(1000, 9);
    expect(scaled[0]!.areaM2 / scaled[1]!.areaM2).toBeCloseTo(600 / 399.998, 12);
  });

  it('leaves a real loss visible: land an overlay lost is not spread over the pieces', () => {
    const pieces = [piece(600), piece(399)];
    expect(withWholeArea(pieces, 1000)).toBe(pieces);
  });
});
