/**
 * A sample village shaped like real data, as a plan file and as the provincial delivery package the CLI
 * reads (see scripts/sample/real-looking.ts):
 *   npx tsx scripts/real-looking-package.ts [--parcels 24000] [--seed 2017] [--variant clipped|jittered|planted|misaligned]
 *     [--edges 32] [--out samples/generated/real-<variant>-<parcels>]
 * writes <out>.plan.json, the package folder <out>/ and, for `planted`, <out>.expected-violations.json
 * (beside the package, not in it: the package's manifest lists every file it holds).
 * Variants build on each other: clipped; jittered = clipped + jitter; planted = jittered + planted gaps/overlaps;
 * misaligned = clipped, with the village boundary then moved by a 4-parameter transform (another survey's XZQ).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serialisePlan } from '../src/domain/plan-file.ts';
import type { Plan } from '../src/domain/plan.ts';
import { loadGeos } from '../src/geo/geos/geos-module.ts';
import { createI18n } from '../src/i18n/index.ts';
import { writeDelivery } from '../src/io/package/write-delivery.ts';
import { CheckState } from '../src/rules/context.ts';
import type { Translate } from '../src/rules/render.ts';
import { generateVillagePlan } from './sample/generate.ts';
import { clipToSeparateBoundary, jitterVertices, misalignBoundary, plantViolations, type ExpectedViolation } from './sample/real-looking.ts';

const VARIANTS = ['clipped', 'jittered', 'planted', 'misaligned'] as const;
type Variant = (typeof VARIANTS)[number];

interface Options {
  readonly parcels: number;
  readonly seed: number;
  readonly variant: Variant;
  readonly edges: number;
  readonly out: string;
}

const USAGE = 'usage: tsx scripts/real-looking-package.ts [--parcels 24000] [--seed 2017] [--variant clipped|jittered|planted|misaligned] [--edges 32] [--out folder]';
/** The DBF date of the package, fixed so the same arguments write the same bytes. */
const PACKAGE_DATE = new Date(Date.UTC(2020, 0, 1));

function parseOptions(argv: readonly string[]): Options {
  const values = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const match = /^--(parcels|seed|variant|edges|out)(?:=(.*))?$/.exec(argv[k]!);
    if (!match) throw new Error(`unknown argument ${argv[k]}\n${USAGE}`);
    const value = match[2] ?? argv[++k];
    if (value === undefined) throw new Error(`missing value for --${match[1]}\n${USAGE}`);
    values.set(match[1]!, value);
  }
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = values.get(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}, not ${raw}`);
    return n;
  };
  const variant = values.get('variant') ?? 'planted';
  if (!(VARIANTS as readonly string[]).includes(variant)) throw new Error(`--variant must be one of ${VARIANTS.join(', ')}, not ${variant}`);
  const parcels = integer('parcels', 24000, 500, 100_000);
  return {
    parcels,
    seed: integer('seed', 2017, 0, 2 ** 31 - 1),
    variant: variant as Variant,
    edges: integer('edges', 32, 4, 10_000),
    out: values.get('out') ?? join('samples', 'generated', `real-${variant}-${parcels}`),
  };
}

function timed<T>(label: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function makePlan(options: Options): { plan: Plan; violations: readonly ExpectedViolation[] } {
  const { seed } = options;
  const generated = timed(`generate ${options.parcels} parcels`, () => generateVillagePlan({ seed, parcels: options.parcels }));
  const clipped = timed('clip to a separate boundary', () => clipToSeparateBoundary(generated, { seed, edges: options.edges }));
  console.log(`   ${JSON.stringify(clipped.report)}`);
  if (options.variant === 'clipped') return { plan: clipped.plan, violations: [] };
  if (options.variant === 'misaligned') return { plan: timed('move the boundary', () => misalignBoundary(clipped.plan)), violations: [] };
  const jittered = timed('jitter vertices', () => jitterVertices(clipped.plan, { seed }));
  console.log(`   ${JSON.stringify(jittered.report)}`);
  if (options.variant === 'jittered') return { plan: jittered.plan, violations: [] };
  return timed('plant gaps and overlaps', () => plantViolations(jittered.plan, { seed }));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const { plan, violations } = makePlan(options);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(`${options.out}.plan.json`, serialisePlan(plan));
  if (options.variant === 'planted') {
    writeFileSync(`${options.out}.expected-violations.json`, JSON.stringify(violations, null, 2) + '\n');
    for (const v of violations) console.log(`   ${v.kind} ${v.featureIds.join(' / ')}: ${v.areaM2.toFixed(2)} m², ${v.depthMetres.toFixed(2)} m deep`);
  }

  // As `village-plan export` does (src/cli/export.ts), in-process; the package's text is always Chinese.
  await loadGeos();
  const chinese = createI18n('zh-CN');
  const t: Translate = (key, params) => chinese.t(key, params ?? {});
  const state = timed('derive the plan', () => CheckState.build(plan));
  const packageStarted = performance.now();
  const delivery = await writeDelivery(state, { t, encoding: 'gbk', date: PACKAGE_DATE });
  if (!delivery.ok) throw new Error(`the delivery package could not be written: ${delivery.error.key} ${JSON.stringify(delivery.error.params ?? {})}`);
  for (const file of delivery.value.files) {
    const path = join(options.out, file.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
  }
  console.log(`write the package: ${((performance.now() - packageStarted) / 1000).toFixed(1)} s (${delivery.value.files.length} files, ${delivery.value.manifest.crs.shapefile.name})`);
  console.log(`${options.out}.plan.json and ${options.out}/: ${options.variant}, seed ${options.seed}, ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
