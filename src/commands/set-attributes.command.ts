/**
 * Sets one attribute on one or many features (bulk edit of a multi-selection). Every value passes the
 * field's own check, so a code outside its list never enters the plan.
 */
import { type FieldValue, LAYER_FIELDS, validateFieldValue } from '../profiles/zhejiang-2017/fields.ts';
import type { FeatureId } from '../domain/ids.ts';
import { LAYERS } from '../profiles/zhejiang-2017/layers.ts';
import { putFeature } from '../domain/patch.ts';
import type { PlanFeature } from '../domain/features.ts';
import { findFeature } from '../domain/plan.ts';
import { type CommandContext, type CommandResult, refuse } from './command.ts';

export function setAttribute(ctx: CommandContext, ids: readonly FeatureId[], key: string, value: FieldValue): CommandResult {
  if (ids.length === 0) return refuse('commands.error.nothingSelected');
  const changes = [];
  for (const id of new Set(ids)) {
    const feature = findFeature(ctx.plan, id);
    if (!feature) return refuse('commands.error.featureGone');
    if (!LAYERS[feature.layer].attributesEditable) return refuse('commands.error.referenceLayer', { layer: feature.layer });
    const spec = LAYER_FIELDS[feature.layer].find((f) => f.key === key);
    if (!spec) return refuse('commands.attributes.noSuchField', { field: key, layer: feature.layer });
    if (!validateFieldValue(spec, value, ctx.profile)) return refuse('commands.attributes.invalidValue', { field: key, value: String(value) });
    if ((feature.properties as unknown as Record<string, unknown>)[key] === value) continue;
    changes.push(putFeature({ ...feature, properties: { ...feature.properties, [key]: value } } as PlanFeature));
  }
  return { ok: true, label: 'commands.attributes.label', patch: { features: changes } };
}
