/**
 * Notices for the browser tests and the benchmark: the real viewer template (built once per process) and
 * the sample village published through the same pure function the editor calls.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildNoticeTemplate } from '../../../scripts/build/notice-template.ts';
import { parsePlanText } from '../../../src/domain/plan-file.ts';
import type { Plan } from '../../../src/domain/plan.ts';
import { fullCheck } from '../../../src/rules/engine.ts';
import type { NoticeDetails } from '../../../src/viewer/publish/notice-details.ts';
import type { NoticeTemplate } from '../../../src/viewer/publish/notice-html.ts';
import { publishNotice, type PublishedNotice } from '../../../src/viewer/publish/publish-notice.ts';

export const SAMPLE_PLAN_PATH = resolve(import.meta.dirname, '../../../samples/sample-village.plan.json');

let template: Promise<NoticeTemplate> | undefined;
export function noticeTemplate(): Promise<NoticeTemplate> {
  template ??= buildNoticeTemplate();
  return template;
}

export function samplePlan(): Plan {
  const parsed = parsePlanText(readFileSync(SAMPLE_PLAN_PATH, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.key);
  return parsed.value;
}

export const SAMPLE_DETAILS: NoticeDetails = {
  startDate: '2026-11-01',
  endDate: '2026-12-01',
  issuer: '安澜镇人民政府',
  contact: '安澜镇国土所 王工 0573-1234567',
  howToObject: '公示期内书面意见交村委会，或用本页“提意见”导出文件发给联系人。',
};

export async function publishSample(plan: Plan = samplePlan(), details: NoticeDetails = SAMPLE_DETAILS): Promise<PublishedNotice> {
  const checked = fullCheck(plan);
  const published = await publishNotice({ plan, versionName: '公示稿', details, issues: checked.issues, tables: checked.tables, template: await noticeTemplate(), publishedAt: '2026-10-30T08:00:00.000Z' });
  if (!published.ok) throw new Error(`${published.error.key} ${JSON.stringify(published.error.params)}`);
  return published.value;
}

/**
 * The sample cut to a window of `widthM` × `heightM` around its middle, with that window as the village
 * boundary: small enough to print at 1:2000 on A3, for measuring the scale bar.
 */
export function croppedSamplePlan(widthM: number, heightM: number): Plan {
  const plan = samplePlan();
  const bases = Object.values(plan.layers.base);
  const xs = bases.flatMap((b) => (b.geometry.type === 'Polygon' ? b.geometry.coordinates[0] ?? [] : []).map((p) => p[0] as number));
  const ys = bases.flatMap((b) => (b.geometry.type === 'Polygon' ? b.geometry.coordinates[0] ?? [] : []).map((p) => p[1] as number));
  const [cx, cy] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  const [dx, dy] = [widthM / 2 / (111_320 * Math.cos((cy * Math.PI) / 180)), heightM / 2 / 110_574];
  const inside = (g: Plan['layers']['base'][keyof Plan['layers']['base']]['geometry']) =>
    (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()).every((ring) => ring.every((p) => Math.abs((p[0] as number) - cx) < dx && Math.abs((p[1] as number) - cy) < dy));
  const keep = <T extends { geometry: Plan['layers']['base'][keyof Plan['layers']['base']]['geometry'] }>(record: Readonly<Record<string, T>>) => Object.fromEntries(Object.entries(record).filter(([, f]) => inside(f.geometry)));
  const [boundary] = Object.values(plan.layers.boundary);
  if (!boundary) throw new Error('sample has no boundary');
  const window = { ...boundary, geometry: { type: 'Polygon' as const, coordinates: [[[cx - dx, cy - dy], [cx + dx, cy - dy], [cx + dx, cy + dy], [cx - dx, cy + dy], [cx - dx, cy - dy]]] } };
  return { ...plan, layers: { ...plan.layers, boundary: { [boundary.id]: window }, base: keep(plan.layers.base), pbf: keep(plan.layers.pbf), demolition: keep(plan.layers.demolition), newBuild: keep(plan.layers.newBuild), useChange: keep(plan.layers.useChange), reserve: keep(plan.layers.reserve) } } as Plan;
}
