/** The notice text: what is posted, by whom, for how long, who to ask and how to object. */
import { el } from '../dom.ts';
import type { ViewerContext } from '../viewer-state.ts';
import { formatDate } from '../period.ts';

export function noticePanel(ctx: ViewerContext): HTMLElement {
  const t = ctx.t();
  const { model } = ctx;
  const { details, versionName } = model.payload;
  const row = (labelKey: string, value: string, testId: string) => el('div', { className: 'notice-row' }, el('dt', {}, t(labelKey)), el('dd', { attrs: { 'data-testid': testId } }, value));
  return el(
    'div',
    { className: 'panel-body notice-text' },
    ...(model.profile === 'zhejiang-2026'
      ? [el('p', {}, t('notice2026.text.intro', { village: model.payload.village.name, version: versionName })), model.payload.village.planPeriod ? el('p', {}, t('notice2026.text.period', { period: model.payload.village.planPeriod })) : null]
      : [el('p', {}, t('notice.text.intro', { village: model.payload.village.name, township: model.payload.village.township, baseYear: model.payload.village.baseYear, targetYear: model.payload.village.targetYear, version: versionName }))]),
    el(
      'dl',
      {},
      row('notice.field.period', t('notice.period.range', { start: formatDate(details.startDate, t), end: formatDate(details.endDate, t) }), 'notice-period'),
      row('notice.field.issuer', details.issuer, 'notice-issuer'),
      row('notice.field.contact', details.contact, 'notice-contact'),
      row('notice.field.howToObject', details.howToObject, 'notice-how'),
    ),
    el('p', { className: 'hint' }, t('notice.text.basis')),
  );
}
