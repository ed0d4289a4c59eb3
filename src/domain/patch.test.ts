import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asFeatureId } from './ids.ts';
import { applyPatch, concatPatches, isEmptyPatch, type Patch } from './patch.ts';
import type { AreaGeometry, PlanFeature } from './features.ts';
import { feature, planWith, rect } from './test-support.ts';

const reshaped = (f: PlanFeature, geometry: AreaGeometry) => ({ ...f, geometry }) as PlanFeature;

const a = feature('newBuild', 'a', rect(0, 0, 1, 1));
const b = feature('newBuild', 'b', rect(1, 0, 2, 1));

describe('applyPatch', () => {
  it('adds, replaces and removes features, and its inverse restores the plan', () => {
    const start = planWith([a]);
    const moved = reshaped(a, rect(0, 0, 2, 2));
    const patch: Patch = { features: [{ layer: 'newBuild', id: a.id, after: moved }, { layer: 'newBuild', id: b.id, after: b }] };
    const { plan, inverse } = applyPatch(start, patch);
    expect(plan.layers.newBuild[a.id]).toEqual(moved);
    expect(plan.layers.newBuild[b.id]).toEqual(b);
    expect(applyPatch(plan, inverse).plan).toEqual(start);
  });

  it('copies only the layers a patch touches', () => {
    const start = planWith([a, feature('base', 'p1', rect(5, 5, 6, 6))]);
    const { plan } = applyPatch(start, { features: [{ layer: 'newBuild', id: b.id, after: b }] });
    expect(plan.layers.base).toBe(start.layers.base);
    expect(plan.layers.newBuild).not.toBe(start.layers.newBuild);
  });

  it('undoes a patch that touches one feature twice', () => {
    const start = planWith([a]);
    const twice: Patch = {
      features: [
        { layer: 'newBuild', id: a.id, after: reshaped(a, rect(0, 0, 3, 3)) },
        { layer: 'newBuild', id: a.id, after: null },
      ],
    };
    const { plan, inverse } = applyPatch(start, twice);
    expect(plan.layers.newBuild[a.id]).toBeUndefined();
    expect(applyPatch(plan, inverse).plan).toEqual(start);
  });

  it('replaces meta fields and restores them', () => {
    const start = planWith([]);
    const { plan, inverse } = applyPatch(start, { features: [], meta: { population: 1200 } });
    expect(plan.meta.population).toBe(1200);
    expect(applyPatch(plan, inverse).plan.meta).toEqual(start.meta);
  });

  it('refuses a change whose feature does not match its id', () => {
    expect(() => applyPatch(planWith([]), { features: [{ layer: 'newBuild', id: asFeatureId('x'), after: a }] })).toThrow();
  });

  it('apply + inverse is the identity for random patches', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const change = fc.record({
      id: fc.constantFrom(...ids),
      size: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), fc.array(fc.constantFrom(...ids)), (changes, present) => {
        const start = planWith(present.map((id) => feature('reserve', id, rect(0, 0, 1, 1))));
        const patch: Patch = {
          features: changes.map((c) => ({
            layer: 'reserve' as const,
            id: asFeatureId(c.id),
            after: c.size === null ? null : feature('reserve', c.id, rect(0, 0, c.size, c.size)),
          })),
        };
        const { plan, inverse } = applyPatch(start, patch);
        expect(applyPatch(plan, inverse).plan).toEqual(start);
      }),
    );
  });

  it('concatenates patches in order', () => {
    const p1: Patch = { features: [{ layer: 'newBuild', id: a.id, after: a }], meta: { population: 1 } };
    const p2: Patch = { features: [{ layer: 'newBuild', id: a.id, after: null }], meta: { households: 2 } };
    const joined = concatPatches([p1, p2]);
    expect(joined.features).toHaveLength(2);
    expect(joined.meta).toEqual({ population: 1, households: 2 });
  });

  it('inverts a set-aside record\'s decision by swapping its states, last change first', () => {
    const patch: Patch = {
      features: [{ layer: 'newBuild', id: a.id, after: a }],
      quarantine: [
        { id: 'q7', before: 'pending', after: 'restored' },
        { id: 'q9', before: 'pending', after: 'discarded' },
      ],
    };
    const { plan, inverse } = applyPatch(planWith([]), patch);
    expect(inverse.quarantine).toEqual([
      { id: 'q9', before: 'discarded', after: 'pending' },
      { id: 'q7', before: 'restored', after: 'pending' },
    ]);
    expect(applyPatch(plan, inverse).inverse.quarantine).toEqual(patch.quarantine);
  });

  it('counts a decision alone as a change, and keeps decisions when patches are joined', () => {
    const discard: Patch = { features: [], quarantine: [{ id: 'q3', before: 'pending', after: 'discarded' }] };
    expect(isEmptyPatch(discard)).toBe(false);
    expect(isEmptyPatch({ features: [], quarantine: [] })).toBe(true);
    expect(concatPatches([discard, { features: [] }, discard]).quarantine).toHaveLength(2);
    expect(concatPatches([{ features: [] }]).quarantine).toBeUndefined();
  });
});
