import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../../tests/e2e/support/notice.ts';
import { fullCheck } from '../../rules/engine.ts';
import { decodeArea, encodeArea, STEPS_PER_DEGREE } from '../payload/geometry-codec.ts';
import { buildPayload } from '../publish/build-payload.ts';
import { decodeNotice } from './notice-model.ts';
import { describeAt } from './parcel-sentence.ts';
import { search } from './search.ts';

const plan = samplePlan();
const payload = buildPayload({ plan, versionName: '公示稿', details: { startDate: '2026-11-01', endDate: '2026-12-01', issuer: 'x', contact: 'y', howToObject: 'z' }, tables: fullCheck(plan).tables, noticeId: 'n', publishedAt: '2026-10-30T00:00:00Z' });
const model = decodeNotice(payload);
const middle = (ring: readonly (readonly number[])[]) => {
  const corners = ring.slice(0, -1);
  return [corners.reduce((s, p) => s + (p[0] as number), 0) / corners.length, corners.reduce((s, p) => s + (p[1] as number), 0) / corners.length];
};

describe('the compact geometry', () => {
  it('keeps every vertex to 1e-7° and shared vertices identical', () => {
    const [a, b] = Object.values(plan.layers.base);
    if (!a || !b) throw new Error('no parcels');
    const origin = payload.origin;
    const back = decodeArea(encodeArea(a.geometry, origin), origin);
    const original = a.geometry.type === 'Polygon' ? a.geometry.coordinates[0] ?? [] : [];
    const decoded = back.type === 'Polygon' ? back.coordinates[0] ?? [] : [];
    original.forEach((p, i) => {
      expect(Math.abs((p[0] as number) - (decoded[i]?.[0] as number))).toBeLessThanOrEqual(0.5 / STEPS_PER_DEGREE + 1e-12);
      expect(Math.abs((p[1] as number) - (decoded[i]?.[1] as number))).toBeLessThanOrEqual(0.5 / STEPS_PER_DEGREE + 1e-12);
    });
  });
});

describe('a tap in one sentence', () => {
  it('describes demolition, new homes, basic farmland, an unchanged parcel and the outside', () => {
    const demolition = model.areas.demolition[0];
    const homes = model.areas.newBuild.find((b) => b.props.to === '2121');
    const farmland = model.areas.base.find((b) => b.props.c === '111' && model.areas.pbf.some((p) => p.bbox[0] <= b.bbox[0] && p.bbox[2] >= b.bbox[2] && p.bbox[1] <= b.bbox[1] && p.bbox[3] >= b.bbox[3]));
    if (!demolition || !homes || !farmland) throw new Error('sample lacks a case');
    const ringOf = (g: typeof demolition.geometry) => (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]?.[0]) ?? [];
    expect(describeAt(model, middle(ringOf(demolition.geometry)))).toMatchObject({ message: { key: 'notice.tap.demolition', params: { no: demolition.props.n } }, featureId: demolition.id });
    expect(describeAt(model, middle(ringOf(homes.geometry)))).toMatchObject({ message: { key: 'notice.tap.newHomes', params: { toKey: 'landClass.2121' } } });
    expect(describeAt(model, middle(ringOf(farmland.geometry))).message.key).toMatch(/notice\.tap\.(pbf|reserve|useChange|newFarmland)/);
    expect(describeAt(model, [payload.bbox[0] - 0.01, payload.bbox[1] - 0.01])).toMatchObject({ message: { key: 'notice.tap.outside' }, featureId: null });
  });

  it('finds groups by name and parcels by number', () => {
    expect(search(model, '第一村民').map((h) => h.label)).toEqual(['第一村民小组']);
    expect(search(model, 'CJ001')[0]).toMatchObject({ kind: 'parcel', label: 'CJ001' });
  });
});
