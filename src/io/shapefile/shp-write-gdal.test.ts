/**
 * Our PolyLine files as GDAL reads them (what ArcGIS and QGIS will see): the layer's type, its extent from
 * the header, each record's line or multi-line with its parts in order, and no complaint on stderr about
 * record lengths or the `.shx`; and a polygon whose ring the plan held open, closed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LineString, MultiLineString, Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { gdalRun, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { writeDbf } from './dbf-write.ts';
import { writeShp, type WritableGeometry } from './shp-write.ts';

const LINE: LineString = { type: 'LineString', coordinates: [[500_000, 3_300_000], [500_100, 3_300_050], [500_200, 3_299_990]] };
const MULTI: MultiLineString = {
  type: 'MultiLineString',
  coordinates: [
    [[500_300, 3_300_200], [500_250, 3_300_100]],
    [[500_400, 3_300_000], [500_500, 3_300_000], [500_500, 3_300_300]],
  ],
};

describe.skipIf(skipWithoutGdal('ogrinfo'))('PolyLine files read back by GDAL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shp-write-lines-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function written(name: string, geometries: readonly WritableGeometry[], kind: 'polyline' | 'polygon' = 'polyline'): string {
    const { shp, shx } = writeShp(geometries, kind);
    const rows = geometries.map((_, i) => ({ values: { ID: String(i + 1) }, label: String(i + 1) }));
    const dbf = writeDbf(name, [{ name: 'ID', type: 'C', length: 4, decimals: 0 }], rows, 'utf-8', new Date(Date.UTC(2026, 0, 1)));
    if (!dbf.ok) throw new Error(dbf.error.key);
    writeFileSync(join(dir, `${name}.shp`), shp);
    writeFileSync(join(dir, `${name}.shx`), shx);
    writeFileSync(join(dir, `${name}.dbf`), dbf.value);
    return join(dir, `${name}.shp`);
  }

  it('reads a line, a two-part line and a null shape, with the extent and no warning', () => {
    const run = gdalRun('ogrinfo', ['-ro', '-al', written('lines', [LINE, MULTI, null])]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Geometry: Line String');
    expect(run.stdout).toContain('Feature Count: 3');
    expect(run.stdout).toContain('Extent: (500000.000000, 3299990.000000) - (500500.000000, 3300300.000000)');
    const shapes = run.stdout.split('\n').map((l) => l.trim()).filter((l) => /^(MULTI)?LINESTRING/.test(l));
    expect(shapes).toEqual(['LINESTRING (500000 3300000,500100 3300050,500200 3299990)', 'MULTILINESTRING ((500300 3300200,500250 3300100),(500400 3300000,500500 3300000,500500 3300300))']);
  });

  it('reads an empty line layer as a line layer without features', () => {
    const run = gdalRun('ogrinfo', ['-ro', '-al', '-so', written('empty', [])]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Geometry: Line String');
    expect(run.stdout).toContain('Feature Count: 0');
  });

  it('closes a polygon ring the plan holds open (a GeoJSON from a tool that drops the closing position), which GDAL reads without a warning', () => {
    // geometry-valid reports such a ring; the package is still written, and a Shapefile ring must be closed
    // (ESRI whitepaper 1998: "a closed, non-self-intersecting loop"), or GDAL warns and ArcGIS may drop it.
    const open: Polygon = { type: 'Polygon', coordinates: [[[500_000, 3_300_000], [500_000, 3_300_100], [500_100, 3_300_100], [500_100, 3_300_000]]] };
    const run = gdalRun('ogrinfo', ['-ro', '-al', written('open-ring', [open], 'polygon')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('POLYGON ((500000 3300000,500000 3300100,500100 3300100,500100 3300000,500000 3300000))');
  });
});
