/**
 * 发布公示… in the 2026 database view: the notice of a 村庄规划 for villagers' phones, made as a 2017 plan's
 * is (the same details form, 30-day rule, refusal listing and single HTML file, ui/notice/PublishPieces.tsx),
 * from the plan as the view shows it and the checks and tables the view has computed. The viewer template
 * and the publishing code load only when a planner publishes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseSession } from '../../app/database-session.ts';
import { Dialog } from '../dialog/Dialog.tsx';
import { NoticeDetailsFields, PublishStatusLine, useNoticeDetails, usePublishStatus, withRuleNames } from '../notice/PublishPieces.tsx';

function PublishDialog({ session, name, onClose }: { session: DatabaseSession; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useNoticeDetails('');
  const [versionName, setVersionName] = useState(() => t('notice2026.ui.defaultVersion'));
  const { status, setStatus, delivered } = usePublishStatus();

  const publish = async () => {
    if (!form.checked.ok) return setStatus({ kind: 'failed', message: form.checked.error });
    const { database, check, tables, draft, source } = session.store.getState();
    if (!database || !check || !tables) return setStatus({ kind: 'failed', message: { key: 'notice2026.ui.notChecked' } });
    setStatus({ kind: 'working' });
    const [{ default: template }, { publishDatabaseNotice, villageNameOf }] = await Promise.all([import('virtual:notice-template'), import('../../viewer/publish/publish-notice-2026.ts')]);
    const published = await publishDatabaseNotice({
      database,
      planId: draft?.id ?? source,
      villageName: villageNameOf(database, name),
      versionName,
      details: form.checked.value,
      check,
      tables,
      template,
      publishedAt: new Date().toISOString(),
    });
    if (!published.ok) return setStatus({ kind: 'failed', message: withRuleNames(published.error, (id) => t(`rules.db.${id}.name`)) });
    delivered(published.value.fileName, published.value.bytes);
  };

  return (
    <Dialog
      title={t('notice2026.ui.title')}
      className="notice-dialog"
      testId="publish-database-notice"
      onClose={onClose}
      footer={
        <button type="button" className="primary" data-action="publish-notice" disabled={!form.checked.ok || !versionName.trim() || status.kind === 'working'} onClick={() => void publish()}>
          {t('notice.ui.publish')}
        </button>
      }
    >
      <p className="hint">{t('notice2026.ui.hint')}</p>
      <label className="notice-field">
        <span>{t('notice2026.ui.versionName')}</span>
        <input type="text" value={versionName} data-field="versionName" maxLength={100} onChange={(e) => setVersionName(e.target.value)} />
      </label>
      <NoticeDetailsFields form={form} />
      <PublishStatusLine status={status} />
    </Dialog>
  );
}

export function PublishDatabaseNotice({ session, name }: { session: DatabaseSession; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="tool-button" data-action="publish-database-notice" title={t('notice2026.ui.openHint')} onClick={() => setOpen(true)}>
        {t('notice2026.ui.open')}
      </button>
      {open ? <PublishDialog session={session} name={name} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
