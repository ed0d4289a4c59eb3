/**
 * Exporting again into a package folder that a GIS tool has opened. QGIS ("Create spatial index"), GDAL
 * (`CREATE SPATIAL INDEX`) and ArcGIS leave an index beside each Shapefile they have indexed; the tools
 * trust it over the `.shp`. Kept beside the rewritten layer, it still described the old geometry: after
 * the village was exported again with its parcels moved, GDAL's query of the strip they had moved into
 * found none of them.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../tests/support/gdal.ts';
import type { AreaGeometry } from '../domain/features.ts';
import type { Plan } from '../domain/plan.ts';
import { deliver } from '../io/package/delivery-test-support.ts';
import { village } from '../rules/test-support.ts';
import { writePackageFolder } from './export-folder.ts';

/** The plan with every feature moved east by `degrees` (the survey redone, or a CRS fixed). */
function movedEast(plan: Plan, degrees: number): Plan {
  const move = (c: unknown): unknown => (typeof (c as Position)[0] === 'number' ? [(c as Position)[0]! + degrees, (c as Position)[1]] : (c as unknown[]).map(move));
  const layers = Object.fromEntries(
    Object.entries(plan.layers).map(([id, features]) => [id, Object.fromEntries(Object.entries(features).map(([fid, f]) => [fid, { ...f, geometry: { ...f.geometry, coordinates: move(f.geometry.coordinates) } as AreaGeometry }]))]),
  );
  return { ...plan, layers } as Plan;
}

describe('export into a folder whose layers a GIS tool has indexed', async () => {
  const { plan } = village({ w: 4, h: 3 });
  const before = await deliver(plan);
  // Moved a cell's width east: the easternmost column of parcels lies where no parcel was.
  const after = await deliver(movedEast(plan, 0.001));
  const out = join(mkdtempSync(join(tmpdir(), 'vp-export-index-')), '成果');
  const shapefiles = join(out, '3.规划图形数据', 'Shapefile');
  const first = writePackageFolder(out, before.files);
  if (!first.ok) throw new Error(first.error.key);

  it('removes the indexes of the layers it rewrites, keeping the planner’s metadata', () => {
    for (const index of ['JQDLTB.qix', 'JQDLTB.sbn', 'JQDLTB.sbx', 'GHYT.BSM.atx']) writeFileSync(join(shapefiles, index), 'index of the old geometry');
    writeFileSync(join(shapefiles, 'JQDLTB.shp.xml'), '<metadata/>');
    const again = writePackageFolder(out, after.files);
    expect(again.ok && again.value.kept).toEqual(['3.规划图形数据/Shapefile/JQDLTB.shp.xml']);
    expect(readdirSync(shapefiles).filter((name) => /\.(qix|sbn|sbx|atx)$/.test(name))).toEqual([]);
    expect(existsSync(join(shapefiles, 'JQDLTB.shp.xml'))).toBe(true);
  });

  it.skipIf(skipWithoutGdal('ogrinfo'))('GDAL’s spatial query of the new layer finds the parcels where they now are', () => {
    const shp = join(shapefiles, 'JQDLTB.shp');
    writePackageFolder(out, before.files);
    gdal('ogrinfo', [shp, '-sql', 'CREATE SPATIAL INDEX ON JQDLTB']);
    expect(existsSync(join(shapefiles, 'JQDLTB.qix'))).toBe(true);
    const again = writePackageFolder(out, after.files);
    expect(again.ok).toBe(true);
    const extent = /Extent: \(([\d.]+), ([\d.]+)\) - \(([\d.]+), ([\d.]+)\)/.exec(gdal('ogrinfo', ['-ro', '-al', '-so', shp]))!.slice(1).map(Number);
    const [, minY, maxX, maxY] = extent as [number, number, number, number];
    // The strip east of the old village's edge: only the moved easternmost column (3 parcels) is in it.
    const strip = ['-spat', String(maxX - 50), String(minY), String(maxX), String(maxY)];
    expect(gdal('ogrinfo', ['-ro', '-al', '-q', shp, ...strip]).match(/OGRFeature/g)).toHaveLength(3);
  });
});
