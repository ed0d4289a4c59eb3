/**
 * `npx tsx bench/package-read.bench.ts`: reading a provincial delivery package folder, as
 * `village-plan check <folder>` does (io/package/read-folder.ts → reconstruct.ts → a Plan). The bench plan
 * of BENCH_PARCELS parcels (24,000 by default; generated when missing) is exported once with the editor's
 * writer into .tmp/bench-package/, then, in one process and on the same files:
 *  - as the CLI does it: in a fresh process each (nothing compiled, the heap empty), `readPackageFolder`
 *    (file reads, UTF-8 check, JSON, structure checks, the plan rebuilt with its joins and look-ups) and
 *    then `fullCheck` of the plan read (every rule and the tables), so reading is set against what it serves;
 *  - warm, in this process: our read alternating with the floor, UTF-8 decoding and `JSON.parse` of the same
 *    layer files and nothing else (what any reader pays);
 *  - GDAL: `ogr2ogr -f Memory` of each of those layer files (wall clock of the processes, start-up included);
 *  - the stages of our read (per-layer GeoJSON read from bytes in memory, and reconstruct), so a regression
 *    names its stage.
 * Medians (after a warm-up in this process) and the load average, since the machine is shared; writes
 * bench/out/package-read.json. Not a test: numbers, not verdicts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createI18n } from '../src/i18n/index.ts';
import { parsePlanText } from '../src/domain/plan-file.ts';
import { readGeoJsonLayer } from '../src/io/package/geojson-layer.ts';
import { layerNameOf, PACKAGE_LAYER_NAMES, type PackageLayers } from '../src/io/package/package-layers.ts';
import { readPackageFolder } from '../src/io/package/read-folder.ts';
import { reconstructPlan } from '../src/io/package/reconstruct.ts';
import { rowsUsed } from '../src/io/package/rows-used.ts';
import { writeDelivery } from '../src/io/package/write-delivery.ts';
import { loadGeos } from '../src/geo/geos/geos-module.ts';
import { fullCheck, RuleEngine } from '../src/rules/engine.ts';
import { benchPlanPath, formatMs, median } from './support.ts';

const PARCELS = Number(process.env.BENCH_PARCELS ?? 24000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const GDAL_RUNS = Number(process.env.BENCH_GDAL_RUNS ?? 3);
const FOLDER = resolve(`.tmp/bench-package/pkg-${PARCELS}`);

async function ensurePackage(): Promise<void> {
  if (existsSync(join(FOLDER, '5.电子数据说明', 'manifest.json'))) return;
  const parsed = parsePlanText(readFileSync(benchPlanPath(PARCELS), 'utf8'));
  if (!parsed.ok) throw new Error(`bench plan unreadable: ${parsed.error.key}`);
  const zh = createI18n('zh-CN');
  const delivery = await writeDelivery(new RuleEngine(parsed.value).checkState, { t: (key, params) => zh.t(key, params ?? {}), encoding: 'gbk' });
  if (!delivery.ok) throw new Error(`export failed: ${delivery.error.key}`);
  for (const file of delivery.value.files) {
    const path = join(FOLDER, file.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
  }
}

/** The GeoJSON files the reader takes (one per package layer), as read-folder finds them. */
function layerFiles(): { name: NonNullable<ReturnType<typeof layerNameOf>>; path: string }[] {
  const dir = join(FOLDER, '3.规划图形数据', 'GeoJSON');
  return readdirSync(dir).flatMap((file) => {
    const name = layerNameOf(file);
    return name ? [{ name, path: join(dir, file) }] : [];
  });
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

function gdalMs(paths: readonly string[]): number {
  let total = 0;
  for (const path of paths) {
    const start = performance.now();
    const run = spawnSync('ogr2ogr', ['-f', 'Memory', 'mem', path], { encoding: 'utf8' });
    total += performance.now() - start;
    if (run.status !== 0) throw new Error(`ogr2ogr ${path}: ${run.stderr}`);
  }
  return total;
}

/** In a fresh process (`--cold`): read the package and check it, as `village-plan check` does; prints both times. */
async function cold(folder: string): Promise<void> {
  const read = timed(() => readPackageFolder(folder));
  if (!read.value.ok) throw new Error(`package unreadable: ${read.value.error.key}`);
  await loadGeos();
  const plan = read.value.value.plan;
  const check = timed(() => fullCheck(plan));
  process.stdout.write(JSON.stringify({ readMs: read.ms, checkMs: check.ms, parcels: Object.keys(plan.layers.base).length }));
}

function coldRun(): { readMs: number; checkMs: number; parcels: number } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/package-read.bench.ts', '--cold', FOLDER], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cold run: ${run.stderr}`);
  return JSON.parse(run.stdout) as { readMs: number; checkMs: number; parcels: number };
}

async function main(): Promise<void> {
  await ensurePackage();
  const files = layerFiles();
  const colds = Array.from({ length: COLD_RUNS }, coldRun);

  // Warm: ours and the floor alternating; nothing kept from one run to the next.
  const warm = { readMs: [] as number[], floorMs: [] as number[] };
  for (let run = -1; run < RUNS; run++) {
    const read = timed(() => readPackageFolder(FOLDER).ok);
    if (!read.value) throw new Error('package unreadable');
    const floor = timed(() => files.map((f) => JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(f.path))) as unknown).length);
    if (run < 0) continue;
    warm.readMs.push(read.ms);
    warm.floorMs.push(floor.ms);
  }

  // Stages, as read-folder does them: each layer from bytes already in memory (in the package's layer order,
  // keeping the rows the plan uses), then reconstruct on those layers.
  const stageMs: Record<string, number[]> = {};
  for (let run = -1; run < RUNS; run++) {
    const layers: PackageLayers = {};
    for (const name of PACKAGE_LAYER_NAMES) {
      const f = files.find((file) => file.name === name);
      if (!f) continue;
      const bytes = readFileSync(f.path);
      const parsed = timed(() => readGeoJsonLayer(name, f.path, bytes, rowsUsed(name, { layers })));
      if (!parsed.value.ok) throw new Error(`${name}: ${parsed.value.error.key}`);
      layers[name] = parsed.value.value;
      if (run >= 0) (stageMs[`read ${name}`] ??= []).push(parsed.ms);
    }
    const rebuilt = timed(() => reconstructPlan(layers));
    if (run >= 0) (stageMs.reconstruct ??= []).push(rebuilt.ms);
  }

  const hasGdal = spawnSync('ogr2ogr', ['--version']).status === 0;
  const gdal = hasGdal ? Array.from({ length: GDAL_RUNS }, () => gdalMs(files.map((f) => f.path))) : [];

  const result = {
    date: new Date().toISOString().slice(0, 10),
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    parcels: colds[0]?.parcels,
    bytes: files.reduce((n, f) => n + readFileSync(f.path).length, 0),
    cold: { readMs: median(colds.map((c) => c.readMs)), checkMs: median(colds.map((c) => c.checkMs)), runs: COLD_RUNS },
    warm: { readMs: median(warm.readMs), floorMs: median(warm.floorMs), runs: RUNS },
    gdalMs: hasGdal ? median(gdal) : null,
    stages: Object.fromEntries(Object.entries(stageMs).map(([k, v]) => [k, median(v)])),
    samples: { colds, warm, gdal, stageMs },
  };
  const share = result.cold.readMs / (result.cold.readMs + result.cold.checkMs);
  console.log(`package: ${result.parcels} base parcels, ${files.length} GeoJSON layers, ${(result.bytes / 1e6).toFixed(1)} MB (${FOLDER})`);
  console.log(`as the CLI (fresh process): read ${formatMs(result.cold.readMs)}, check ${formatMs(result.cold.checkMs)}: read / check ${(result.cold.readMs / result.cold.checkMs).toFixed(2)}, ${(100 * share).toFixed(0)} % of read + check`);
  console.log(`warm: read ${formatMs(result.warm.readMs)}, floor (decode + JSON.parse) ${formatMs(result.warm.floorMs)}: ratio ${(result.warm.readMs / result.warm.floorMs).toFixed(2)}`);
  if (result.gdalMs !== null) console.log(`GDAL ogr2ogr -f Memory of the same files ${formatMs(result.gdalMs)}: ours (warm) / GDAL ${(result.warm.readMs / result.gdalMs).toFixed(2)}`);
  console.log(`stages (warm): ${Object.entries(result.stages).map(([k, v]) => `${k} ${formatMs(v)}`).join(', ')}`);
  console.log(`load average at the end: ${result.loadAverage.join(' ')} (2 cores)`);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/package-read.json', JSON.stringify(result, null, 2));
}

if (process.argv[2] === '--cold') await cold(process.argv[3] as string);
else await main();
