import { describe, expect, it } from 'vitest';
import type { VillageDatabase, VillageFeature, VillageLayerName } from './village-database.ts';
import { NO_VILLAGE_INFO } from './village-database.ts';
import { villageXzqdm } from './village-xzqdm.ts';

const db = (layers: Partial<Record<VillageLayerName, readonly Record<string, string>[]>>): VillageDatabase => ({
  layers: Object.fromEntries(
    Object.entries(layers).map(([name, rows]) => [name, { name: name as VillageLayerName, file: `${name}.shp`, fieldNames: [], features: rows.map((properties, i): VillageFeature => ({ ref: `${name}#${i + 1}`, geometry: null, properties })) }]),
  ),
  edition: 'ydyh-2023',
  info: NO_VILLAGE_INFO,
  allocations: {},
});

describe('villageXzqdm', () => {
  it('reads ZLDWDM of the village survey area first, then of the base parcels, the commonest where they differ', () => {
    expect(villageXzqdm(db({ CJDCQ: [{ ZLDWDM: '3304211012100000000' }], JQDLTB: [{ ZLDWDM: '3304211019990000000' }] }))).toBe('330421101210');
    expect(villageXzqdm(db({ JQDLTB: [{ ZLDWDM: '3304211012100000000' }, { ZLDWDM: '3304211012100000000' }, { ZLDWDM: '3304211012110000000' }] }))).toBe('330421101210');
  });

  it('falls back on the BSMs a plan made from a DLTB without ZLDWDM carries', () => {
    expect(villageXzqdm(db({ CJDCQ: [{ ZLDWMC: '沈家埭村' }], JQDLTB: [{ QSDWDM: '3304211012100000000', BSM: '33042110121000000001' }] }))).toBe('330421101210');
    expect(villageXzqdm(db({ GHDLTB: [{ BSM: '33042110121000000007' }] }))).toBe('330421101210');
  });

  it('gives null when nothing names the village (a BSM that is not 20 digits does not)', () => {
    expect(villageXzqdm(db({ JQDLTB: [{ BSM: '12345' }], GHDLTB: [{ BSM: '330421101210000000071' }] }))).toBeNull();
  });
});
