/**
 * Golden tests: each plan in tests/fixtures/plans (and the sample village) gives exactly the issues in the
 * `*.issues.json` beside it. `UPDATE=1 npx vitest run tests/unit/golden.test.ts` rewrites them; review the
 * diff before committing. A missing golden fails.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Geometry, Position } from 'geojson';
import { parsePlanText } from '../../src/domain/plan-file.ts';
import { fullCheck } from '../../src/rules/engine.ts';

const DIR = 'tests/fixtures/plans/';
const CASES: [string, string][] = [
  ...readdirSync(DIR)
    .filter((f) => f.endsWith('.plan.json'))
    .sort()
    .map((f): [string, string] => [DIR + f, DIR + f.replace('.plan.json', '.issues.json')]),
  ['samples/sample-village.plan.json', `${DIR}sample-village.issues.json`],
];

/** Coordinates to 1e-9° (0.1 mm): what the files keep. */
function rounded(geometry: Geometry | undefined): unknown {
  if (!geometry) return null;
  const round = (value: unknown): unknown => (typeof value === 'number' ? Math.round(value * 1e9) / 1e9 : Array.isArray(value) ? value.map(round) : value);
  return { type: geometry.type, coordinates: round((geometry as { coordinates: Position[] }).coordinates) };
}

function issuesOf(planPath: string) {
  const parsed = parsePlanText(readFileSync(planPath, 'utf8'));
  if (!parsed.ok) throw new Error(`${planPath}: ${parsed.error.key}`);
  const result = fullCheck(parsed.value);
  const issues = result.issues.map((i) => ({
    rule: i.rule,
    severity: i.severity,
    layer: i.layer ?? null,
    features: i.features,
    message: i.message,
    key: i.key,
    notChecked: i.severity === 'notChecked',
    justified: i.justification !== undefined,
    geometry: rounded(i.geometry),
  }));
  return { summary: result.summary, issues };
}

describe('golden plans', () => {
  for (const [planPath, expectedPath] of CASES) {
    it(planPath, () => {
      const actual = JSON.parse(JSON.stringify(issuesOf(planPath)));
      if (process.env.UPDATE) writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
      // A missing golden is a failure, not a first run: write it with UPDATE=1 and review it.
      expect(existsSync(expectedPath), `${expectedPath} is missing: run UPDATE=1 and review it`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    }, 60_000);
  }
});
