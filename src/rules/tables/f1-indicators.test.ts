import { describe, expect, it } from 'vitest';
import { roundTo } from '../../domain/units.ts';
import { fullCheck } from '../engine.ts';
import { feature, village, withFeatures } from '../test-support.ts';
import type { Row, Table } from './table.ts';

const row = (table: Table, key: string) => table.rows.find((r) => r.key === key) as Row;
const cell = (r: Row, column: string) => r.cells[column] as { value: number; m2?: number };

describe('F1 per-head rows', () => {
  it('show the change as the target figure less the base figure, as the area rows do', () => {
    const { plan, g } = village({ classOf: () => '2121' });
    const demolished = withFeatures(plan, feature('demolition', 'd', g.block(0, 0, 1, 1), { parcelNo: 'CJ1', restorationUse: '111' }));
    const land = row(fullCheck(demolished).tables.F1, 'village');
    const [base, target] = [cell(land, 'base').m2 as number, cell(land, 'target').m2 as number];
    // A population at which the unrounded change and the difference of the rounded figures part by a hundredth.
    const population = [...Array(1000).keys()].map((k) => 1000 + k).find((p) => roundTo(target / p - base / p, 2) !== roundTo(roundTo(target / p, 2) - roundTo(base / p, 2), 2));
    expect(population).toBeDefined();

    const perCapita = row(fullCheck({ ...demolished, meta: { ...demolished.meta, population: population as number } }).tables.F1, 'villagePerCapita');
    expect(cell(perCapita, 'base').value).toBe(roundTo(base / (population as number), 2));
    expect(cell(perCapita, 'change').value).toBe(roundTo(cell(perCapita, 'target').value - cell(perCapita, 'base').value, 2));
  });
});
