import { describe, expect, it } from 'vitest';
import { computeDatabaseTables } from './database-tables.ts';
import { database, parcels } from './test-support.ts';

// Base: farmland, a pond, a homestead; plan: the pond built on (1703 水库水面 is 建设用地 by default ⚠).
const db = database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0101', '1704', '070301']), GHDLTB: parcels('GHDLTB', 'GHDLBM', ['0101', '1703', '070301']) });

describe('the tables’ 三大类 areas', () => {
  it('count each year’s parcels in the 三大类 the plan assigns, the default where it assigns none', () => {
    const byDefault = computeDatabaseTables(db).categories;
    const cell = byDefault.base.agricultural / 2;
    expect(cell).toBeGreaterThan(10_000);
    expect(byDefault.base).toEqual({ agricultural: 2 * cell, construction: expect.closeTo(cell, 6), unused: 0, unassigned: 0 });
    expect(byDefault.target.construction).toBeCloseTo(2 * cell, 3);

    const own = computeDatabaseTables({ ...db, threeCategories: { '1703': 'unused', '1704': 'unused' } }).categories;
    expect(own.base.agricultural).toBeCloseTo(cell, 3);
    expect(own.base.unused).toBeCloseTo(cell, 3);
    expect(own.target.construction).toBeCloseTo(cell, 3);
    expect(own.target.unused).toBeCloseTo(cell, 3);
  });
});
