/** The sample plan's delivery package for the package tests (unit, GDAL, CLI). Not used by the app. */
import { readFileSync } from 'node:fs';
import { parsePlanText } from '../../domain/plan-file.ts';
import type { Plan } from '../../domain/plan.ts';
import { createI18n } from '../../i18n/index.ts';
import { RuleEngine } from '../../rules/engine.ts';
import type { Translate } from '../../rules/render.ts';
import { english } from '../test-support.ts';
import { writeDelivery, type Delivery } from './write-delivery.ts';

const zh = createI18n('zh-CN');
export const zhT: Translate = (key, params) => zh.t(key, params ?? {});
const DATE = new Date(Date.UTC(2024, 5, 30));

export function samplePlan(): Plan {
  const parsed = parsePlanText(readFileSync(new URL('../../../samples/sample-village.plan.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('sample');
  return parsed.value;
}

export async function deliver(plan: Plan, encoding: 'gbk' | 'utf-8' = 'gbk'): Promise<Delivery> {
  const out = await writeDelivery(new RuleEngine(plan).checkState, { t: zhT, date: DATE, encoding });
  if (!out.ok) throw new Error(english(out.error));
  return out.value;
}
