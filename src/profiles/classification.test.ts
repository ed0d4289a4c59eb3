import { describe, expect, it } from 'vitest';
import { assignedBy, groupOf, indexClassification, type Classification, type Grouping } from './classification.ts';

const TINY: Classification = {
  id: 'tiny',
  zh: '小分类',
  en: 'Tiny',
  classes: [
    { code: '07', zh: '居住用地', en: 'Residential', parent: null, realm: 'land' },
    { code: '0703', zh: '农村宅基地', en: 'Rural homestead', parent: '07', realm: 'land' },
    { code: '070301', zh: '一类农村宅基地', en: 'Homestead I', parent: '0703', realm: 'land' },
    { code: null, zh: '低层集中宅基地', en: 'Low-rise clustered homestead', parent: '0703', realm: 'land', unconfirmed: ['code', 'class'] },
    { code: '08', zh: '公共管理与公共服务用地', en: 'Public', parent: null, realm: 'land' },
    { code: '0802', zh: '科研用地', en: 'Research', parent: '08', realm: 'land', aliases: ['科研设施用地'] },
    { code: '18', zh: '渔业用海', en: 'Fishery sea', parent: null, realm: 'sea' },
  ],
};

describe('indexClassification', () => {
  const index = indexClassification(TINY);

  it('finds a code, its lineage nearest first, and its first-level class', () => {
    expect(index.get('0703')?.zh).toBe('农村宅基地');
    expect(index.lineage('070301')).toEqual(['070301', '0703', '07']);
    expect(index.root('070301')).toBe('07');
    expect(index.get('0702')).toBeUndefined();
    expect(index.lineage('0702')).toEqual([]);
  });

  it('finds a class by name or alias, including one known by name only', () => {
    expect(index.byName('科研设施用地')?.code).toBe('0802');
    expect(index.byName('低层集中宅基地')?.parent).toBe('0703');
  });

  it('lists children in order, first-level classes under null', () => {
    expect(index.children('0703').map((c) => c.zh)).toEqual(['一类农村宅基地', '低层集中宅基地']);
    expect(index.children(null).map((c) => c.code)).toEqual(['07', '08', '18']);
  });

  it('refuses a classification with a code twice or a parent it does not have', () => {
    const twice = { ...TINY, classes: [...TINY.classes, { code: '07', zh: '又一个', en: 'Again', parent: null, realm: 'land' as const }] };
    expect(() => indexClassification(twice)).toThrow(/code 07 twice/);
    const orphan = { ...TINY, classes: [{ code: '0101', zh: '水田', en: 'Paddy', parent: '01', realm: 'land' as const }] };
    expect(() => indexClassification(orphan)).toThrow(/refines unknown 01/);
  });
});

describe('groupOf', () => {
  const index = indexClassification(TINY);
  const grouping: Grouping<'village' | 'town'> = {
    id: 'g',
    zh: '分组',
    en: 'Groups',
    groups: { village: { zh: '村庄建设用地', en: 'Village' }, town: { zh: '城镇建设用地', en: 'Town' } },
    assign: { '0703': 'village', '070301': 'town' },
  };

  it('takes the code\'s own group before its parent\'s', () => {
    expect(groupOf(grouping, index, '070301')).toBe('town');
    expect(groupOf(grouping, index, '0703')).toBe('village');
  });

  it('is null for a code with no grouped ancestor, and for an unknown code not listed', () => {
    expect(groupOf(grouping, index, '0802')).toBeNull();
    expect(groupOf(grouping, index, '07')).toBeNull();
    expect(groupOf(grouping, index, '9999')).toBeNull();
  });

  it('names the entry that groups a code: its own, else its nearest ancestor\'s', () => {
    expect(assignedBy(grouping.assign, index, '070301')).toBe('070301');
    expect(assignedBy({ '0703': 'village' }, index, '070301')).toBe('0703');
    expect(assignedBy(grouping.assign, index, '0802')).toBeNull();
    expect(assignedBy(grouping.assign, index, 'toString')).toBeNull();
  });

  it('is null for a code a file may hold that names an object property (toString, __proto__)', () => {
    expect(groupOf(grouping, index, 'toString')).toBeNull();
    expect(groupOf(grouping, index, '__proto__')).toBeNull();
    expect(groupOf(grouping, index, 'constructor')).toBeNull();
  });
});
