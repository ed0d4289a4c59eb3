/** The sample plan's delivery package for the package tests (unit, GDAL, CLI). Not used by the app. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanText } from '../../domain/plan-file.ts';
import type { Plan } from '../../domain/plan.ts';
import { createI18n } from '../../i18n/index.ts';
import { RuleEngine } from '../../rules/engine.ts';
import type { Translate } from '../../rules/render.ts';
import { english } from '../test-support.ts';
import { writeDelivery, type Delivery } from './write-delivery.ts';
import { writeZip } from '../zip/zip-write.ts';

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

/** A package folder zipped to `zipPath` under one top folder, as a township sends it; returns `zipPath`. */
export function zipPackageFolder(dir: string, zipPath: string): string {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => ({ name: `村庄规划成果/${path}`, bytes: readFileSync(join(dir, path)) }));
  writeFileSync(zipPath, writeZip(files));
  return zipPath;
}
