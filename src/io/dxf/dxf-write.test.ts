/**
 * The DXF writer read back by our own reader (GDAL's reading is in dxf-gdal.test.ts): the header a
 * Chinese CAD program expects, one CAD layer per plan layer and class in the palette's colour, every
 * ring where the plan has it (within a millimetre), parcel numbers as texts, text outside GBK kept as
 * \U+ escapes, the same bytes for the same plan, and public feedback never written.
 */
import { readFileSync } from 'node:fs';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, FeatureOf } from '../../domain/features.ts';
import { LAND_CLASS_COLOURS } from '../../profiles/zhejiang-2017/palette.ts';
import { parsePlanText } from '../../domain/plan-file.ts';
import type { Plan } from '../../domain/plan.ts';
import { polygonsOf } from '../../geo/rings.ts';
import { createI18n } from '../../i18n/index.ts';
import { importFiles } from '../formats/index.ts';
import { english } from '../test-support.ts';
import { nearestAci } from './dxf-colours.ts';
import { cadLayerName, labelPoint, writeDxf } from './dxf-write.ts';

const zh = createI18n('zh-CN');
const t = (key: string, params?: Record<string, string | number>) => zh.t(key, params ?? {});

function sample(): Plan {
  const parsed = parsePlanText(readFileSync('samples/sample-village.plan.json', 'utf8'));
  if (!parsed.ok) throw new Error('sample');
  return parsed.value;
}

/** The sample with a parcel number GBK cannot hold and a villager's comment, which must stay out. */
function withExtras(plan: Plan): Plan {
  const [first] = Object.values(plan.layers.base) as FeatureOf<'base'>[];
  if (!first) throw new Error('no parcel');
  const base = { ...plan.layers.base, [first.id]: { ...first, properties: { ...first.properties, parcelNo: '한1' } } };
  const comment: FeatureOf<'feedback'> = {
    id: 'feedback-1' as FeatureOf<'feedback'>['id'],
    layer: 'feedback',
    geometry: { type: 'Point', coordinates: first.geometry.type === 'Polygon' ? (first.geometry.coordinates[0]![0] as Position) : [120.74, 30.45] },
    properties: { comment: '张三的意见', author: '张三', phone: '13800000000', createdAt: '2024-01-01T00:00:00Z', targetFeatureId: null, status: 'open', answer: '' },
  };
  return { ...plan, layers: { ...plan.layers, base, feedback: { [comment.id]: comment } } };
}

describe('DXF export', () => {
  const plan = withExtras(sample());
  const written = writeDxf(plan, { t });
  if (!written.ok) throw new Error(english(written.error));
  const { bytes, layers, crs } = written.value;
  const text = new TextDecoder('gbk').decode(bytes);

  it('writes R2004 structure with the GBK code page, metres, and a big font for Chinese text', () => {
    expect(text).toMatch(/\$ACADVER\n1\nAC1018\n/);
    expect(text).toMatch(/\$DWGCODEPAGE\n3\nANSI_936\n/);
    expect(text).toMatch(/\$INSUNITS\n70\n6\n/);
    expect(text).toContain('gbcbig.shx');
    expect(crs).toEqual({ zone: 40, zonePrefix: true });
    expect(text.trimEnd().endsWith('EOF')).toBe(true);
  });

  it('gives each class its own CAD layer in the palette colour, true colour beside the nearest indexed one', () => {
    const paddy = '基期地类图斑_111_水田';
    expect(layers.get(paddy)).toBeGreaterThan(0);
    const record = new RegExp(`2\\n${paddy}\\n70\\n0\\n62\\n(\\d+)\\n420\\n(\\d+)\\n`).exec(text);
    const [r, g, b] = LAND_CLASS_COLOURS['111'];
    expect(record?.slice(1)).toEqual([String(nearestAci(LAND_CLASS_COLOURS['111'])), String((r << 16) | (g << 8) | b)]);
    expect([...layers.keys()].filter((l) => l.startsWith('建新地块_'))).toEqual(['建新地块_2121_宅基地', '建新地块_注记']);
    expect(text).not.toContain('张三');
    expect(text).not.toContain('13800000000');
  });

  it('reads back with every ring where the plan has it, and the parcel numbers as texts (one outside GBK as \\U+)', () => {
    expect(text).toContain('\\U+D55C1');
    const read = importFiles([{ name: 'plan.dxf', bytes }]);
    if (!read.ok) throw new Error(english(read.error));
    const features = read.value[0]!.features;
    const outlines = features.filter((f) => String(f.properties.Layer).startsWith('基期地类图斑_') && f.properties.EntityType === 'LWPOLYLINE');
    const rings = Object.values(plan.layers.base).flatMap((p) => polygonsOf(p.geometry as AreaGeometry).flat());
    expect(outlines).toHaveLength(rings.length);
    // The first parcel's outer ring comes back within a millimetre (lon/lat → GK → DXF → GK → lon/lat).
    const back = (outlines[0]!.geometry as { coordinates: Position[][] }).coordinates[0] as Position[];
    const ring = rings[0] as Position[];
    expect(back).toHaveLength(ring.length);
    for (const [i, p] of ring.entries()) {
      const q = back[i] as Position;
      expect(Math.abs((p[0] as number) - (q[0] as number)) * 96_000).toBeLessThan(0.001);
      expect(Math.abs((p[1] as number) - (q[1] as number)) * 111_000).toBeLessThan(0.001);
    }
    const numbers = features.filter((f) => f.properties.Layer === '基期地类图斑_注记').map((f) => f.properties.Text);
    expect(numbers).toHaveLength(Object.keys(plan.layers.base).length);
    expect(numbers).toContain('한1');
    expect(features.filter((f) => f.properties.Layer === '地名').map((f) => f.properties.Text).sort()).toEqual(Object.values(plan.layers.places).map((p) => p.properties.name).sort());
  });

  it('writes the same bytes for the same plan', () => {
    const again = writeDxf(plan, { t });
    expect(again.ok && Buffer.from(again.value.bytes).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('helpers', () => {
  it('puts a label inside a C-shaped parcel and outside its hole, and cleans layer names CAD refuses', () => {
    const c: Position[] = [[0, 0], [10, 0], [10, 2], [2, 2], [2, 8], [10, 8], [10, 10], [0, 10], [0, 0]];
    expect(labelPoint([c])).toEqual([1, 5]);
    const square: Position[] = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    const hole: Position[] = [[2, 2], [2, 8], [8, 8], [8, 2], [2, 2]];
    expect(labelPoint([square, hole])).toEqual([1, 5]);
    expect(cadLayerName('a/b:c*d|e"f')).toBe('a_b_c_d_e_f');
    expect(nearestAci([255, 0, 0])).toBe(1);
    expect(nearestAci([0, 0, 0])).toBe(7);
  });
});
