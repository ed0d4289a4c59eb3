import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import { parsePlanText } from '../../domain/plan-file.ts';
import type { Plan } from '../../domain/plan.ts';
import { planWith } from '../../domain/test-support.ts';
import { ZHEJIANG_2017 } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { createI18n } from '../../i18n/index.ts';
import type { DerivedPlan, KindTotal } from '../derive/derived-plan.ts';
import { fullCheck } from '../engine.ts';
import { feature, grid, village, withFeatures } from '../test-support.ts';
import { f1Indicators } from './f1-indicators.ts';
import { f2Structure } from './f2-structure.ts';
import { f4Cultivated } from './f4-cultivated.ts';
import { tablesToCsv, tablesToJson } from './serialise.ts';
import type { Row, Table } from './table.ts';

function tablesOf(path: string) {
  const parsed = parsePlanText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(path);
  return fullCheck(parsed.value).tables;
}

/** A figure as shown, in hundredths of a hectare (or of a percent). */
const value = (row: Row | undefined, column: string) => {
  const cell = row?.cells[column];
  return cell && 'value' in cell ? Math.round(cell.value * 100) : NaN;
};
const m2Of = (row: Row | undefined, column: string) => {
  const cell = row?.cells[column];
  return cell && 'm2' in cell ? (cell.m2 as number) : NaN;
};
const row = (table: Table, key: string) => table.rows.find((r) => r.key === key);
/** A quantity rounded once from its m², in hundredths of a hectare. */
const cents = (m2: number) => Math.round(m2 / 100);

/** Every group is the sum of its rows, and the groups add up to the total, in the figures shown: areas and shares. */
function expectF2AddsUp(f2: Table) {
  for (const column of ['base', 'target', 'baseShare', 'targetShare']) {
    const groups = f2.rows.filter((r) => r.level === 0 && r.key !== 'total');
    expect(groups.reduce((s, g) => s + value(g, column), 0)).toBe(value(row(f2, 'total'), column));
    f2.rows.forEach((parent, i) => {
      const children: Row[] = [];
      for (let j = i + 1; j < f2.rows.length && f2.rows[j]!.level > parent.level; j++) if (f2.rows[j]!.level === parent.level + 1) children.push(f2.rows[j]!);
      if (children.length) expect(children.reduce((s, c) => s + value(c, column), 0), parent.key).toBe(value(parent, column));
    });
  }
}

/** Footnoted adjustments of a table: `${row label key}|${column label key}` → hundredths. */
function adjustments(table: Table): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of table.footnotes) if (n.key === 'tables.footnote.rounding') out.set(`${n.params.rowKey}|${n.params.columnKey}`, Math.round((n.params.by as number) * 100));
  return out;
}

/** A derived plan of hand-made kind totals (unchanged land unless a target is given). */
function derivedOf(totals: readonly { base: LandClassCode; target?: LandClassCode; m2: number; ridge?: number; pbf?: boolean }[]): DerivedPlan {
  const kinds: KindTotal[] = totals.map((t) => ({
    kind: { baseClass: t.base, targetClass: t.target ?? t.base, change: t.target && t.target !== t.base ? 'useChange' : null, cjjx: null, quotaSource: null, pbf: t.pbf ? 'G112' : null, reserve: false, illegal: false },
    areaM2: t.m2,
    ridgeM2: t.ridge ?? 0,
  }));
  return { kindTotals: () => kinds, sum: (keep: (k: KindTotal['kind']) => boolean) => kinds.reduce((s, k) => s + (keep(k.kind) ? k.areaM2 : 0), 0) } as unknown as DerivedPlan;
}

describe('tables of the sample village', () => {
  const tables = tablesOf('samples/sample-village.plan.json');

  it('F2: every group is the sum of its rows and the groups add up to the total, after rounding', () => {
    expectF2AddsUp(tables.F2);
    expect(value(row(tables.F2, 'total'), 'base')).toBe(22235);
  });

  it('F3 and F4: base − decrease + increase = target, and the ledger balances', () => {
    for (const column of ['construction', 'village']) {
      const f3 = (k: string) => value(row(tables.F3, k), column);
      expect(f3('base') - f3('demolition') + f3('newBuild') + f3('other')).toBe(f3('target'));
    }
    for (const column of ['area', 'gross']) {
      const f4 = (k: string) => value(row(tables.F4, k), column);
      expect(f4('base') - f4('decrease') + f4('increase')).toBe(f4('target'));
      expect(f4('ecological') + f4('construction') + f4('otherLoss')).toBe(f4('decrease'));
      expect(f4('consolidation') + f4('development') + f4('reclamation')).toBe(f4('increase'));
    }
    const ledger = (k: string) => (row(tables.linkage, k)!.cells.areaM2 as { m2: number }).m2;
    expect(ledger('earned') - ledger('kept') - ledger('used')).toBeCloseTo(ledger('balance'), 6);
    expect(tables.demolitionList.rows).toHaveLength(6);
  });

  it('one figure per quantity: 耕地 in F1, F2 and F4; 建设用地 and 村庄建设用地 in F1 and F3; each its m² rounded once', () => {
    const { F1, F2, F3, F4 } = tables;
    for (const [column, f4Row] of [['base', 'base'], ['target', 'target']] as const) {
      const net = value(row(F1, 'cultivated'), column);
      expect(net).toBe(cents(m2Of(row(F1, 'cultivated'), column)));
      expect(value(row(F2, 'cultivated'), column)).toBe(net);
      expect(value(row(F4, f4Row), 'area')).toBe(net);
      expect(value(row(F4, f4Row), 'gross')).toBe(value(row(F1, 'cultivatedGross'), column));
      expect(value(row(F3, f4Row), 'construction')).toBe(value(row(F1, 'construction'), column));
      expect(value(row(F3, f4Row), 'village')).toBe(value(row(F1, 'village'), column));
    }
    // The gross figure F2's footnote gives is F1's.
    const note = F2.footnotes.find((n) => n.key === 'tables.F2.net')!;
    expect(note.params.baseGross).toBe((value(row(F1, 'cultivatedGross'), 'base') / 100).toFixed(2));
    expect(note.params.targetGross).toBe((value(row(F1, 'cultivatedGross'), 'target') / 100).toFixed(2));
  });

  it('F2: a figure differs from its own rounding only where a footnote says so, by what it says; shares are of unrounded m², balanced', () => {
    const { F2 } = tables;
    const adjusted = adjustments(F2);
    const totalM2 = { base: m2Of(row(F2, 'total'), 'base'), target: m2Of(row(F2, 'total'), 'target') };
    let sharesMoved = false;
    for (const r of F2.rows) {
      for (const [column, label, share] of [['base', 'tables.col.baseHa', 'baseShare'], ['target', 'tables.col.targetHa', 'targetShare']] as const) {
        const m2 = m2Of(r, column);
        expect(value(r, column), `${r.key} ${column}`).toBe(cents(m2) + (adjusted.get(`${r.labelKey}|${label}`) ?? 0));
        // 尾数平差 moves a share by a hundredth at most from its own rounding, and the footnote says shares were balanced.
        const own = Math.round((10_000 * m2) / totalM2[column]);
        expect(Math.abs(value(r, share) - own), `${r.key} ${share}`).toBeLessThanOrEqual(1);
        sharesMoved ||= value(r, share) !== own;
      }
    }
    expect(F2.footnotes.some((n) => n.key === 'tables.F2.shareRounding')).toBe(sharesMoved);
    // The shared quantities are never the adjusted ones.
    expect([...adjusted.keys()].filter((k) => k.startsWith('tables.F2.cultivated|') || k.startsWith('tables.F2.total|'))).toEqual([]);
  });

  it('serialise to CSV and JSON in either language', async () => {
    const i18n = createI18n();
    const t = (key: string, params?: Record<string, unknown>) => i18n.t(key, params ?? {});
    const csv = tablesToCsv(t, tables);
    expect(csv).toContain('F2 土地利用结构调整表\n项目,基期面积（公顷）');
    expect(csv).toContain('F4 耕地调整表\n项目,耕地面积（扣除田坎，公顷）,图斑面积（含田坎，公顷）');
    await i18n.changeLanguage('en');
    const json = tablesToJson(t, tables);
    expect(json.F1!.rows[0]).toMatchObject({ label: 'Cultivated land', cells: { task: { value: 164.9 } } });
  });
});

describe('net and gross of 田坎, hand-made', () => {
  // A 4 × 3 village of 水田 with TKXS 0.1 (survey: KKSM = TBMJ × 0.1, TBDLMJ = 0.9 × TBMJ), one row of homesteads.
  const { plan: base, g } = village({ classOf: (_, j) => (j === 0 ? '2121' : '111'), baseProps: (_, j) => ({ ridgeCoefficient: j === 0 ? null : 0.1 }), zones: [{ code: '020', block: [0, 0, 4, 3] }] });
  const cultivated = ellipsoidalArea(grid().block(0, 1, 4, 3));
  const plot = ellipsoidalArea(grid().block(0, 0, 1, 1));
  const total = ellipsoidalArea(grid().block(0, 0, 4, 3));
  const demolished = withFeatures(base, feature('demolition', 'd', g.block(0, 0, 1, 1), { parcelNo: 'CJ1', restorationUse: '111' }));
  const withCoefficient = (plan: Plan, c: number): Plan => ({ ...plan, meta: { ...plan.meta, profileOverrides: { newFarmlandRidgeCoefficient: c } } });

  it('F1 shows 耕地 net (0.9 × area) against the task, and the gross area in a row of its own', () => {
    const { F1 } = fullCheck(base).tables;
    expect(m2Of(row(F1, 'cultivated'), 'base')).toBeCloseTo(0.9 * cultivated, 4);
    expect(value(row(F1, 'cultivated'), 'base')).toBe(cents(0.9 * cultivated));
    expect(value(row(F1, 'cultivatedGross'), 'base')).toBe(cents(cultivated));
    expect(F1.rows.slice(0, 7).map((r) => r.key)).toEqual(['cultivated', 'pbf', 'construction', 'urbanRural', 'village', 'villagePerCapita', 'homesteadPerHousehold']);
  });

  it('F2 counts 耕地 net and the deducted 0.1 as 田坎; the total is the land', () => {
    const { F2 } = fullCheck(base).tables;
    expect(m2Of(row(F2, '111'), 'base')).toBeCloseTo(0.9 * cultivated, 4);
    expect(m2Of(row(F2, '155'), 'base')).toBeCloseTo(0.1 * cultivated, 4);
    expect(m2Of(row(F2, 'total'), 'base')).toBeCloseTo(total, 4);
    expect(F2.footnotes[0]).toMatchObject({ key: 'tables.F2.net', params: { baseRidge: (cents(0.1 * cultivated) / 100).toFixed(2), baseGross: (cents(cultivated) / 100).toFixed(2) } });
    expectF2AddsUp(F2);
  });

  it('F4 in both: demolition restored to 耕地 adds its area net of the profile’s coefficient for new farmland', () => {
    for (const c of [0, 0.2]) {
      const { F1, F2, F4 } = fullCheck(withCoefficient(demolished, c)).tables;
      expect(m2Of(row(F4, 'reclamation'), 'area')).toBeCloseTo((1 - c) * plot, 4);
      expect(m2Of(row(F4, 'reclamation'), 'gross')).toBeCloseTo(plot, 4);
      expect(m2Of(row(F4, 'target'), 'area')).toBeCloseTo(0.9 * cultivated + (1 - c) * plot, 4);
      expect(value(row(F4, 'target'), 'area')).toBe(value(row(F1, 'cultivated'), 'target'));
      expect(value(row(F4, 'target'), 'gross')).toBe(value(row(F1, 'cultivatedGross'), 'target'));
      // The new plot's ridges are 田坎 at the target year.
      expect(m2Of(row(F2, '155'), 'target')).toBeCloseTo(0.1 * cultivated + c * plot, 4);
    }
  });

  it('new build on 耕地 takes its 耕地 net: F4 建设占用 and the new-build list agree', () => {
    const built = withFeatures(base, feature('newBuild', 'nb', g.block(1, 2, 2, 3), { parcelNo: 'JX1', households: 1 }));
    const { F4, newBuildList } = fullCheck(built).tables;
    const taken = ellipsoidalArea(grid().block(1, 2, 2, 3));
    expect(m2Of(row(F4, 'construction'), 'area')).toBeCloseTo(0.9 * taken, 4);
    expect(m2Of(row(F4, 'construction'), 'gross')).toBeCloseTo(taken, 4);
    expect((row(newBuildList, 'nb')!.cells.cultivatedTakenM2 as { m2: number }).m2).toBeCloseTo(0.9 * taken, 4);
  });
});

describe('one figure per quantity, hand-made rounding', () => {
  // 水田 1.004 + 旱地 1.004 = 耕地 2.008 ha (→ 2.01), 园地 0.104, 生态林 0.104, 宅基地 0.104: 2.320 ha in all.
  // Rounded alone: 1.00 + 1.00 ≠ 2.01 and 2.11 + 0.10 + 0.10 ≠ 2.32, so F2 must adjust twice; 耕地 must stay 2.01.
  const derived = derivedOf([
    { base: '111', m2: 10_040 },
    { base: '113', m2: 10_040 },
    { base: '12', m2: 1_040 },
    { base: '131', m2: 1_040 },
    { base: '2121', m2: 1_040 },
  ]);
  const plan = planWith([]);
  const F1 = f1Indicators(plan, derived, ZHEJIANG_2017);
  const F2 = f2Structure(derived, ZHEJIANG_2017);
  const F4 = f4Cultivated(derived, ZHEJIANG_2017);

  it('耕地 is 2.01 in F1, F2 and F4; F2’s rows add up through adjusted rows, each footnoted', () => {
    expect(value(row(F1, 'cultivated'), 'base')).toBe(201);
    expect(value(row(F2, 'cultivated'), 'base')).toBe(201);
    expect(value(row(F4, 'base'), 'area')).toBe(201);
    expectF2AddsUp(F2);
    expect(value(row(F2, 'total'), 'base')).toBe(232);
    expect(value(row(F2, 'agricultural'), 'base')).toBe(212);
    expect(value(row(F2, '12'), 'base')).toBe(11);
    const adjusted = adjustments(F2);
    expect([...adjusted.keys()].filter((k) => k.endsWith('|tables.col.baseHa')).sort()).toEqual(['landClass.111|tables.col.baseHa', 'landClass.12|tables.col.baseHa', 'tables.F2.agricultural|tables.col.baseHa']);
  });

  it('shares of three ⅓ ha classes add up to their group and to 100.00 (33.33 + 33.33 + 33.34), with a footnote', () => {
    const third = 10_000 / 3;
    const F2thirds = f2Structure(derivedOf([{ base: '131', m2: third }, { base: '31', m2: third }, { base: '32', m2: third }]), ZHEJIANG_2017);
    expect(['131', '31', '32'].map((k) => value(row(F2thirds, k), 'baseShare')).sort()).toEqual([3333, 3333, 3334]);
    expect([value(row(F2thirds, 'ecological'), 'baseShare'), value(row(F2thirds, 'total'), 'baseShare')]).toEqual([10_000, 10_000]);
    expectF2AddsUp(F2thirds);
    expect(F2thirds.footnotes.map((n) => n.key)).toContain('tables.F2.shareRounding');
    // The areas too (domain.md §5's adjustment, footnoted): 0.33 + 0.33 + 0.34 = 1.00.
    expect(['131', '31', '32'].map((k) => value(row(F2thirds, k), 'base')).sort()).toEqual([33, 33, 34]);
  });

  it('a class nothing changes shows the same figure at both years (change 0.00), where its group’s sum moved it in one year only', () => {
    // 水域 1.006 + 自然保留地 0.506 = 生态用地 1.512 ha (→ 1.51): at the base year 水域, the larger row, takes
    // the −0.01 (1.00). The plan turns 20 m² of 自然保留地 into 宅基地: 1.006 + 0.504 = 1.51 adds up with 水域 at
    // its own 1.01, and 水域 would "grow" by 0.01 ha though no change touches it.
    const F2water = f2Structure(derivedOf([{ base: '31', m2: 10_060 }, { base: '32', m2: 5_040 }, { base: '32', target: '2121', m2: 20 }]), ZHEJIANG_2017);
    expectF2AddsUp(F2water);
    expect([value(row(F2water, '31'), 'base'), value(row(F2water, '31'), 'target'), value(row(F2water, '31'), 'change')]).toEqual([100, 100, 0]);
    // The difference goes to a row that changed (自然保留地), and each figure off its own rounding is footnoted.
    expect([value(row(F2water, '32'), 'base'), value(row(F2water, '32'), 'target')]).toEqual([51, 51]);
    const adjusted = adjustments(F2water);
    for (const r of F2water.rows) {
      for (const [column, label] of [['base', 'tables.col.baseHa'], ['target', 'tables.col.targetHa']] as const) expect(value(r, column), `${r.key} ${column}`).toBe(cents(m2Of(r, column)) + (adjusted.get(`${r.labelKey}|${label}`) ?? 0));
    }
  });

  it('and where the rest of its group keeps figures too (田坎, shown with its ridges), the difference goes up to a row that changed', () => {
    // 农村道路 1.006 + 田坎 0.506 = 其他农用地 1.512 ha (→ 1.51): 农村道路 takes the −0.01 at the base year (田坎 is
    // fixed). 20 m² of 田坎 become 宅基地: 田坎 0.504 → 0.50, 其他农用地 1.51, and 农村道路 alone could make up the
    // 0.01 (1.01, a change of +0.01 on a road no change touches). 其他农用地 shows 1.00 + 0.50 instead, and the
    // 宅基地 that changed takes the land total's last digit.
    const F2road = f2Structure(derivedOf([{ base: '152', m2: 10_060 }, { base: '155', m2: 5_040 }, { base: '155', target: '2121', m2: 20 }]), ZHEJIANG_2017);
    expectF2AddsUp(F2road);
    const figures = (key: string) => [value(row(F2road, key), 'base'), value(row(F2road, key), 'target'), value(row(F2road, key), 'change')];
    expect(figures('152')).toEqual([100, 100, 0]);
    expect(figures('155')).toEqual([51, 50, -1]);
    expect(figures('2121')).toEqual([0, 1, 1]);
    expect(figures('total')).toEqual([151, 151, 0]);
    const adjusted = adjustments(F2road);
    for (const r of F2road.rows) {
      for (const [column, label] of [['base', 'tables.col.baseHa'], ['target', 'tables.col.targetHa']] as const) expect(value(r, column), `${r.key} ${column}`).toBe(cents(m2Of(r, column)) + (adjusted.get(`${r.labelKey}|${label}`) ?? 0));
    }
  });

  it('shares are of unrounded m² (2.008 / 2.32, not 2.01 / 2.32)', () => {
    expect(value(row(F2, 'cultivated'), 'baseShare')).toBe(Math.round((10_000 * 20_080) / 23_200));
    expect(value(row(F2, 'cultivated'), 'baseShare')).not.toBe(Math.round((10_000 * 201) / 232));
  });

  it('with TKXS 0.1 on 水田 the net 耕地 is the same figure in F1, F2 and F4, and the gross in F1 and F4', () => {
    const withRidges = derivedOf([
      { base: '111', m2: 10_040, ridge: 1_004, pbf: true },
      { base: '113', m2: 10_040 },
      { base: '12', m2: 1_040 },
      { base: '131', m2: 1_040 },
      { base: '2121', m2: 1_040 },
    ]);
    const f1 = f1Indicators(plan, withRidges, ZHEJIANG_2017);
    const f2 = f2Structure(withRidges, ZHEJIANG_2017);
    const f4 = f4Cultivated(withRidges, ZHEJIANG_2017);
    expect(value(row(f1, 'cultivated'), 'base')).toBe(cents(20_080 - 1_004));
    expect(value(row(f2, 'cultivated'), 'base')).toBe(cents(20_080 - 1_004));
    expect(value(row(f4, 'base'), 'area')).toBe(cents(20_080 - 1_004));
    expect(value(row(f1, 'cultivatedGross'), 'base')).toBe(cents(20_080));
    expect(value(row(f4, 'base'), 'gross')).toBe(cents(20_080));
    expect(value(row(f1, 'pbf'), 'base')).toBe(cents(0.9 * 10_040));
    expect(value(row(f1, 'pbfGross'), 'base')).toBe(cents(10_040));
    expect(m2Of(row(f2, '155'), 'base')).toBe(1_004);
    expectF2AddsUp(f2);
  });
});
