/**
 * GHYT MJ and TDGHDL GHDLMJ on a village shaped like real data (parcels clipped to a separate boundary,
 * every vertex moved by up to ±0.3 mm): each figure is its own polygon's ellipsoidal area to the 0.01 m²
 * it is rounded to, as the province's area check (zj-qc AreaRule: the field against the shape's own area)
 * and a county reviewer comparing the field with the polygon read it.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateVillagePlan } from '../../../scripts/sample/generate.ts';
import { clipToSeparateBoundary, jitterVertices } from '../../../scripts/sample/real-looking.ts';
import { layerFeatures } from '../../domain/plan.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { loadGeos } from '../../geo/geos/geos-module.ts';
import { CheckState } from '../../rules/context.ts';
import { packageLayers } from './write-package.ts';

/** Half the last printed digit, and a hair for the binary representation of the rounded figure. */
const ROUNDING_M2 = 0.005 + 1e-9;

describe('piece areas on a jittered real-looking village', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    await loadGeos();
  });

  it('every GHYT MJ, JMJ and TDGHDL GHDLMJ states its own polygon’s area, where the pieces’ shares of the dropped slivers used to move it by up to 0.02 m²', () => {
    const clipped = clipToSeparateBoundary(generateVillagePlan({ seed: 2017, parcels: 3000 }), { seed: 2017 }).plan;
    const state = CheckState.build(jitterVertices(clipped, { seed: 2017 }).plan);
    const layers = packageLayers(state);
    for (const [layer, field] of [['GHYT', 'MJ'], ['TDGHDL', 'GHDLMJ']] as const) {
      const off = layers[layer].features
        .map((f) => ({ bsm: f.properties!.BSM, field: f.properties![field] as number, own: ellipsoidalArea(f.geometry as Polygon | MultiPolygon) }))
        .filter((r) => Math.abs(r.field - r.own) > ROUNDING_M2);
      expect(off, layer).toEqual([]);
    }
    // JMJ = MJ × (1 − TKXS of the piece's parcel), from the figure the file states (the check recomputes it
    // from MJ). GHYT holds the base parcels' pieces in plan order.
    const ridges = layerFeatures(state.plan, 'base').flatMap((b) => state.derived.piecesOf(b.id).map(() => b.properties.ridgeCoefficient ?? 0));
    const ghyt = layers.GHYT.features.map((f) => f.properties!);
    expect(ghyt.filter((p) => p.JMJ !== p.MJ).length).toBeGreaterThan(100);
    const jmjOff = ghyt.filter((p, i) => Math.abs((p.JMJ as number) - (p.MJ as number) * (1 - ridges[i]!)) > ROUNDING_M2);
    expect(jmjOff).toEqual([]);
  });
});
