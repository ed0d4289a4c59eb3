/**
 * An XZQ exported at 7 decimals beside base parcels at full precision: each boundary corner is up to ~8 mm
 * off the parcels' corner, which at the survey's 1 mm left a sliver gap or overlap at every corner along the
 * boundary; the tolerance the coarse-coordinates note suggested (2 cm) hid every gap up to 2 cm inside.
 */
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { layerFeatures } from '../../domain/plan.ts';
import { loadGeos } from '../../geo/geos/geos-module.ts';
import { fullCheck } from '../../rules/engine.ts';
import type { PackageLayer } from './package-layers.ts';
import { reconstructPlan } from './reconstruct.ts';

await loadGeos();

const N = 4;
const CELL = 0.001;
// Off the 7-decimal grid, so that rounding moves every corner of the outline.
const at = (i: number, j: number): Position => [120.1 + i * CELL + 3.3e-8, 30.2 + j * CELL + 4.4e-8];
const round7 = ([x, y]: Position): Position => [Math.round((x as number) * 1e7) / 1e7, Math.round((y as number) * 1e7) / 1e7];
const square = (i: number, j: number, east = 0): Polygon => ({ type: 'Polygon', coordinates: [[at(i, j), [(at(i + 1, j)[0] as number) - east, at(i + 1, j)[1] as number], [(at(i + 1, j + 1)[0] as number) - east, at(i + 1, j + 1)[1] as number], at(i, j + 1), at(i, j)]] });

function parcels(narrowed: boolean): PackageLayer {
  const features = [];
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) features.push({ recordNo: features.length + 1, geometry: square(i, j, narrowed && i === 1 && j === 1 ? 0.01 / 96_290 : 0), properties: { TBBH: String(features.length + 1), DLDM: '111', XZQDM: '330421101210' } });
  return { name: 'JQDLTB', file: 'JQDLTB.shp', rows: features.length, features };
}

/** The village outline through every parcel corner on it, rounded to 7 decimals. */
function roundedVillage(): PackageLayer {
  const ring: Position[] = [];
  for (let i = 0; i < N; i++) ring.push(at(i, 0));
  for (let j = 0; j < N; j++) ring.push(at(N, j));
  for (let i = N; i > 0; i--) ring.push(at(i, N));
  for (let j = N; j > 0; j--) ring.push(at(0, j));
  const rounded = [...ring, ring[0] as Position].map(round7);
  return { name: 'XZQ', file: 'XZQ.shp', rows: 1, features: [{ recordNo: 1, geometry: { type: 'Polygon', coordinates: [rounded] }, properties: { XZQDM: '330421101210', XZQMC: '测试村' } }] };
}

function check(narrowed: boolean) {
  const rebuilt = reconstructPlan({ JQDLTB: parcels(narrowed), XZQ: roundedVillage() });
  if (!rebuilt.ok) throw new Error(JSON.stringify(rebuilt.error));
  const { issues } = fullCheck(rebuilt.value.plan);
  return { notes: rebuilt.notes.map((n) => n.key), coverage: issues.filter((i) => ['no-gap', 'no-overlap', 'inside-village'].includes(i.rule) && i.layer === 'base' && i.severity === 'error'), plan: rebuilt.value.plan };
}

describe('an XZQ rounded more coarsely than the parcels', () => {
  it('is snapped onto the parcels: no sliver along the boundary, and a note says so instead of suggesting a wider tolerance', () => {
    const { notes, coverage, plan } = check(false);
    expect(coverage).toEqual([]);
    expect(notes).toContain('package.boundarySnapped');
    expect(notes).not.toContain('package.coarseCoordinates.lonLat');
    expect(layerFeatures(plan, 'boundary')[0]!.geometry.coordinates[0]![1]).toEqual(at(1, 0));
  });

  it('leaves a 10 mm gap between two parcels inside the village found at the survey’s 1 mm', () => {
    const gaps = check(true).coverage.filter((i) => i.rule === 'no-gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.message.params.widthM as number).toBeCloseTo(0.01, 3);
  });
});
