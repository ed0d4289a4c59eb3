/**
 * `npm run bench:database`: the 2026 database checks (rules/ydyh) as the database worker runs them, on the
 * 2026 sample and on a real-looking database (the generator's village clipped to a separately drawn boundary,
 * every vertex moved by ±0.3 mm, converted as the sample is; BENCH_DB_PARCELS parcels, 20,000 by default),
 * and on that database with its CJDCQ from another survey (0.3 m east of the parcels all round: the coverage
 * rules clip the corridor along it, rules/cluster-corridor.ts), its edits made on the corridor's parcels.
 * For each, in one process: the full check of a database never seen (the baseline: every balance built,
 * every cluster clipped), then the check after one edit of the held database (a parcel reclassified; a
 * change drawn over a few parcels), all rules and the coverage rules alone. Medians; the ratio is edit ÷ full.
 * Writes bench/out/database-check.json. Numbers, not verdicts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { generateVillagePlan } from '../scripts/sample/generate.ts';
import { misalignBoundary } from '../scripts/sample/misalign-boundary.ts';
import { clipToSeparateBoundary, jitterVertices } from '../scripts/sample/real-looking.ts';
import { villageDatabaseFromPlan } from '../scripts/sample/village-2026.ts';
import { applyEdit } from '../src/commands/village-database/database-edit.ts';
import { drawOverPlan } from '../src/commands/village-database/draw-over-plan.command.ts';
import { reclassify } from '../src/commands/village-database/reclassify.command.ts';
import { geometryBBox } from '../src/geo/bbox.ts';
import { loadGeos } from '../src/geo/geos/geos-module.ts';
import { parseVillageDatabaseText } from '../src/io/village-database/database-file.ts';
import type { VillageDatabase } from '../src/profiles/zhejiang-2026/village-database.ts';
import { PARTITION_LAYERS } from '../src/profiles/zhejiang-2026/coverage.ts';
import { layerCoverage, prepareCoverageForEdits } from '../src/rules/ydyh/database-coverage.ts';
import { checkDatabase, DATABASE_RULES } from '../src/rules/ydyh/index.ts';
import { formatMs, median } from './support.ts';

const PARCELS = Number(process.env.BENCH_DB_PARCELS ?? 20000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COVERAGE_RULES = DATABASE_RULES.filter((rule) => ['geometry-valid', 'no-overlap', 'no-gap'].includes(rule.id));

/** The same database in new objects: the checks' kept balances cannot recognise any of it. */
const unseen = (db: VillageDatabase): VillageDatabase => structuredClone(db);

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** A 30 m square drawn at the middle of the n-th planned parcel, as 绘制改地类 would. */
function squareAt(db: VillageDatabase, n: number): Polygon {
  const parcel = db.layers.GHDLTB?.features[n];
  if (!parcel?.geometry) throw new Error('no parcel');
  const [w, s, e, north] = geometryBBox(parcel.geometry);
  const [x, y] = [(w + e) / 2, (s + north) / 2];
  const d = 15 / 111_000;
  return { type: 'Polygon', coordinates: [[[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]]] };
}

/** The planned parcels (indices into GHDLTB) of the corridor along a CJDCQ off all round. */
function corridorParcels(db: VillageDatabase): number[] {
  const corridor = layerCoverage(db, PARTITION_LAYERS.find((p) => p.layer === 'GHDLTB')!)?.clusters.find((c) => c.corridor);
  if (!corridor) throw new Error('no corridor along the misaligned CJDCQ');
  const refs = new Set(corridor.features.map((f) => f.feature.ref));
  return (db.layers.GHDLTB?.features ?? []).flatMap((f, i) => (refs.has(f.ref) ? [i] : []));
}

/** Edits the held database's parcels at `targets` (indices into GHDLTB), or at parcels spread over the village. */
function measure(name: string, db: VillageDatabase, targets?: readonly number[]) {
  const full = Array.from({ length: RUNS }, () => time(() => checkDatabase(unseen(db))));
  let held = db;
  checkDatabase(held);
  // As the database worker does once its first check is posted: the edit index off the first edit.
  prepareCoverageForEdits();
  const edits: Record<string, { all: number[]; coverage: number[] }> = { reclassify: { all: [], coverage: [] }, draw: { all: [], coverage: [] } };
  const parcels = held.layers.GHDLTB?.features ?? [];
  for (let i = 0; i < RUNS; i++) {
    const at = (step: number) => (targets ? (targets[(i * step) % targets.length] as number) : (i * step) % parcels.length);
    const target = parcels[at(97)];
    const steps = {
      reclassify: reclassify(held, target ? [target.ref] : [], i % 2 ? '0101' : '0103'),
      draw: drawOverPlan(held, squareAt(held, at(131)), '1207'),
    };
    for (const [kind, made] of Object.entries(steps)) {
      if (!made.ok) throw new Error(`${kind}: ${made.error.key}`);
      held = applyEdit(held, made.value, 'forward');
      const times = edits[kind]!;
      times.coverage.push(time(() => checkDatabase(held, COVERAGE_RULES)));
      held = applyEdit(held, made.value, 'back');
      checkDatabase(held);
      held = applyEdit(held, made.value, 'forward');
      times.all.push(time(() => checkDatabase(held)));
    }
  }
  const result = {
    name,
    parcels: parcels.length,
    fullMs: median(full),
    edits: Object.fromEntries(Object.entries(edits).map(([kind, t]) => [kind, { allMs: median(t.all), coverageMs: median(t.coverage), ratio: median(t.all) / median(full) }])),
  };
  console.log(`${name} (${result.parcels} parcels): full check ${formatMs(result.fullMs)}`);
  for (const [kind, e] of Object.entries(result.edits)) console.log(`  after one ${kind}: all rules ${formatMs(e.allMs)} (${(e.ratio * 100).toFixed(1)} % of full), coverage rules ${e.coverageMs.toFixed(1)} ms`);
  return result;
}

await loadGeos();
const sample = parseVillageDatabaseText(readFileSync('samples/sample-village-2026.database.json', 'utf8'), 'sample-village-2026.database.json');
if (!sample.ok) throw new Error(sample.error.key);
const results = [measure('2026 sample', sample.value)];
const clipped = clipToSeparateBoundary(generateVillagePlan({ seed: 2026, parcels: PARCELS }), { seed: 1 }).plan;
const jittered = jitterVertices(clipped, { seed: 1 }).plan;
results.push(measure('real-looking (clipped, jittered ±0.3 mm)', villageDatabaseFromPlan(jittered)));
const misaligned = villageDatabaseFromPlan(misalignBoundary(jittered, { eastM: 0.3, northM: 0, rotationArcsec: 0, scalePpm: 0 }));
results.push(measure('real-looking, CJDCQ 0.3 m off, edits along it', misaligned, corridorParcels(misaligned)));
mkdirSync('bench/out', { recursive: true });
writeFileSync('bench/out/database-check.json', JSON.stringify(results, null, 2));
export {};
