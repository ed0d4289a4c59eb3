// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { shortcutMatches } from './keyboard.ts';

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
