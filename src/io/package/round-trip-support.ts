/**
 * Export → import round trips for the package tests: a plan written as the delivery package on disk, read
 * back as `check` reads it, and the two checks made comparable (features by package reference, so ids
 * need not match). Also a randomized plan: the sample generator's village with random inputs (households,
 * quota sources, township tasks, profile overrides, zone kinds), planted gaps and overlaps, a red line and
 * a justification on every warning. Not used by the app.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Position } from 'geojson';
import { generateVillagePlan } from '../../../scripts/sample/generate.ts';
import { plantViolations } from '../../../scripts/sample/plant-violations.ts';
import { createRng, type Rng } from '../../../scripts/sample/prng.ts';
import { INDUSTRY_PURPOSES, QUOTA_SOURCES, RESERVE_KINDS, FACILITY_TYPES } from '../../profiles/zhejiang-2017/codes.ts';
import { codesOf } from '../../domain/code-entry.ts';
import type { AreaGeometry, PlanFeature } from '../../domain/features.ts';
import type { FeatureId } from '../../domain/ids.ts';
import { asFeatureId } from '../../domain/ids.ts';
import { LAYER_IDS } from '../../profiles/zhejiang-2017/layers.ts';
import { layerFeatures, type Plan, type PlanMeta } from '../../domain/plan.ts';
import { ZHEJIANG_2017 } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { RuleEngine, type CheckResult } from '../../rules/engine.ts';
import type { Issue } from '../../rules/issue.ts';
import { tablesToJson } from '../../rules/tables/serialise.ts';
import type { Tables } from '../../rules/tables/index.ts';
import { zhT } from './delivery-test-support.ts';
import { featureRefs } from './package-refs.ts';
import { readPackageFolder } from './read-folder.ts';
import { writeDelivery } from './write-delivery.ts';

const DATE = new Date(Date.UTC(2024, 5, 30));

export interface WrittenPackage {
  readonly dir: string;
  /** Each feature of the plan written, by its package reference. */
  readonly refs: ReadonlyMap<FeatureId, string>;
  readonly check: CheckResult;
  readonly tables: Tables;
  remove(): void;
}

/** The plan's delivery package in a temporary folder (as `village-plan export --out <folder>` writes it). */
export async function writePackageFolder(plan: Plan, leaveOut: readonly string[] = []): Promise<WrittenPackage> {
  const engine = new RuleEngine(plan);
  const check = engine.result();
  const out = await writeDelivery(engine.checkState, { t: zhT, date: DATE, encoding: 'utf-8', check });
  if (!out.ok) throw new Error(out.error.key);
  const dir = mkdtempSync(join(tmpdir(), 'vp-round-trip-'));
  for (const file of out.value.files) {
    if (leaveOut.some((name) => file.name.endsWith(name))) continue;
    mkdirSync(dirname(join(dir, file.name)), { recursive: true });
    writeFileSync(join(dir, file.name), file.bytes);
  }
  const refs = new Map([...featureRefs(engine.checkState)].map(([id, r]) => [id, r.ref]));
  return { dir, refs, check, tables: engine.tables(), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ReadBack {
  readonly plan: Plan;
  readonly refs: ReadonlyMap<FeatureId, string>;
  readonly notes: readonly string[];
  readonly check: CheckResult;
  readonly tables: Tables;
}

export function readPackageBack(dir: string): ReadBack {
  const read = readPackageFolder(dir);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  const engine = new RuleEngine(read.value.plan);
  return { plan: read.value.plan, refs: new Map(Object.entries(read.value.refs) as [FeatureId, string][]), notes: read.notes.map((n) => n.key), check: engine.result(), tables: engine.tables() };
}

/** An issue as both sides can state it: features by package reference, message key and figures, justification text. */
export function comparable(issues: readonly Issue[], refs: ReadonlyMap<FeatureId, string>): string[] {
  return issues
    .map((i) =>
      JSON.stringify({
        rule: i.rule,
        severity: i.severity,
        layer: i.layer ?? null,
        features: i.features.map((id) => refs.get(id) ?? `unmapped:${id}`).sort(),
        key: i.message.key,
        params: i.message.params,
        justification: i.justification?.text ?? null,
      }),
    )
    .sort();
}

/** The tables as JSON, the rows keyed by a feature (the demolition and new-build lists) named by package reference. */
export function tablesJson(tables: Tables, refs: ReadonlyMap<FeatureId, string>): unknown {
  const json = tablesToJson(zhT, tables);
  return Object.fromEntries(Object.entries(json).map(([id, table]) => [id, { ...table, rows: table.rows.map((row) => ({ ...row, key: refs.get(row.key as FeatureId) ?? row.key })) }]));
}

// ——— a randomized plan ———

function round9(p: Position): Position {
  return [Math.round((p[0] as number) * 1e9) / 1e9, Math.round((p[1] as number) * 1e9) / 1e9];
}

function roundGeometry<G extends PlanFeature['geometry']>(g: G): G {
  if (g.type === 'Point') return { ...g, coordinates: round9(g.coordinates) };
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map((r) => r.map(round9)) };
  return { ...g, coordinates: (g as AreaGeometry & { type: 'MultiPolygon' }).coordinates.map((poly) => poly.map((r) => r.map(round9))) } as G;
}

/** The generator's village for `seed` (the next seeds when one has no room for its changes). */
function generated(seed: number): Plan {
  for (let s = seed; s < seed + 20; s++) {
    try {
      return generateVillagePlan({ seed: s, parcels: 700 });
    } catch {
      // "no room for new homes": this seed's layout has too little demolition; try the next.
    }
  }
  throw new Error(`no village for seeds ${seed}…${seed + 19}`);
}

const maybe = <T>(rng: Rng, value: () => T, pNull = 0.25): T | null => (rng.chance(pNull) ? null : value());

function randomMeta(rng: Rng, meta: PlanMeta, keepSources: boolean): PlanMeta {
  const quota = (v: number | null) => maybe(rng, () => Math.round((v ?? 100_000) * rng.float(0.9, 1.1)));
  return {
    ...meta,
    population: maybe(rng, () => rng.int(300, 3000)),
    households: maybe(rng, () => rng.int(100, 900)),
    quotas: {
      cultivatedLand: quota(meta.quotas.cultivatedLand),
      permanentBasicFarmland: quota(meta.quotas.permanentBasicFarmland),
      constructionTotal: quota(meta.quotas.constructionTotal),
      urbanRuralConstruction: quota(meta.quotas.urbanRuralConstruction),
      villageConstruction: quota(meta.quotas.villageConstruction),
      pbfReserve: quota(meta.quotas.pbfReserve),
    },
    reserveQuotaKeptM2: maybe(rng, () => rng.int(0, 400)),
    safeguards: [{ measure: '资金保障', content: `随机 ${rng.int(1, 999)}`, responsible: '村民委员会' }],
    profileOverrides: keepSources
      ? {}
      : {
          homesteadPerHouseholdM2: { cultivated: rng.int(90, 140), other: rng.int(120, 160), hillWasteland: 160 },
          villageLandPerCapitaM2: rng.int(100, 200),
          minParcelAreaM2: { ...ZHEJIANG_2017.minParcelAreaM2, construction: rng.int(50, 150) },
        },
  };
}

/**
 * A plan with random inputs. `withoutSourceGuesses`: inputs a package without its sidecar cannot know are
 * what the reader assumes for them (a new-build marked E2 is on the linkage quota; no profile overrides),
 * so its check differs from the full one only by what is not entered.
 */
export function randomizedPlan(seed: number, options: { readonly withoutSourceGuesses?: boolean } = {}): Plan {
  const rng = createRng(seed, 'package-round-trip');
  const keep = options.withoutSourceGuesses ?? false;
  let plan = plantViolations(generated(seed), { seed, gaps: 1, overlaps: 1 }).plan;
  const rewrite = (f: PlanFeature): PlanFeature => {
    const p = f.properties as unknown as Record<string, unknown>;
    const geometry = roundGeometry(f.geometry);
    switch (f.layer) {
      case 'newBuild': {
        const useCode = rng.pick(['2121', '2121', '2122', '2124'] as const);
        const linkage = rng.pick(['E2', 'E2', 'E1'] as const);
        const quotaSource = keep && linkage === 'E2' ? 'linkage' : rng.pick(codesOf(QUOTA_SOURCES));
        return { ...f, geometry, properties: { ...p, useCode, linkage, households: rng.int(0, 8), quotaSource, industryPurpose: useCode === '2124' ? maybe(rng, () => rng.pick(codesOf(INDUSTRY_PURPOSES)), 0.3) : null } } as unknown as PlanFeature;
      }
      case 'demolition':
        return { ...f, geometry, properties: { ...p, households: rng.int(0, 4) } } as unknown as PlanFeature;
      case 'reserve':
        return { ...f, geometry, properties: { ...p, kind: rng.pick(codesOf(RESERVE_KINDS)) } } as unknown as PlanFeature;
      case 'facility':
        return { ...f, geometry, properties: { ...p, facilityType: rng.pick(codesOf(FACILITY_TYPES)), projectArea: maybe(rng, () => Math.round(rng.float(2000, 40000) * 100) / 100) } } as unknown as PlanFeature;
      case 'functionalZone':
        return { ...f, geometry, properties: { ...p, zoneType: rng.pick(ZHEJIANG_2017.functionalZoneTypes).code } } as unknown as PlanFeature;
      default:
        return { ...f, geometry } as PlanFeature;
    }
  };
  const layers = Object.fromEntries(LAYER_IDS.map((layer) => [layer, Object.fromEntries((layerFeatures(plan, layer) as readonly PlanFeature[]).map((f) => [f.id, rewrite(f)]))])) as unknown as Plan['layers'];
  // A red line over a few base parcels, so nothing-new-in-redline has its layer.
  const bases = layerFeatures({ ...plan, layers }, 'base');
  const redline = { id: asFeatureId('redline-1'), layer: 'redline', geometry: bases[rng.int(0, bases.length - 1)]!.geometry, properties: { name: '生态保护红线' } } as PlanFeature;
  plan = { ...plan, meta: randomMeta(rng, plan.meta, keep), layers: { ...layers, redline: { [redline.id]: redline } as Plan['layers']['redline'] } };
  // A justification on most warnings: the round trip must bring each back to its issue.
  const warnings = new RuleEngine(plan).result().issues.filter((i) => i.severity === 'warning');
  const justifications = Object.fromEntries(warnings.filter(() => rng.chance(0.8)).map((w, k) => [w.key, { text: `规划说明 ${k + 1}：${w.rule}`, at: '2024-06-01T08:00:00.000Z' }]));
  return { ...plan, meta: { ...plan.meta, justifications } };
}
