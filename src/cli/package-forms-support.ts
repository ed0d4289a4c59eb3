/**
 * For the differential tests of `village-plan check` on one package in the forms other tools deliver it
 * (package-forms-gdal.test.ts: Shapefiles; package-geojson-forms-gdal.test.ts: GeoJSON, mixed systems):
 * the package with real findings, the check, and the findings as a reviewer compares them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { generateVillagePlan } from '../../scripts/sample/generate.ts';
import { clipToSeparateBoundary, jitterVertices, plantViolations } from '../../scripts/sample/real-looking.ts';
import { applyPatch, putFeature } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import { layerFeatures } from '../domain/plan.ts';
import { writePackageFolder, type WrittenPackage } from '../io/package/round-trip-support.ts';
import { runCli } from './main.ts';

/** The real-looking village of 500 parcels with two planted gaps, two overlaps and one parcel's TBMJ 30 m² off. */
export function plantedPlan(): Plan {
  const clipped = clipToSeparateBoundary(generateVillagePlan({ seed: 2017, parcels: 500 }), { seed: 1 }).plan;
  const planted = plantViolations(jitterVertices(clipped, { seed: 1 }).plan, { seed: 3, gaps: 2, overlaps: 2 }).plan;
  const parcel = layerFeatures(planted, 'base')[7]!;
  const wrongArea = { ...parcel, properties: { ...parcel.properties, recordedArea: 1234.56 } };
  return applyPatch(planted, { features: [putFeature(wrongArea)] }).plan;
}

export interface JsonIssue {
  rule: string;
  severity: string;
  layer: string | null;
  features: string[];
  messageKey: string;
  params: Record<string, unknown>;
}
export interface Report {
  summary: Record<string, unknown>;
  issues: JsonIssue[];
  tables: Record<string, { rows: { key: string }[] }>;
}

export async function check(input: string, options: readonly string[] = []): Promise<{ code: number; report: Report | null; stderr: string }> {
  const out = await runCli(['check', input, '--format', 'json', '--lang', 'en', ...options]);
  return { code: out.code, report: out.stdout ? (JSON.parse(out.stdout) as Report) : null, stderr: out.stderr };
}

/** A finding as a reviewer reads it: figures to 0.01 (areas in m²), everything else as it is. */
export function findings(report: Report): string[] {
  const rounded = (v: unknown): unknown => (typeof v === 'number' ? Math.round(v * 100) / 100 + 0 : Array.isArray(v) ? v.map(rounded) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)])) : v);
  return report.issues.map((i) => JSON.stringify([i.rule, i.severity, i.layer, [...i.features].sort(), i.messageKey, rounded(i.params)])).sort();
}

/**
 * The planted package written and checked once before a test file's tests, with a scratch folder for the
 * forms made of it, both removed after them. Read its fields inside tests (they are set by `beforeAll`).
 */
export interface PlantedPackage {
  readonly dir: string;
  readonly scratch: string;
  /** `check`'s report on the package as written: what every form must give. */
  readonly original: Report;
}

export function plantedPackageForTests(scratchPrefix: string): PlantedPackage {
  let pkg: WrittenPackage | undefined;
  let scratch = '';
  let original: Report | undefined;
  beforeAll(async () => {
    pkg = await writePackageFolder(plantedPlan());
    scratch = mkdtempSync(join(tmpdir(), scratchPrefix));
    const read = await check(pkg.dir);
    if (!read.report) throw new Error(`the original package was not read: ${read.stderr}`);
    original = read.report;
  }, 120_000);
  afterAll(() => {
    pkg?.remove();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the planted package is read in beforeAll: use it inside a test');
    return value;
  };
  return {
    get dir() {
      return ready(pkg).dir;
    },
    get scratch() {
      return ready(scratch || undefined);
    },
    get original() {
      return ready(original);
    },
  };
}
