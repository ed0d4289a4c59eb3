// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { planWith } from '../../domain/test-support.ts';
import { createEditor } from '../../store/editor.ts';
import { shortcutLabel } from './action.ts';
import { ACTION_GROUPS, ACTIONS, actionById } from './index.ts';
import { testServices } from './test-support.ts';

describe('the action list', () => {
  it('holds each action once, under one help group', () => {
    const ids = ACTION_GROUPS.flatMap((group) => group.actions.map((action) => action.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ACTIONS.map((action) => action.id)).toEqual(ids);
  });

  it('binds no key the browser keeps for itself (new window, new tab, close tab)', () => {
    const reserved = ['Ctrl+N', 'Ctrl+Shift+N', 'Ctrl+T', 'Ctrl+Shift+T', 'Ctrl+W', 'Ctrl+Shift+W'];
    const bound = ACTIONS.flatMap((action) => action.shortcuts.map(shortcutLabel));
    expect(bound.filter((label) => reserved.includes(label))).toEqual([]);
  });

  it('lists the toolbar menus’ commands: 文件, 公示 and the app settings', () => {
    const group = (id: string) => ACTION_GROUPS.find((g) => g.id === id)?.actions.map((action) => action.id);
    expect(group('file')).toEqual(['import', 'export-package', 'export-dxf', 'convert-2026']);
    expect(group('notice')).toEqual(['open-publish-notice', 'open-feedback', 'open-print']);
    expect(group('app')).toEqual(['basemap', 'language', 'help', 'escape']);
  });
});

describe('the menus’ dialogs', () => {
  const editor = createEditor(planWith([]), undefined);
  const services = testServices(editor);

  it('open one at a time in the ui store', () => {
    actionById('import').run(services);
    expect(editor.ui.getState().dialog).toEqual({ kind: 'import', files: null });
    actionById('open-print').run(services);
    expect(editor.ui.getState().dialog).toEqual({ kind: 'print' });
    for (const [id, kind] of [['basemap', 'basemap'], ['open-publish-notice', 'publish'], ['open-feedback', 'feedback']] as const) {
      actionById(id).run(services);
      expect(editor.ui.getState().dialog).toEqual({ kind });
    }
  });

  it('are not remembered as preferences', () => {
    const storage = new Map<string, string>();
    const local = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) } as Storage;
    const withStorage = createEditor(planWith([]), local);
    withStorage.ui.setDialog({ kind: 'basemap' });
    expect(storage.size).toBe(1);
    expect([...storage.values()].join()).not.toContain('dialog');
  });
});
