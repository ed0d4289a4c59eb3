/**
 * The two exports of the 文件 menu outside React, so that they are actions like the others: the delivery
 * package (one zip) and the CAD drawing, each written in the io worker and downloaded. `toggle` starts an
 * export, or cancels it while it runs; its progress (0–1) is the ui store's `exporting`, which the menu and
 * the 取消 button beside it show.
 */
import type { IoJob, IoLink } from '../../app/io-client.ts';
import type { Message } from '../../domain/message.ts';
import type { Plan } from '../../domain/plan.ts';
import type { Editor } from '../../store/editor.ts';
import type { ExportKind } from '../../store/ui.store.ts';
import { downloadBytes } from '../download.ts';
import type { GuardedAction } from '../drafts/use-confirm-set-aside.ts';
import { printFonts } from '../notice/print-fonts.ts';

export interface ExportsDeps {
  readonly editor: Editor;
  readonly io: IoLink;
  /** Asks the planner whether to go on while records are set aside (use-confirm-set-aside.ts). */
  readonly confirm: (action: GuardedAction) => boolean;
  /** A failure's reason in the planner's language, for the toast. */
  readonly describe: (error: Message) => string;
  readonly download?: typeof downloadBytes;
}

export interface Exports {
  toggle(kind: ExportKind): Promise<void>;
}

interface Written {
  readonly failedKey: string;
  readonly doneKey: string;
  readonly fileName: (village: string) => string;
  readonly type: string;
}

const WRITTEN: Record<ExportKind, Written> = {
  package: {
    failedKey: 'io.ui.exportFailed',
    doneKey: 'io.ui.exported',
    fileName: (village) => `${village}村土地利用规划成果包.zip`,
    type: 'application/zip',
  },
  dxf: { failedKey: 'io.ui.exportDxfFailed', doneKey: 'io.ui.exportedDxf', fileName: (village) => `${village}村土地利用规划.dxf`, type: 'application/dxf' },
};

export function createExports({ editor, io, confirm, describe, download = downloadBytes }: ExportsDeps): Exports {
  const jobs: Partial<Record<ExportKind, IoJob<Uint8Array>>> = {};

  const start = async (kind: ExportKind, plan: Plan): Promise<IoJob<Uint8Array>> => {
    const progress = (share: number) => editor.ui.setExportProgress(kind, share);
    if (kind === 'dxf') return io.exportDxf(plan, progress);
    // The maps of 4.图像文件 need the print font; without it (offline before it was ever cached) the
    // package is still written, its note saying how to add them.
    const fonts = await printFonts().catch(() => null);
    return io.exportPackage(plan, 'gbk', fonts, progress);
  };

  return {
    async toggle(kind) {
      const running = jobs[kind];
      if (running) return running.cancel();
      if (editor.ui.getState().exporting[kind] !== undefined) return; // still reading the print font
      if (!confirm('exportPackage')) return;
      const plan = editor.plan.getState().plan;
      editor.ui.setExportProgress(kind, 0);
      const job = await start(kind, plan);
      jobs[kind] = job;
      const result = await job.done;
      delete jobs[kind];
      editor.ui.setExportProgress(kind, null);
      const written = WRITTEN[kind];
      if ('cancelled' in result) return void editor.messages.toast('info', { key: 'io.ui.exportCancelled' });
      if (!result.ok) return void editor.messages.toast('error', { key: written.failedKey, params: { reason: describe(result.error) } });
      const name = written.fileName(plan.meta.villageName || 'village').replace(/村村/, '村');
      download(name, result.value, written.type);
      editor.messages.toast('success', { key: written.doneKey, params: { file: name } });
    },
  };
}
