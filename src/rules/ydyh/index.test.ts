import { describe, expect, it } from 'vitest';
import { DATABASE_RULE_IDS, type DatabaseRule } from './database-rule.ts';
import { checkDatabase, DATABASE_RULES } from './index.ts';
import { cell, database, feature, parcels } from './test-support.ts';

const XZQDM = '330106001001';
const coded = (layer: 'JQDLTB' | 'GHDLTB', field: string, codes: readonly string[]) =>
  parcels(layer, field, codes).map((f, i) => ({ ...f, properties: { ...f.properties, BSM: `${XZQDM}${String(i + 1).padStart(8, '0')}`, ZLDWDM: `${XZQDM}0000000` } }));

describe('checkDatabase', () => {
  it('lists every database rule once, in the documented order', () => {
    expect(DATABASE_RULES.map((r) => r.id)).toEqual([...DATABASE_RULE_IDS]);
  });

  it('finds nothing wrong in a clean village, and counts what is not checked', () => {
    const db = database(
      {
        JQDLTB: coded('JQDLTB', 'JQDLBM', ['070301', '0101']),
        GHDLTB: coded('GHDLTB', 'GHDLBM', ['070301', '0101']),
        GKBJ: [feature('GKBJ#1', cell(0), { BSM: `${XZQDM}00000001`, GKBJLXDM: '0301' }), feature('GKBJ#2', cell(1), { BSM: `${XZQDM}00000002`, GKBJLXDM: '0201' })],
        CJDCQ: [feature('CJDCQ#1', { type: 'Polygon', coordinates: [[[120.1, 30.2], [120.102, 30.2], [120.102, 30.201], [120.1, 30.201], [120.1, 30.2]]] }, { BSM: `${XZQDM}00000001` })],
        YJJBNT: [feature('YJJBNT#1', cell(1))],
        STBHHX: [],
      },
      { allocations: { 1: 1.1, 2: 1.1, 7: 0, 8: 1, 9: 1, 10: 0, 11: 0 } },
    );
    const { issues, summary } = checkDatabase(db);
    expect(issues).toEqual([]);
    expect(summary).toEqual({ errors: 0, warnings: 0, notChecked: 0 });
  });

  // Before inside-village, a planned parcel 1 m past the village edge passed every check (a gap or overlap it is not, and 0.01 公顷 hides it).
  it('reports a planned parcel reaching out of the village survey area', () => {
    const village = { type: 'Polygon' as const, coordinates: [[[120.1, 30.2], [120.102, 30.2], [120.102, 30.201], [120.1, 30.201], [120.1, 30.2]]] };
    // 0.5 m × 111 m past the east edge: 53 m², under totals-equal's 0.01 公顷.
    const reaching = { type: 'Polygon' as const, coordinates: [[[120.101, 30.2], [120.102005, 30.2], [120.102005, 30.201], [120.101, 30.201], [120.101, 30.2]]] };
    const [first, second] = coded('GHDLTB', 'GHDLBM', ['0101', '0101']);
    const db = database({
      JQDLTB: coded('JQDLTB', 'JQDLBM', ['0101', '0101']),
      GHDLTB: [first!, { ...second!, geometry: reaching }],
      CJDCQ: [feature('CJDCQ#1', village, { BSM: `${XZQDM}00000001` })],
    });
    expect(checkDatabase(db).issues.filter((i) => i.severity === 'error').map((i) => [i.rule, i.features])).toEqual([['inside-village', ['GHDLTB#2']]]);
  });

  it('counts errors, warnings and not checked, and turns a rule that throws into an error', () => {
    const broken: DatabaseRule = { id: 'totals-equal', severity: 'error', source: 'test', summary: 'throws', check: () => { throw new Error('boom'); } };
    const { issues, summary } = checkDatabase(database({ JQDLTB: parcels('JQDLTB', 'JQDLBM', ['0101']) }), [...DATABASE_RULES.slice(0, 1), broken]);
    expect(summary).toEqual({ errors: 2, warnings: 2, notChecked: 0 });
    expect(issues.at(-1)?.message).toEqual({ key: 'rules.ruleFailed', params: { rule: 'totals-equal', detail: 'boom' } });
  });
});
