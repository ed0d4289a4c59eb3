import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { FieldValue, KeepRow, PackageFeature, PackageLayer } from './package-layers.ts';
import { ParsedRow, rowsUsed } from './rows-used.ts';

const D = 0.001;
const box = (x0: number, x1: number): Polygon => ({ type: 'Polygon', coordinates: [[[120 + x0 * D, 30], [120 + x1 * D, 30], [120 + x1 * D, 30 + D], [120 + x0 * D, 30 + D], [120 + x0 * D, 30]]] });
const row = (recordNo: number, properties: Record<string, FieldValue>, geometry = box(0, 1)): PackageFeature => ({ recordNo, geometry, properties });
const kept = (rows: readonly PackageFeature[], keep: KeepRow | undefined) => rows.filter((r) => !keep || keep(new ParsedRow(r))).map((r) => r.recordNo);
const pbf = (count: number): PackageLayer => ({ name: 'JBNTBHTB', file: 'JBNTBHTB.geojson', features: Array.from({ length: count }, (_, i) => row(i + 1, { JBNTLX: '1' })), rows: count });
const ghyt = (features: PackageFeature[]): PackageLayer => ({ name: 'GHYT', file: 'GHYT.geojson', features, rows: features.length });

describe('the rows a plan is built from', () => {
  it('GHYT: changes, reserve areas, and G111/G112 only when the package has no JBNTBHTB with rows', () => {
    const rows = [
      row(1, { CJJX: 'C1', GHYTDM: 'X2121', YTDKBH: 'CJ001' }),
      row(2, { CJJX: 'e2', GHYTDM: 'G2121' }),
      row(3, { GHYTDM: 'G112' }),
      row(4, { GHYTDM: 'N112' }),
      row(5, { GHYTDM: 'G2125' }),
      row(6, { GHYTDM: 'X111', JBNTZBQ: '是' }),
      row(7, { GHYTDM: 'X111' }),
      row(8, { GHYTDM: 'N111' }),
      row(9, { GHYTDM: null }),
    ];
    expect(kept(rows, rowsUsed('GHYT', { layers: { JBNTBHTB: pbf(1) } }))).toEqual([1, 2, 4, 5, 6]);
    expect(kept(rows, rowsUsed('GHYT', { layers: {} }))).toEqual([1, 2, 3, 4, 5, 6]);
    // An empty JBNTBHTB (a template's layer left unfilled) is as if there were none.
    expect(kept(rows, rowsUsed('GHYT', { layers: { JBNTBHTB: pbf(0) } }))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rowsUsed('JQDLTB', { layers: { JBNTBHTB: pbf(1) } })).toBeUndefined();
  });

  it('TDGHDL: rows with a class that meet the box around all pieces of a demolition or an N112 change', () => {
    const changes = ghyt([
      row(1, { CJJX: 'C1', YTDKBH: 'CJ001' }, box(0, 1)),
      row(2, { CJJX: 'C1', YTDKBH: 'CJ001' }, box(3, 4)),
      row(3, { GHYTDM: 'N112' }, box(10, 11)),
      row(4, { CJJX: 'E2', GHYTDM: 'G2121' }, box(20, 21)),
    ]);
    const keep = rowsUsed('TDGHDL', { layers: { GHYT: changes } });
    const targets = [row(1, { GHDLDM: '111' }, box(1.5, 2.5)), row(2, { GHDLDM: '12' }, box(10.5, 12)), row(3, { GHDLDM: '2121' }, box(20, 21)), row(4, { GHDLDM: 'bad' }, box(0, 1)), row(5, { GHDLDM: '113' }, box(5, 6))];
    expect(kept(targets, keep)).toEqual([1, 2]);
    expect(kept(targets, rowsUsed('TDGHDL', { layers: { JBNTBHTB: pbf(1) } }))).toEqual([]);
  });
});
