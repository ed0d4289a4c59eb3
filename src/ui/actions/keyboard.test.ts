// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { FeatureId } from '../../domain/ids.ts';
import { feature, planWith, rect } from '../../domain/test-support.ts';
import { createEditor } from '../../store/editor.ts';
import { actionForKey, shortcutMatches } from './keyboard.ts';
import { testServices } from './test-support.ts';

const key = (k: string, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'shiftKey' | 'metaKey'>> = {}) =>
  ({ key: k, ctrlKey: false, shiftKey: false, metaKey: false, ...mods }) as KeyboardEvent;

describe('shortcut matching', () => {
  it('matches named keys whatever their case', () => {
    expect(shortcutMatches({ key: 'Escape' }, key('Escape'))).toBe(true);
    expect(shortcutMatches({ key: 'Delete' }, key('Delete'))).toBe(true);
    expect(shortcutMatches({ key: 'F1' }, key('F1'))).toBe(true);
  });

  it('tells Ctrl+Z from Ctrl+Shift+Z, and takes Cmd for Ctrl', () => {
    expect(shortcutMatches({ key: 'z', ctrl: true }, key('z', { ctrlKey: true }))).toBe(true);
    expect(shortcutMatches({ key: 'z', ctrl: true }, key('Z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(shortcutMatches({ key: 'z', ctrl: true, shift: true }, key('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(shortcutMatches({ key: 'z', ctrl: true }, key('z', { metaKey: true }))).toBe(true);
  });

  it('ignores Shift for characters Shift produces ("?")', () => {
    expect(shortcutMatches({ key: '?', shift: true }, key('?', { shiftKey: true }))).toBe(true);
    expect(shortcutMatches({ key: '?', shift: true }, key('?'))).toBe(true);
  });

  it('does not fire a plain-letter tool on Ctrl+letter', () => {
    expect(shortcutMatches({ key: 'v' }, key('v', { ctrlKey: true }))).toBe(false);
  });
});

describe('the action a key runs', () => {
  const editor = createEditor(planWith([feature('newBuild', 'a', rect(120, 30, 120.001, 30.001))]), undefined);
  const services = testServices(editor);

  it('Backspace and Delete take back a measure point in the measure tool, and delete the selection elsewhere', () => {
    editor.selection.set(['a' as FeatureId]);
    expect(actionForKey(key('Backspace'), services)?.id).toBe('delete');
    expect(actionForKey(key('Delete'), services)?.id).toBe('delete');
    editor.tool.setTool({ kind: 'measure' });
    expect(actionForKey(key('Backspace'), services)?.id).toBe('measure.removePoint');
    expect(actionForKey(key('Delete'), services)?.id).toBe('measure.removePoint');
    expect(actionForKey(key('Enter'), services)?.id).toBe('measure.finish');
    editor.tool.setTool({ kind: 'select' });
    expect(actionForKey(key('Enter'), services)).toBeUndefined();
  });

  it('R starts the measure tool', () => {
    expect(actionForKey(key('r'), services)?.id).toBe('tool.measure');
  });

  it('Ctrl+O opens the import dialog, as in QGIS and ArcGIS; O alone does nothing', () => {
    expect(actionForKey(key('o', { ctrlKey: true }), services)?.id).toBe('import');
    expect(actionForKey(key('o'), services)).toBeUndefined();
  });
});
