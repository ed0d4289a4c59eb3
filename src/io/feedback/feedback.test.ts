import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { samplePlan } from '../../../tests/e2e/support/notice.ts';
import { asFeatureId } from '../../domain/ids.ts';
import { applyPatch } from '../../domain/patch.ts';
import { resolveProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { PlanIndex } from '../../geo/plan-index.ts';
import { createI18n } from '../../i18n/index.ts';
import { answerFeedback, importFeedback } from './feedback-commands.ts';
import { parseFeedbackFile, writeFeedbackFile, type FeedbackBundle, type VillagerComment } from './feedback-file.ts';
import { base45Decode, base45Encode, parseQrText, writeQrText } from './qr-text.ts';
import { registerXlsx } from './register-xlsx.ts';

const plan = samplePlan();
const ctx = (p = plan) => ({ plan: p, profile: resolveProfile(p.meta.profileId, p.meta.profileOverrides), index: PlanIndex.build(p) });
const comment = (id: string, text = '请保留老樟树'): VillagerComment => ({ id, createdAt: '2026-11-05T09:00:00.000Z', at: [120.749, 30.455], targetFeatureId: null, comment: text, author: null, phone: null });
const bundle = (comments: VillagerComment[], planId: string = plan.id): FeedbackBundle => ({ planId, noticeId: 'abc123', village: '沈家埭村', comments });

describe('feedback files', () => {
  it('round-trip, and a changed or cut file is refused', () => {
    const text = writeFeedbackFile(bundle([comment('a1', '<script>alert(1)</script>'), comment('a2')]), '2026-11-06T00:00:00Z');
    expect(parseFeedbackFile(text)).toMatchObject({ ok: true, value: { comments: [{ comment: '<script>alert(1)</script>' }, { id: 'a2' }] } });
    expect(parseFeedbackFile(text.replace('老樟树', '老柳树'))).toMatchObject({ ok: false, error: { key: 'notice.feedback.corrupt', params: { reason: 'checksum' } } });
    expect(parseFeedbackFile(text.slice(0, 100))).toMatchObject({ ok: false, error: { key: 'notice.feedback.corrupt' } });
    expect(parseFeedbackFile('{"format":"village-plan"}')).toMatchObject({ ok: false, error: { key: 'notice.feedback.notFeedback' } });
    const polluting = writeFeedbackFile(bundle([comment('__proto__')]), '2026-11-06T00:00:00Z');
    expect(parseFeedbackFile(polluting)).toMatchObject({ ok: false, error: { key: 'notice.feedback.corrupt' } });
  });

  it('Base45 follows RFC 9285, and QR text survives chat text around it', () => {
    const enc = (s: string) => base45Encode(new TextEncoder().encode(s));
    expect([enc('AB'), enc('Hello!!'), enc('base-45')]).toEqual(['BB8', '%69 VD92EX0', 'UJCLQE7W581']);
    expect(new TextDecoder().decode(base45Decode('QED8WEX0') ?? undefined)).toBe('ietf!');
    const qr = writeQrText(bundle([comment('q1', '意见 with spaces  ')]));
    expect(qr).toMatch(/^VPFB1:[0-9A-Z $%*+\-./:]+:$/);
    expect(parseQrText(`转发：${qr}\n谢谢`)).toMatchObject({ ok: true, value: { comments: [{ comment: '意见 with spaces  ' }] } });
    expect(parseQrText(qr.slice(0, -5) + 'AAAA:')).toMatchObject({ ok: false, error: { key: 'notice.feedback.corrupt' } });
  });
});

describe('importing and answering', () => {
  it('adds new comments as GSYJ points, skips repeated ones, refuses another plan', () => {
    const first = importFeedback(ctx(), bundle([comment('a1'), comment('a2')]));
    if (!first.ok) throw new Error(first.error.key);
    expect(first.patch.features.map((c) => c.layer)).toEqual(['feedback', 'feedback']);
    const after = applyPatch(plan, first.patch).plan;
    const again = importFeedback(ctx(after), bundle([comment('a1'), comment('a2'), comment('a3')]));
    expect(again.ok && again.notes?.map((n) => n.key)).toEqual(['notice.feedback.imported', 'notice.feedback.someSkipped']);
    expect(importFeedback(ctx(after), bundle([comment('a1')]))).toMatchObject({ ok: false, error: { key: 'notice.feedback.allImported', params: { count: 1 } } });
    expect(importFeedback(ctx(), bundle([comment('a1')], 'other-plan'))).toMatchObject({ ok: false, error: { key: 'notice.feedback.otherPlan' } });
  });

  it('needs a reason to reject, and writes the register with Chinese headers', async () => {
    const imported = importFeedback(ctx(), bundle([comment('a1', '=1+1 不是公式'), comment('a2')]));
    if (!imported.ok) throw new Error(imported.error.key);
    let current = applyPatch(plan, imported.patch).plan;
    expect(answerFeedback(ctx(current), asFeatureId('a1'), 'rejected', ' ')).toMatchObject({ ok: false, error: { key: 'notice.feedback.reasonNeeded' } });
    const answered = answerFeedback(ctx(current), asFeatureId('a1'), 'rejected', '不符合规划');
    if (!answered.ok) throw new Error(answered.error.key);
    current = applyPatch(current, answered.patch).plan;
    const i18n = createI18n('zh-CN');
    const bytes = await registerXlsx(current, (k, p) => i18n.t(k, p ?? {}));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell(3, 6).value).toBe('意见内容');
    expect(sheet?.getCell(4, 6).value).toBe('=1+1 不是公式');
    expect(sheet?.getCell(4, 7).value).toBe('不采纳');
    expect(sheet?.getCell(5, 7).value).toBe('未处理');
    expect(sheet?.getCell(2, 1).value).toBe('共收到意见 2 条，已处理 1 条。');
    // Sent at 09:00 UTC: 17:00 in the village.
    expect(sheet?.getCell(4, 2).value).toBe('2026-11-05 17:00');
  });

  it('writes the same register bytes whenever it is written', async () => {
    const i18n = createI18n('zh-CN');
    const write = async (at: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(at));
      try {
        return await registerXlsx(plan, (k, p) => i18n.t(k, p ?? {}));
      } finally {
        vi.useRealTimers();
      }
    };
    expect(await write('2026-11-06T08:00:00Z')).toEqual(await write('2026-12-01T17:30:59Z'));
  });
});
