import { describe, expect, it } from 'vitest';
import { computeDatabaseTables } from '../../rules/ydyh/database-tables.ts';
import { checkDatabase } from '../../rules/ydyh/index.ts';
import type { DatabaseIssue } from '../../rules/ydyh/database-rule.ts';
import { readPayload } from '../app/notice-model.ts';
import { PAYLOAD_ELEMENT_ID } from './notice-html.ts';
import { publishDatabaseNotice, type PublishDatabaseInput } from './publish-notice-2026.ts';
import { tinyVillage2026 } from './tiny-village-2026.test-support.ts';

const database = tinyVillage2026();
const check = checkDatabase(database);
const DETAILS = { startDate: '2026-11-01', endDate: '2026-12-01', issuer: '安澜镇人民政府', contact: '王工 0573-1234567', howToObject: '书面意见交村委会' };
const input = (over: Partial<PublishDatabaseInput> = {}): PublishDatabaseInput => ({
  database,
  planId: 'plan-1',
  villageName: '示例村',
  versionName: '公示稿',
  details: DETAILS,
  check: { ...check, issues: check.issues.filter((i) => i.severity !== 'error') },
  tables: computeDatabaseTables(database),
  template: { script: 'void 0', mapScript: 'void 1', css: 'body{}', worker: '' },
  publishedAt: '2026-10-30T08:00:00.000Z',
  ...over,
});
const finding = (rule: DatabaseIssue['rule'], severity: DatabaseIssue['severity']): DatabaseIssue => ({ rule, severity, features: [], message: { key: 'x', params: {} } });

describe('publishing a 2026 plan’s notice', () => {
  it('refuses a notice shorter than 30 days', async () => {
    expect(await publishDatabaseNotice(input({ details: { ...DETAILS, endDate: '2026-11-30' } }))).toMatchObject({ ok: false, error: { key: 'notice.publish.tooShort', params: { days: 29 } } });
  });

  it('refuses a plan the checks find errors in, naming each rule and its count; warnings and unchecked rules pass', async () => {
    const issues = [finding('village-land-in-boundary', 'error'), finding('village-land-in-boundary', 'error'), finding('totals-equal', 'error'), finding('bsm-format', 'warning')];
    const refused = await publishDatabaseNotice(input({ check: { ...check, issues } }));
    expect(refused).toMatchObject({ ok: false, error: { key: 'notice.publish.planHasErrors', params: { count: 3, rules: 'village-land-in-boundary (2), totals-equal (1)' } } });
    const passed = await publishDatabaseNotice(input({ check: { ...check, issues: [finding('bsm-format', 'warning'), finding('binding-indicators', 'notChecked')] } }));
    expect(passed.ok).toBe(true);
  });

  it('makes one HTML file carrying the 2026 payload, named after the village', async () => {
    const published = await publishDatabaseNotice(input());
    if (!published.ok) throw new Error(published.error.key);
    expect(published.value.fileName).toBe('示例村-村庄规划公示-2026-11-01.html');
    const html = new TextDecoder().decode(published.value.bytes);
    expect(html).toContain('<title>示例村村庄规划公示</title>');
    const json = new RegExp(`<script type="application/json" id="${PAYLOAD_ELEMENT_ID}">(.*?)</script>`, 's').exec(html)?.[1];
    expect(readPayload(JSON.parse(json ?? 'null'))).toMatchObject({ profile: 'zhejiang-2026', planId: 'plan-1', versionName: '公示稿', noticeId: published.value.payload.noticeId });
    const again = await publishDatabaseNotice(input());
    expect(again.ok && again.value.bytes).toEqual(published.value.bytes);
  });
});
