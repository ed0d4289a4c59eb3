/**
 * `npm run bench:corridor`: one edit of a parcel along a village boundary from another survey
 * (samples/generated/real-misaligned-24000.plan.json: the boundary ~0.3 m off all round, so the coverage rules
 * clip the corridor along it, src/rules/cluster-corridor.ts, its union made block by block,
 * src/rules/cluster-blocks.ts). The baseline, in the same process: a fresh check of the same rules on the
 * edited plan, what the edit would cost if nothing were remembered. The same again with every vertex of the
 * plan moved by up to ±0.3 mm (as reprojected data comes: the seams hold sub-millimetre slits, which the
 * corridor's gaps are cut from too). Reported for each: the full check (the three
 * coverage rules, and every rule), medians; one edit of a corridor parcel (a vertex moved 0.2 m), median and
 * p95, and its ratio to the fresh check; one reclassification, median; and whether the findings after every
 * edit are a fresh check's. Writes bench/out/corridor-edit.json. Numbers, not verdicts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Position } from 'geojson';
import { createRng } from '../scripts/sample/prng.ts';
import { jitterVertices } from '../scripts/sample/real-looking.ts';
import type { AreaFeature, FeatureOf, PlanFeature } from '../src/domain/features.ts';
import { putFeature, type Patch } from '../src/domain/patch.ts';
import { parsePlanText } from '../src/domain/plan-file.ts';
import { layerFeatures, type Plan } from '../src/domain/plan.ts';
import { polygonsOf } from '../src/geo/rings.ts';
import { moveVertex } from '../src/geo/topology.ts';
import { loadGeos } from '../src/geo/geos/geos-module.ts';
import { RuleEngine } from '../src/rules/engine.ts';
import { RULES } from '../src/rules/index.ts';
import type { Rule } from '../src/rules/rule.ts';
import { partitionClusters } from '../src/rules/partition-clusters.ts';
import { median, percentile, realLookingPackage } from './support.ts';

const PARCELS = Number(process.env.BENCH_PARCELS ?? 24000);
const RUNS = Number(process.env.BENCH_FULL_RUNS ?? 3);
const EDITS = Number(process.env.BENCH_EDITS ?? 41);
/** Fresh checks to compare with (each ~2 s): the first edits' plans. */
const FRESH_RUNS = Number(process.env.BENCH_FRESH_RUNS ?? 5);
const COVERAGE = ['no-gap', 'no-overlap', 'inside-village'];
/** Degrees of 0.2 m, near enough at 30°N. */
const STEP = 0.2 / 100_000;

const text = readFileSync(`${realLookingPackage('misaligned', PARCELS)}.plan.json`, 'utf8');
function readMisaligned(): Plan {
  const parsed = parsePlanText(text);
  if (!parsed.ok) throw new Error(`plan unreadable: ${parsed.error.key}`);
  return parsed.value;
}
/** The same plan with every vertex moved by up to ±0.3 mm (seed 1: the same plan at every read), as reprojected data comes. */
const jittered = jitterVertices(readMisaligned(), { seed: 1 }).plan;
const readJittered = (): Plan => structuredClone(jittered);

function timed<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

const coverageRules = (rules: readonly Rule[]) => rules.filter((r) => COVERAGE.includes(r.id));
const findings = (engine: RuleEngine) =>
  engine
    .result()
    .issues.filter((i) => COVERAGE.includes(i.rule))
    .map((i) => `${i.rule} ${i.severity} ${JSON.stringify(i.message.params)} ${[...i.features].sort().join(',')}`)
    .sort();

/** The same vertex moves for both engines: a parcel of the corridor and one of its vertices, by id and index. */
function plannedMoves(engine: RuleEngine): { id: string; vertex: number; angle: number }[] {
  const corridor = partitionClusters(engine.checkState, 'base').find((c) => c.corridor);
  if (!corridor) throw new Error('no corridor along the misaligned boundary');
  const rng = createRng(2026, 'corridor-edit-bench');
  return Array.from({ length: EDITS }, () => {
    const parcel = rng.pick(corridor.features);
    const ring = polygonsOf(parcel.geometry)[0]![0]!;
    return { id: parcel.id, vertex: rng.int(0, ring.length - 2), angle: rng.float(0, 2 * Math.PI) };
  });
}

/** The move as a patch for this engine's own plan (new objects each: no cache of the other engine helps). */
function movePatch(plan: Plan, move: { id: string; vertex: number; angle: number }): Patch {
  const parcel = layerFeatures(plan, 'base').find((f) => f.id === move.id) as AreaFeature;
  const from = polygonsOf(parcel.geometry)[0]![0]![move.vertex] as Position;
  const to = [(from[0] as number) + STEP * Math.cos(move.angle), (from[1] as number) + STEP * Math.sin(move.angle)];
  const geometry = moveVertex(structuredClone(parcel.geometry), from, to);
  return { features: geometry ? [putFeature({ ...parcel, geometry } as PlanFeature)] : [] };
}

function reclassifyPatch(plan: Plan, id: string): Patch {
  const parcels = layerFeatures(plan, 'base') as readonly FeatureOf<'base'>[];
  const parcel = parcels.find((f) => f.id === id) as FeatureOf<'base'>;
  const other = parcels.find((f) => f.properties.classCode !== parcel.properties.classCode) as FeatureOf<'base'>;
  return { features: [putFeature({ ...parcel, properties: { ...parcel.properties, classCode: other.properties.classCode } } as PlanFeature)] };
}

await loadGeos();

function measure(name: string, read: () => Plan): Record<string, unknown> {
  const coverageFullMs: number[] = [];
  const allFullMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    allFullMs.push(timed(() => new RuleEngine(read(), RULES).result()).ms);
    coverageFullMs.push(timed(() => new RuleEngine(read(), coverageRules(RULES)).result()).ms);
  }
  const engine = new RuleEngine(read(), coverageRules(RULES));
  engine.result();
  engine.prepareForEdits();
  const moveMs: number[] = [];
  const freshMs: number[] = [];
  let sameAsFresh = 0;
  for (const move of plannedMoves(engine)) {
    const patch = movePatch(engine.plan, move);
    moveMs.push(timed(() => engine.applyPatch(patch)).ms);
    if (freshMs.length >= FRESH_RUNS) continue;
    // The baseline: the same rules checked afresh on the edited plan (a copy: nothing remembered for it).
    const copy = structuredClone(engine.plan);
    const fresh = timed(() => {
      const checked = new RuleEngine(copy, coverageRules(RULES));
      checked.result();
      return checked;
    });
    freshMs.push(fresh.ms);
    if (JSON.stringify(findings(engine)) === JSON.stringify(findings(fresh.value))) sameAsFresh++;
  }
  const reclassifyMs = plannedMoves(engine)
    .slice(0, 11)
    .map((move) => {
      const patch = reclassifyPatch(engine.plan, move.id);
      return timed(() => engine.applyPatch(patch)).ms;
    });
  console.log(`${name}:`);
  console.log(`  full check: ${median(coverageFullMs).toFixed(0)} ms the coverage rules, ${median(allFullMs).toFixed(0)} ms every rule (medians of ${RUNS})`);
  console.log(`  one vertex move of a corridor parcel: ${median(moveMs).toFixed(1)} ms median, ${percentile(moveMs, 95).toFixed(1)} ms p95 (${moveMs.length} moves); a fresh check of the edited plan ${median(freshMs).toFixed(0)} ms: ratio ${(median(moveMs) / median(freshMs)).toFixed(3)}`);
  console.log(`  one reclassification: ${median(reclassifyMs).toFixed(1)} ms median; findings after an edit equal a fresh check's: ${sameAsFresh} of ${freshMs.length}`);
  return {
    coverageFullMedianMs: median(coverageFullMs),
    allFullMedianMs: median(allFullMs),
    moveMedianMs: median(moveMs),
    moveP95Ms: percentile(moveMs, 95),
    freshCheckMedianMs: median(freshMs),
    moveToFreshRatio: median(moveMs) / median(freshMs),
    reclassifyMedianMs: median(reclassifyMs),
    editsLikeFreshCheck: `${sameAsFresh} of ${freshMs.length}`,
  };
}

const report = {
  date: new Date().toISOString(),
  node: process.version,
  parcels: PARCELS,
  misaligned: measure('boundary 0.3 m off all round', readMisaligned),
  misalignedJittered: measure('the same, every vertex moved by up to ±0.3 mm', readJittered),
};
mkdirSync('bench/out', { recursive: true });
writeFileSync('bench/out/corridor-edit.json', JSON.stringify(report, null, 2) + '\n');
