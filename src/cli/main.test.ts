import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main.ts';

const SAMPLE = 'samples/sample-village.plan.json';
const WITH_ERRORS = 'tests/fixtures/plans/overlap-gap.plan.json';
const THIRD_PARTY = '../shared/fixtures/third-party';

describe('village-plan check', () => {
  it('exits 0 on the compliant sample, in Chinese by default', () => {
    const out = runCli(['check', SAMPLE]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('沈家埭村：0 个错误');
  });

  it('exits 1 when errors are found, with figures in the text report', () => {
    const out = runCli(['check', WITH_ERRORS, '--lang', 'en']);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/Two features of “Base-year parcels” overlap by 2,139.1 m²/);
    expect(out.stdout).toMatch(/leaves a gap of 10,695.58 m²/);
  });

  it('prints { issues, tables, summary } as JSON', () => {
    const out = runCli(['check', WITH_ERRORS, '--format', 'json']);
    const json = JSON.parse(out.stdout);
    expect(out.code).toBe(1);
    expect(json.summary).toMatchObject({ errors: 3, village: '金样村' });
    expect(json.issues[0]).toMatchObject({ rule: 'no-overlap', severity: 'error', layer: 'base', features: ['p2-2', 'p3-2'], geometry: { type: 'Polygon' } });
    expect(json.issues[0].message).toContain('重叠 2,139.1 m²');
    expect(Object.keys(json.tables)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'demolitionList', 'newBuildList', 'linkage']);
  });

  it('exits 2 naming the file and the reason for unreadable input and bad arguments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'village-cli-'));
    const notJson = join(dir, 'broken.plan.json');
    writeFileSync(notJson, '{"format": "village-plan",');
    const binary = join(dir, 'binary.plan.json');
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x81]));
    for (const [args, expected] of [
      [['check', join(dir, 'missing.json')], '文件或文件夹不存在'],
      [['check', notJson], '不是有效的 JSON'],
      [['check', binary], '不是 UTF-8'],
      [['check', dir], '没有基期地类图斑图层'],
    ] as const) {
      const out = runCli(args);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stderr).toContain(args[1]);
      expect(out.stderr).toContain(expected);
    }
    expect(runCli(['check']).code).toBe(2);
    expect(runCli(['lint', SAMPLE]).stderr).toContain('unknown command');
    expect(runCli(['check', SAMPLE, '--profile', 'hunan-2020']).stderr).toContain('hunan-2020');
  });
});

describe('village-plan tables', () => {
  it('prints CSV and JSON tables', () => {
    const csv = runCli(['tables', SAMPLE]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('F1 主要指标表');
    expect(csv.stdout).toMatch(/耕地保有量,171\.80,171\.97,0\.17,171\.28/);
    const json = JSON.parse(runCli(['tables', SAMPLE, '--format', 'json', '--lang', 'en']).stdout);
    expect(json.F2.rows.at(-1)).toMatchObject({ label: 'Total land', cells: { base: { value: 222.35 } } });
  });
});

describe('never crashes on third-party files', () => {
  const paths: string[] = [];
  const walk = (dir: string) => {
    paths.push(dir);
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else paths.push(path);
    }
  };
  if (existsSync(THIRD_PARTY)) walk(THIRD_PARTY);
  it.skipIf(paths.length === 0)('gives every file and folder a result or a clear exit 2', () => {
    for (const path of paths) {
      const out = runCli(['check', path]);
      expect([0, 1, 2], path).toContain(out.code);
      if (out.code === 2) expect(out.stderr, path).toMatch(/^无法读取 .+：.+/);
      expect(out.stderr, path).not.toMatch(/internal error|at .+\.ts:\d+/);
    }
  }, 120_000);
});

describe('the village-plan binary', () => {
  it('runs through bin/village-plan.mjs with the exit code of the check', () => {
    const run = spawnSync(process.execPath, ['bin/village-plan.mjs', 'check', WITH_ERRORS, '--lang', 'en'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('金样村: 3 error(s)');
  }, 30_000);
});
