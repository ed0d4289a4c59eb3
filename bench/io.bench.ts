/**
 * `npm run bench:io` (issue 6): the 20,000-parcel bench plan written by our writer as a zipped GBK
 * Shapefile in EPSG:4528 (CGCS2000 3° GK zone 40), then, in the same run and on the same files:
 *  - import, ours: zip → Shapefile → lon/lat → survey mapping → plan-model base parcels with their
 *    ellipsoidal areas computed; GDAL: `ogr2ogr` Shapefile (read inside the zip) → GeoJSON reprojected
 *    to EPSG:4490;
 *  - export, ours: base parcels → Shapefile in EPSG:4528, GBK, zipped; GDAL: that GeoJSON → Shapefile
 *    reprojected to EPSG:4528, CP936, written into a zip.
 * GDAL's times are wall-clock times of the ogr2ogr process (start-up included, ~30 ms). Reports medians
 * and ratios (goal ≤ 2× GDAL) and writes bench/out/io.json. Not a test: numbers, not verdicts.
 *
 * Then the import dialog's session as the io worker runs it (io/into-plan/import-session.ts): opening it
 * (the one parse, and the preview) against applying a survey-code mapping change to the parcels it holds
 * (what confirming a changed mapping costs); the file's bytes are wiped once the session is open, so
 * the change cannot have parsed them again.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureOf } from '../src/domain/features.ts';
import type { Plan } from '../src/domain/plan.ts';
import { gk } from '../src/io/crs/source-crs.ts';
import { importFiles } from '../src/io/formats/index.ts';
import { writeShapefile } from '../src/io/formats/shapefile-write.ts';
import { ImportSession } from '../src/io/into-plan/import-session.ts';
import { importSurvey, type SurveyParcel } from '../src/io/survey/survey-import.ts';
import { surveyLayerFromParcels } from '../src/io/survey/survey-layer.ts';
import { writeZip } from '../src/io/zip/zip-write.ts';
import { benchPlanPath, formatMs, median } from './support.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const OUT = resolve('.tmp/bench-io');
const ZONE_40 = gk({ zone: 40, zonePrefix: true });

function exportZip(parcels: readonly FeatureOf<'base'>[]): Uint8Array {
  const files = writeShapefile(surveyLayerFromParcels(parcels), { crs: ZONE_40, encoding: 'gbk' });
  if (!files.ok) throw new Error(`export failed: ${files.error.key}`);
  return writeZip(files.value);
}

function importZip(bytes: Uint8Array): SurveyParcel[] {
  const layers = importFiles([{ name: 'DLTB.zip', bytes }]);
  if (!layers.ok) throw new Error(`import failed: ${layers.error.key} ${JSON.stringify(layers.error.params)}`);
  const survey = importSurvey(layers.value[0]!);
  if (!survey.ok) throw new Error(`survey mapping failed: ${survey.error.key}`);
  return [...survey.value.parcels];
}

/**
 * The session opened on a copy of the zip (the one parse), the copy then wiped so nothing can read it
 * again, then the first survey code mapped to another class.
 */
function sessionRun(bytes: Uint8Array): { openMs: number; applyMs: number } {
  const copy = bytes.slice();
  const opened = timed(() => ImportSession.open([{ name: 'DLTB.zip', bytes: copy }], {}));
  if (!opened.value.ok) throw new Error(`import failed: ${opened.value.error.key}`);
  copy.fill(0);
  const session = opened.value.value;
  const { summary } = session;
  const row = summary.kind === 'layer' ? summary.preview.survey?.preview[0] : undefined;
  if (!row) throw new Error('not a survey');
  const classCode = row.classCode === '111' ? '112' : '111';
  const applied = timed(() => session.apply({ choices: [{ surveyCode: row.surveyCode, where: row.where, classCode }] }));
  const parcels = session.parcels(0, applied.value.survey?.parcelCount ?? 0).filter((p) => p.properties.surveyCode === row.surveyCode);
  if (parcels.length === 0 || parcels.some((p) => p.properties.classCode !== classCode)) throw new Error('the mapping change did not reach the parcels');
  return { openMs: opened.ms, applyMs: applied.ms };
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

function ogr2ogr(args: string[]): number {
  const start = performance.now();
  const run = spawnSync('ogr2ogr', args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`ogr2ogr ${args.join(' ')}: ${run.stderr}`);
  return ms;
}

function main(): void {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const plan = JSON.parse(readFileSync(benchPlanPath(20000), 'utf8')) as Plan;
  const parcels = Object.values(plan.layers.base);
  const input = join(OUT, 'DLTB.zip');
  writeFileSync(input, exportZip(parcels));
  const inputBytes = new Uint8Array(readFileSync(input));
  const vertices = parcels.reduce((n, p) => n + (p.geometry.type === 'Polygon' ? [p.geometry.coordinates] : p.geometry.coordinates).flat().reduce((m, r) => m + r.length, 0), 0);
  console.log(`input: ${parcels.length} parcels, ${vertices} vertices, ${(inputBytes.length / 1e6).toFixed(1)} MB zipped Shapefile (EPSG:4528, GBK)`);

  const ours = { importMs: [] as number[], exportMs: [] as number[] };
  const gdal = { importMs: [] as number[], exportMs: [] as number[] };
  const geojson = join(OUT, 'gdal.geojson');
  // GDAL writes a zipped Shapefile directly when the name ends in .shp.zip (since GDAL 3.1).
  const gdalZip = join(OUT, 'DLTB.shp.zip');
  // One warm-up of each (JIT, file cache), then RUNS measured rounds, ours and GDAL alternating.
  for (let run = -1; run < RUNS; run++) {
    const imported = timed(() => importZip(inputBytes));
    const exported = timed(() => exportZip(imported.value.map((p) => p.feature)));
    rmSync(geojson, { force: true });
    const gdalImport = ogr2ogr(['-f', 'GeoJSON', geojson, `/vsizip/${input}/DLTB.shp`, '-t_srs', 'EPSG:4490']);
    rmSync(gdalZip, { force: true });
    const gdalExport = ogr2ogr(['-f', 'ESRI Shapefile', gdalZip, geojson, '-t_srs', 'EPSG:4528', '-lco', 'ENCODING=CP936', '-nln', 'DLTB']);
    if (run < 0) {
      if (imported.value.length !== parcels.length) throw new Error(`imported ${imported.value.length} of ${parcels.length} parcels`);
      continue;
    }
    ours.importMs.push(imported.ms);
    ours.exportMs.push(exported.ms);
    gdal.importMs.push(gdalImport);
    gdal.exportMs.push(gdalExport);
  }
  const sessions = { openMs: [] as number[], applyMs: [] as number[] };
  for (let run = -1; run < RUNS; run++) {
    const { openMs, applyMs } = sessionRun(inputBytes);
    if (run < 0) continue;
    sessions.openMs.push(openMs);
    sessions.applyMs.push(applyMs);
  }
  const result = {
    date: new Date().toISOString().slice(0, 10),
    parcels: parcels.length,
    vertices,
    inputBytes: statSync(input).size,
    runs: RUNS,
    import: { oursMs: median(ours.importMs), gdalMs: median(gdal.importMs), ratio: median(ours.importMs) / median(gdal.importMs) },
    export: { oursMs: median(ours.exportMs), gdalMs: median(gdal.exportMs), ratio: median(ours.exportMs) / median(gdal.exportMs) },
    importSession: { openMs: median(sessions.openMs), mappingChangeMs: median(sessions.applyMs), parsesPerImport: 1 },
    samples: { ours, gdal, sessions },
  };
  console.log(`import  ours ${formatMs(result.import.oursMs)}  GDAL ${formatMs(result.import.gdalMs)}  ratio ${result.import.ratio.toFixed(2)} (goal ≤ 2)`);
  console.log(`export  ours ${formatMs(result.export.oursMs)}  GDAL ${formatMs(result.export.gdalMs)}  ratio ${result.export.ratio.toFixed(2)} (goal ≤ 2)`);
  console.log(`import session  open (the one parse + preview) ${formatMs(result.importSession.openMs)}  a mapping change applied to the held parcels ${formatMs(result.importSession.mappingChangeMs)}  parses per import: 1 (the file's bytes wiped once the session is open)`);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/io.json', JSON.stringify(result, null, 2));
}

main();
