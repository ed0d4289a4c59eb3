/**
 * Records set aside from the draft because they could not be read back. The status bar says how many are
 * still to decide for as long as there are any; the panel lists each one (what it was, what is wrong,
 * the raw record to save) and restores it, with the repairs it needs listed first, or discards it. Both
 * are undo steps.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { discardSetAside, restoreSetAside, salvageFeature } from '../../commands/set-aside.command.ts';
import { setAsideText, type SetAsideRecord } from '../../persist/quarantine.ts';
import { runCommand } from '../actions/action.ts';
import { Dialog } from '../dialog/Dialog.tsx';
import { downloadText } from '../download.ts';
import { formatMessage } from '../format.ts';
import { usePlanState, useServices } from '../services.tsx';
import { useQuarantine } from './drafts-context.tsx';
import { formatDateTime } from './format.ts';
import { describeSetAside } from './set-aside-label.ts';

export function QuarantineStatus() {
  const { t } = useTranslation();
  const count = useQuarantine((s) => s.records.filter((r) => r.state === 'pending').length);
  const [open, setOpen] = useState(false);
  if (count === 0 && !open) return null;
  return (
    <>
      {count > 0 ? (
        <button type="button" className="quarantine-status" data-testid="quarantine-status" title={t('quarantine.statusHint')} onClick={() => setOpen(true)}>
          ⚠ {t('quarantine.status', { count })}
        </button>
      ) : null}
      {open ? <QuarantinePanel onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function QuarantinePanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  // The whole list is selected (a stable reference): a filtered copy would be a new value on every read.
  const records = useQuarantine((s) => s.records);
  const pending = records.filter((r) => r.state === 'pending');
  return (
    <Dialog title={t('quarantine.title')} className="quarantine" testId="quarantine-panel" onClose={onClose}>
      <p className="hint">{t('quarantine.intro')}</p>
      {pending.length === 0 ? <p className="hint">{t('quarantine.empty')}</p> : null}
      <ul className="quarantine-list">
        {pending.map((record) => (
          <SetAsideRow key={record.id} record={record} />
        ))}
      </ul>
    </Dialog>
  );
}

function SetAsideRow({ record }: { record: SetAsideRecord }) {
  const { t, i18n } = useTranslation();
  const services = useServices();
  const readOnly = usePlanState((s) => s.readOnly);
  const plan = usePlanState((s) => s.plan);
  const format = (m: Parameters<typeof formatMessage>[2]) => formatMessage(t, (k) => i18n.exists(k), m);
  // Recomputed when the plan changes: whether the record's own id is still free decides a repair.
  const salvage = useMemo(() => (record.store === 'features' ? salvageFeature(services.editor.plan.context(), record) : null), [record, plan, services]);
  const what = format(describeSetAside(record));

  const restore = () => {
    if (runCommand(services, restoreSetAside(services.editor.plan.context(), record))) services.editor.messages.toast('success', { key: 'quarantine.restored', params: { what } });
  };
  const discard = () => {
    if (runCommand(services, discardSetAside(record))) services.editor.messages.toast('success', { key: 'quarantine.discarded', params: { what } });
  };
  const download = () => downloadText(`set-aside-${record.id}.json`, setAsideText(record));

  return (
    <li className="quarantine-row" data-set-aside={record.id}>
      <div className="quarantine-what">
        <strong>{what}</strong>
        <span className="hint"> · {t('quarantine.setAsideAt', { time: formatDateTime(record.at) })}</span>
      </div>
      <div className="quarantine-problem" title={record.problem}>
        {record.store !== 'features' ? <p>{t(`quarantine.problem.${record.store}`)}</p> : null}
        {salvage && !salvage.ok ? <p className="field-error">{format(salvage.error)}</p> : null}
        {salvage?.ok && salvage.value.repairs.length === 0 ? <p>{t('quarantine.problem.asIs')}</p> : null}
        {salvage?.ok && salvage.value.repairs.length > 0 ? (
          <>
            <p>{t('quarantine.repairsIntro')}</p>
            <ul className="quarantine-repairs">
              {salvage.value.repairs.map((repair, i) => (
                <li key={i}>{format(repair)}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      {readOnly ? <p className="hint">{t('quarantine.readOnly')}</p> : null}
      <div className="version-actions">
        <button type="button" className="mini-button" data-action="download-set-aside" onClick={download}>
          {t('quarantine.download')}
        </button>
        {salvage?.ok ? (
          <button type="button" className="mini-button primary" data-action="restore-set-aside" disabled={readOnly !== null} onClick={restore}>
            {salvage.value.repairs.length ? t('quarantine.repairRestore') : t('quarantine.restore')}
          </button>
        ) : null}
        <button type="button" className="mini-button" data-action="discard-set-aside" disabled={readOnly !== null} onClick={discard}>
          {t('quarantine.discard')}
        </button>
      </div>
    </li>
  );
}
