/**
 * The incremental engine against a full check, on data nobody here made: the sample village clipped to a
 * separately drawn boundary (T-junctions all along it) and every vertex moved by up to ±0.3 mm, then long
 * seeded walks of the editor's real commands (edit-walk-test-support.ts): vertex drags onto neighbours' edges and onto
 * the boundary, splits, merges, zones drawn over others, reshapes, reclassifications, explodes, undo and
 * redo. After every step the engine, readied for edits as the validation worker does and left as a one-off
 * check leaves it, must report exactly what `fullCheck` reports of the same plan, and give the same tables.
 *
 * FUZZ_STEPS=<n> FUZZ_SEEDS=<a,b,…> lengthen the walk for a soak run; the defaults keep it to ~15 s.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { concatPatches, type Patch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import { generateVillagePlan } from '../../scripts/sample/generate.ts';
import { createRng } from '../../scripts/sample/prng.ts';
import { clipToSeparateBoundary, jitterVertices, plantViolations } from '../../scripts/sample/real-looking.ts';
import { EditWalk } from './edit-walk-test-support.ts';
import { answerOf } from '../rules/answer.ts';
import { fullCheck, RuleEngine, type CheckResult } from '../rules/engine.ts';

const STEPS = Number(process.env.FUZZ_STEPS ?? 60);
const SEEDS = (process.env.FUZZ_SEEDS ?? '11,12').split(',').map(Number);

/** The generator's village (seed 2017) clipped and jittered by `seed`; for odd seeds with planted gaps and overlaps too. */
function realLooking(seed: number): Plan {
  const clipped = clipToSeparateBoundary(generateVillagePlan({ seed: 2017, parcels: 500 }), { seed }).plan;
  const jittered = jitterVertices(clipped, { seed }).plan;
  return seed % 2 === 1 ? plantViolations(jittered, { seed }).plan : jittered;
}

/** An issue as a reviewer reads it; figures to 1e-6 (a rounding in the last place is not a finding). */
function comparable(result: CheckResult): string[] {
  return result.issues
    .map((i) => JSON.stringify([i.rule, i.severity, i.layer ?? '', [...i.features].sort(), i.key, i.message.key, rounded(i.message.params), i.justification ?? null]))
    .sort();
}

function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6 + 0; // -0 and 0 alike
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

/**
 * Where two tables differ, or null. Figures agree within 1e-4 m² (a hundredth of what a table shows) or
 * 1e-9 relative: the engine keeps running totals of piece areas, added and taken away edit by edit, and a
 * cell that is the small difference of large totals drifts in its last bits (1e-7 m² of 88 m² was seen).
 */
function tableDifference(a: unknown, b: unknown, path = 'tables'): string | null {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-4 + 1e-9 * Math.max(Math.abs(a), Math.abs(b)) ? null : `${path}: ${a} ≠ ${b}`;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b) ? null : `${path}: ${String(a)} ≠ ${String(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = tableDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

const COVERAGE_RULES = ['no-gap', 'no-overlap', 'inside-village'];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the incremental engine on a real-looking village, after every step of random edits', () => {
  it.each(SEEDS)('reports what a full check of the same plan reports, readied for edits or not (seed %i)', (seed) => {
    const rng = createRng(seed, 'edit-walk');
    // New features get ids from the walk's stream, so a failing seed replays the same plan.
    vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementation(() => rng.uuid() as ReturnType<Crypto['randomUUID']>);
    const start = realLooking(seed);
    const walk = new EditWalk(start, rng);
    // As the validation worker: the first answer (issues and tables), then readied for edits, then every step.
    const readied = new RuleEngine(start);
    answerOf(readied, 0, 0);
    readied.prepareForEdits();
    // As a one-off check leaves it, and fed as the validation client feeds the worker: the patches made
    // since its last answer, joined into one (a feature may come several times, made and deleted again).
    const oneOff = new RuleEngine(start);
    const batching = createRng(seed, 'batches');
    let pending: Patch[] = [];
    const ops: string[] = [];
    /** Distinct gaps, overlaps and overhangs the walk made (by issue key): the tolerant balance at work. */
    const coverage = new Set<string>();
    for (let n = 0; n < STEPS; n++) {
      const step = walk.step();
      if (!step) continue;
      ops.push(step.op);
      pending.push(step.patch);
      const full = fullCheck(walk.plan);
      const expected = comparable(full);
      for (const i of full.issues) if (i.severity !== 'notChecked' && COVERAGE_RULES.includes(i.rule)) coverage.add(i.key);
      const where = `seed ${seed}, step ${n}: ${ops.join(' ')}`;
      expect(comparable(readied.applyPatch(step.patch)), `readied engine, ${where}`).toEqual(expected);
      expect(tableDifference(readied.tables(), full.tables), where).toBeNull();
      if (pending.length < 4 && batching.chance(0.6)) continue;
      expect(comparable(oneOff.applyPatch(concatPatches(pending))), `one-off engine, ${pending.length} patches joined, ${where}`).toEqual(expected);
      pending = [];
    }
    if (process.env.FUZZ_STEPS) console.log(`seed ${seed}: ${ops.length} edits of ${STEPS} steps, ${coverage.size} coverage issues`, JSON.stringify(Object.fromEntries([...new Set(ops)].map((op) => [op, ops.filter((o) => o === op).length]))));
    // The walk must have edited, not only been refused.
    expect(ops.length).toBeGreaterThan(STEPS / 3);
    expect(coverage.size).toBeGreaterThan(0);
  }, Math.max(120_000, STEPS * 2_000));
});
