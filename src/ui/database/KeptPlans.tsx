/** The 2026 plans kept on this computer, on the start page: each opens to edit (`?db=<id>`) or is deleted (asked first). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../domain/message.ts';
import { openDatabaseDrafts, type DatabaseDraftMeta } from '../../persist/database-drafts.ts';
import { formatMessage } from '../format.ts';
import { keptPlanUrl } from '../drafts/start-route.ts';

export function KeptPlans() {
  const { t, i18n } = useTranslation();
  const [plans, setPlans] = useState<readonly DatabaseDraftMeta[] | null>(null);
  const [problem, setProblem] = useState<Message | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void openDatabaseDrafts().then(async (opened) => {
      const listed = opened.ok ? await opened.value.list() : opened;
      if (opened.ok) opened.value.close();
      if (!live) return;
      if (listed.ok) setPlans(listed.value);
      else setProblem(listed.error);
    });
    return () => {
      live = false;
    };
  }, [version]);
  const remove = (plan: DatabaseDraftMeta) => {
    if (!window.confirm(t('database.start.deleteConfirm', { name: plan.name }))) return;
    void openDatabaseDrafts().then(async (opened) => {
      const removed = opened.ok ? await opened.value.remove(plan.id) : opened;
      if (opened.ok) opened.value.close();
      if (!removed.ok) setProblem(removed.error);
      setVersion((v) => v + 1);
    });
  };
  return (
    <div className="kept-plans" data-testid="kept-plans">
      <h3>{t('database.start.kept')}</h3>
      {problem ? <p className="notice error" role="alert">{formatMessage(t, (k) => i18n.exists(k), problem)}</p> : null}
      {plans && plans.length === 0 ? <p className="hint">{t('database.start.keptNone')}</p> : null}
      <ul>
        {(plans ?? []).map((plan) => (
          <li key={plan.id} data-kept={plan.id}>
            <a href={keptPlanUrl(plan.id)} data-action="open-kept">
              {plan.name}
            </a>{' '}
            <span className="muted">{t('database.start.updated', { date: new Date(plan.updatedAt).toLocaleString(i18n.language), parcels: plan.parcels })}</span>{' '}
            <button type="button" className="link" data-action="delete-kept" onClick={() => remove(plan)}>
              {t('database.start.delete')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
