/**
 * Writes the 2026 sample village, a `zhejiang-2026` village planning database made from the 2017 sample
 * generator's plan (see docs/sample-village.md):
 *   npx tsx scripts/generate-sample-2026.ts [--seed 2017] [--parcels 2000] [--out samples/sample-village-2026.database.json]
 * Same seed and parcel count give a byte-identical file. It prints the layers' counts and the checks' findings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { serialiseVillageDatabase } from '../src/io/village-database/database-file.ts';
import { checkDatabase } from '../src/rules/ydyh/index.ts';
import { generateVillagePlan } from './sample/generate.ts';
import { parseCliOptions } from './sample/options.ts';
import { SAMPLE_2026_OUT, villageDatabaseFromPlan } from './sample/village-2026.ts';

function main(): void {
  const argv = process.argv.slice(2);
  const options = parseCliOptions(argv.some((arg) => arg.startsWith('--out')) ? argv : [...argv, '--out', SAMPLE_2026_OUT]);
  const started = performance.now();
  const db = villageDatabaseFromPlan(generateVillagePlan(options));
  const text = serialiseVillageDatabase(db);
  const seconds = (performance.now() - started) / 1000;
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, text);
  console.log(`${options.out}: seed ${options.seed}, ${options.parcels} parcels wanted, ${Buffer.byteLength(text).toLocaleString('en')} bytes, ${seconds.toFixed(1)} s`);
  for (const layer of Object.values(db.layers)) console.log(`  ${layer.name}: ${layer.features.length}`);
  const check = checkDatabase(db);
  console.log(`checks: ${check.summary.errors} errors, ${check.summary.warnings} warnings, ${check.summary.notChecked} not checked`);
  for (const issue of check.issues) console.log(`  ${issue.severity} ${issue.rule}: ${issue.message.key} ${JSON.stringify(issue.message.params)}`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
