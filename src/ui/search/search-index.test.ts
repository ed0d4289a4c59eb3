import { describe, expect, it } from 'vitest';
import type { PlanFeature } from '../../domain/features.ts';
import { applyPatch, putFeature } from '../../domain/patch.ts';
import { feature, planWith, rect } from '../../domain/test-support.ts';
import { searchFeatures } from './search-index.ts';

const base = (id: string, parcelNo: string, classCode: string, ownerName: string | null = null) =>
  feature('base', id, rect(0, 0, 1, 1), { parcelNo, classCode, ownerName, ownerCode: ownerName ? '330421101210004' : null });

const plan = planWith([
  base('b1', '12', '111', '沈家埭村第四村民小组'),
  base('b2', '120', '113', '沈家埭村第五村民小组'),
  base('b3', '312', '2121'),
  feature('newBuild', 'n1', rect(0, 0, 1, 1), { parcelNo: 'JX003', useCode: '2121', note: '农户建房' }),
  feature('newBuild', 'n2', rect(0, 0, 1, 1), { parcelNo: 'JX012', useCode: '2124' }),
  feature('controlZone', 'c1', rect(0, 0, 1, 1), { zoneCode: '010' }),
  feature('places', 'p1', { type: 'Polygon', coordinates: [] }, { name: '第四村民小组', kind: 'group' }),
]);

const ids = (query: string) => searchFeatures(plan, query).hits.map((h) => h.entry.id);

describe('searchFeatures', () => {
  it('finds a parcel number, the exact one first, then those that begin with it, then the rest', () => {
    // JX003 last: its class code 2121 holds "12" too, and a class ranks after a number.
    expect(ids('12')).toEqual(['b1', 'b2', 'n2', 'b3', 'n1']);
    expect(ids('JX003')).toEqual(['n1']);
    expect(ids('jx003')).toEqual(['n1']);
    expect(ids('ＪＸ００３')).toEqual(['n1']);
  });

  it('finds a class by its code or its name, in Chinese or English', () => {
    expect(ids('水田')).toEqual(['b1']);
    expect(ids('paddy')).toEqual(['b1']);
    expect(ids('宅基地')).toEqual(['n1', 'b3']);
    const hit = searchFeatures(plan, '2124').hits[0];
    expect(hit?.entry.id).toBe('n2');
    expect(hit?.field.kind).toBe('class');
  });

  it('finds by owner and by name, and every word must match', () => {
    expect(ids('第五村民小组')).toEqual(['b2']);
    expect(ids('第四村民小组')).toEqual(['p1', 'b1']);
    expect(ids('第四村民小组 水田')).toEqual(['b1']);
    expect(ids('第四村民小组 旱地')).toEqual([]);
  });

  it('finds a zone by its type', () => {
    expect(ids('允许建设区')).toEqual(['c1']);
  });

  it('finds a feature by the BSM the delivery package gives it', () => {
    expect(ids('JQDLTB#2')).toEqual(['b2']);
    // Drawn changes go to the package as GHYT pieces, not one row each: no BSM of their own here.
    expect(ids('BSM 1')).toEqual(['c1', 'b1']);
    expect(ids('#3')).toEqual(['b3']);
    expect(ids('JQDLTB#9')).toEqual([]);
  });

  it('says nothing for an empty query and caps the list, counting all', () => {
    expect(searchFeatures(plan, '   ').total).toBe(0);
    const capped = searchFeatures(plan, '1', 2);
    expect(capped.hits).toHaveLength(2);
    expect(capped.total).toBeGreaterThan(2);
  });

  it('sees an edit: a renumbered parcel is found by its new number only', () => {
    expect(ids('JX099')).toEqual([]);
    const n1 = plan.layers.newBuild['n1' as keyof typeof plan.layers.newBuild] as PlanFeature;
    const edited = applyPatch(plan, { features: [putFeature({ ...n1, properties: { ...n1.properties, parcelNo: 'JX099' } } as PlanFeature)] }).plan;
    expect(searchFeatures(edited, 'JX099').hits.map((h) => h.entry.id)).toEqual(['n1']);
    expect(searchFeatures(edited, 'JX003').hits).toEqual([]);
  });

  it('finds among 20,000 parcels', () => {
    const parcels: PlanFeature[] = [];
    for (let i = 1; i <= 20_000; i++) parcels.push(base(`p${i}`, String(i), i % 3 ? '111' : '2121', `第${i % 12}村民小组`));
    const big = planWith(parcels);
    expect(searchFeatures(big, '12345').hits[0]?.entry.id).toBe('p12345');
    const common = searchFeatures(big, '1');
    expect(common.total).toBeGreaterThan(10_000);
  });
});
