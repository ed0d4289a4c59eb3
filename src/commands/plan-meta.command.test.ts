import { describe, expect, it } from 'vitest';
import { applyPatch } from '../domain/patch.ts';
import { planWith } from '../domain/test-support.ts';
import { setJustification, setProfileOverrides, setVillageFigures } from './plan-meta.command.ts';
import { contextOf } from './test-context.ts';

describe('plan meta commands', () => {
  it('stores a justification under the issue key, and removes it when emptied', () => {
    const ctx = contextOf(planWith([]));
    const set = setJustification(ctx, 'min-parcel-area::abc', '  村民集中安置点，面积受地形限制  ', '2026-11-23T10:00:00Z');
    expect(set.ok).toBe(true);
    if (!set.ok) return;
    const plan = applyPatch(ctx.plan, set.patch).plan;
    expect(plan.meta.justifications['min-parcel-area::abc']).toEqual({ text: '村民集中安置点，面积受地形限制', at: '2026-11-23T10:00:00Z' });
    const cleared = setJustification(contextOf(plan), 'min-parcel-area::abc', '  ', '2026-11-23T11:00:00Z');
    expect(cleared.ok && applyPatch(plan, cleared.patch).plan.meta.justifications).toEqual({});
  });

  it('refuses negative or fractional counts and negative areas', () => {
    const ctx = contextOf(planWith([]));
    const quotas = ctx.plan.meta.quotas;
    expect(setVillageFigures(ctx, { population: -1, households: 10, reserveQuotaKeptM2: null, quotas }).ok).toBe(false);
    expect(setVillageFigures(ctx, { population: 10.5, households: 10, reserveQuotaKeptM2: null, quotas }).ok).toBe(false);
    expect(setVillageFigures(ctx, { population: 10, households: 3, reserveQuotaKeptM2: -5, quotas }).ok).toBe(false);
    expect(setVillageFigures(ctx, { population: 2884, households: 912, reserveQuotaKeptM2: 200, quotas: { ...quotas, cultivatedLand: 1_712_800 } }).ok).toBe(true);
  });

  it('takes rule numbers of the right shape only', () => {
    const ctx = contextOf(planWith([]));
    expect(setProfileOverrides(ctx, { villageLandPerCapitaM2: 140 }).ok).toBe(true);
    expect(setProfileOverrides(ctx, { villageLandPerCapitaM2: 'lots' as never }).ok).toBe(false);
  });
});
