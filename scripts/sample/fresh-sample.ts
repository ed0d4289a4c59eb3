/**
 * The committed sample's arguments run through the generator once per test file (each vitest file has its
 * own module cache), shared by the tests in that file.
 */
import type { Plan } from '../../src/domain/plan.ts';
import { generateVillagePlan } from './generate.ts';
import { COMMITTED_SAMPLE } from './options.ts';
import { serialisePlan } from './serialise.ts';

let cached: { readonly plan: Plan; readonly text: string } | undefined;

export function freshCommittedSample(): { readonly plan: Plan; readonly text: string } {
  if (!cached) {
    const plan = generateVillagePlan(COMMITTED_SAMPLE);
    cached = { plan, text: serialisePlan(plan) };
  }
  return cached;
}
