/**
 * The package's QC summary (`6.其他数据/质检结果.json` and `质检结果.txt`, docs/package.md): the editor's
 * check of the plan the package was made from, as a reviewer reads it beside the provincial check: the
 * counts of errors, warnings, justified warnings and checks not made for lack of input, and every issue
 * with its rule id, outcome (error | warning | notChecked), message, features (by package reference,
 * package-refs.ts, with their numbers) and justification. The JSON is for machines, the text for people.
 */
import type { FeatureId } from '../../domain/ids.ts';
import type { LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import type { Plan } from '../../domain/plan.ts';
import type { CheckResult } from '../../rules/engine.ts';
import type { Issue } from '../../rules/issue.ts';
import { renderMessage, type Translate } from '../../rules/render.ts';
import type { FeatureRef } from './package-refs.ts';

export const QC_JSON_NAME = '质检结果.json';
export const QC_TEXT_NAME = '质检结果.txt';
const QC_FORMAT = 'village-plan-qc';

export interface QcFeature {
  /** `GHYT#40`; absent for a feature the package does not carry. */
  readonly ref?: string;
  readonly id?: string;
  readonly parcelNo?: string;
}

export interface QcIssue {
  readonly rule: string;
  readonly severity: Issue['severity'];
  /** A warning with a justification (规划说明): it passes. */
  readonly justified: boolean;
  readonly message: string;
  readonly messageKey: string;
  readonly params: Issue['message']['params'];
  readonly features: readonly QcFeature[];
  readonly justification: { readonly text: string; readonly at: string } | null;
}

export interface QcSummary {
  readonly format: typeof QC_FORMAT;
  readonly version: 1;
  readonly about: string;
  readonly village: { readonly code: string; readonly name: string };
  readonly profile: string;
  readonly checkedAt: string;
  readonly summary: { readonly errors: number; readonly warnings: number; readonly justified: number; readonly notChecked: number };
  readonly byRule: Readonly<Record<string, number>>;
  readonly issues: readonly QcIssue[];
}

function featureOf(plan: Plan, layer: LayerId | undefined, id: FeatureId, refs: ReadonlyMap<FeatureId, FeatureRef>): QcFeature {
  const ref = refs.get(id);
  const props = (layer ? (plan.layers[layer] as unknown as Readonly<Record<FeatureId, { properties: Record<string, unknown> }>>)[id]?.properties : undefined) ?? {};
  const parcelNo = typeof props.parcelNo === 'string' && props.parcelNo ? props.parcelNo : undefined;
  return { ...(ref ? { ref: ref.ref } : { id }), ...(parcelNo ? { parcelNo } : {}) };
}

export function qcSummary(t: Translate, plan: Plan, check: CheckResult, refs: ReadonlyMap<FeatureId, FeatureRef>, checkedAt: Date): QcSummary {
  const { errors, warnings, justified, notChecked, byRule } = check.summary;
  return {
    format: QC_FORMAT,
    version: 1,
    about: t('package.qc.about'),
    village: { code: plan.meta.villageCode, name: plan.meta.villageName },
    profile: plan.meta.profileId,
    checkedAt: checkedAt.toISOString(),
    summary: { errors, warnings, justified, notChecked },
    byRule,
    issues: check.issues.map((issue) => ({
      rule: issue.rule,
      severity: issue.severity,
      justified: issue.justification !== undefined,
      message: renderMessage(t, issue.message),
      messageKey: issue.message.key,
      params: issue.message.params,
      features: issue.features.map((id) => featureOf(plan, issue.layer, id, refs)),
      justification: issue.justification ? { text: issue.justification.text, at: issue.justification.at } : null,
    })),
  };
}

const ORDER = (i: QcIssue) => (i.severity === 'error' ? 0 : i.severity === 'warning' && !i.justified ? 1 : i.severity === 'warning' ? 2 : 3);

/** The same summary as lines a reviewer reads: counts, then errors, warnings, justified, not checked. */
export function qcSummaryText(t: Translate, qc: QcSummary): string {
  const s = qc.summary;
  const lines = [t('package.qc.header', { village: qc.village.name || '—', errors: s.errors, warnings: s.warnings, justified: s.justified, notChecked: s.notChecked }), ''];
  if (qc.issues.length === 0) lines.push(t('package.qc.none'));
  for (const issue of [...qc.issues].sort((a, b) => ORDER(a) - ORDER(b))) {
    const label = t(issue.severity === 'notChecked' ? 'package.qc.notChecked' : issue.justified ? 'package.qc.justified' : `package.qc.${issue.severity}`);
    const features = issue.features.map((f) => [f.ref ?? f.id, f.parcelNo].filter(Boolean).join(' ')).join(', ');
    lines.push(`${label}  ${issue.rule}  ${issue.message}${features ? `  [${features}]` : ''}`);
    if (issue.justification) lines.push(`    ${t('package.qc.justification')}: ${issue.justification.text}`);
  }
  return lines.join('\r\n') + '\r\n';
}
