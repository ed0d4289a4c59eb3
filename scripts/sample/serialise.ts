/**
 * The plan file as text: ordinary JSON, laid out one feature per line so a regenerated sample shows a
 * readable diff (which parcels changed) instead of one 2 MB line or 200,000 lines of coordinates.
 */
import type { Plan } from '../../src/domain/plan.ts';
import { LAYER_IDS } from '../../src/profiles/zhejiang-2017/layers.ts';

export function serialisePlan(plan: Plan): string {
  const indent = (text: string, by: string) => text.split('\n').join(`\n${by}`);
  const layers = LAYER_IDS.map((layer) => {
    const entries = Object.entries(plan.layers[layer]).map(([id, feature]) => `      ${JSON.stringify(id)}: ${JSON.stringify(feature)}`);
    return entries.length === 0 ? `    ${JSON.stringify(layer)}: {}` : `    ${JSON.stringify(layer)}: {\n${entries.join(',\n')}\n    }`;
  });
  return [
    '{',
    `  "format": ${JSON.stringify(plan.format)},`,
    `  "schemaVersion": ${JSON.stringify(plan.schemaVersion)},`,
    `  "id": ${JSON.stringify(plan.id)},`,
    `  "meta": ${indent(JSON.stringify(plan.meta, null, 2), '  ')},`,
    '  "layers": {',
    layers.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}
