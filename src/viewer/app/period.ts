/** The notice period as villagers read it: dates in their language, and the days left or "公示已结束". */
import type { Message } from '../../domain/message.ts';
import type { Translate } from '../../rules/render.ts';
import { noticeState, type NoticeDetails } from '../publish/notice-details.ts';

export function formatDate(date: string, t: Translate): string {
  const [y, m, d] = date.split('-').map(Number);
  return t('notice.date', { y, m, d, iso: date });
}

export function periodMessage(details: NoticeDetails, today: string): Message {
  const state = noticeState(details, today);
  if (state.kind === 'notStarted') return { key: 'notice.period.notStarted', params: { days: state.daysUntil } };
  if (state.kind === 'ended') return { key: 'notice.period.ended' };
  return state.daysLeft === 1 ? { key: 'notice.period.lastDay' } : { key: 'notice.period.daysLeft', params: { days: state.daysLeft } };
}
