/**
 * Fuzzing the core (style.md, after tldraw's record-store fuzzing): random command sequences on a small
 * plan, every successful result recorded in the history; undoing everything must give back the start,
 * and every single step's inverse must undo exactly that step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AreaFeature } from '../domain/features.ts';
import type { DrawnLayerId } from '../profiles/zhejiang-2017/layers.ts';
import { applyPatch } from '../domain/patch.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { addFeature } from './add-feature.command.ts';
import type { CommandResult } from './command.ts';
import { cutHole } from './cut-hole.command.ts';
import { deleteFeatures } from './delete-features.command.ts';
import { EMPTY_HISTORY, type History, record, undo } from './history.ts';
import { mergeFeatures } from './merge.command.ts';
import { moveSharedVertex } from './reshape.command.ts';
import { setAttribute } from './set-attributes.command.ts';
import { splitFeatures } from './split.command.ts';
import { contextOf } from './test-context.ts';

const X = 120.5;
const Y = 30.5;
const S = 0.002;
const start = planWith([
  feature('boundary', 'village', rect(X, Y, X + 4 * S, Y + 4 * S)),
  feature('functionalZone', 'z00', rect(X, Y, X + 2 * S, Y + 2 * S)),
  feature('functionalZone', 'z10', rect(X + 2 * S, Y, X + 4 * S, Y + 2 * S)),
  feature('functionalZone', 'z01', rect(X, Y + 2 * S, X + 2 * S, Y + 4 * S)),
  feature('functionalZone', 'z11', rect(X + 2 * S, Y + 2 * S, X + 4 * S, Y + 4 * S)),
  feature('base', 'b', rect(X + S, Y + S, X + 3 * S, Y + 3 * S)),
]);

type Op =
  | { kind: 'add'; layer: DrawnLayerId; x: number; y: number; w: number; h: number; clip: boolean }
  | { kind: 'move'; pick: number; vertex: number; dx: number; dy: number }
  | { kind: 'split'; pick: number; at: number }
  | { kind: 'merge'; a: number; b: number }
  | { kind: 'attribute'; pick: number; value: string }
  | { kind: 'delete'; pick: number }
  | { kind: 'hole'; pick: number };

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), layer: fc.constantFrom<DrawnLayerId>('newBuild', 'functionalZone', 'demolition'), x: unit, y: unit, w: unit, h: unit, clip: fc.boolean() }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), vertex: fc.nat(), dx: fc.double({ min: -1, max: 1, noNaN: true }), dy: fc.double({ min: -1, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('split' as const), pick: fc.nat(), at: unit }),
  fc.record({ kind: fc.constant('merge' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('attribute' as const), pick: fc.nat(), value: fc.constantFrom('2121', '2122', '9999') }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('hole' as const), pick: fc.nat() }),
);

function drawn(plan: Plan): AreaFeature[] {
  return [...layerFeatures(plan, 'functionalZone'), ...layerFeatures(plan, 'newBuild'), ...layerFeatures(plan, 'demolition')] as AreaFeature[];
}

function run(plan: Plan, o: Op): CommandResult | undefined {
  const ctx = contextOf(plan);
  const features = drawn(plan);
  const pick = (n: number) => features[n % Math.max(1, features.length)];
  switch (o.kind) {
    case 'add': {
      const x0 = X + o.x * 3.5 * S;
      const y0 = Y + o.y * 3.5 * S;
      return addFeature(ctx, { layer: o.layer, geometry: rect(x0, y0, x0 + (0.1 + o.w) * S, y0 + (0.1 + o.h) * S), clipToNeighbours: o.clip });
    }
    case 'move': {
      const f = pick(o.pick);
      const ring = f?.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : undefined;
      const from = ring?.[o.vertex % Math.max(1, ring.length - 1)];
      if (!from) return undefined;
      return moveSharedVertex(ctx, from, [(from[0] as number) + o.dx * 0.3 * S, (from[1] as number) + o.dy * 0.3 * S]);
    }
    case 'split': {
      const f = pick(o.pick);
      if (!f) return undefined;
      const x = X + o.at * 4 * S;
      return splitFeatures(ctx, [f.id], [[x, Y - S], [x, Y + 5 * S]]);
    }
    case 'merge': {
      const a = pick(o.a);
      const b = pick(o.b);
      return a && b ? mergeFeatures(ctx, [a.id, b.id]) : undefined;
    }
    case 'attribute': {
      const f = pick(o.pick);
      return f ? setAttribute(ctx, [f.id], 'note', o.value) : undefined;
    }
    case 'delete': {
      const f = pick(o.pick);
      return f ? deleteFeatures(ctx, [f.id]) : undefined;
    }
    case 'hole': {
      const f = pick(o.pick);
      if (!f) return undefined;
      const [minX, minY] = [f.geometry.type === 'Polygon' ? (f.geometry.coordinates[0]?.[0]?.[0] as number) : X, f.geometry.type === 'Polygon' ? (f.geometry.coordinates[0]?.[0]?.[1] as number) : Y];
      return cutHole(ctx, f.id, rect(minX + 0.0001, minY + 0.0001, minX + 0.0002, minY + 0.0002) as never);
    }
  }
}

describe('random command sequences', () => {
  it('undo all gives back the start, and each inverse undoes exactly its step', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 14 }), (ops) => {
        let plan = start;
        let history: History = EMPTY_HISTORY;
        for (const o of ops) {
          const result = run(plan, o);
          if (!result?.ok) continue;
          const { plan: next, inverse } = applyPatch(plan, result.patch);
          expect(applyPatch(next, inverse).plan).toEqual(plan);
          history = record(history, result.label, inverse);
          plan = next;
        }
        for (let stepped = undo(history, plan); stepped; stepped = undo(history, plan)) {
          plan = stepped.plan;
          history = stepped.history;
        }
        expect(plan).toEqual(start);
      }),
      { numRuns: 150 },
    );
  });
});
