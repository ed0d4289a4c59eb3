/**
 * `npm run bench:rules` (issue: rule checking). In Node, on the 2,000- and 20,000-parcel bench plans:
 *  (a) the full check of every rule (state, derivation, every rule; file parsing excluded), median of runs,
 *      each on a freshly parsed plan so no cache carries over;
 *  (b) a naive all-pairs baseline, @turf/intersect over every pair of base parcels, timed on a subset in
 *      this process and extrapolated to all pairs (n(n−1)/2 scaling);
 *  (c) the incremental re-check after moving one shared vertex (every feature that has it, as the editor
 *      does), median of moves, and full/incremental.
 * These plans are our generator's exact coverages; bench/coverage.bench.ts runs real-looking packages
 * against PostGIS in the same run. Writes bench/out/rules.json. Not a test: numbers, not verdicts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import intersect from '@turf/intersect';
import { featureCollection, polygon } from '@turf/helpers';
import type { Polygon, Position } from 'geojson';
import type { PlanFeature } from '../src/domain/features.ts';
import { putFeature, type Patch } from '../src/domain/patch.ts';
import { parsePlanText } from '../src/domain/plan-file.ts';
import { layerFeatures, type Plan } from '../src/domain/plan.ts';
import { LAYER_IDS } from '../src/profiles/zhejiang-2017/layers.ts';
import { hasVertex, moveVertex } from '../src/geo/topology.ts';
import { loadGeos } from '../src/geo/geos/geos-module.ts';
import { RuleEngine } from '../src/rules/engine.ts';
import { BENCH_SIZES, benchPlanPath, formatMs, median } from './support.ts';

const FULL_RUNS = Number(process.env.BENCH_FULL_RUNS ?? 5);
const MOVES = Number(process.env.BENCH_MOVES ?? 41);
const NAIVE_SUBSET = Number(process.env.BENCH_NAIVE_SUBSET ?? 300);

function parse(text: string): Plan {
  const parsed = parsePlanText(text);
  if (!parsed.ok) throw new Error(`bench plan unreadable: ${parsed.error.key}`);
  return parsed.value;
}

function fullCheckMs(text: string): { ms: number; errors: number; warnings: number } {
  const plan = parse(text);
  const start = performance.now();
  const engine = new RuleEngine(plan);
  const result = engine.result();
  engine.tables();
  return { ms: performance.now() - start, errors: result.summary.errors, warnings: result.summary.warnings };
}

/** Every pair of the first `count` base parcels through @turf/intersect, as a naive checker would do for overlaps. */
function naivePairsMs(plan: Plan, count: number): { ms: number; pairs: number } {
  const parcels = layerFeatures(plan, 'base').slice(0, count).map((f) => polygon((f.geometry as Polygon).coordinates));
  let pairs = 0;
  const start = performance.now();
  for (let i = 0; i < parcels.length; i++) {
    for (let j = i + 1; j < parcels.length; j++) {
      intersect(featureCollection([parcels[i]!, parcels[j]!]));
      pairs++;
    }
  }
  return { ms: performance.now() - start, pairs };
}

/** Moving one vertex of a base parcel in every feature that shares it: one patch, like the editor's drag. */
function vertexMove(plan: Plan, featureIndex: number, dx: number): Patch {
  const target = layerFeatures(plan, 'base')[featureIndex]!;
  const from = (target.geometry as Polygon).coordinates[0]![1] as Position;
  const to: Position = [(from[0] as number) + dx, from[1] as number];
  const changes = [];
  for (const layer of LAYER_IDS) {
    for (const f of layerFeatures(plan, layer) as readonly PlanFeature[]) {
      if (f.geometry.type === 'Point' || !hasVertex(f.geometry, from)) continue;
      const moved = moveVertex(f.geometry, from, to);
      if (moved) changes.push(putFeature({ ...f, geometry: moved } as PlanFeature));
    }
  }
  return { features: changes };
}

function incrementalMs(text: string): number[] {
  const plan = parse(text);
  const engine = new RuleEngine(plan);
  engine.result();
  const times: number[] = [];
  const index = Math.floor(layerFeatures(plan, 'base').length / 2);
  for (let k = 0; k < MOVES; k++) {
    // Finding the sharing features is the editor's work (its index), not the checker's: outside the timing.
    const patch = vertexMove(engine.plan, index, (k % 2 === 0 ? 1 : -1) * 2e-7);
    const start = performance.now();
    engine.applyPatch(patch);
    if (k > 0) times.push(performance.now() - start);
  }
  return times;
}

await loadGeos();
const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
for (const parcels of BENCH_SIZES) {
  const text = readFileSync(benchPlanPath(parcels), 'utf8');
  const plan = parse(text);
  const n = layerFeatures(plan, 'base').length;
  fullCheckMs(text); // warm-up: JIT
  const runs = Array.from({ length: FULL_RUNS }, () => fullCheckMs(text));
  const full = median(runs.map((r) => r.ms));
  const naive = naivePairsMs(plan, Math.min(NAIVE_SUBSET, n));
  const allPairs = (n * (n - 1)) / 2;
  const naiveExtrapolated = (naive.ms / naive.pairs) * allPairs;
  const moves = incrementalMs(text);
  const incremental = median(moves);
  report[`bench-${parcels}`] = { baseParcels: n, fullMedianMs: full, fullRunsMs: runs.map((r) => r.ms), errors: runs[0]!.errors, warnings: runs[0]!.warnings, naiveSubset: naive.pairs, naiveSubsetMs: naive.ms, naiveExtrapolatedMs: naiveExtrapolated, naiveOverOurs: naiveExtrapolated / full, incrementalMedianMs: incremental, incrementalP95Ms: [...moves].sort((a, b) => a - b)[Math.ceil(0.95 * moves.length) - 1], fullOverIncremental: full / incremental };
  console.log(`\n${parcels} (${n} base parcels)`);
  console.log(`  full check, every rule: median ${formatMs(full)} over ${FULL_RUNS} runs (${runs.map((r) => r.ms.toFixed(0)).join(', ')} ms); ${runs[0]!.errors} errors, ${runs[0]!.warnings} warnings`);
  console.log(`  naive all-pairs @turf/intersect: ${naive.pairs} pairs in ${formatMs(naive.ms)}, extrapolated to ${allPairs.toExponential(2)} pairs: ${(naiveExtrapolated / 1000 / 60).toFixed(1)} min → naive / ours ${(naiveExtrapolated / full).toFixed(0)}×`);
  console.log(`  incremental after moving one vertex: median ${incremental.toFixed(2)} ms, p95 ${(report[`bench-${parcels}`] as { incrementalP95Ms: number }).incrementalP95Ms.toFixed(2)} ms over ${moves.length} moves → full / incremental ${(full / incremental).toFixed(0)}×`);
}
mkdirSync('bench/out', { recursive: true });
writeFileSync('bench/out/rules.json', JSON.stringify(report, null, 2) + '\n');
