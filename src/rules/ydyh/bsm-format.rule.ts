/**
 * `bsm-format` (cct:vg, every `Create*`): a feature's 标识码 is the village's 12-digit XZQDM followed by its
 * sequence number in 8 digits (`bsm` in layers.ts), 20 characters, unique within its layer (not across
 * layers ⚠). The village's XZQDM is the first 12 characters of the base parcels' (or the survey area's)
 * ZLDWDM, as CCTool takes it; without one, the prefix most BSMs share. Findings are grouped per layer and
 * kind, with a count and the first refs: a database made by hand often gets a whole layer wrong.
 */
import { bsm, DATABASE_LAYERS } from '../../profiles/zhejiang-2026/layers.ts';
import type { VillageDatabase, VillageFeature } from '../../profiles/zhejiang-2026/village-database.ts';
import { addToList } from '../../domain/lists.ts';
import { databaseIssue, firstRefs, layerKey, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';
import { textOf } from './database-parcels.ts';

type Finding = 'missing' | 'malformed' | 'wrongPrefix' | 'duplicate';
const FINDINGS: readonly Finding[] = ['missing', 'malformed', 'wrongPrefix', 'duplicate'];
const XZQDM_LENGTH = 12;
const BSM_PATTERN = /^\d{20}$/;

/** The village's XZQDM: from a ZLDWDM, else the prefix most well-formed BSMs share; null when neither gives one. */
function villageXzqdm(db: VillageDatabase): string | null {
  for (const layer of ['JQDLTB', 'CJDCQ'] as const) {
    for (const feature of db.layers[layer]?.features ?? []) {
      const prefix = textOf(feature.properties['ZLDWDM'])?.slice(0, XZQDM_LENGTH);
      if (prefix !== undefined && bsm(prefix, 0).ok) return prefix;
    }
  }
  const counts = new Map<string, number>();
  for (const layer of Object.values(db.layers)) {
    for (const feature of layer.features) {
      const value = textOf(feature.properties['BSM']);
      if (value !== null && BSM_PATTERN.test(value)) counts.set(value.slice(0, XZQDM_LENGTH), (counts.get(value.slice(0, XZQDM_LENGTH)) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function findingOf(value: string | null, xzqdm: string | null, seen: Set<string>): Finding | null {
  if (value === null) return 'missing';
  if (!BSM_PATTERN.test(value)) return 'malformed';
  // 20 digits: the village's code and any 8-digit sequence number, so only the prefix can be wrong.
  if (xzqdm !== null && value.slice(0, XZQDM_LENGTH) !== xzqdm) return 'wrongPrefix';
  if (seen.has(value)) return 'duplicate';
  seen.add(value);
  return null;
}

/** Each finding with the refs of its features, in the layer's order. */
function layerFindings(features: readonly VillageFeature[], xzqdm: string | null): ReadonlyMap<Finding, readonly string[]> {
  const refs = new Map<Finding, string[]>();
  const seen = new Set<string>();
  for (const feature of features) {
    const finding = findingOf(textOf(feature.properties['BSM']), xzqdm, seen);
    if (finding !== null) addToList(refs, finding, feature.ref);
  }
  return refs;
}

/** Per layer's features: an edit of one layer reads only that layer again. */
const findingsKept = new WeakMap<readonly VillageFeature[], { readonly xzqdm: string | null; readonly findings: ReadonlyMap<Finding, readonly string[]> }>();
function findingsOf(features: readonly VillageFeature[], xzqdm: string | null): ReadonlyMap<Finding, readonly string[]> {
  const kept = findingsKept.get(features);
  if (kept && kept.xzqdm === xzqdm) return kept.findings;
  const findings = layerFindings(features, xzqdm);
  findingsKept.set(features, { xzqdm, findings });
  return findings;
}

export const bsmFormatRule: DatabaseRule = {
  id: 'bsm-format',
  severity: 'error',
  source: 'cct:vg',
  summary: "BSM = the village's 12-digit XZQDM + 8 digits (20 characters), unique within its layer; grouped per layer with a count.",
  check(db) {
    const xzqdm = villageXzqdm(db);
    const issues: DatabaseIssue[] = [];
    for (const { name: layer } of DATABASE_LAYERS) {
      const features = db.layers[layer]?.features;
      if (!features) continue;
      const refs = findingsOf(features, xzqdm);
      for (const finding of FINDINGS) {
        const found = refs.get(finding);
        if (found === undefined) continue;
        issues.push(databaseIssue(this.id, 'error', { layer, features: found, key: finding, params: { layerKey: layerKey(layer), count: found.length, refs: firstRefs(found), xzqdm: xzqdm ?? '' } }));
      }
    }
    return issues;
  },
};
