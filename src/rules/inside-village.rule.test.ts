import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/features.ts';
import { planWith, rect } from '../domain/test-support.ts';
import { fromGaussKruger } from '../geo/projection.ts';
import { feature, issuesOf, layerIds, village, withFeatures } from './test-support.ts';

const RULE = 'inside-village';

describe(RULE, () => {
  it('passes features inside the village', () => {
    const { plan, g } = village();
    expect(issuesOf(withFeatures(plan, feature('newBuild', 'nb', g.block(1, 1, 2, 2))), RULE)).toEqual([]);
  });

  it('shows the part beyond the boundary', () => {
    const { plan, g } = village();
    const over = feature('newBuild', 'nb', rect(g.at(3, 0)[0]!, g.at(3, 0)[1]!, g.at(4.5, 1)[0]!, g.at(4.5, 1)[1]!));
    const issues = issuesOf(withFeatures(plan, over), RULE);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message.params.areaM2 as number).toBeGreaterThan(5000);
    expect(issues[0]!.geometry?.type).toBe('Polygon');
  });

  it('shows the part beyond the boundary of a feature whose outline is invalid, as its repair (geometry-valid reports the fault)', () => {
    const { plan, g } = village();
    const [x0, y0] = g.at(3, 0) as [number, number];
    const [x1, y1] = g.at(4.5, 1) as [number, number];
    // A bow-tie: its two triangles, one reaching beyond the boundary at x = g.at(4, 0).
    const bowTie = { type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y1], [x1, y0], [x0, y1], [x0, y0]]] };
    const crossed = withFeatures(plan, feature('newBuild', 'nb', bowTie));
    expect(issuesOf(crossed, 'geometry-valid').map((i) => i.features)).toContainEqual(['nb']);
    const issues = issuesOf(crossed, RULE);
    expect(issues.map((i) => i.features)).toEqual([['nb']]);
    expect(issues[0]!.message.params.areaM2 as number).toBeGreaterThan(1000);
  });

  it('lets an overhang within the 0.05 m tolerance pass and reports one beyond it', () => {
    const { plan, g } = village();
    const [x, y0] = g.at(4, 0) as [number, number];
    const y1 = g.at(4, 1)[1]!;
    const metrePerDegree = 96_486; // longitude at 30°N
    const slab = (metres: number) => feature('newBuild', 'nb', rect(x - 0.0002, y0, x + metres / metrePerDegree, y1));
    expect(issuesOf(withFeatures(plan, slab(0.03)), RULE)).toEqual([]);
    expect(issuesOf(withFeatures(plan, slab(0.2)), RULE)).toHaveLength(1);
  });

  it('reports a parcel drawn across a hole of the boundary (another village’s enclave), none of whose edges is the hole’s', () => {
    const { plan, g } = village();
    // A 0.0002° (~19 × 22 m) enclave inside cell (2, 1); the cell, the functional zone and the control zone keep no hole.
    const [x0, y0] = g.at(2.4, 1.4) as [number, number];
    const [x1, y1] = g.at(2.6, 1.6) as [number, number];
    const enclave: Position[] = [[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]];
    const outline = g.block(0, 0, 4, 3).coordinates[0] as Position[];
    const holed = withFeatures(plan, feature('boundary', 'village', { type: 'Polygon', coordinates: [outline, enclave] }));
    const issues = issuesOf(holed, RULE);
    expect(layerIds(issues).sort()).toEqual(['base:p2-1', 'controlZone:cz0', 'functionalZone:fz']);
    for (const issue of issues) expect(issue.message.params.areaM2 as number).toBeCloseTo(19.3 * 22.2, -1);
    // The cell with the hole kept and another parcel filling it: only the filling lies outside.
    const cell = g.block(2, 1, 3, 2);
    const filled = withFeatures(holed, feature('base', 'p2-1', { type: 'Polygon', coordinates: [cell.coordinates[0] as Position[], enclave] }), feature('base', 'enclave', rect(x0, y0, x1, y1)));
    expect(layerIds(issuesOf(filled, RULE)).filter((id) => id.startsWith('base'))).toEqual(['base:enclave']);
  });

  it('says "not checked" without a village boundary', () => {
    const { plan } = village();
    const noBoundary = { ...plan, layers: { ...plan.layers, boundary: {} } };
    expect(issuesOf(noBoundary, RULE)).toMatchObject([{ severity: 'notChecked' }]);
  });

  // The shape of a survey package: a village 200 × 100 m and its two parcels in CGCS2000 GK zone 40 (EPSG:4528),
  // the east parcel's east edge pushed out along its whole 100 m. Overlaid in the GK plane again, the outside
  // strip came back with hairline tails along the edges the parcel shares with the boundary (rounding of
  // the round trip, the 0.1 mm steps of a lon/lat copy, jitter), whose length was measured as perimeter:
  // a 9 or 12 cm strip measured 3–4 cm wide and passed.
  describe('a parcel pushed out beyond the boundary along a whole 100 m edge', () => {
    const CRS = { zone: 40, zonePrefix: true } as const;
    const ORIGINS: readonly [number, number][] = [
      [40_580_000, 3_393_500],
      [40_512_345.678, 3_367_890.123],
      [40_431_002.5, 3_412_007.75],
    ];
    type Copy = 'GK' | 'lon/lat to 1e-9°' | 'jittered ±0.3 mm';

    /** A ring of [east, north] metres from the origin, in lon/lat as the copy gives it; `seed` jitters it. */
    function ring(points: readonly [number, number][], [x0, y0]: readonly [number, number], copy: Copy, seed: number): AreaGeometry {
      let s = seed;
      const jitter = () => (copy === 'jittered ±0.3 mm' ? ((s = (s * 16_807) % 2_147_483_647) / 2_147_483_647 - 0.5) * 0.0006 : 0);
      const open = points.map(([e, n]): Position => {
        const [lon, lat] = fromGaussKruger([x0 + e + jitter(), y0 + n + jitter()], CRS);
        return copy === 'lon/lat to 1e-9°' ? [Number(lon.toFixed(9)), Number(lat.toFixed(9))] : [lon, lat];
      });
      return { type: 'Polygon', coordinates: [[...open, open[0] as Position]] };
    }

    function pushedOut(overshoot: number, origin: readonly [number, number], copy: Copy) {
      const east = 200 + overshoot;
      return planWith([
        feature('boundary', 'village', ring([[0, 0], [200, 0], [200, 100], [0, 100]], origin, copy, 1)),
        feature('base', 'west', ring([[0, 0], [100, 0], [100, 100], [0, 100]], origin, copy, 2)),
        feature('base', 'east', ring([[100, 0], [east, 0], [east, 100], [100, 100]], origin, copy, 3)),
      ]);
    }

    const cases = (['GK', 'lon/lat to 1e-9°', 'jittered ±0.3 mm'] as const).flatMap((copy) => ORIGINS.map((origin) => [copy, origin] as const));

    it.each(cases)('reports 6, 9 and 12 cm, %s, at %j', (copy, origin) => {
      for (const overshoot of [0.06, 0.09, 0.12]) {
        const issues = issuesOf(pushedOut(overshoot, origin, copy), RULE);
        expect(layerIds(issues), `${overshoot} m`).toEqual(['base:east']);
        expect(issues[0]!.message.params.areaM2 as number).toBeCloseTo(100 * overshoot, 0);
        // The width with the area, as no-gap and no-overlap give it: a 100 m strip `overshoot` wide.
        expect(issues[0]!.message.params.widthM as number).toBeCloseTo(overshoot, 2);
      }
    });

    it.each(cases)('lets 1 cm and 0.5 mm pass, %s, at %j', (copy, origin) => {
      for (const overshoot of [0.01, 0.0005]) expect(issuesOf(pushedOut(overshoot, origin, copy), RULE), `${overshoot} m`).toEqual([]);
    });
  });
});
