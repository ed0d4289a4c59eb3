/**
 * Command-line arguments of `scripts/generate-sample.ts`. The defaults are the committed sample's
 * recorded arguments: `npm run sample` with no arguments regenerates `samples/sample-village.plan.json`,
 * and a test checks that the file still equals that output.
 */
export interface CliOptions {
  readonly seed: number;
  readonly parcels: number;
  readonly out: string;
}

export const COMMITTED_SAMPLE: CliOptions = { seed: 2017, parcels: 2000, out: 'samples/sample-village.plan.json' };

export const USAGE = 'usage: tsx scripts/generate-sample.ts [--seed 2017] [--parcels 2000] [--out samples/sample-village.plan.json]';

/** Parses `--name value` and `--name=value`; errors name the offending argument. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  const values = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    const match = /^--(seed|parcels|out)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg}\n${USAGE}`);
    const value = match[2] ?? argv[++k];
    if (value === undefined) throw new Error(`missing value for --${match[1]}\n${USAGE}`);
    values.set(match[1]!, value);
  }
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}, not ${raw}`);
    return n;
  };
  return {
    seed: integer('seed', COMMITTED_SAMPLE.seed, 0, 2 ** 31 - 1),
    parcels: integer('parcels', COMMITTED_SAMPLE.parcels, 500, 100_000),
    out: values.get('out') ?? COMMITTED_SAMPLE.out,
  };
}
