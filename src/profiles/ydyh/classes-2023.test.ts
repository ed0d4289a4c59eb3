import { describe, expect, it } from 'vitest';
import { groupOf, indexClassification } from '../classification.ts';
import { YDYH_2023 } from './classes-2023.ts';
import { THREE_CATEGORIES, ZJ_TABLE_GROUPS } from './groupings-2023.ts';

const index = indexClassification(YDYH_2023);

describe('YDYH_2023', () => {
  it('indexes: no code twice, every parent present', () => {
    expect(() => indexClassification(YDYH_2023)).not.toThrow();
  });

  it('has every first-level class 01–24, the sea ones 18–22 and 24', () => {
    const roots = index.children(null);
    expect(roots.map((c) => c.code)).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(roots.filter((c) => c.realm === 'sea').map((c) => c.code)).toEqual(['18', '19', '20', '21', '22', '24']);
  });

  it('has the land codes of §1.2 with their 2023 names', () => {
    const spotChecks: [string, string][] = [
      ['0103', '旱地'],
      ['0205', '其他园地'],
      ['0304', '其他林地'],
      ['0403', '其他草地'],
      ['0507', '红树林地'],
      ['060102', '田间道'],
      ['070103', '三类城镇住宅用地'],
      ['080602', '基层医疗卫生设施用地'],
      ['090105', '公用设施营业网点用地'],
      ['100103', '三类工业用地'],
      ['110102', '二类物流仓储用地'],
      ['120803', '社会停车场用地'],
      ['1311', '水工设施用地'],
      ['1403', '广场用地'],
      ['1506', '殡葬用地'],
      ['16', '留白用地'],
      ['1706', '冰川及常年积雪'],
      ['2302', '后备耕地'],
    ];
    for (const [code, zh] of spotChecks) expect(index.get(code)?.zh, code).toBe(zh);
  });

  it('keeps 0702 for 城镇社区服务设施用地 and 0703 for 农村宅基地', () => {
    expect(index.get('0702')?.zh).toBe('城镇社区服务设施用地');
    expect(index.get('0703')?.zh).toBe('农村宅基地');
  });

  it('links codes to their parents', () => {
    expect(index.lineage('070301')).toEqual(['070301', '0703', '07']);
    expect(index.root('120801')).toBe('12');
  });

  it('keeps the Zhejiang sub-classes by name, under the code they refine, unconfirmed', () => {
    const zhejiang = YDYH_2023.classes.filter((c) => c.code === null);
    expect(zhejiang).toHaveLength(12);
    for (const entry of zhejiang) expect(entry.unconfirmed).toEqual(expect.arrayContaining(['code', 'class']));
    expect(index.children('1207').map((c) => c.zh)).toEqual(['城镇道路用地', '村庄道路用地']);
    expect(index.byName('低层集中宅基地')?.parent).toBe('070302');
    expect(index.byName('康体用地')?.parent).toBe('0903');
  });

  it('finds the published templates\' typos by name', () => {
    expect(index.byName('其他沼泽草地')?.code).toBe('0504');
    expect(index.byName('水厂养殖设施建设用地')?.code).toBe('060203');
  });

  it('marks every colour unconfirmed, and colours every land class but 1706', () => {
    for (const entry of YDYH_2023.classes) {
      if (entry.colour) expect(entry.unconfirmed, entry.code ?? entry.zh).toContain('colour');
    }
    const uncoloured = YDYH_2023.classes.filter((c) => c.realm === 'land' && !c.colour).map((c) => c.code);
    expect(uncoloured).toEqual(['1706']);
  });
});

describe('ZJ_TABLE_GROUPS', () => {
  const group = (code: string) => groupOf(ZJ_TABLE_GROUPS, index, code);

  it('puts homesteads and rural community services in 村庄建设用地', () => {
    expect(group('070301')).toBe('village');
    expect(group('0704')).toBe('village');
    expect(ZJ_TABLE_GROUPS.groups.village.zh).toBe('村庄建设用地');
  });

  it('puts schools and reserve depots in 城镇建设用地, other education nowhere', () => {
    expect(group('080403')).toBe('urban');
    expect(group('1102')).toBe('urban');
    expect(group('080404')).toBe('village');
    expect(group('080401')).toBeNull();
  });

  it('leaves the codes the template leaves out in no group', () => {
    for (const code of ['0802', '0902', '1203', '1502', '0804', '18', '24']) expect(group(code), code).toBeNull();
    expect(group('08')).toBeNull();
  });

  it('counts agricultural facility land as 非建设用地, and 0205 by its parent', () => {
    expect(group('060201')).toBe('nonConstruction');
    expect(group('0205')).toBe('nonConstruction');
    expect(ZJ_TABLE_GROUPS.unconfirmed).toContain('0205');
  });

  it('groups only codes the classification has', () => {
    for (const code of Object.keys(ZJ_TABLE_GROUPS.assign)) expect(index.get(code), code).toBeDefined();
  });
});

describe('THREE_CATEGORIES', () => {
  const category = (code: string) => groupOf(THREE_CATEGORIES, index, code);

  it('splits grassland, wetland, water and other land by sub-class', () => {
    expect(category('0401')).toBe('agricultural');
    expect(category('0403')).toBe('unused');
    expect(category('0501')).toBe('agricultural');
    expect(category('0505')).toBe('unused');
    expect(category('1703')).toBe('construction');
    expect(category('1704')).toBe('agricultural');
    expect(category('2301')).toBe('construction');
    expect(category('2302')).toBe('unused');
    expect(category('2303')).toBe('agricultural');
  });

  it('leaves a split class coded only at its first level in no category', () => {
    for (const code of ['04', '05', '17', '23']) expect(category(code), code).toBeNull();
  });

  it('counts 06 as 农用地 and 07–16 as 建设用地', () => {
    expect(category('060201')).toBe('agricultural');
    expect(category('070301')).toBe('construction');
    expect(category('1207')).toBe('construction');
  });

  it('marks every assignment unconfirmed', () => {
    expect([...(THREE_CATEGORIES.unconfirmed ?? [])].sort()).toEqual(Object.keys(THREE_CATEGORIES.assign).sort());
  });

  it('categorises every land code of the classification', () => {
    const land = YDYH_2023.classes.filter((c) => c.realm === 'land' && c.code !== null && c.code.length > 2);
    for (const entry of land) expect(category(entry.code ?? ''), entry.code ?? '').not.toBeNull();
  });
});
