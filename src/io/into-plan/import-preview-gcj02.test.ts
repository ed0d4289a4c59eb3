/** The import preview notices a layer at the GCJ-02 offset from the plan's base parcels and converts it on request. */
import { readFileSync } from 'node:fs';
import gcoord from 'gcoord';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../domain/plan-file.ts';
import { layerFeatures } from '../../domain/plan.ts';
import { localLengthMetres } from '../../geo/local-metric.ts';
import { polygonsOf } from '../../geo/rings.ts';
import { planOutlines, type PlanOutlines } from '../crs/gcj02-offset.ts';
import { mapGeometry } from '../crs/reproject.ts';
import { previewFiles } from './import-test-support.ts';
import type { ImportPreview, PreviewOptions } from './preview-types.ts';

const parsed = parsePlanText(readFileSync('samples/sample-village.plan.json', 'utf8'));
if (!parsed.ok) throw new Error('sample unreadable');
const plan = parsed.value;
const outlines = planOutlines(plan) as PlanOutlines;
const parcels = layerFeatures(plan, 'base').slice(300, 360);

/** The parcels as a basic-farmland GeoJSON; `shift` maps each vertex (the GCJ-02 formula, or nothing). */
function farmlandFile(shift: (p: Position) => Position) {
  const features = parcels.map((f) => ({ type: 'Feature', properties: { JBNTLX: 'G111' }, geometry: mapGeometry(f.geometry, shift) }));
  return [{ name: '永久基本农田.geojson', bytes: new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features })) }];
}
const toGcj02 = (p: Position): Position => gcoord.transform([p[0] as number, p[1] as number], gcoord.WGS84, gcoord.GCJ02);

function preview(files: ReturnType<typeof farmlandFile>, options: PreviewOptions): ImportPreview {
  const read = previewFiles(files, options);
  if (!read.ok || read.value.kind !== 'layer') throw new Error('not a layer');
  return read.value.preview;
}

describe('a layer at the GCJ-02 offset from the base parcels', () => {
  it('is offered the conversion with the offset explained, though nothing in the file names GCJ-02', () => {
    const shown = preview(farmlandFile(toGcj02), { planOutlines: outlines });
    expect(shown.gcj02).toBe(true);
    expect(shown.gcj02Offset).toMatchObject({ key: 'io.crs.gcj02Offset', params: { file: '永久基本农田.geojson', againstKey: 'io.crs.gcj02Against.base' } });
    expect(shown.gcj02Offset?.params?.shiftM).toBeGreaterThan(300);
    expect(shown.notes.map((n) => n.key)).not.toContain('io.crs.maybeGcj02');
  });

  it('converted on request, sits on the parcels it was made from, and the explanation stays', () => {
    const shown = preview(farmlandFile(toGcj02), { planOutlines: outlines, convertGcj02: true });
    expect(shown.notes.map((n) => n.key)).toContain('io.crs.gcj02Converted');
    expect(shown.gcj02Offset?.key).toBe('io.crs.gcj02Offset');
    const worst = Math.max(
      ...shown.areas.flatMap((area, i) => {
        const source = polygonsOf(parcels[i]!.geometry).flat(2);
        return polygonsOf(area.geometry)
          .flat(2)
          .map((p) => Math.min(...source.map((q) => localLengthMetres(p, q))));
      }),
    );
    expect(shown.areas).toHaveLength(parcels.length);
    expect(worst).toBeLessThan(0.2);
  });

  it('says nothing when the layer already fits, or when the plan has no outlines to compare with', () => {
    const fits = preview(farmlandFile((p) => p), { planOutlines: outlines });
    expect(fits.gcj02).toBe(false);
    expect(fits.gcj02Offset).toBeNull();
    const alone = preview(farmlandFile(toGcj02), {});
    expect(alone.gcj02).toBe(false);
    expect(alone.gcj02Offset).toBeNull();
  });
});
