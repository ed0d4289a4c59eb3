/** "Not checked" is its own outcome: listed with what is missing, never an error unless --strict asks. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main.ts';

/** Errors and eleven checks without their input. */
const MISSING_INPUTS = 'tests/fixtures/plans/missing-inputs.plan.json';

/** The compliant sample without the township's cultivated land task and the population: no error, two not checked. */
function sampleWithoutInputs(): string {
  const plan = JSON.parse(readFileSync('samples/sample-village.plan.json', 'utf8')) as { meta: { quotas: Record<string, unknown>; population: unknown } };
  plan.meta.quotas.cultivatedLand = null;
  plan.meta.population = null;
  const path = join(mkdtempSync(join(tmpdir(), 'not-checked-')), 'sample.plan.json');
  writeFileSync(path, JSON.stringify(plan));
  return path;
}

describe('rules not checked for lack of input', () => {
  it('exit 0 when nothing is an error, the report ending with what was not checked and why', async () => {
    const out = await runCli(['check', sampleWithoutInputs()]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('0 个错误');
    const last = out.stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toBe('未检查 2 项：缺少乡级规划下达的耕地保有量任务；缺少村域人口。');
    const withErrors = (await runCli(['check', MISSING_INPUTS])).stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(withErrors).toMatch(/^未检查 11 项：/);
    expect(withErrors).toContain('建新地块 JX001 未填写户数');
    expect(withErrors).not.toContain('。；');
    expect(withErrors).not.toMatch(/[。.] \(\+/);
  });

  it('never reports one as an error in JSON: its severity is notChecked', async () => {
    const out = await runCli(['check', MISSING_INPUTS, '--format', 'json']);
    const report = JSON.parse(out.stdout) as { issues: { severity: string; notChecked: boolean }[]; summary: { errors: number; notChecked: number } };
    const notChecked = report.issues.filter((i) => i.notChecked);
    expect(notChecked).toHaveLength(11);
    expect(new Set(notChecked.map((i) => i.severity))).toEqual(new Set(['notChecked']));
    expect(report.summary).toMatchObject({ errors: 2, notChecked: 11 });
  });

  it('--strict counts them as errors (exit 1); a plan with every input passes --strict', async () => {
    const withoutInputs = sampleWithoutInputs();
    expect((await runCli(['check', withoutInputs, '--strict'])).code).toBe(1);
    expect((await runCli(['check', '--strict', withoutInputs, '--lang', 'en'])).stdout).toMatch(/2 not checked: missing the township’s cultivated land task; missing the village population\.\n$/);
    expect((await runCli(['check', 'samples/sample-village.plan.json', '--strict'])).code).toBe(0);
    expect((await runCli(['tables', MISSING_INPUTS, '--strict'])).code).toBe(2);
  });
});
