// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { ioWorkers, type IoLink, type Settled } from '../../app/io-client.ts';
import { failure, success } from '../../domain/message.ts';
import { planWith } from '../../domain/test-support.ts';
import { createEditor } from '../../store/editor.ts';
import { createExports } from './exports.ts';

/** An io link whose DXF export runs until the test settles it; cancelling settles it as cancelled. */
function fakeIo() {
  const jobs: { progress: (share: number) => void; settle: (result: Settled<Uint8Array>) => void }[] = [];
  const io: IoLink = {
    ...ioWorkers,
    exportDxf: (_plan, progress) => {
      let settle: (result: Settled<Uint8Array>) => void = () => {};
      const done = new Promise<Settled<Uint8Array>>((resolve) => (settle = resolve));
      jobs.push({ progress, settle });
      return { done, cancel: () => settle({ ok: false, cancelled: true }) };
    },
  };
  return { io, jobs };
}

function setUp(confirm = () => true) {
  const editor = createEditor(planWith([]), undefined);
  const { io, jobs } = fakeIo();
  const download = vi.fn();
  const exports = createExports({ editor, io, confirm, describe: (error) => error.key, download });
  const lastToast = () => editor.messages.getState().toasts.at(-1);
  return { editor, jobs, download, exports, lastToast };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the 文件 menu’s exports', () => {
  it('shows the progress while the export runs, then downloads the drawing (测试村 → 测试村土地利用规划.dxf)', async () => {
    const { editor, jobs, download, exports, lastToast } = setUp();
    const done = exports.toggle('dxf');
    await tick();
    expect(editor.ui.getState().exporting).toEqual({ dxf: 0 });
    jobs[0]?.progress(0.5);
    expect(editor.ui.getState().exporting).toEqual({ dxf: 0.5 });
    jobs[0]?.settle(success(new Uint8Array([1])));
    await done;
    expect(editor.ui.getState().exporting).toEqual({});
    expect(download).toHaveBeenCalledWith('测试村土地利用规划.dxf', new Uint8Array([1]), 'application/dxf');
    expect(lastToast()).toMatchObject({ level: 'success', message: { key: 'io.ui.exportedDxf' } });
  });

  it('cancels the running export when chosen again', async () => {
    const { editor, jobs, download, exports, lastToast } = setUp();
    const done = exports.toggle('dxf');
    await tick();
    await exports.toggle('dxf');
    await done;
    expect(jobs).toHaveLength(1);
    expect(editor.ui.getState().exporting).toEqual({});
    expect(download).not.toHaveBeenCalled();
    expect(lastToast()).toMatchObject({ level: 'info', message: { key: 'io.ui.exportCancelled' } });
  });

  it('says why it failed', async () => {
    const { jobs, exports, lastToast } = setUp();
    const done = exports.toggle('dxf');
    await tick();
    jobs[0]?.settle(failure('io.dxf.writeFailed'));
    await done;
    expect(lastToast()).toMatchObject({ level: 'error', message: { key: 'io.ui.exportDxfFailed', params: { reason: 'io.dxf.writeFailed' } } });
  });

  it('starts nothing when the planner stops at the set-aside records', async () => {
    const { editor, jobs, exports } = setUp(() => false);
    await exports.toggle('dxf');
    expect(jobs).toHaveLength(0);
    expect(editor.ui.getState().exporting).toEqual({});
  });
});
