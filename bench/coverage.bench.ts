/**
 * `npm run bench:coverage` (also the second step of `bench:rules`): the checks on delivery packages shaped
 * like real data, not like our generator's exact coverages (scripts/real-looking-package.ts): 24,000
 * parcels clipped to a separately drawn boundary (T-junctions all along it), then every vertex moved by
 * ±0.3 mm, then gaps and overlaps planted; and the clipped one with its village boundary moved by a
 * 4-parameter transform (0.4 m, 10″, 20 ppm: another survey's XZQ, wrong all round). For each package, in one process:
 *  (1) reading the package folder (in process), and the full check of every rule on what was read;
 *  (2) one edit re-checked by the engine the validation worker runs (median of vertex moves);
 *  (3) the CLI end to end (`village-plan check <folder> --format json`, a fresh process each run), as
 *      `npm install` leaves it: from the bundle (`npm run build:cli`, rebuilt here first); and on a copy
 *      of the package with its Shapefiles only, as ArcGIS and most tools deliver one;
 *  (4) the baseline: PostGIS's validity + overlaps + gaps on the same Shapefiles, timed by the server;
 *      where PostGIS is missing, GEOS on the whole coverage in this process (always run as a second anchor);
 *  (5) what each finds: coverage errors on the clean packages (should be none), on the planted one
 *      the count and areas against the planted truth and against PostGIS, on the misaligned one the gap
 *      round the village against PostGIS's;
 *  (6) a real coverage nobody here made, Zhejiang's 90 districts, clean, jittered and planted: our coverage
 *      rules in process against PostGIS on the same outlines (bench/coverage-districts.ts).
 * Writes bench/out/coverage.json. Numbers, not verdicts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon, Position } from 'geojson';
import type { PlanFeature } from '../src/domain/features.ts';
import { layerFeatures, type Plan } from '../src/domain/plan.ts';
import { putFeature } from '../src/domain/patch.ts';
import { loadGeos } from '../src/geo/geos/geos-module.ts';
import { readInput } from '../src/cli/read-input.ts';
import { RuleEngine } from '../src/rules/engine.ts';
import { benchDistricts } from './coverage-districts.ts';
import { geosWholeCoverage } from './geos-coverage.ts';
import { POSTGIS_COVERAGE_SQL, startPostgis } from './postgis.ts';
import { formatMs, median, realLookingPackage } from './support.ts';

const PARCELS = Number(process.env.BENCH_PARCELS ?? 24000);
const RUNS = Number(process.env.BENCH_FULL_RUNS ?? 3);
/** A new process each: start-up varies by ±15 % on a shared 2-core machine, so more runs than in process. */
const CLI_RUNS = Number(process.env.BENCH_CLI_RUNS ?? 5);
const MOVES = Number(process.env.BENCH_MOVES ?? 21);
const ALL_VARIANTS = ['clipped', 'jittered', 'planted', 'misaligned'] as const;
const VARIANTS = ALL_VARIANTS.filter((v) => !process.env.BENCH_VARIANTS || process.env.BENCH_VARIANTS.split(',').includes(v));
const COVERAGE_RULES = ['no-gap', 'no-overlap', 'inside-village'];

interface CliIssue {
  readonly rule: string;
  readonly severity: string;
  readonly notChecked: boolean;
  readonly params: Record<string, unknown>;
}

const packageFor = (variant: (typeof ALL_VARIANTS)[number]): string => realLookingPackage(variant, PARCELS);

function read(folder: string): { plan: Plan; ms: number } {
  const started = performance.now();
  const input = readInput(folder, 'zhejiang-2017');
  if (!input.ok) throw new Error(`${folder}: ${input.error.key}`);
  return { plan: input.value.plan, ms: performance.now() - started };
}

function fullCheck(plan: Plan): { ms: number; engine: RuleEngine } {
  const started = performance.now();
  const engine = new RuleEngine(plan);
  engine.result();
  engine.tables();
  return { ms: performance.now() - started, engine };
}

/** Moves one vertex of a parcel near the middle by 0.2 m and back, timing each re-check. */
function editMs(engine: RuleEngine): number[] {
  const parcels = layerFeatures(engine.plan, 'base');
  const target = parcels[Math.floor(parcels.length / 2)] as PlanFeature;
  const original = target.geometry as Polygon;
  const times: number[] = [];
  for (let k = 0; k < MOVES; k++) {
    const ring = (original.coordinates[0] as Position[]).map((p) => [...p]);
    const dx = k % 2 === 0 ? 2e-6 : 0;
    ring[1] = [(ring[1]![0] as number) + dx, ring[1]![1] as number];
    const moved = { ...target, geometry: { type: 'Polygon', coordinates: [ring, ...original.coordinates.slice(1)] } } as PlanFeature;
    const started = performance.now();
    engine.applyPatch({ features: [putFeature(moved)] });
    times.push(performance.now() - started);
  }
  return times.slice(1);
}

function cliRun(folder: string): { ms: number; code: number | null; issues: CliIssue[] } {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['bin/village-plan.mjs', 'check', folder, '--format', 'json'], { encoding: 'utf8', maxBuffer: 512 * 2 ** 20 });
  const ms = performance.now() - started;
  // Exit 0 (no error) or 1 (errors found) with a JSON report; anything else is a failed run, not a time.
  if ((run.status !== 0 && run.status !== 1) || !run.stdout) throw new Error(`village-plan check ${folder} failed (exit ${run.status}): ${run.stderr}`);
  return { ms, code: run.status, issues: (JSON.parse(run.stdout) as { issues: CliIssue[] }).issues };
}

/** A copy of the package without its GeoJSON layers, in a temporary folder. */
function shapefilesOnly(folder: string, scratch: string): string {
  const copy = join(scratch, folder.split('/').pop() as string);
  cpSync(folder, copy, { recursive: true });
  rmSync(join(copy, '3.规划图形数据', 'GeoJSON'), { recursive: true });
  return copy;
}

/** Counts, totals and the areas of at least 1 m² (the sub-millimetre slivers of misaligned data are thousands). */
function summarise(gaps: readonly number[], overlaps: readonly number[]) {
  const round = (a: number) => Math.round(a * 100) / 100;
  const sum = (list: readonly number[]) => list.reduce((s, a) => s + a, 0);
  return {
    gapsCount: gaps.length,
    gapsSumM2: sum(gaps),
    gapsOver1M2: gaps.filter((a) => a >= 1).map(round).sort((a, b) => a - b),
    overlapsCount: overlaps.length,
    overlapsSumM2: sum(overlaps),
    overlapsOver1M2: overlaps.filter((a) => a >= 1).map(round).sort((a, b) => a - b),
  };
}

const coverageErrors = (issues: readonly CliIssue[]) => issues.filter((i) => COVERAGE_RULES.includes(i.rule) && i.severity === 'error' && !i.notChecked);

// bin/village-plan.mjs runs the bundle only when it is newer than the sources: build it, as `npm install` does.
if (spawnSync('npm', ['run', 'build:cli'], { stdio: 'inherit' }).status !== 0) throw new Error('npm run build:cli failed');
await loadGeos();
// The CLI first, for every package, while this process holds no large heap and before PostgreSQL starts:
// run after the in-process steps, the first of its runs was 10–35 % slower than the rest (this process's
// own background garbage collection shared the two cores with it), and beside a server just started, 20 %.
const cliRuns = new Map(VARIANTS.map((variant) => [variant, Array.from({ length: CLI_RUNS }, () => cliRun(packageFor(variant)))]));
const scratch = mkdtempSync(join(tmpdir(), 'vp-coverage-bench-'));
const cliShapefileRuns = new Map(
  VARIANTS.map((variant) => {
    const copy = shapefilesOnly(packageFor(variant), scratch);
    return [variant, Array.from({ length: CLI_RUNS }, () => cliRun(copy))];
  }),
);
rmSync(scratch, { recursive: true });
const postgis = process.env.BENCH_NO_POSTGIS ? null : startPostgis();
console.log(`coverage bench: ${PARCELS} parcels, ${postgis ? postgis.version : 'PostGIS not installed: baseline = GEOS on the whole coverage'}`);
const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, parcels: PARCELS, baseline: postgis?.version ?? 'GEOS whole coverage' };
try {
  for (const variant of VARIANTS) {
    const folder = packageFor(variant);
    read(folder); // warm-up: JIT, file cache
    const reads = Array.from({ length: RUNS }, () => read(folder));
    const plan = reads[0]!.plan;
    fullCheck(plan);
    const fulls = Array.from({ length: RUNS }, () => fullCheck(plan));
    const edits = editMs(fulls[0]!.engine);
    const clis = cliRuns.get(variant)!;
    const cli = clis[0]!;
    const ours = coverageErrors(cli.issues);

    const parcels = layerFeatures(plan, 'base').map((f) => f.geometry);
    const village = layerFeatures(plan, 'boundary')[0]!.geometry;
    const whole = geosWholeCoverage(parcels, village, fulls[0]!.engine.checkState.plane());

    let baseline: { ms: number; overlaps: number[]; gaps: number[]; invalid: number; source: string };
    if (postgis) {
      postgis.load(join(folder, '3.规划图形数据', 'Shapefile', 'JQDLTB.shp'), 'parcels');
      postgis.load(join(folder, '3.规划图形数据', 'Shapefile', 'XZQ.shp'), 'village');
      const runs = Array.from({ length: RUNS }, () => {
        const validity = postgis.query(POSTGIS_COVERAGE_SQL.validity);
        const overlaps = postgis.query(POSTGIS_COVERAGE_SQL.overlaps);
        const gaps = postgis.query(POSTGIS_COVERAGE_SQL.gaps);
        return { ms: validity.ms + overlaps.ms + gaps.ms, invalid: Number(validity.rows[0]), overlaps: overlaps.rows.map(Number), gaps: gaps.rows.map(Number) };
      });
      baseline = { ...runs[0]!, ms: median(runs.map((r) => r.ms)), source: 'PostGIS' };
    } else {
      baseline = { ms: whole.ms, overlaps: whole.overlapAreas, gaps: whole.gapAreas, invalid: whole.invalid, source: 'GEOS whole coverage' };
    }

    const readMs = median(reads.map((r) => r.ms));
    const fullMs = median(fulls.map((f) => f.ms));
    const cliMs = median(clis.map((c) => c.ms));
    const shapefileClis = cliShapefileRuns.get(variant)!;
    const shapefileMs = median(shapefileClis.map((c) => c.ms));
    const shapefileErrors = coverageErrors(shapefileClis[0]!.issues);
    const entry: Record<string, unknown> = {
      baseParcels: parcels.length,
      readMedianMs: readMs,
      fullCheckMedianMs: fullMs,
      fullCheckRunsMs: fulls.map((f) => f.ms),
      editMedianMs: median(edits),
      editP95Ms: [...edits].sort((a, b) => a - b)[Math.ceil(0.95 * edits.length) - 1],
      cliMedianMs: cliMs,
      cliRunsMs: clis.map((c) => c.ms),
      cliExitCode: cli.code,
      baselineMs: baseline.ms,
      baselineSource: baseline.source,
      cliOverBaseline: cliMs / baseline.ms,
      cliShapefilesOnlyMedianMs: shapefileMs,
      cliShapefilesOnlyRunsMs: shapefileClis.map((c) => c.ms),
      cliShapefilesOnlyOverBaseline: shapefileMs / baseline.ms,
      cliShapefilesOnlyCoverageErrors: shapefileErrors.length,
      geosWholeCoverageMs: whole.ms,
      ours: { coverageErrors: ours.length, gapAreas: ours.filter((i) => i.rule === 'no-gap').map((i) => i.params.areaM2), overlapAreas: ours.filter((i) => i.rule === 'no-overlap').map((i) => i.params.areaM2), insideVillage: ours.filter((i) => i.rule === 'inside-village').length },
      baseline: { invalid: baseline.invalid, ...summarise(baseline.gaps, baseline.overlaps) },
      geosWhole: { invalid: whole.invalid, ...summarise(whole.gapAreas, whole.overlapAreas) },
    };
    const expectedPath = `${folder}.expected-violations.json`;
    if (variant === 'planted' && existsSync(expectedPath)) {
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as { kind: string; areaM2: number }[];
      entry.planted = expected.map((v) => ({ kind: v.kind, areaM2: Math.round(v.areaM2 * 100) / 100 }));
    }
    report[variant] = entry;
    console.log(`\n${variant} (${parcels.length} parcels)`);
    console.log(`  read the package in process: median ${formatMs(readMs)}; full check of every rule: median ${formatMs(fullMs)} (${fulls.map((f) => f.ms.toFixed(0)).join(', ')} ms)`);
    console.log(`  one edit re-checked (the worker's engine): median ${median(edits).toFixed(2)} ms, p95 ${(entry.editP95Ms as number).toFixed(2)} ms over ${edits.length} moves`);
    console.log(`  CLI end to end: median ${formatMs(cliMs)} (${clis.map((c) => c.ms.toFixed(0)).join(', ')} ms), exit ${cli.code}`);
    console.log(`  CLI on the Shapefiles alone: median ${formatMs(shapefileMs)} (${shapefileClis.map((c) => c.ms.toFixed(0)).join(', ')} ms), ${shapefileErrors.length} coverage errors`);
    console.log(`  ${baseline.source} validity + overlaps + gaps: ${formatMs(baseline.ms)} → CLI / baseline ${(cliMs / baseline.ms).toFixed(2)} (Shapefiles alone ${(shapefileMs / baseline.ms).toFixed(2)}); GEOS whole coverage in process: ${formatMs(whole.ms)}`);
    const theirs = entry.baseline as ReturnType<typeof summarise>;
    console.log(`  ours: ${ours.length} coverage errors (gaps ${JSON.stringify((entry.ours as { gapAreas: unknown[] }).gapAreas)}, overlaps ${JSON.stringify((entry.ours as { overlapAreas: unknown[] }).overlapAreas)})`);
    console.log(`  ${baseline.source}: invalid ${baseline.invalid}; ${theirs.gapsCount} gaps ≥ 0.01 m² (${theirs.gapsSumM2.toFixed(2)} m² in all; ≥ 1 m²: ${JSON.stringify(theirs.gapsOver1M2)}), ${theirs.overlapsCount} overlaps ≥ 0.01 m² (${theirs.overlapsSumM2.toFixed(2)} m²; ≥ 1 m²: ${JSON.stringify(theirs.overlapsOver1M2)})`);
    if (entry.planted) console.log(`  planted: ${JSON.stringify(entry.planted)}`);
  }
  if (!process.env.BENCH_VARIANTS || process.env.BENCH_VARIANTS.split(',').includes('districts')) report.districts = benchDistricts(postgis, RUNS);
} finally {
  postgis?.stop();
}
mkdirSync('bench/out', { recursive: true });
writeFileSync('bench/out/coverage.json', JSON.stringify(report, null, 2) + '\n');
