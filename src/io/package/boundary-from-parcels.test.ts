/**
 * A package without XZQ takes the union of its base parcels as the village boundary. A county's 三调
 * parcels do not share vertices exactly: each parcel's copy of a corner is off by up to ±0.3 mm. Their plain
 * union kept every hair-thin gap between neighbours as a hole in the boundary, and where gaps met, cut whole
 * parcels off as separate parts (a real export: 8 parts and 146 holes, 2.86 m² short of the village).
 */
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { layerFeatures } from '../../domain/plan.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import type { PackageLayer } from './package-layers.ts';
import { reconstructPlan } from './reconstruct.ts';

const CELL = 0.001;
/** ±0.3 mm in degrees (about 2.7e-9° at 30°N), different for every parcel's copy of a corner. */
const JITTER = 2.7e-9;

/** A w × h grid of parcels, each corner copy moved by its own fraction of JITTER (deterministic). */
function jitteredParcels(w: number, h: number): PackageLayer {
  let seed = 7;
  const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const features = [];
  for (let i = 0; i < w; i++) {
    for (let j = 0; j < h; j++) {
      const corners: Position[] = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]].map(([x, y]) => [120 + x! * CELL + next() * JITTER, 30 + y! * CELL + next() * JITTER]);
      const geometry: Polygon = { type: 'Polygon', coordinates: [[...corners, corners[0]!]] };
      features.push({ recordNo: features.length + 1, geometry, properties: { TBBH: String(features.length + 1), DLDM: '111' } });
    }
  }
  return { name: 'JQDLTB', file: 'JQDLTB.shp', rows: features.length, features };
}

describe('a package without XZQ', () => {
  it('has as its boundary one outline round the jittered parcels, without hair-thin holes or parts', () => {
    const rebuilt = reconstructPlan({ JQDLTB: jitteredParcels(5, 4) });
    if (!rebuilt.ok) throw new Error(JSON.stringify(rebuilt.error));
    const [boundary] = layerFeatures(rebuilt.value.plan, 'boundary');
    expect(boundary!.geometry.type).toBe('Polygon');
    expect(boundary!.geometry.coordinates).toHaveLength(1);
    const exact: Polygon = { type: 'Polygon', coordinates: [[[120, 30], [120 + 5 * CELL, 30], [120 + 5 * CELL, 30 + 4 * CELL], [120, 30 + 4 * CELL], [120, 30]]] };
    // The outline's corners are the parcels' jittered ones: within ±0.3 mm of the grid's, so the area is
    // within a perimeter (1.8 km) × 0.3 mm of the grid's.
    expect(Math.abs(ellipsoidalArea(boundary!.geometry) - ellipsoidalArea(exact))).toBeLessThan(0.55);
  });
});
