/**
 * An XZQ cut from the township's layer often keeps a neighbouring village. Taken whole, the package was
 * checked as the neighbour (its name on the report), the planner's sidecar was set aside as another
 * village's, and the neighbour's land was reported as a 4 公顷 gap.
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { layerFeatures } from '../../domain/plan.ts';
import type { PackageFeature, PackageLayer } from './package-layers.ts';
import { reconstructPlan } from './reconstruct.ts';

const CELL = 0.002;
const square = (col: number): Polygon => ({ type: 'Polygon', coordinates: [[[120 + col * CELL, 30], [120 + (col + 1) * CELL, 30], [120 + (col + 1) * CELL, 30 + CELL], [120 + col * CELL, 30 + CELL], [120 + col * CELL, 30]]] });
const layer = (name: 'JQDLTB' | 'XZQ', features: readonly Omit<PackageFeature, 'recordNo'>[]): PackageLayer => ({
  name,
  file: `${name}.shp`,
  rows: features.length,
  features: features.map((f, i) => ({ ...f, recordNo: i + 1 })),
});
const parcels = (code: string | null) => layer('JQDLTB', [{ geometry: square(0), properties: { TBBH: '1', DLDM: '111', ...(code ? { XZQDM: code } : {}) } }]);
const row = (col: number, code: string, name: string) => ({ geometry: square(col), properties: { XZQDM: code, XZQMC: name } });

function read(jqdltb: PackageLayer, xzq: PackageLayer) {
  const rebuilt = reconstructPlan({ JQDLTB: jqdltb, XZQ: xzq });
  if (!rebuilt.ok) throw new Error(JSON.stringify(rebuilt.error));
  const boundaries = layerFeatures(rebuilt.value.plan, 'boundary');
  return { meta: rebuilt.value.plan.meta, boundaries: boundaries.map((b) => b.properties.villageCode), notes: rebuilt.notes };
}

describe('the XZQ rows taken as the village boundary', () => {
  it('are the rows of the code the base parcels carry, whichever row comes first; the others are named in a note', () => {
    for (const rows of [[row(1, '330421101211', '邻村'), row(0, '330421101210', '测试村')], [row(0, '330421101210', '测试村'), row(1, '330421101211', '邻村')]]) {
      const read1 = read(parcels('330421101210'), layer('XZQ', rows));
      expect(read1.meta).toMatchObject({ villageCode: '330421101210', villageName: '测试村' });
      expect(read1.boundaries).toEqual(['330421101210']);
      const note = read1.notes.find((n) => n.key === 'package.boundaryOtherVillages');
      expect(note?.params).toMatchObject({ file: 'XZQ.shp', code: '330421101210', count: 1 });
      expect(String(note?.params?.['list'])).toContain('330421101211 邻村');
    }
  });

  it('are every row of the village when it comes in several rows', () => {
    const read1 = read(parcels('330421101210'), layer('XZQ', [row(0, '330421101210', '测试村'), row(1, '330421101210', '测试村')]));
    expect(read1.boundaries).toEqual(['330421101210', '330421101210']);
    expect(read1.notes.map((n) => n.key)).not.toContain('package.boundaryOtherVillages');
  });

  it('are every row when the parcels carry no code, or a code no row has', () => {
    const rows = layer('XZQ', [row(0, '330421101210', '测试村'), row(1, '330421101211', '邻村')]);
    expect(read(parcels(null), rows).boundaries).toEqual(['330421101210', '330421101211']);
    expect(read(parcels('330421101299'), rows).boundaries).toEqual(['330421101210', '330421101211']);
  });
});
