import { describe, expect, it } from 'vitest';
import { indexClassification } from '../classification.ts';
import { YDYH_2023 } from '../ydyh/classes-2023.ts';
import { suggest2023, UNMAPPED_2017_CLASSES, ZHEJIANG_2017_TO_YDYH_2023 } from './to-ydyh-2023.ts';

const ydyh = indexClassification(YDYH_2023);

describe('2017 规划地类 → 用地用海 2023 suggestions', () => {
  it('has a row for every 2017 class, and every target is a 2023 land code', () => {
    expect(UNMAPPED_2017_CLASSES).toEqual([]);
    for (const row of ZHEJIANG_2017_TO_YDYH_2023) {
      expect(row.to.length, row.from).toBeGreaterThan(0);
      for (const code of row.to) expect(ydyh.get(code)?.realm, `${row.from} → ${code}`).toBe('land');
    }
  });

  it('suggests one code where the classes match (水田, 坑塘, 田坎, 村内交通, 采矿)', () => {
    expect(suggest2023('111')).toMatchObject({ kind: 'suggested', code: '0101', fromBase: false });
    expect(suggest2023('153')).toMatchObject({ kind: 'suggested', code: '1704' });
    expect(suggest2023('155')).toMatchObject({ kind: 'suggested', code: '2303' });
    expect(suggest2023('2126')).toMatchObject({ kind: 'suggested', code: '1207' });
    expect(suggest2023('213')).toMatchObject({ kind: 'suggested', code: '1002' });
  });

  it('asks the planner where 2023 is finer: 宅基地 between the two homestead classes, 城镇用地 among the town codes', () => {
    expect(suggest2023('2121')).toMatchObject({ kind: 'choose', candidates: ['070301', '070302'] });
    expect(suggest2023('211')).toMatchObject({ kind: 'choose', candidates: ['0701', '0702', '080403', '1102'] });
    expect(suggest2023('152')).toMatchObject({ kind: 'choose', candidates: ['060101', '060102'] });
  });

  it('lets the base parcel decide 园地 and 林地, and keeps what the 2023 code loses', () => {
    expect(suggest2023('12', '0202')).toMatchObject({ kind: 'suggested', code: '0202', fromBase: true });
    expect(suggest2023('131', '0302')).toMatchObject({ kind: 'suggested', code: '0302', fromBase: true });
    expect(suggest2023('131').row.lost).toBe('生态林');
    // A base code of another family decides nothing.
    expect(suggest2023('12', '0101')).toMatchObject({ kind: 'choose' });
  });

  it('gives a default with alternatives where one reading is usual (对外交通 → 公路)', () => {
    const external = suggest2023('221');
    expect(external).toMatchObject({ kind: 'suggested', code: '1202' });
    expect(external.row.to).toContain('1201');
  });
});
