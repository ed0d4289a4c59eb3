import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../tests/support/gdal.ts';
import type { AreaGeometry } from '../domain/features.ts';
import { feature, planWith } from '../domain/test-support.ts';
import { gkEpsg } from '../geo/projection.ts';
import { createI18n } from '../i18n/index.ts';
import { crsForLayer } from '../io/formats/shapefile-write.ts';
import { fullCheck } from '../rules/engine.ts';
import { composeSheet } from './compose.ts';
import type { TextOp } from './display-list.ts';
import { villageOutline } from './outline.ts';

const i18n = createI18n('zh-CN');
const t = (k: string, p?: Record<string, unknown>) => i18n.t(k, p ?? {});

/**
 * A village in 宁海 across 121.5°E, the edge of 3° zones 40 and 41: its parcels from 121.497° to 121.512°
 * (middle 121.5045°, zone 41), its boundary digitised starting at the west end (zone 40's side).
 */
const [Y0, Y1] = [29.3, 29.303];
const strip = (x0: number, x1: number): AreaGeometry => ({ type: 'Polygon', coordinates: [[[x0, Y0], [x1, Y0], [x1, Y1], [x0, Y1], [x0, Y0]]] });
const plan = planWith([
  feature('boundary', 'village', strip(121.4965, 121.5125)),
  feature('base', 'west', strip(121.497, 121.504), { classCode: '111' }),
  feature('base', 'east', strip(121.504, 121.512), { classCode: '113' }),
]);

describe('the printed map’s zone across a zone edge', () => {
  it('is the zone the delivery package writes the plan’s shapefiles in, and the sheet says so', () => {
    const base = Object.values(plan.layers.base).map((f) => ({ geometry: f.geometry, properties: {} }));
    const delivered = crsForLayer({ name: 'JQDLTB', geometryType: 'polygon', fields: [], features: base });
    expect(delivered).toMatchObject({ kind: 'gk', zone: 41 });
    expect(villageOutline(plan)?.crs.zone).toBe(41);
    const composed = composeSheet({ plan, kind: 'plan', paper: 'A1', scale: 2500, issuer: '宁海县某镇人民政府', date: '2026-11-01', indicators: fullCheck(plan).tables.F1, t });
    if (!composed.ok) throw new Error(composed.error.key);
    const texts = composed.value.sheet.ops.filter((op): op is TextOp => op.kind === 'text').map((op) => op.text);
    expect(texts).toContain('2000国家大地坐标系 · 高斯-克吕格投影 3 度带第 41 带');
    expect(texts.filter((s) => /^\d{8}$/.test(s) && Number(s) > 10_000_000).every((s) => s.startsWith('41'))).toBe(true);
  });

  it.skipIf(skipWithoutGdal('gdaltransform'))('prints grid eastings around the village as GDAL projects it into that zone (EPSG:4529)', () => {
    const composed = composeSheet({ plan, kind: 'plan', paper: 'A1', scale: 2500, issuer: 'x', date: '2026-11-01', indicators: fullCheck(plan).tables.F1, t });
    if (!composed.ok) throw new Error(composed.error.key);
    const eastings = composed.value.sheet.ops.filter((op): op is TextOp => op.kind === 'text' && /^\d{8}$/.test(op.text) && Number(op.text) > 10_000_000).map((op) => Number(op.text));
    const corners: Position[] = [[121.497, Y0], [121.512, Y1]];
    const projected = gdal('gdaltransform', ['-s_srs', 'EPSG:4490', '-t_srs', `EPSG:${gkEpsg({ zone: 41, zonePrefix: true })}`, '-output_xy'], corners.map((p) => `${p[0]} ${p[1]}`).join('\n'))
      .trim()
      .split('\n')
      .map((line) => Number(line.trim().split(/\s+/)[0]));
    // gdaltransform reads and writes the traditional GIS order (lon lat in, easting northing out).
    expect(projected.every((e) => e > 41_000_000)).toBe(true);
    // The grid is labelled every 200 m at 1:2500: the village's ends lie within a step of the outer labels.
    expect(Math.min(...eastings) - 200).toBeLessThanOrEqual(Math.min(...projected));
    expect(Math.max(...eastings) + 200).toBeGreaterThanOrEqual(Math.max(...projected));
  });
});
