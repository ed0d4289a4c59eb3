/** What the checker prints: a plain-text report, or JSON `{ issues, tables, summary }` (issue text in the chosen language). */
import type { Geometry } from 'geojson';
import type { FeatureId } from '../domain/ids.ts';
import type { Plan } from '../domain/plan.ts';
import type { CheckResult } from '../rules/engine.ts';
import type { Issue } from '../rules/issue.ts';
import { renderMessage, type Translate } from '../rules/render.ts';
import type { Tables } from '../rules/tables/index.ts';
import { tablesToJson } from '../rules/tables/serialise.ts';

export interface JsonIssue {
  readonly rule: string;
  readonly severity: Issue['severity'];
  readonly layer: string | null;
  readonly features: readonly string[];
  readonly message: string;
  readonly geometry: Geometry | null;
  readonly key: string;
  readonly messageKey: string;
  readonly params: Issue['message']['params'];
  readonly notChecked: boolean;
  readonly justification: string | null;
}

export function featureLabel(plan: Plan, labels: Readonly<Record<FeatureId, string>>, issue: Issue, id: FeatureId): string {
  const bsm = labels[id];
  if (bsm) return bsm;
  const props = issue.layer ? ((plan.layers[issue.layer] as unknown as Readonly<Record<FeatureId, { properties: Record<string, unknown> }>>)[id]?.properties ?? {}) : {};
  return typeof props.parcelNo === 'string' && props.parcelNo ? `${props.parcelNo} (${id})` : id;
}

export function jsonReport(t: Translate, plan: Plan, labels: Readonly<Record<FeatureId, string>>, result: CheckResult, tables: Tables): string {
  const issues: JsonIssue[] = result.issues.map((issue) => ({
    rule: issue.rule,
    severity: issue.severity,
    layer: issue.layer ?? null,
    features: issue.features.map((id) => labels[id] ?? id),
    message: renderMessage(t, issue.message),
    geometry: issue.geometry ?? null,
    key: issue.key,
    messageKey: issue.message.key,
    params: issue.message.params,
    notChecked: issue.severity === 'notChecked',
    justification: issue.justification?.text ?? null,
  }));
  const summary = { village: plan.meta.villageName, villageCode: plan.meta.villageCode, profile: plan.meta.profileId, ...result.summary };
  return JSON.stringify({ issues, tables: tablesToJson(t, tables, (key) => labels[key as FeatureId] ?? key), summary }, null, 2) + '\n';
}

export function textReport(t: Translate, plan: Plan, labels: Readonly<Record<FeatureId, string>>, result: CheckResult): string {
  const s = result.summary;
  const lines = [t('cli.header', { village: plan.meta.villageName || '—', errors: s.errors, warnings: s.warnings, justified: s.justified, notChecked: s.notChecked })];
  if (result.issues.length === 0) lines.push(t('cli.noIssues'));
  // A finding that stands for many others (one cause behind them) comes first, before what it explains.
  const order = (i: Issue) => (i.summarises ? -1 : i.severity === 'notChecked' ? 2 : i.justification ? 3 : i.severity === 'error' ? 0 : 1);
  for (const issue of [...result.issues].sort((a, b) => order(a) - order(b))) {
    const label = issue.severity === 'notChecked' ? t('rules.notCheckedLabel') : issue.justification ? t('rules.justifiedLabel') : t(`rules.severity.${issue.severity}`);
    let line = `${label}  ${issue.rule}  ${renderMessage(t, issue.message)}`;
    if (issue.features.length) line += `  [${t('cli.features')}: ${issue.features.slice(0, 5).map((id) => featureLabel(plan, labels, issue, id)).join(', ')}${issue.features.length > 5 ? ` … +${issue.features.length - 5}` : ''}]`;
    if (issue.justification) line += `\n    ${t('cli.justification')}: ${issue.justification.text}`;
    lines.push(line);
  }
  if (s.notChecked > 0) lines.push(t('cli.notCheckedSummary', { count: s.notChecked, missing: missingInputs(t, result.issues).join(t('cli.listSeparator')) }));
  return lines.join('\n') + '\n';
}

/**
 * What the not-checked issues lack, each named once: a missing input by its name, a per-feature one by
 * its first message and how many more share it ("建新地块 JX003 未填写户数 (+9)").
 */
function missingInputs(t: Translate, issues: readonly Issue[]): string[] {
  const groups = new Map<string, { text: string; count: number }>();
  for (const issue of issues) {
    if (issue.severity !== 'notChecked') continue;
    const byInput = issue.message.key === 'rules.notChecked';
    const group = byInput ? `input:${String(issue.message.params.missingKey)}` : `message:${issue.message.key}`;
    const seen = groups.get(group);
    if (seen) seen.count++;
    else groups.set(group, { text: byInput ? t('cli.missingInput', { what: t(String(issue.message.params.missingKey)) }) : renderMessage(t, issue.message), count: 1 });
  }
  return [...groups.values()].map(({ text, count }) => {
    const phrase = text.replace(/[。.]$/, '');
    return count > 1 ? `${phrase} (+${count - 1})` : phrase;
  });
}
