import { describe, expect, it } from 'vitest';
import { makeIssue } from '../../rules/issue.ts';
import { fullCheck } from '../../rules/engine.ts';
import { emptyPlan } from '../../domain/plan.ts';
import { feature, planWith, rect } from '../../domain/test-support.ts';
import { samplePlan } from '../../../tests/e2e/support/notice.ts';
import { checkNoticeDetails, defaultEndDate, noticeState, type NoticeDetails } from './notice-details.ts';
import { publishNotice, type PublishInput } from './publish-notice.ts';

const DETAILS: NoticeDetails = { startDate: '2026-11-01', endDate: '2026-12-01', issuer: '安澜镇人民政府', contact: '王工 0573-1234567', howToObject: '书面意见交村委会' };
const TEMPLATE = { script: 'document.title = "</script>"', mapScript: 'var noticeMapCode = "</script>"', css: 'body{}', worker: 'self.x = "</script>"' };
const plan = samplePlan();
const checked = fullCheck(plan);
const input = (over: Partial<PublishInput> = {}): PublishInput => ({ plan, versionName: '公示稿', details: DETAILS, issues: checked.issues, tables: checked.tables, template: { script: 'void 0', mapScript: 'void 1', css: 'body{}', worker: '' }, publishedAt: '2026-10-30T08:00:00.000Z', ...over });

describe('notice details', () => {
  it('ends 30 days after the start by default, and never sooner', () => {
    expect(defaultEndDate('2026-11-01')).toBe('2026-12-01');
    expect(defaultEndDate('2028-02-15')).toBe('2028-03-16');
    expect(checkNoticeDetails({ ...DETAILS, endDate: '2026-11-30' })).toMatchObject({ ok: false, error: { key: 'notice.publish.tooShort', params: { days: 29, earliestEnd: '2026-12-01' } } });
    expect(checkNoticeDetails({ ...DETAILS, startDate: '2026-02-30' })).toMatchObject({ ok: false, error: { key: 'notice.publish.badDate' } });
    expect(checkNoticeDetails({ ...DETAILS, contact: '  ' })).toMatchObject({ ok: false, error: { key: 'notice.publish.missing', params: { fieldKey: 'notice.field.contact' } } });
    expect(checkNoticeDetails(DETAILS).ok).toBe(true);
  });

  it('counts the days left, the last day included', () => {
    expect(noticeState(DETAILS, '2026-10-31')).toEqual({ kind: 'notStarted', daysUntil: 1 });
    expect(noticeState(DETAILS, '2026-11-01')).toEqual({ kind: 'open', daysLeft: 31 });
    expect(noticeState(DETAILS, '2026-12-01')).toEqual({ kind: 'open', daysLeft: 1 });
    expect(noticeState(DETAILS, '2026-12-02')).toEqual({ kind: 'ended' });
  });
});

describe('publishNotice', { timeout: 60_000 }, () => {
  it('refuses a notice shorter than 30 days', async () => {
    expect(await publishNotice(input({ details: { ...DETAILS, endDate: '2026-11-20' } }))).toMatchObject({ ok: false, error: { key: 'notice.publish.tooShort' } });
  });

  it('refuses a plan with errors and says which rules, but lets warnings pass', async () => {
    const error = makeIssue('no-overlap', 'error', { key: 'x' });
    const warning = makeIssue('min-parcel-area', 'warning', { key: 'x' });
    const refused = await publishNotice(input({ issues: [error, error, makeIssue('inside-village', 'error', { key: 'x' }), warning] }));
    expect(refused).toMatchObject({ ok: false, error: { key: 'notice.publish.planHasErrors', params: { count: 3, rules: 'no-overlap (2), inside-village (1)' } } });
    expect((await publishNotice(input({ issues: [warning] }))).ok).toBe(true);
  });

  it('refuses a plan with neither a village boundary nor base parcels: the notice would have no map, every position null', async () => {
    // Changes drawn before the base parcels and the boundary were imported.
    const onlyChanges = planWith([feature('demolition', 'd1', rect(120, 30, 120.001, 30.001), { parcelNo: 'CJ1' })]);
    for (const unmapped of [emptyPlan(), onlyChanges]) {
      const checkedUnmapped = fullCheck(unmapped);
      const refused = await publishNotice(input({ plan: unmapped, issues: checkedUnmapped.issues, tables: checkedUnmapped.tables }));
      expect(refused).toMatchObject({ ok: false, error: { key: 'notice.publish.noVillageArea' } });
    }
  });

  it('makes one HTML file with a hash-based CSP, the payload unable to close its element', async () => {
    const hostile = { ...plan, meta: { ...plan.meta, villageName: '</script><script>alert(1)</script>村' } };
    const published = await publishNotice(input({ plan: hostile, template: TEMPLATE }));
    if (!published.ok) throw new Error(published.error.key);
    const html = new TextDecoder().decode(published.value.bytes);
    // The payload, the worker, MapLibre's half (both text/plain) and the first script.
    expect(html.match(/<script/g)?.length).toBe(4);
    expect(html).not.toContain('</script><script>alert');
    expect(html).toContain('document.title = "<\\/script>"');
    expect(html).toContain('var noticeMapCode = "<\\/script>"');
    await expect(publishNotice(input({ template: { script: 'x = "<!--"', mapScript: '', css: '', worker: '' } }))).rejects.toThrow('<!--');
    await expect(publishNotice(input({ template: { script: '', mapScript: 'x = "<!--"', css: '', worker: '' } }))).rejects.toThrow('<!--');
    await expect(publishNotice(input({ template: { script: '', mapScript: 'x = 1;\r\n', css: '', worker: '' } }))).rejects.toThrow('carriage return');
    // Both scripts by their hashes, nothing else.
    expect(published.value.contentSecurityPolicy).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-[A-Za-z0-9+/=]+'; worker-src blob:; connect-src blob:; img-src data:/);
    expect(published.value.payload.layers.base.length).toBe(Object.keys(plan.layers.base).length);
    const again = await publishNotice(input({ plan: hostile, template: TEMPLATE }));
    expect(again.ok && again.value.bytes).toEqual(published.value.bytes);
  });

  it('shows villagers the reviewer’s 耕地 figures: net of 田坎 in F1, F2 and F4 alike, the gross beside it', async () => {
    const published = await publishNotice(input());
    if (!published.ok) throw new Error(published.error.key);
    const { F1, F2, F4 } = published.value.payload.tables;
    const figure = (table: typeof F1, key: string, column: string) => (table.rows.find((r) => r.key === key)!.cells[column] as { value: number }).value;
    for (const [column, f4Row] of [['base', 'base'], ['target', 'target']] as const) {
      const net = figure(F1, 'cultivated', column);
      expect(net).toBe(figure(checked.tables.F1, 'cultivated', column));
      expect(figure(F2, 'cultivated', column)).toBe(net);
      expect(figure(F4, f4Row, 'area')).toBe(net);
      expect(figure(F4, f4Row, 'gross')).toBe(figure(F1, 'cultivatedGross', column));
      expect(figure(F1, 'cultivatedGross', column)).toBeGreaterThan(net);
    }
    expect(F1.footnotes.map((n) => n.key)).toContain('tables.F1.net');
  });
});
