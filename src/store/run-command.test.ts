// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../commands/command.ts';
import { setAttribute } from '../commands/set-attributes.command.ts';
import type { FeatureId } from '../domain/ids.ts';
import type { Message } from '../domain/message.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { createEditor } from './editor.ts';
import { runCommand } from './run-command.ts';

describe('runCommand: the one edit policy', () => {
  const ids = ['a', 'b'] as FeatureId[];
  const fresh = () => createEditor(planWith(ids.map((id) => feature('newBuild', id, rect(120, 30, 120.001, 30.001), { note: '' }))), undefined);

  it('selects what the command asks to and shows its notes, as warnings by default or as news', () => {
    const editor = fresh();
    const edit = setAttribute(editor.plan.context(), ids, 'note', '待核实');
    if (!edit.ok) throw new Error('edit refused');
    const note: Message = { key: 'commands.add.clippedToBoundary' };
    const withExtras: CommandResult = { ...edit, select: ['b' as FeatureId], notes: [note] };
    expect(runCommand(editor, withExtras).ok).toBe(true);
    expect(editor.selection.getState().ids).toEqual(['b']);
    expect(editor.messages.getState().toasts.at(-1)).toMatchObject({ level: 'warning', message: note });
    const again = setAttribute(editor.plan.context(), ids, 'note', '已核实');
    if (!again.ok) throw new Error('edit refused');
    runCommand(editor, { ...again, notes: [note] }, { notesAs: 'success' });
    expect(editor.messages.getState().toasts.at(-1)).toMatchObject({ level: 'success', message: note });
  });

  it('says a refusal where the caller shows it, or as an error toast, and changes nothing', () => {
    const editor = fresh();
    const refusal: CommandResult = { ok: false, error: { key: 'commands.split.noCrossing' } };
    const said: Message[] = [];
    expect(runCommand(editor, refusal, { onRefused: (m) => said.push(m) }).ok).toBe(false);
    expect(said).toEqual([{ key: 'commands.split.noCrossing' }]);
    expect(editor.messages.getState().toasts).toEqual([]);
    expect(runCommand(editor, refusal).ok).toBe(false);
    expect(editor.messages.getState().toasts.at(-1)).toMatchObject({ level: 'error', message: { key: 'commands.split.noCrossing' } });
    expect(editor.plan.getState().version).toBe(0);
  });

  it('a read-only plan refuses a valid edit with its own reason, and nothing is selected', () => {
    const editor = fresh();
    const reason = { key: 'drafts.tabs.readOnly' };
    editor.plan.setReadOnly(reason);
    const edit = setAttribute(editor.plan.context(), ids, 'note', '待核实');
    if (!edit.ok) throw new Error('edit refused');
    const said: Message[] = [];
    expect(runCommand(editor, { ...edit, select: ['a' as FeatureId] }, { onRefused: (m) => said.push(m) }).ok).toBe(false);
    expect(said).toEqual([reason]);
    expect(editor.selection.getState().ids).toEqual([]);
  });
});
