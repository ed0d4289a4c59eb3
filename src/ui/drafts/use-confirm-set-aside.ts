/**
 * Before a deliverable leaves the editor (the package, the notice, a named version): while records are
 * set aside, the planner is told which ones are missing from the plan and asked to go on or stop.
 */
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DraftQuarantine } from '../../persist/session/quarantine-service.ts';
import { formatMessage } from '../format.ts';
import { useDrafts } from './drafts-context.tsx';
import { describeSetAside } from './set-aside-label.ts';

export type GuardedAction = 'exportPackage' | 'publishNotice' | 'createVersion';

/** Names listed in the question; the rest are counted. */
const LISTED = 5;

export function confirmSetAside(i18n: I18n, quarantine: DraftQuarantine, action: GuardedAction): boolean {
  const pending = quarantine.pending();
  if (pending.length === 0) return true;
  const t = i18n.t.bind(i18n);
  const names = pending.slice(0, LISTED).map((record) => formatMessage(t, (k) => i18n.exists(k), describeSetAside(record)));
  const list = pending.length > LISTED ? `${names.join('；')}…` : names.join('；');
  return window.confirm(t('quarantine.confirm', { count: pending.length, list, action: t(`quarantine.action.${action}`) }));
}

export function useConfirmSetAside(): (action: GuardedAction) => boolean {
  const { i18n } = useTranslation();
  const { quarantine } = useDrafts();
  return (action) => confirmSetAside(i18n, quarantine, action);
}
