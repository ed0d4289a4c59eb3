/** "导出备份": the open draft (as in memory, so it works when saving fails) to a file, at once. */
import { useCallback } from 'react';
import { exportDraftBackup } from '../../persist/session/backup-service.ts';
import { useServices } from '../services.tsx';
import { useDrafts } from './drafts-context.tsx';
import { downloadText } from '../download.ts';

export function useExportBackup(): () => Promise<void> {
  const { editor } = useServices();
  const { controller } = useDrafts();
  return useCallback(async () => {
    const backup = await exportDraftBackup(controller, editor);
    if (!backup.ok) {
      editor.messages.toast('error', backup.error);
      return;
    }
    downloadText(backup.value.fileName, backup.value.text);
    backup.notes.forEach((note) => editor.messages.toast('warning', note, { untilDismissed: true }));
    editor.messages.toast('success', { key: 'drafts.save.exported', params: { file: backup.value.fileName } });
  }, [controller, editor]);
}
