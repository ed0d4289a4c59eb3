import { describe, expect, it } from 'vitest';
import { BULK_CHANGES, EdgeBalance, hashEdge, mergeTouchingBoxes } from './edge-balance.ts';
import { polygon, square } from './test-support.ts';

const village = polygon([[0, 0], [2, 0], [4, 0], [4, 4], [2, 4], [0, 4]]);
const left = polygon([[0, 0], [2, 0], [2, 4], [0, 4]]);
const right = polygon([[2, 0], [4, 0], [4, 4], [2, 4]]);

function balanceOf(...parts: ReturnType<typeof square>[]): EdgeBalance {
  const balance = new EdgeBalance();
  balance.add(village, -1);
  for (const p of parts) balance.add(p, 1);
  return balance;
}

/** The open record of the edge a–b (either direction) among every open edge, or undefined when it balances. */
function openEdge(balance: EdgeBalance, [ax, ay]: readonly number[], [bx, by]: readonly number[]) {
  return [...balance.openEdges()].find((e) => (e.ax === ax && e.ay === ay && e.bx === bx && e.by === by) || (e.ax === bx && e.ay === by && e.bx === ax && e.by === ay));
}

describe('EdgeBalance', () => {
  it('is balanced for an exact partition, whatever the winding', () => {
    const clockwise = { ...right, coordinates: [[...right.coordinates[0]!].reverse()] };
    expect(balanceOf(left, right).balanced).toBe(true);
    expect(balanceOf(left, clockwise).balanced).toBe(true);
  });

  it('is unbalanced where a part is missing or doubled, and names the changed edges once', () => {
    const gap = balanceOf(left);
    expect(gap.balanced).toBe(false);
    const open = [...gap.openEdges()];
    expect(open.map((e) => `${e.ax},${e.ay},${e.bx},${e.by}`).sort()).toEqual(['2,0,2,4', '2,0,4,0', '2,4,4,4', '4,0,4,4']);
    expect(open.find((e) => e.ax === 2 && e.ay === 0 && e.bx === 2 && e.by === 4)?.count).toBe(1);
    const changed = gap.takeChanged();
    expect(changed !== 'all' && changed.size).toBe(7);
    expect(gap.takeChanged()).toEqual(new Set());
    expect(balanceOf(left, right, right).balanced).toBe(false);
  });

  it('stops listing changed edges once a layer is being loaded, and says all changed', () => {
    const balance = new EdgeBalance();
    const row = Array.from({ length: BULK_CHANGES / 3 + 1 }, (_, k) => polygon([[k, 0], [k + 1, 0], [k + 1, 1], [k, 1]]));
    for (const cell of row) balance.add(cell, 1);
    expect(balance.takeChanged()).toBe('all');
    // Following edits are listed again, edge by edge: three outer edges balance (count 0, gone), the one
    // shared with the next cell opens.
    balance.add(row[0]!, -1);
    const changed = balance.takeChanged();
    expect(changed !== 'all' && [...changed].map((e) => `${e.ax},${e.ay},${e.bx},${e.by}:${e.count}`).sort()).toEqual(['0,0,0,1:0', '0,0,1,0:0', '0,1,1,1:0', '1,0,1,1:-1']);
    // A record is the edge's identity while it is open: found from either end.
    expect(openEdge(balance, [1, 1], [1, 0])).toBe([...changed as Set<unknown>].find((e) => (e as { ax: number; bx: number }).ax === 1 && (e as { bx: number }).bx === 1));
  });

  it('keeps edges apart whose coordinates hash alike', () => {
    // Two different edges with one hash, found by trying horizontal unit edges along a row (birthday bound:
    // ~80,000 tries for even odds in 32 bits).
    const seen = new Map<number, number>();
    let pair: [number, number] | undefined;
    for (let k = 0; !pair && k < 2_000_000; k++) {
      const x = 100 + k * 0.25;
      const hash = hashEdge(x, 30, x + 1, 30);
      const other = seen.get(hash);
      if (other !== undefined) pair = [other, x];
      seen.set(hash, x);
    }
    expect(pair).toBeDefined();
    const [x1, x2] = pair!;
    const edge = (x: number) => polygon([[x, 30], [x + 1, 30], [x + 1, 31]]);
    const balance = new EdgeBalance();
    balance.add(edge(x1), 1);
    balance.add(edge(x2), 1);
    expect(openEdge(balance, [x1, 30], [x1 + 1, 30])).not.toBe(openEdge(balance, [x2, 30], [x2 + 1, 30]));
    // Removing the first of a chain, then the second: each closes only its own edges.
    balance.add(edge(x1), -1);
    expect(openEdge(balance, [x1, 30], [x1 + 1, 30])).toBeUndefined();
    expect(openEdge(balance, [x2 + 1, 30], [x2, 30])?.count).toBe(1);
    balance.add(edge(x2), -1);
    expect(balance.balanced).toBe(true);
  });

  it('updates incrementally', () => {
    const balance = balanceOf(left, right);
    balance.add(right, -1);
    expect(balance.balanced).toBe(false);
    balance.add(right, 1);
    expect(balance.balanced).toBe(true);
  });

  it('merges boxes that meet, transitively', () => {
    expect(mergeTouchingBoxes([[0, 0, 1, 1], [1, 1, 2, 2], [5, 5, 6, 6], [1.5, 0, 3, 0.5]])).toEqual(expect.arrayContaining([[0, 0, 3, 2], [5, 5, 6, 6]]));
  });
});
