import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main.ts';
import { haOf, rect, writeLayer, writeWorkbook, type Drawn } from './village-test-support.ts';

const HOME = rect(120.1, 30.2, 120.101, 30.201);
const FIELD = rect(120.101, 30.2, 120.103, 30.201);
const ROAD = rect(120.1, 30.201, 120.103, 30.2012);

const XZQDM = '330521001001';
const parcel = (layer: 'JQ' | 'GH', geometry: Drawn['geometry'], code: string, n: number): Drawn => ({
  geometry,
  properties: { [`${layer}DLBM`]: code, BSM: `${XZQDM}${String(n).padStart(8, '0')}`, ZLDWDM: `${XZQDM}0000000` },
});

/** A village whose plan is right in its codes and totals; `planCodes` changes the plan's three codes. */
async function village(planCodes: readonly [string, string, string] = ['070301', '0103', '1207'], dropRoad = false, allocations: Readonly<Record<string, readonly (readonly [string, string | number])[]>> = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'village-check-'));
  writeLayer(dir, 'JQDLTB', ['JQDLBM', 'BSM', 'ZLDWDM'], [parcel('JQ', HOME, '070301', 1), parcel('JQ', FIELD, '0103', 2), parcel('JQ', ROAD, '1207', 3)]);
  const planned = [parcel('GH', HOME, planCodes[0], 1), parcel('GH', FIELD, planCodes[1], 2), parcel('GH', ROAD, planCodes[2], 3)];
  writeLayer(dir, 'GHDLTB', ['GHDLBM', 'BSM'], dropRoad ? planned.slice(0, 2) : planned);
  writeLayer(dir, 'GKBJ', ['GKBJLXDM', 'BSM'], [
    { geometry: HOME, properties: { GKBJLXDM: '0301', BSM: `${XZQDM}00000001` } },
    { geometry: ROAD, properties: { GKBJLXDM: '0301', BSM: `${XZQDM}00000002` } },
    { geometry: FIELD, properties: { GKBJLXDM: '0201', BSM: `${XZQDM}00000003` } },
  ]);
  await writeWorkbook(join(dir, '村庄信息.xlsx'), [['村庄名称', '浙江省湖州市德清县测试村'], ['现状人口', 120], ['规划人口', 150]], allocations);
  return dir;
}

interface Report {
  readonly issues: readonly { readonly rule: string; readonly severity: string; readonly features: readonly string[]; readonly message: string }[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly notChecked: number; readonly profile: string };
}

async function jsonCheck(args: readonly string[]): Promise<{ code: number; stderr: string; report: Report }> {
  const out = await runCli(['check', '--profile', 'zhejiang-2026', ...args, '--format', 'json']);
  return { code: out.code, stderr: out.stderr, report: out.stdout ? (JSON.parse(out.stdout) as Report) : { issues: [], summary: { errors: -1, warnings: -1, notChecked: -1, profile: '' } } };
}

const errorsOf = (report: Report) => report.issues.filter((i) => i.severity === 'error');

describe('village-plan check --profile zhejiang-2026', () => {
  it('finds no error in a plan whose codes, totals, BSM and boundary are right', async () => {
    const { code, report, stderr } = await jsonCheck([await village()]);
    expect(errorsOf(report), stderr).toEqual([]);
    expect(code).toBe(0);
    expect(report.summary.profile).toBe('zhejiang-2026');
  });

  it('reports a wrong code, a 2020 code in a 2023 database and unequal totals, with the parcels, and exits 1', async () => {
    const { code, report } = await jsonCheck([await village(['0799', '0103', '1313'], false)]);
    expect(code).toBe(1);
    const rules = new Set(errorsOf(report).map((i) => i.rule));
    expect(rules).toContain('ydyh-code-valid');
    expect(rules).toContain('ydyh-edition-declared');
    const invalid = errorsOf(report).find((i) => i.rule === 'ydyh-code-valid');
    expect(invalid?.features.some((ref) => ref.startsWith('GHDLTB#'))).toBe(true);

    const short = await jsonCheck([await village(undefined, true)]);
    expect(short.code).toBe(1);
    expect(errorsOf(short.report).map((i) => i.rule)).toContain('totals-equal');
  });

  it('reads the database as 2020 when told: 1313 is then a code of its edition, and 1207 (2023 only) is the error', async () => {
    const as2023 = await jsonCheck([await village(['070301', '0103', '1313'])]);
    const edition = (report: Report) => errorsOf(report).filter((i) => i.rule === 'ydyh-edition-declared').map((i) => i.message).join('\n');
    expect(edition(as2023.report)).toContain('1313');
    const as2020 = await jsonCheck([await village(['070301', '0103', '1313']), '--edition', '2020']);
    expect(edition(as2020.report)).not.toContain('1313');
    expect(edition(as2020.report)).toContain('1207');
  });

  it('prints a text report with the header and one line per finding, in English with --lang en', async () => {
    const dir = await village(['0799', '0103', '1207']);
    const zh = await runCli(['check', '--profile', 'zhejiang-2026', dir]);
    expect(zh.stdout.split('\n')[0]).toMatch(/^浙江省湖州市德清县测试村（村庄规划数据库，zhejiang-2026）：[1-9]\d* 个错误/);
    expect(zh.stdout).toMatch(/ydyh-code-valid .*GHDLTB#/);
    const en = await runCli(['check', '--profile', 'zhejiang-2026', dir, '--lang', 'en']);
    expect(en.stdout.split('\n')[0]).toMatch(/\(village planning database, zhejiang-2026\): [1-9]\d* error\(s\)/);
  });

  it('with --strict, exits 1 when a check could not run (no permanent basic farmland or red line here)', async () => {
    const dir = await village();
    const plain = await jsonCheck([dir]);
    expect(plain.report.summary.notChecked + plain.report.summary.warnings).toBeGreaterThan(0);
    const strict = await runCli(['check', '--profile', 'zhejiang-2026', dir, '--strict']);
    expect(strict.code).toBe(plain.report.summary.notChecked > 0 ? 1 : 0);
  });

  it('compares the binding indicators with the 上级下达 sheet: too little 耕地 is an error, an unknown row a note', async () => {
    const fieldHa = haOf(FIELD);
    const dir = await village(undefined, false, {
      上级下达: [
        ['9. 耕地保有量（公顷）', (fieldHa + 0.5).toFixed(4)],
        ['村域建设用地总面积', '100 公顷'],
        ['不存在的指标', 3],
      ],
    });
    const { report, stderr } = await jsonCheck([dir]);
    const binding = report.issues.filter((i) => i.rule === 'binding-indicators');
    expect(binding.filter((i) => i.severity === 'error').map((i) => i.message).join()).toContain('耕地保有量');
    expect(binding.some((i) => i.severity === 'notChecked' && i.message.includes('村域建设用地总面积'))).toBe(false);
    expect(stderr).toContain('“不存在的指标 | 3”不是已知指标及其数值，未采用');
  });

  it('exits 2 with the reason for a missing folder, a bad --edition and --township', async () => {
    const missing = await runCli(['check', '--profile', 'zhejiang-2026', join(tmpdir(), 'no-such-village-db')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-village-db');
    expect((await runCli(['check', '--profile', 'zhejiang-2026', '.', '--edition', '2021'])).code).toBe(2);
    expect((await runCli(['check', '--profile', 'zhejiang-2026', '.', '--township', 'x.json'])).code).toBe(2);
  });
});
