/**
 * Writes a seeded sample village plan (see docs/sample-village.md):
 *   npx tsx scripts/generate-sample.ts [--seed 2017] [--parcels 2000] [--out samples/sample-village.plan.json]
 * Same seed and parcel count give a byte-identical file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateVillagePlan } from './sample/generate.ts';
import { parseCliOptions } from './sample/options.ts';
import { serialisePlan } from './sample/serialise.ts';
import { formatSummary, summarisePlan } from './sample/summary.ts';

function main(): void {
  const options = parseCliOptions(process.argv.slice(2));
  const started = performance.now();
  const plan = generateVillagePlan(options);
  const text = serialisePlan(plan);
  const seconds = (performance.now() - started) / 1000;
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, text);
  console.log(`${options.out}: seed ${options.seed}, ${options.parcels} parcels wanted, ${seconds.toFixed(1)} s`);
  console.log(formatSummary(summarisePlan(plan, Buffer.byteLength(text))));
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
